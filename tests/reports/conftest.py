from __future__ import annotations

from datetime import date

import pytest

from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference
from lienket.trade import services

DATED = date(2025, 3, 1)


@pytest.fixture(scope="session")
def report_trade_root(tmp_path_factory):
    """A small fictional demo store for 2021-2022 (built once)."""
    root = tmp_path_factory.mktemp("report-trade")
    store = TradeStore(root, reference=trade_reference())
    services.load_reference(store)
    services.load_demo(store, years=range(2021, 2023), n_countries=16, n_products=300)
    return root


@pytest.fixture
def demo(settings, report_trade_root, registry, vn_focal, la_focal):
    """Everything a report reads: the registry, cited and demo projects, the cooperation demo,
    the published figures lienket ships and a fictional trade store."""
    from lienket.cooperation import demo as coop_demo
    from lienket.projects import demo as project_demo
    from lienket.projects import reference
    from lienket.trade.figures import load_bundled

    settings.LIENKET_TRADE_DIR = report_trade_root
    load_bundled()
    reference.load()
    return {"projects": project_demo.load(), "coop": coop_demo.load()}
