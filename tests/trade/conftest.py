from __future__ import annotations

import pytest

from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference
from lienket.trade import services


@pytest.fixture(scope="session")
def trade_root(tmp_path_factory):
    """A store with the real 2017 world matrix and a small fictional demo (built once)."""
    root = tmp_path_factory.mktemp("trade")
    store = TradeStore(root, reference=trade_reference())
    services.load_reference(store)
    services.load_demo(store, years=range(2022, 2024), n_countries=16, n_products=300)
    return root


@pytest.fixture
def trade_store(settings, trade_root):
    settings.LIENKET_TRADE_DIR = trade_root
    return TradeStore(trade_root, reference=trade_reference())


@pytest.fixture
def empty_store(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "empty"
    return TradeStore(tmp_path / "empty", reference=trade_reference())


@pytest.fixture(autouse=True)
def published_figures(request):
    """The published figures lienket ships, loaded as `lienket setup` does (database tests)."""
    if not request.node.get_closest_marker("django_db"):
        return
    from lienket.trade.figures import load_bundled

    load_bundled()


@pytest.fixture
def clean(settings, tmp_path):
    """No published figure and an empty store: each test enters its own figures."""
    from lienket.trade.models import PublishedFigure

    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    PublishedFigure.objects.all().delete()
    return tmp_path
