"""Projects on a real database: the cited rows, and the seeded fictional portfolio."""

from datetime import date

import pytest

from lienket.projects import demo, reference

#: the day the demo's figures are read on (its data reach the end of October 2026)
AS_OF = date(2026, 11, 23)


@pytest.fixture
def cited(db):
    return reference.load()


@pytest.fixture
def portfolio(cited, registry):
    return demo.load()
