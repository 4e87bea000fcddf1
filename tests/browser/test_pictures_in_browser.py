"""The pictures in Chromium at 1366 px: the chain graph, the treemaps and the map (screenshots
kept as test artefacts for a person to look at), and no page wider than the window."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lienket.refdata import trade_reference
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTEFACTS = Path(os.environ.get("LIENKET_TEST_ARTEFACTS", "var/test-artefacts"))
WIDTH = 1366


@pytest.fixture
def demo(zones, settings, tmp_path):
    from lienket.engine.trade.store import TradeStore
    from lienket.registry.demo import load_demo
    from lienket.trade import services

    root = tmp_path / "trade"
    store = TradeStore(root, reference=trade_reference())
    services.load_reference(store)
    services.load_demo(store, years=range(2022, 2024), n_countries=16, n_products=300)
    settings.LIENKET_TRADE_DIR = root
    load_demo()


def login(page, url, user, lang="vi"):
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": url}])
    page.set_viewport_size({"width": WIDTH, "height": 900})
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(re.escape(url) + r"/(on-target/)?$"))  # where the role lands


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def test_the_pictures_render_and_fit_at_1366_px(page, live_server, demo, reader):
    url = live_server.url
    login(page, url, reader)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{url}/chains/materials/")
    graph = page.locator("svg.chain-graph")
    assert graph.locator("circle.firm, g.cell").count() > 0
    box = graph.bounding_box()
    assert box and box["width"] <= WIDTH
    graph.screenshot(path=str(ARTEFACTS / "chain-graph-vi-1366.png"))
    assert overflow(page) == 0

    page.goto(f"{url}/trade/")
    maps = page.locator("svg.treemap")
    assert maps.count() == 2
    assert maps.first.locator("g.tile").count() > 3
    maps.first.screenshot(path=str(ARTEFACTS / "treemap-vi-1366.png"))
    assert "tỷ" in page.inner_text("main") or "triệu" in page.inner_text("main")
    assert overflow(page) == 0

    page.goto(f"{url}/trade/advantage/")
    assert page.locator("svg.product-space circle.product").count() > 10
    assert page.locator("nav.pager").count() == 1
    assert overflow(page) == 0


def test_the_map_has_the_archipelagos_layers_zoom_and_a_legend(page, live_server, demo, reader):
    url = live_server.url
    login(page, url, reader)
    page.click("header nav >> text=Bản đồ")
    page.wait_for_selector("#leaflet-map[data-ready='1']")
    text = page.inner_text("#leaflet-map")
    assert "Quần đảo Hoàng Sa" in text and "Quần đảo Trường Sa" in text and "Biển Đông" in text
    assert "Chú giải" in text  # the legend
    assert page.locator(".leaflet-control-layers-overlays label").count() >= 4
    assert page.locator(".province-label").first.is_hidden()  # names appear when zoomed in
    for _ in range(4):
        page.click(".leaflet-control-zoom-in")
        page.wait_for_timeout(350)
    assert page.locator("#leaflet-map.show-province-labels").count() == 1
    page.screenshot(path=str(ARTEFACTS / "map-vi-1366.png"))
    assert overflow(page) == 0

    page.goto(f"{url}/routes/?from=zone:savan-seno&to=port:danang&weight=usd")
    page.wait_for_selector("#leaflet-map[data-ready='1']")
    assert page.locator("path.leaflet-interactive[stroke='#d35400'][fill='none']").count() == 1
    page.screenshot(path=str(ARTEFACTS / "route-vi-1366.png"))


PAGES = ("/", "/enterprises/", "/zones/", "/relationships/", "/chains/", "/pilots/", "/routes/",
         "/map/", "/trade/", "/trade/advantage/", "/trade/opportunities/", "/trade/sectors/",
         "/trade/figures/", "/trade/data/", "/projects/", "/projects/monitoring/",
         "/projects/power/", "/cooperation/", "/reports/", "/audit/", "/hs/lao/")  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_no_page_is_wider_than_1366_px(page, live_server, demo, steward, lang):
    url = live_server.url
    login(page, url, steward, lang)
    wide = {}
    for path in PAGES:
        page.goto(f"{url}{path}")
        if (extra := overflow(page)) > 0:
            wide[path] = extra
    assert wide == {}
