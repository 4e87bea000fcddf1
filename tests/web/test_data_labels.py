"""HS descriptions in the reader's language, Lao texts added by a focal point, data labels from
the catalogues, and amounts in words as each language writes them (Babel/CLDR)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from lienket.core import formats, labels
from lienket.core.models import HsLaoText

pytestmark = pytest.mark.django_db


def _xlsx(rows: list[list[object]], title: str | None = None) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    if title:  # a ministry's title row above a merged header, as offices send them
        ws.append([title])
        ws.merge_cells("A1:C1")
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "hs-lao.xlsx"
    return out


def test_an_enterprise_page_shows_hs_descriptions_in_the_readers_language(
    registry, client_for, reader
):
    from django.utils.html import escape

    from lienket import refdata

    client = client_for(reader)
    vn = registry["vn"]  # makes 252329, needs 2521 (HS2022)
    vietnamese = refdata.hs_vi(vn.hs_edition)["252329"].text
    english = refdata.hs_codes(vn.hs_edition)["252329"].description
    client.cookies["django_language"] = "vi"
    page = client.get(f"/enterprises/{vn.pk}/").content.decode()
    assert escape(vietnamese) in page and escape(english) not in page
    client.cookies["django_language"] = "lo"
    page = client.get(f"/enterprises/{vn.pk}/").content.decode()
    # cement has a plain Lao name (issue 26); a heading without one is English, marked so
    assert refdata.lao_names()["2523"] in page and escape(english) not in page
    needed = refdata.hs_codes("HS2022")["2521"].description
    assert "2521" not in refdata.lao_names()
    assert f'<span lang="en">{escape(needed)}</span> <abbr class="langmark"' in page


def test_a_lao_focal_point_adds_lao_descriptions_that_then_take_precedence(
    registry, client_for, la_focal
):
    client = client_for(la_focal)
    upload = _xlsx(
        [["Mã HS", "Mô tả tiếng Lào", "Nguồn"], ["2521", "ຫີນປູນ ສຳລັບເຮັດຊີມັງ", "IICE"]],
        title="ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ",
    )
    response = client.post("/hs/lao/", {"file": upload})
    assert response.status_code == 200, response.content.decode()[-2000:]
    assert HsLaoText.objects.get(code="2521").text == "ຫີນປູນ ສຳລັບເຮັດຊີມັງ"
    labels.forget_lao_texts()
    client.cookies["django_language"] = "lo"
    page = client.get(f"/enterprises/{registry['vn'].pk}/").content.decode()
    assert "ຫີນປູນ ສຳລັບເຮັດຊີມັງ" in page
    # a Vietnamese reader still reads the Vietnamese nomenclature
    assert labels.hs("2521", "HS2017", "vi").lang == "vi"


def test_a_bad_lao_file_names_row_and_column_and_saves_nothing(client_for, la_focal):
    client = client_for(la_focal)
    upload = _xlsx(
        [
            ["code", "description_lo"],
            ["4001", "ຢາງພາລາທຳມະຊາດ"],
            [101, "ມ້າ"],  # 0101 typed as a number: the zero is gone
            ["123456", "ບໍ່ມີ"],
            ["4002", "synthetic rubber"],
        ]
    )
    response = client.post("/hs/lao/", {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "leading zero" in page and "0101" in page
    assert "123456" in page and "no Lao letter" in page
    assert ">3<" in page and ">4<" in page and ">5<" in page  # the rows, as Excel numbers them
    assert not HsLaoText.objects.exists()


def test_the_template_lists_codes_as_text_with_both_descriptions(client_for, la_focal):
    client = client_for(la_focal)
    client.cookies["django_language"] = "vi"
    wb = load_workbook(io.BytesIO(client.get("/hs/lao/template.xlsx").content))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[0] == "Mã HS"
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["0101"][2] == "Horses, asses, mules and hinnies; live"
    assert rows["0101"][3].startswith("Ngựa")


def test_only_lao_focal_points_and_stewards_add_lao_texts(client_for, vn_focal):
    assert client_for(vn_focal).get("/hs/lao/").status_code == 403


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("vi", 1_234_000_000, "1,2 tỷ USD"),
        ("vi", 560_000_000, "560 triệu USD"),
        ("lo", 1_234_000_000, "1,2 ຕື້ USD"),
        ("lo", 2_500_000, "2,5 ລ້ານ USD"),
        ("en", 1_234_000_000, "1.2 billion USD"),
        ("en", 560_000_000, "560 million USD"),
    ],
)
def test_amounts_in_words_per_language(lang, value, expected):
    assert formats.compact_usd(value, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("vi", "1.234.567,9"), ("lo", "1.234.567,9"), ("en", "1,234,567.9")]
)
def test_grouping_and_decimal_marks_per_language(lang, expected):
    assert formats.number(1234567.89, lang, 1) == expected
    assert formats.usd_million(1_234_567_890_000, lang) == expected


def test_chart_axes_speak_the_page_language():
    from django.utils import translation

    from lienket.trade import charts

    with translation.override("vi"):
        svg = charts.bar_chart("t", [("a", 2.0e9), ("b", 1.0e9)])
    assert "2 tỷ" in svg and "bn" not in svg


@pytest.mark.parametrize(
    ("lang", "amount", "ratio"),
    [
        ("vi", "1.234.568", "2,50"),
        ("lo", "1.234.568", "2,50"),
        ("en", "1,234,568", "2.50"),
    ],
)
def test_table_cells_use_the_languages_marks(lang, amount, ratio):
    from django.utils import translation

    from lienket.trade.templatetags.trade import cell

    with translation.override(lang):
        assert cell(1234567.8, "usd") == amount
        assert cell(2.5, "ratio") == ratio


def test_every_bundled_sme_rule_source_is_in_the_catalogue():
    from lienket import refdata
    from lienket.core import datalabels

    assert {r.source for r in refdata.sme_rules()} <= set(datalabels.SME_SOURCES)


def test_a_marked_text_reads_back_with_its_language():
    plain = labels.hs_plain("350790", "HS2017", "lo")  # enzymes: no Lao name bundled
    text, lang = labels.unmark(plain)
    assert lang == "en" and plain == f"{text} [EN]"
    assert labels.unmark(labels.hs_plain("350790", "HS2017", "vi"))[1] == ""
    assert labels.unmark(labels.hs_plain("400122", "HS2017", "lo"))[1] == ""  # a Lao name
