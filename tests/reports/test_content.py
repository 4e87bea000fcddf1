"""The report's content on the demo data: the sections in order, figures equal to those of the
dashboards and the API, "no data" where a period has none, and reproducible HTML."""

from __future__ import annotations

from datetime import date

import pytest

from lienket.core import formats
from lienket.engine.trade.turnover import Period
from lienket.reports import services, writers
from lienket.reports.content import SECTIONS, period_code
from lienket.reports.document import Figures, Paragraph, Table
from lienket.reports.models import Template
from lienket.trade import tables
from tests.reports.conftest import DATED

pytestmark = pytest.mark.django_db


def _doc(period: str = "2022", lang: str = "en", steps: str = ""):
    doc, _snap = services.document(Period.parse(period), lang, DATED, steps)
    return doc


def test_period_codes_and_words():
    assert [period_code(Period.parse(p)) for p in ("2024", "2025-H1", "2025-Q3", "2025-01..10")] \
        == ["2024", "2025-H1", "2025-Q3", "2025-01..10"]  # fmt: skip
    with pytest.raises(services.ReportError):
        services.parse_period("2025-H3")


def test_sections_in_the_issue_order(demo):
    doc = _doc()
    assert [s.key for s in doc.sections] == list(SECTIONS)
    assert doc.fictional  # the demo store and demo projects are fictional, and the cover says so


def test_key_figures_equal_the_dashboard_and_the_api(demo, client_for, reader):
    doc = _doc("2022", "vi")
    summary = next(s for s in doc.sections if s.key == "summary")
    figures = [b for b in summary.blocks if isinstance(b, Figures)]
    vn = figures[0]
    expected = next(r for r in tables.target_tracking("VNM", "LAO")["VNM"].rows
                    if r["period"] == "2022")  # fmt: skip
    assert vn.rows[0][1] == expected["turnover"]
    api = client_for(reader).get("/api/trade/turnover/").json()
    row = next(r for r in api["declarants"]["VNM"]["rows"] if r["period"] == "2022")
    assert row["turnover"] == pytest.approx(vn.rows[0][1])
    # the HTML and the DOCX print that figure in Vietnamese style
    text = formats.usd_million(expected["turnover"], "vi")
    assert "," in text and text in writers.html(doc)


def test_products_equal_the_api(demo, client_for, reader):
    doc = _doc("2022")
    trade = next(s for s in doc.sections if s.key == "trade")
    top = next(b for b in trade.blocks if isinstance(b, Table) and "HS4" in b.title)
    api = client_for(reader).get("/api/trade/products/?year=2022&level=4&limit=10").json()
    assert [r[0] for r in top.rows] == [r["code"] for r in api["rows"]]
    assert [r[2] for r in top.rows] == pytest.approx([r["value_usd"] for r in api["rows"]])


def test_a_period_without_trade_says_so_in_each_trade_section(demo):
    doc = _doc("2010")
    for key in ("summary", "trade", "opportunities"):
        section = next(s for s in doc.sections if s.key == key)
        said = [b.text for b in section.blocks if isinstance(b, Paragraph) and b.style == "nodata"]
        assert said, key
        assert not [
            b for b in section.blocks if isinstance(b, Table) and b.rows and key != "summary"
        ]
    summary = next(s for s in doc.sections if s.key == "summary")
    for block in summary.blocks:
        if isinstance(block, Figures):
            assert block.rows == (("Turnover", None, "million"),)  # never a zero
    assert "no data" in writers.html(doc)


def test_part_year_has_no_product_detail(demo):
    doc = _doc("2022-H1")
    trade = next(s for s in doc.sections if s.key == "trade")
    assert "whole years only" in trade.blocks[0].text


def test_same_snapshot_gives_byte_identical_html(demo):
    first = writers.html(_doc("2022", "lo", "ຂັ້ນຕອນ 1"))
    again = writers.html(_doc("2022", "lo", "ຂັ້ນຕອນ 1"))
    assert first == again
    snap = services.take_snapshot()
    assert snap["hash"] in first
    assert snap["tables"]["registry.enterprise"]["rows"] > 0
    assert snap["trade"] and all(len(t["sha256"]) == 64 for t in snap["trade"])


def test_a_data_change_changes_the_snapshot(demo, registry):
    before = services.take_snapshot()["hash"]
    firm = registry["vn"]
    firm.name_en = "Renamed Co."
    firm.save()
    assert services.take_snapshot()["hash"] != before


