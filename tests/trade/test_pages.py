"""Trade pages, downloads and API over a real 2017 matrix and a small fictional demo."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

PAGES = ["/trade/", "/trade/advantage/", "/trade/opportunities/", "/trade/sectors/", "/trade/data/"]


@pytest.mark.parametrize("page", PAGES)
def test_trade_pages_are_public_and_name_their_sources(client, trade_store, page):
    response = client.get(page)
    assert response.status_code == 200
    body = response.content.decode()
    if page != "/trade/sectors/":
        assert "fictional" in body  # the demo part is labelled wherever it is shown


def test_dashboard_tracks_the_target_and_shows_both_sides_published_figures(client, trade_store):
    body = client.get("/trade/").content.decode()
    assert "Lao side, 47th Intergovernmental Committee expert meeting" in body
    assert "VNA/VietnamPlus (Vietnamese customs), 2018" in body
    assert "base year" in body
    assert "<svg" in body and "turnover × (1 + 10 %) to × (1 + 15 %)" in body
    # the Lao side's 2024 total (2,000) differs from its flows (641.8 + 1,300): flagged
    assert "differs from its exports plus imports" in body
    # the demo holds both sides' declarations, so the mirror table is there
    assert "Declared by the importer (CIF)" in body


def test_empty_store_says_what_is_missing_instead_of_zero(client, empty_store):
    body = client.get("/trade/").content.decode()
    assert "Lao side, 47th Intergovernmental Committee" in body  # published figures still count
    from lienket.trade.models import PublishedFigure

    PublishedFigure.objects.all().delete()
    body = client.get("/trade/").content.decode()
    assert "No trade statistics by year are loaded yet" in body
    body = client.get("/trade/opportunities/").content.decode()
    assert "no public copy lets lienket ship" in body
    body = client.get("/trade/advantage/").content.decode()
    assert "No world export matrix is loaded" in body


def test_advantage_on_the_real_2017_matrix(client, trade_store):
    response = client.get("/trade/advantage/", {"dataset": "2017-hs4-ots", "sort": "-rca_b"})
    body = response.content.decode()
    assert "UN Comtrade via Open Trade Statistics" in body
    assert "rank" in body
    table = response.context["table"]
    rca_b = [r["rca_b"] for r in table.rows if r["rca_b"] is not None]
    assert len(rca_b) > 100 and rca_b == sorted(rca_b, reverse=True)
    lao_rows = {r["code"]: r for r in table.rows if r["rca_b"] is not None}
    assert max(r["rca_b"] for r in lao_rows.values()) > 10  # Lao PDR is highly specialised
    summary = response.context["summary"]
    assert summary["countries"] == 224 and summary["rank_a"] < summary["rank_b"]


def test_advantage_filters_by_chain_and_rca(client, trade_store):
    response = client.get(
        "/trade/advantage/", {"dataset": "2017-hs4-ots", "chain": "textiles", "min_rca": "1"}
    )
    rows = response.context["table"].rows
    assert rows
    assert all(max(r["rca_a"] or 0, r["rca_b"] or 0) >= 1 for r in rows)
    from lienket.trade import services

    textiles = {
        c[:4]
        for c, pairs in services.stage_of().items()
        if any(ch == "textiles" for ch, _ in pairs)
    }
    assert {r["code"] for r in rows} <= textiles


def test_downloads_match_the_table(client, trade_store):
    params = {"dataset": "2017-hs4-ots", "min_rca": "2", "table": "advantage-2017-hs4"}
    page = client.get("/trade/advantage/", {k: v for k, v in params.items() if k != "table"})
    n = len(page.context["table"].rows)
    response = client.get("/trade/advantage/", {**params, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "HS code" and len(rows) == n + 1
    response = client.get("/trade/advantage/", {**params, "format": "xlsx"})
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws.max_row == n + 1


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1990"},
        {"level": "5"},
        {"low": "20", "high": "10"},
        {"table": "nope", "format": "csv"},
    ],
)
def test_hostile_or_malformed_parameters_are_refused_cleanly(client, trade_store, query):
    assert client.get("/trade/", query).status_code == 400


def test_opportunities_rank_untapped_potential_and_linkage(client, trade_store):
    response = client.get("/trade/opportunities/")
    potentials = response.context["potentials"]
    for _exporter, _importer, table in potentials:
        assert table is not None
        values = [r["untapped"] for r in table.rows]
        assert values == sorted(values, reverse=True)
        assert all(v > 0 for v in values)


def test_api_returns_figures_with_their_sources(client, trade_store):
    # issue 8 - one source per period; the fictional demo never mixes with real figures
    body = client.get("/api/trade/turnover/").json()
    rows = {r["period"]: r for r in body["declarants"]["VNM"]["rows"]}
    assert rows["2017"]["turnover"] == pytest.approx(892.9e6)
    assert rows["2022"]["turnover"] == pytest.approx((656.4 + 1040) * 1e6)
    assert "fictional" not in rows["2022"]["source"]
    assert "fictional" in rows["2022"]["other_sources"]  # the demo is beside it, not added
    assert rows["2021"]["turnover"] is None and rows["2021"]["status"] == "no_data"
    from lienket.trade.models import PublishedFigure

    PublishedFigure.objects.all().delete()
    body = client.get("/api/trade/turnover/").json()
    rows = body["declarants"]["VNM"]["rows"]
    assert [r["period"] for r in rows] == ["2022", "2023"]
    assert all("fictional" in r["source"] for r in rows)
    assert rows[0]["status"] == "base" and rows[1]["band_low"] == pytest.approx(
        rows[0]["turnover"] * 1.10
    )
    body = client.get("/api/trade/advantage/", {"year": 2017, "level": 4}).json()
    assert body["summary"]["countries"] == 224
    assert body["available"] and not any(s["fictional"] for s in body["sources"])
    assert client.get("/api/trade/products/", {"year": 2023, "level": 5}).status_code == 400
    assert client.get("/api/trade/products/", {"year": 2023, "exporter": "XXX"}).status_code == 400
    body = client.get(
        "/api/trade/products/", {"year": 2023, "exporter": "LAO", "importer": "VNM"}
    ).json()
    assert body["rows"] and body["rows"][0]["value_usd"] > 0
    body = client.get("/api/trade/potential/", {"year": 2023}).json()
    assert body["available"]


def test_sectors_show_adb_indicators(client, trade_store):
    response = client.get("/trade/sectors/", {"year": 2021})
    rows = {r["sector_name"]: r for r in response.context["table"].rows}
    assert rows["Electricity, gas and water supply"]["rca_lao"] == pytest.approx(69.4768)


def test_pages_in_lao(client, trade_store):
    client.cookies["django_language"] = "lo"
    body = client.get("/trade/").content.decode()
    assert "ພາບລວມ" in body and 'lang="lo"' in body


def test_product_and_chain_tables_state_their_source_beside_the_turnovers(
    client, trade_store, settings
):
    """Issue 26, part 3: product and chain tables used a different source from the turnover
    without saying so. They follow the turnover's precedence and state their source, with the
    turnover's own figure for the same flow beside it."""
    from lienket.trade import services, tables

    assert services.flow_source(2023) == "comtrade"  # customs › comtrade › baci, as turnover
    settings.LIENKET_TURNOVER_PRECEDENCE = ["published", "baci", "comtrade"]
    assert services.flow_source(2023) == "baci"
    settings.LIENKET_TURNOVER_PRECEDENCE = ["published", "customs", "comtrade", "baci"]
    top = tables.top_products("VNM", "LAO", 2023, 4)
    assert "UN Comtrade" in top.note and "(fictional)" in top.note
    figure = next(f for f in services.turnover("VNM", "LAO") if str(f.period) == "2023")
    from lienket.core import formats

    assert formats.usd_million(figure.exports, "en") in top.note  # the turnover's, beside it
    assert "not added" in top.note
    chain = tables.chain_table("VNM", "LAO", 2023)
    assert "UN Comtrade" in chain.note
    body = client.get("/trade/", {"year": 2023}).content.decode()
    assert 'class="muted table-note"' in body and "source: UN Comtrade" in body
