"""Published figures entered by users, and turnover chosen from one source (issue 8)."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core.models import AuditEvent
from lienket.engine.errors import DataError
from lienket.trade import figures
from lienket.trade.models import PublishedFigure

pytestmark = pytest.mark.django_db
runner = CliRunner()


def add(period, value, flow="total", declarant="VNM", partner="LAO", title="MoIT release"):
    result = runner.invoke(
        app,
        ["figures", "add", "--period", period, "--declarant", declarant, "--partner", partner,
         "--flow", flow, "--value", value, "--unit", "USD million", "--source-title", title,
         "--source-url", "https://moit.gov.vn/release", "--published", "2026-01-15"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def turnover(declarant="VNM", partner="LAO"):
    result = runner.invoke(
        app, ["trade", "turnover", "--declarant", declarant, "--partner", partner,
              "--format", "json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return {r["period"]: r for r in json.loads(result.stdout)}


def test_the_band_is_the_previous_year_and_a_new_figure_changes_the_status(clean):
    add("2024", "2200")
    add("2025", "2300")
    rows = turnover()
    assert rows["2024"]["status"] == "base"
    assert rows["2025"]["band_low"] == pytest.approx(2200e6 * 1.10)
    assert rows["2025"]["band_high"] == pytest.approx(2200e6 * 1.15)
    assert rows["2025"]["status"] == "below"
    add("2025", "2450")  # the same release corrected: updated, not added
    rows = turnover()
    assert rows["2025"]["value_usd"] == pytest.approx(2450e6) and rows["2025"]["status"] == "within"
    assert PublishedFigure.objects.filter(year=2025).count() == 1
    figure = PublishedFigure.objects.get(year=2025)
    assert (
        AuditEvent.objects.filter(object_type="publishedfigure", object_id=str(figure.pk)).count()
        == 2
    )


def test_a_published_total_outranks_a_customs_file_and_neither_is_added(clean):
    # issue 8 - customs 2.2 bn plus Comtrade for the same year showed 3.09 bn
    add("2024", "2200")
    customs = clean / "vn_customs_2024.csv"
    customs.write_text(
        "year,partner,hs_code,flow,value_usd\n"
        "2024,LAO,401120,X,500000000\n2024,LAO,400122,M,390000000\n"
    )
    result = runner.invoke(
        app, ["trade", "import", str(customs), "--source", "customs", "--reporter", "VNM",
              "--edition", "HS2017"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    row = turnover()["2024"]
    assert row["value_usd"] == pytest.approx(2200e6)
    assert row["source"].startswith("published")
    (other,) = row["other_sources"]
    assert other["value_usd"] == pytest.approx(890e6)
    assert other["difference_usd"] == pytest.approx(890e6 - 2200e6)


def test_a_part_year_file_is_compared_with_the_same_months(clean):
    # issue 8 - January-October stored as a full year showed -8 % for +10 %
    for year, x, m in ((2024, 700e6, 1100e6), (2025, 770e6, 1210e6)):
        f = clean / f"customs_{year}_01_10.csv"
        f.write_text(f"year,partner,hs_code,flow,value_usd\n{year},LAO,401120,X,{x:.0f}\n"
                     f"{year},LAO,400122,M,{m:.0f}\n")  # fmt: skip
        result = runner.invoke(
            app, ["trade", "import", str(f), "--source", "customs", "--reporter", "VNM",
                  "--edition", "HS2017", "--months", "1-10"]
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    add("2024", "2200")  # the full year, published
    rows = turnover()
    ytd = rows["2025-01..10"]
    assert ytd["full_year"] is False
    assert ytd["growth"] == pytest.approx(0.10)
    assert ytd["status"] == "within"
    assert "2025" not in rows
    assert rows["2024"]["value_usd"] == pytest.approx(2200e6)


def test_a_customs_file_overlapping_another_source_says_so(clean):
    baci = clean / "BACI_HS17_Y2024_V1.csv"
    (clean / "country_codes_V1.csv").write_text(
        "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"
    )
    baci.write_text("t,i,j,k,v,q\n2024,704,418,401120,1500,2\n")
    runner.invoke(app, ["trade", "import", str(baci), "--source", "baci"])
    customs = clean / "customs.csv"
    customs.write_text("year,partner,hs_code,flow,value_usd\n2024,LAO,401120,X,1600000\n")
    result = runner.invoke(
        app, ["trade", "import", str(customs), "--source", "customs", "--reporter", "VNM",
              "--edition", "HS2017"]
    )  # fmt: skip
    assert "shown side by side, never added" in result.output


def test_figures_import_reads_vietnamese_headers_and_refuses_ambiguous_numbers(clean):
    good = (
        "Kỳ,Nước báo cáo,Đối tác,Chiều,Giá trị,Đơn vị,Nguồn,Ngày công bố\n"
        '2024,VNM,Lào,xuất khẩu,"1,100.5",triệu USD,Tổng cục Hải quan,2025-01-10\n'
        "2024,VNM,Lào,nhập khẩu,1100,triệu USD,Tổng cục Hải quan,2025-01-10\n"
    )
    result = figures.import_figures(io.BytesIO(good.encode()), "so_lieu.csv", None)
    assert result.created == 2
    assert PublishedFigure.objects.get(flow="exports").value_usd == pytest.approx(1100.5e6)
    bad = good.replace("1100,", "2.500,").replace("2024,VNM,Lào,xuất", "2024,VNM,Lào,xuất")
    bad += "2025,VNM,Lào,tổng,NaN,triệu USD,Tổng cục Hải quan,2026-01-10\n"
    with pytest.raises(DataError) as caught:
        figures.import_figures(io.BytesIO(bad.encode()), "so_lieu.csv", None)
    where = {(e.row, e.field) for e in caught.value.errors}
    assert where == {(3, "Giá trị"), (4, "Giá trị")}  # the column as the file names it
    assert PublishedFigure.objects.count() == 2  # nothing of the bad file was saved


def test_a_total_that_disagrees_with_its_flows_is_flagged(clean):
    add("2024", "641.8", "imports", "LAO", "VNM", "Lao side")
    add("2024", "1300", "exports", "LAO", "VNM", "Lao side")
    result = add("2024", "2000", "total", "LAO", "VNM", "Lao side")
    assert "differs from its exports plus imports" in result.output
    assert [c.notice.kind for c in figures.checks() if c.notice.kind == "total_sum"] == [
        "total_sum"
    ]


def test_the_bundled_figures_load_once(clean):
    from lienket import refdata

    shipped = len(refdata.published_trade())
    assert figures.load_bundled() == (shipped, 0)
    assert figures.load_bundled() == (0, shipped)
    lao = PublishedFigure.objects.get(declarant="LAO", flow="total")
    assert (lao.value_usd, str(lao.published)) == (2000e6, "2025-01-08")


FORM = {
    "action": "add", "period": "2025", "declarant": "VNM", "partner": "LAO", "flow": "total",
    "value": "2,450", "unit": "USD million", "source_title": "MoIT year-end release",
    "source_url": "https://moit.gov.vn/x", "published": "2026-01-15",
}  # fmt: skip


def test_only_focal_points_and_stewards_enter_figures(
    client_for, clean, reader, vn_focal, la_focal, steward
):
    assert client_for(None).get("/trade/figures/").status_code == 200  # everyone reads
    assert client_for(None).post("/trade/figures/", FORM).status_code in (302, 403)
    assert client_for(reader).post("/trade/figures/", FORM).status_code == 403
    assert client_for(la_focal).post("/trade/figures/", FORM).status_code == 400  # not its country
    assert not PublishedFigure.objects.exists()
    response = client_for(vn_focal).post("/trade/figures/", FORM)
    assert response.status_code == 200
    figure = PublishedFigure.objects.get()
    assert figure.value_usd == pytest.approx(2450e6) and figure.created_by == vn_focal
    api = client_for(reader).post("/api/trade/figures/", {**FORM, "period": "2026"})
    assert api.status_code == 403
    api = client_for(steward).post("/api/trade/figures/", {**FORM, "value": "1e40"})
    assert api.status_code == 400 and "value" in api.json()
    api = client_for(steward).post("/api/trade/figures/", {**FORM, "value": "2,450"})
    assert api.status_code == 400 and "ambiguous" in api.json()["value"]  # no page language
    api = client_for(steward).post(
        "/api/trade/figures/", {**FORM, "period": "2026", "value": "2450"}
    )
    assert api.status_code == 201 and api.json()["value_usd"] == pytest.approx(2450e6)
    listing = client_for(None).get("/api/trade/figures/").json()
    assert {r["period"] for r in listing["rows"]} == {"2025", "2026"}


def test_a_bad_value_on_the_page_names_the_field_and_saves_nothing(client_for, clean, vn_focal):
    response = client_for(vn_focal).post("/trade/figures/", {**FORM, "value": "2.500,5"})
    assert response.status_code == 400  # a Vietnamese-style number on an English page
    assert "number style" in response.content.decode()
    assert not PublishedFigure.objects.exists()


# issue 24 - duties separated: a figure entered for official use is verified by someone else
def test_a_figure_is_verified_by_someone_other_than_who_entered_it(
    client_for, clean, vn_focal, la_focal, steward
):
    client_for(vn_focal).post("/trade/figures/", FORM)
    figure = PublishedFigure.objects.get()
    own = client_for(vn_focal)
    page = own.get("/trade/figures/").content.decode()
    assert 'value="verify"' not in page  # nothing of its own to verify
    assert own.post("/trade/figures/", {"action": "verify", "figure": figure.pk}).status_code == 403
    # the other side's focal point does not verify a Vietnamese declaration either
    other = client_for(la_focal)
    assert (
        other.post("/trade/figures/", {"action": "verify", "figure": figure.pk}).status_code == 403
    )
    figure.refresh_from_db()
    assert figure.verified is None
    checker = client_for(steward)
    assert 'value="verify"' in checker.get("/trade/figures/").content.decode()
    assert (
        checker.post("/trade/figures/", {"action": "verify", "figure": figure.pk}).status_code
        == 302
    )
    figure.refresh_from_db()
    assert figure.verified and figure.verified_by == steward
    assert "not yet verified" not in checker.get("/trade/figures/").content.decode()
    assert checker.post("/trade/figures/", {"action": "verify", "figure": "x"}).status_code == 400
    # a corrected value asks for a new check
    client_for(vn_focal).post("/trade/figures/", {**FORM, "value": "2460"})
    figure.refresh_from_db()
    assert figure.verified is None and figure.verified_by_label == ""
