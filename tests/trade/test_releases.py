"""Figures with their history (issue 27, part 4): every release kept, the latest used, earlier
ones shown with their difference; implausible entries confirmed; releases checked."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core.models import AuditEvent
from lienket.engine.trade.releases import Release, plausibility, revisions
from lienket.trade import figures
from lienket.trade.models import PublishedFigure

pytestmark = pytest.mark.django_db
runner = CliRunner()


def add(period, value, published, unit="USD million", *extra, title="MoIT release"):
    return runner.invoke(
        app,
        ["figures", "add", "--period", period, "--declarant", "VNM", "--partner", "LAO",
         "--flow", "total", "--value", value, "--unit", unit, "--source-title", title,
         "--published", published, *extra],
    )  # fmt: skip


def history(period="2024", declarant="VNM"):
    result = runner.invoke(
        app, ["figures", "history", "--period", period, "--declarant", declarant,
              "--format", "json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def turnover():
    result = runner.invoke(
        app, ["trade", "turnover", "--declarant", "VNM", "--partner", "LAO", "--format", "json"]
    )  # fmt: skip
    return {r["period"]: r for r in json.loads(result.stdout)}


def test_revisions_are_ordered_with_their_differences():
    found = revisions([Release(2.2e9, "2025-03-01", "final", key=2),
                       Release(2.0e9, "2025-01-08", "preliminary", key=1)])  # fmt: skip
    assert [r.release.key for r in found] == [1, 2]
    assert found[0].difference is None and not found[0].latest
    assert found[1].difference == pytest.approx(0.2e9) and found[1].share == pytest.approx(0.1)
    assert found[1].latest


def test_plausibility_flags_a_factor_either_way_and_nothing_within():
    refs = [("previous_year", 2.2e9, "2024"), ("mirror", None, "none")]
    assert plausibility(2.98e9, refs) == []
    (jump,) = plausibility(2.98e12, refs)  # "USD billion" typed for "USD million"
    assert jump.against == "previous_year" and jump.ratio == pytest.approx(1354.5, rel=1e-3)
    assert plausibility(0.5e9, refs, factor=3.0)[0].ratio < 1 / 3


def test_a_second_release_is_kept_the_latest_used_and_the_difference_shown(clean):
    assert add("2023", "2000", "2024-01-20").exit_code == 0
    assert add("2024", "2200", "2025-01-10").exit_code == 0
    assert turnover()["2024"]["value_usd"] == pytest.approx(2200e6)
    later = add("2024", "2250", "2025-03-15", title="MoIT final release")
    assert later.exit_code == 0, later.output
    assert PublishedFigure.objects.filter(year=2024).count() == 2  # the earlier one is kept
    rows = history()
    assert [r["value_usd"] for r in rows] == [2200e6, 2250e6]
    assert rows[0]["in_use"] is False and rows[1]["in_use"] is True
    assert rows[1]["difference_usd"] == pytest.approx(50e6)
    row = turnover()["2024"]
    assert row["value_usd"] == pytest.approx(2250e6)  # the latest release is used
    assert row["growth"] == pytest.approx(0.125)
    # the same release again (same source and date) corrects it instead of adding one
    assert add("2024", "2260", "2025-03-15", title="MoIT final release").exit_code == 0
    assert [r["value_usd"] for r in history()] == [2200e6, 2260e6]
    text = runner.invoke(app, ["figures", "history", "--period", "2024", "--declarant", "VNM"])
    assert "+60.0 M USD on the previous release" in text.output and "in use" in text.output


def test_a_unit_slip_asks_for_confirmation_and_the_confirmation_is_recorded(clean):
    assert add("2024", "2200", "2025-01-10").exit_code == 0
    slip = add("2025", "2980", "2026-01-12", "USD billion")
    assert slip.exit_code == 1
    assert "USD billion" in slip.output and "USD million" in slip.output  # the series' unit
    assert "times the same months of the year before" in slip.output
    assert "nothing was saved" in slip.output
    assert not PublishedFigure.objects.filter(year=2025).exists()
    assert turnover()["2024"]["status"] == "base"
    kept = add("2025", "2980", "2026-01-12", "USD billion", "--confirm")
    assert kept.exit_code == 0, kept.output
    figure = PublishedFigure.objects.get(year=2025)
    assert "USD billion" in figure.confirmation and figure.confirmed is not None
    assert AuditEvent.objects.filter(summary__startswith="confirmed").exists()
    # a plausible figure needs nothing
    assert add("2024", "2210", "2025-02-01", title="MoIT final").exit_code == 0


def test_the_api_answers_409_until_confirmed(clean, client: Client, steward):
    client.force_login(steward)
    add("2024", "2200", "2025-01-10")
    body = {"period": "2025", "declarant": "VNM", "partner": "LAO", "flow": "total",
            "value": "2980", "unit": "USD billion", "source_title": "MoIT",
            "published": "2026-01-12"}  # fmt: skip
    url = reverse("api-trade-figures")
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 409
    assert any("USD billion" in t for t in refused.json()["confirmation_needed"])
    assert not PublishedFigure.objects.filter(year=2025).exists()
    kept = client.post(url, {**body, "confirm": True}, content_type="application/json")
    assert kept.status_code == 201


def test_an_import_with_a_slip_names_the_row_and_saves_nothing(clean, tmp_path):
    add("2024", "2200", "2025-01-10")
    sheet = tmp_path / "figures.csv"
    sheet.write_text(
        "period,declarant,partner,flow,value,unit,source_title,published\n"
        "2025,VNM,LAO,exports,800,USD million,MoIT,2026-01-12\n"
        "2025,VNM,LAO,total,2980000,USD million,MoIT,2026-01-12\n"
    )
    refused = runner.invoke(app, ["figures", "import", str(sheet)])
    assert refused.exit_code == 1
    assert "figures.csv, row 3, column 'value'" in refused.output
    assert "1,354.5 times" in refused.output
    assert not PublishedFigure.objects.filter(year=2025).exists()
    kept = runner.invoke(app, ["figures", "import", str(sheet), "--confirm"])
    assert kept.exit_code == 0, kept.output
    assert PublishedFigure.objects.filter(year=2025).count() == 2


def test_the_lao_2024_release_is_flagged_by_the_growth_and_total_checks():
    # the bundled release: "more than 2 billion", +32.8 %, of 1,300 (+26.2 %) and 641.8 (+32 %)
    total = PublishedFigure.objects.get(declarant="LAO", year=2024, flow="total")
    assert total.qualifier == "more_than"
    kinds = {c.notice.kind for c in figures.checks() if c.figure.pk == total.pk}
    assert kinds == {"total_sum", "total_growth", "stated_growth"}
    result = runner.invoke(app, ["figures", "checks", "--format", "json"])
    found = json.loads(result.stdout)
    text = " ".join(f["text"] for f in found if f["figure"] == total.pk)
    assert "1,941.8" in text and "32.8%" in text and "26.2%" in text and "28.1%" in text
    # a consistent release is not flagged
    vnm = [c for c in figures.checks() if c.figure.declarant == "VNM"]
    assert vnm == []


def test_the_history_page_and_api_show_releases_and_checks(client: Client):
    page = client.get(reverse("trade-figure-history"), {"period": "2024", "declarant": "LAO"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "1,941.8" in text and "more than" in text
    api = client.get(reverse("api-trade-figure-history"), {"period": "2024", "declarant": "LAO"})
    assert api.status_code == 200
    flows = {r["flow"]: r for r in api.json()["releases"]}
    assert flows["total"]["qualifier"] == "more_than" and len(flows["total"]["checks"]) == 3
    assert client.get(reverse("trade-figure-history"), {"period": "x"}).status_code == 400
    listing = client.get(reverse("api-trade-figures")).json()
    assert {c["kind"] for c in listing["checks"]} == {"total_sum", "total_growth",
                                                       "stated_growth"}  # fmt: skip
    dashboard = client.get(reverse("trade-figures"))
    assert "lies outside its flows" in dashboard.content.decode()


def test_the_figure_form_asks_to_confirm_a_slip(clean, client: Client, steward):
    client.force_login(steward)
    add("2024", "2200", "2025-01-10")
    form = {"action": "add", "period": "2025", "declarant": "VNM", "partner": "LAO",
            "flow": "total", "value": "2980", "unit": "USD billion", "source_title": "MoIT",
            "published": "2026-01-12", "qualifier": "", "stated_growth_pct": ""}  # fmt: skip
    asked = client.post(reverse("trade-figures"), form)
    assert asked.status_code == 400 and "USD billion" in asked.content.decode()
    assert not PublishedFigure.objects.filter(year=2025).exists()
    kept = client.post(reverse("trade-figures"), {**form, "confirm": "on"})
    assert kept.status_code == 200
    assert PublishedFigure.objects.get(year=2025).confirmed_by_label == "steward"


def test_the_report_states_the_checks_and_earlier_releases(clean, settings, tmp_path):
    from datetime import date

    from lienket.engine.trade.turnover import Period
    from lienket.reports import services
    from lienket.reports.document import Figures, Paragraph

    figures.load_bundled()
    # a final Lao release for 2024 after the expert meeting's
    runner.invoke(app, ["figures", "add", "--period", "2024", "--declarant", "LAO",
                        "--partner", "VNM", "--flow", "total", "--value", "2050",
                        "--source-title", "Lao Ministry of Industry and Commerce, final",
                        "--published", "2025-04-01"])  # fmt: skip
    doc, _snap = services.document(Period(2024), "en", date(2025, 5, 1), "")
    summary = next(s for s in doc.sections if s.key == "summary")
    notes = " ".join(b.text for b in summary.blocks if isinstance(b, Paragraph))
    assert "differs from its exports plus imports" in notes
    lao = [b for b in summary.blocks if isinstance(b, Figures) and "Lao PDR" in b.title.split(
        "declared by")[-1]]  # fmt: skip
    (replaced,) = [r for r in lao[0].rows if str(r[0]).startswith("Earlier release")]
    assert replaced[1] == pytest.approx(2000e6) and "2025-01-08" in replaced[0]
    assert lao[0].rows[0][1] == pytest.approx(2050e6)


def test_monthly_files_keep_their_months_and_compare_with_the_same_months(clean):
    # issue 27: Jan-Oct 2018 was shown as "base" instead of +10 % on Jan-Oct 2017
    from lienket.engine.trade.store import TradeStore
    from lienket.refdata import trade_reference
    from lienket.trade import services
    from tests.engine.trade.test_real_layouts import plus_file

    store = TradeStore(clean / "store", reference=trade_reference())
    for year, scale in ((2017, 1.0), (2018, 1.1)):
        lines = [
            f"C,M,{year}{m:02d}01,{year},{m},{year}{m:02d},704,VNM,{flow},418,LAO,0,H6,1,"
            f"720711,6,1,C00,0,kg,1,{value * scale:.0f}"
            for m in range(1, 11) for flow, value in (("X", 5000), ("M", 3000))
        ]  # fmt: skip
        path = plus_file(clean / f"monthly_{year}.csv", lines)
        assert store.import_file(path, "comtrade").record.months == (1, 10)
    rows = {str(f.period): f for f in services.turnover("VNM", "LAO")}
    ytd = rows["2018-01..10"]
    assert ytd.previous == pytest.approx(80_000) and ytd.turnover == pytest.approx(88_000)
    assert ytd.growth == pytest.approx(0.10) and ytd.status == "within"
    assert rows["2017-01..10"].status == "base" and "2018" not in rows