def test_next_steps_and_the_template(demo):
    tpl = Template.current()
    tpl.sections = ["next_steps", "summary"]
    tpl.cover = {"vi": {"title": "Báo cáo thử nghiệm"}}
    tpl.save()
    doc = _doc("2022", "vi", "Tổ chức hội chợ.\n\nKý thoả thuận.")
    assert [s.key for s in doc.sections] == ["next_steps", "summary"]
    assert doc.title == "Báo cáo thử nghiệm"
    assert [b.text for b in doc.sections[0].blocks] == ["Tổ chức hội chợ.", "Ký thoả thuận."]
    en = _doc("2022", "en")
    assert en.title.startswith("Periodic report")  # other languages keep the default


def test_workplan_and_training_in_the_cooperation_period(demo):
    doc = _doc("2025", "en")
    plan = next(s for s in doc.sections if s.key == "workplan")
    table = next(b for b in plan.blocks if isinstance(b, Table))
    sides = [r[0] for r in table.rows]
    assert sides[:2] == ["Viet Nam", "Lao PDR"] and sides[-1] == "All activities"
    training = next(s for s in doc.sections if s.key == "training")
    courses = next(b for b in training.blocks if isinstance(b, Table))
    assert courses.rows and all(r[3] <= r[2] for r in courses.rows)  # nominated within places


@pytest.mark.parametrize(
    ("lang", "value", "text"),
    [("vi", 1234567.5, "1,2"), ("en", 1234567.5, "1.2"), ("lo", 1234567.5, "1,2")],
)
def test_numbers_per_language(lang, value, text):
    assert formats.usd_million(value, lang) == text
    assert (
        formats.number(1234.5, lang, 1) == {"vi": "1.234,5", "en": "1,234.5", "lo": "1.234,5"}[lang]
    )
    assert formats.percent(0.125, lang) == {"vi": "12,5 %", "en": "12.5%", "lo": "12,5 %"}[lang]


def test_the_aid_section_lists_the_projects_behind_schedule_with_spi_and_cpi(demo):
    """Issue 26: the report had no list of projects behind schedule."""
    from lienket.engine import monitoring
    from lienket.projects import services as projects
    from lienket.projects.models import Kind, Project
    from lienket.reports.document import Table

    year = 2025
    doc, _snap = services.document(Period.parse(str(year)), "en", date(2025, 11, 30))
    aid = next(s for s in doc.sections if s.key == "aid")
    late = [pos for pos in projects.positions(Project.objects.filter(kind=Kind.AID), year,
                                              date(2025, 11, 30))
            if pos.status == monitoring.BEHIND]  # fmt: skip
    tables = [b for b in aid.blocks if isinstance(b, Table) and "behind schedule" in b.title]
    assert late, "the demo has aid projects behind schedule"
    (table,) = tables
    assert {row[0].removesuffix(" (fictional)") for row in table.rows} == {
        pos.project.name for pos in late
    }
    spis = [row[1] for row in table.rows]
    assert spis == sorted(spis) and all(s < 1 for s in spis if s is not None)


def test_aid_amounts_have_a_usd_total_with_the_rates_stated(demo):
    """Issue 26: aid amounts came in mixed currencies with no total in US dollars."""
    from lienket.projects import services as projects
    from lienket.projects.models import Kind, Project

    doc, _snap = services.document(Period.parse("2025"), "en", date(2025, 11, 30))
    aid = next(s for s in doc.sections if s.key == "aid")
    table = next(b for b in aid.blocks if isinstance(b, Table) and "allocation" in b.title)
    total = table.rows[-1]
    assert total[0].startswith("Total in USD") and total[1] == "USD"
    rates = projects.Rates.load()
    expected = projects.Total()
    for pos in projects.positions(Project.objects.filter(kind=Kind.AID), 2025,
                                  date(2025, 11, 30)):  # fmt: skip
        line = next((y for y in pos.years if y.year == 2025), None)
        if line is not None:
            expected.add(rates, line.allocation, pos.project.currency, date(2025, 11, 30))
    assert total[6] == pytest.approx(float(expected.usd))
    foreign = set(expected.rates)
    assert foreign and all(f"1 {c} = " in table.note for c in foreign)
