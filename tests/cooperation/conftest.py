"""The cooperation demo on a real database, with the focal points' logins linked."""

from datetime import date

import pytest

from lienket.cooperation import demo

#: the day the demo is read on
ON = date(2025, 12, 1)


@pytest.fixture
def coop(registry, vn_focal, la_focal):
    return demo.load()
