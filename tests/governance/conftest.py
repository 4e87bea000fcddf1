"""The Committee's tests read trade only from what each test enters: an empty store of their
own, never ``var/trade`` (which another test or a demo may have filled)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _empty_trade_store(settings: Any, tmp_path: Any) -> None:
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"
