"""Each format in each language on the demo data: the PDF's text holds the headings and key
figures, the DOCX opens with python-docx and holds the same figures, and the Lao PDF's first
pages are kept as PNG for a person to look at the shaping."""

from __future__ import annotations

import ctypes
import io
import os
import re
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from docx import Document as Word

from lienket.core import formats
from lienket.engine.trade.turnover import Period
from lienket.reports import services, writers
from lienket.trade import tables
from tests.reports.conftest import DATED

pytestmark = pytest.mark.django_db
ARTEFACTS = Path(os.environ.get("LIENKET_TEST_ARTEFACTS", "var/test-artefacts"))

HEADINGS = {
    "vi": ("Tóm tắt các chỉ số chính", "Thương mại theo chuỗi ưu tiên và các mặt hàng chính",
           "Các bước tiếp theo", "BỘ CÔNG THƯƠNG"),
    # with SARA AM after a tone mark ("ນ້ຳ"), which the font draws as three glyphs (issue 26)
    "lo": ("ບາດກ້າວຕໍ່ໄປ", "ຄວາມຄືບໜ້າຂອງແຜນວຽກ", "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ",
           "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ", "ກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ"),
    "en": ("Summary of key figures", "Next steps", "MINISTRY OF INDUSTRY AND COMMERCE"),
}  # fmt: skip
STEPS = {"vi": "Tổ chức diễn đàn doanh nghiệp tại Viêng Chăn.",
         "lo": "ຈັດກອງປະຊຸມທຸລະກິດຢູ່ນະຄອນຫຼວງວຽງຈັນ.",
         "en": "Hold a business forum in Vientiane."}  # fmt: skip


def _pdf_text(data: bytes) -> tuple[str, pdfium.PdfDocument]:
    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))), pdf


def _flat(text: str) -> str:
    """Text without spaces: PDFium puts one before some Lao combining marks."""
    return "".join(text.replace("\ufffe", "").split())


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_each_format_in_each_language(demo, lang):
    doc, _snap = services.document(Period.parse("2022"), lang, DATED, STEPS[lang])
    turnover = next(r for r in tables.target_tracking("VNM", "LAO")["VNM"].rows
                    if r["period"] == "2022")["turnover"]  # fmt: skip
    figure = formats.usd_million(turnover, lang)

    html = writers.html(doc)
    assert f'<html lang="{lang}">' in html and figure in html

    data = writers.pdf(doc, html)
    text, pdf = _pdf_text(data)
    flat = _flat(text)
    for heading in HEADINGS[lang]:
        assert _flat(heading) in flat, heading
    assert figure in flat and _flat(STEPS[lang]) in flat
    assert len(pdf) > 8  # cover, contents, ten sections, annex
    # no combining mark stands without a letter before it (a dotted circle, a lost vowel)
    stray = [text[max(0, i - 6) : i + 2] for i, ch in enumerate(text)
             if unicodedata.category(ch) == "Mn"
             and (i == 0 or unicodedata.category(text[i - 1])[0] not in "LM")]  # fmt: skip
    assert not stray, stray[:10]
    if lang == "lo":
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        for i in range(3):
            pdf[i].render(scale=1.5).to_pil().save(ARTEFACTS / f"report-lo-page{i + 1}.png")
    pdf.close()

    word = Word(io.BytesIO(writers.docx(doc)))
    body = "\n".join(p.text for p in word.paragraphs)
    cells = "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    assert HEADINGS[lang][0] in body and STEPS[lang] in body
    assert figure in cells
    assert word.inline_shapes, "charts are PNG pictures in the DOCX"
    assert word.core_properties.language == lang


def test_lao_text_is_set_in_a_lao_font(demo):
    doc, _snap = services.document(Period.parse("2022"), "lo", DATED)
    pdf = pdfium.PdfDocument(writers.pdf(doc))
    page = pdf[0].get_textpage()
    fonts = {}
    for i in range(page.count_chars()):
        char = page.get_text_range(i, 1)
        if "\u0e80" <= char <= "\u0eff":
            buf = ctypes.create_string_buffer(256)
            pdfium_c.FPDFText_GetFontInfo(page.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
            fonts[buf.value.decode()] = char
    pdf.close()
    assert fonts and all("Lao" in name for name in fonts), fonts


def test_chart_png_has_the_drawing(demo):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect x="0" y="0" '
           'width="200" height="100" fill="#1f5f99"/><text x="10" y="50">ກາເຟ</text></svg>')  # fmt: skip
    png, w, h = writers.svg_png(svg)
    assert png.startswith(b"\x89PNG") and (w, h) == (200, 100)


@pytest.mark.parametrize("lang", ["lo", "vi"])
def test_chart_and_map_labels_are_page_text_in_the_pdf(demo, lang):
    """Issue 26: WeasyPrint drew SVG labels glyph by glyph (each Lao vowel on a dotted circle,
    nothing to copy). In the PDF every label is an HTML span over the drawing, shaped by Pango
    like the body, and the PDF's text layer holds it verbatim."""
    from html import unescape

    from lienket.reports import chartlabels
    from lienket.reports.document import Chart

    doc, _snap = services.document(Period.parse("2022"), lang, DATED, STEPS[lang])
    charts = [b for s in doc.sections for b in s.blocks if isinstance(b, Chart)]
    assert charts, "the demo report has charts"
    labels = {
        unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
        for c in charts
        for m in chartlabels.TEXT.finditer(c.svg)
    } - {""}
    page = chartlabels.as_html_labels(writers.html(doc))
    assert "<text" not in page  # nothing is left for the SVG renderer to draw as glyphs
    assert page.count('class="chart-label"') >= len(labels)
    text, pdf = _pdf_text(writers.pdf(doc))
    pdf.close()
    flat = _flat(text)
    # every label, SARA AM after a tone mark included (``core.pdftext``)
    checked = sorted(labels)
    missing = [label for label in checked if _flat(label) not in flat]
    assert not missing, missing[:10]
    assert len(checked) > 10
    if lang == "lo":
        assert any(re.search("[\u0e80-\u0eff]", label) for label in checked)


def test_bold_lao_draws_as_the_systems_noto_sans_lao_bold():
    """Issue 26: the bold Lao face embedded in the report (cover line, table headers) stacked
    its vowel and tone marks onto each other ("ສົ່ງ"); the embedded faces are now Noto Sans Lao
    as Debian ships it, so the report's bold draws exactly as the system's font does."""
    import numpy as np
    from weasyprint import HTML

    faces = writers._font_faces().replace('"Noto Sans Lao"', '"Embedded Lao"')
    words = "ຜູ້ສົ່ງອອກແຈ້ງ ກ່ຽວກັບການເຊື່ອມໂຍງອຸດສາຫະກຳ"

    def drawn(family: str) -> np.ndarray:
        page = (f"<html><head><style>{faces} p {{ font: 700 24pt {family}; margin: 0 }}"
                f"</style></head><body><p>{words}</p></body></html>")  # fmt: skip
        pdf = pdfium.PdfDocument(HTML(string=page).write_pdf())
        image = np.asarray(pdf[0].render(scale=2).to_pil().convert("L"), dtype=float)
        pdf.close()
        return image

    embedded, system = drawn('"Embedded Lao"'), drawn('"Noto Sans Lao"')
    assert (embedded < 128).sum() > 1000  # something was drawn
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pdfium_image = np.vstack([embedded, system]).astype("uint8")
    from PIL import Image

    Image.fromarray(pdfium_image).save(ARTEFACTS / "bold-lao-embedded-vs-system.png")

    def ink(image: np.ndarray) -> np.ndarray:  # the drawn words, wherever the line box put them
        rows, cols = np.nonzero(image < 128)
        return image[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]

    a, b = ink(embedded), ink(system)
    assert a.shape == b.shape and np.abs(a - b).mean() < 2.0


@pytest.mark.parametrize("font", ["Phetsarath OT", "Noto Sans Lao"])
def test_the_lao_font_of_documents_is_a_setting(demo, settings, font):
    """Issue 26: Phetsarath OT, the Lao government's standard font, beside Noto Sans Lao."""
    settings.LIENKET_LAO_FONT = font
    doc, _snap = services.document(Period.parse("2022"), "lo", DATED, STEPS["lo"])
    pdf = pdfium.PdfDocument(writers.pdf(doc))
    page = pdf[0].get_textpage()
    fonts = set()
    for i in range(page.count_chars()):
        if "\u0e80" <= page.get_text_range(i, 1) <= "\u0eff":
            buf = ctypes.create_string_buffer(256)
            pdfium_c.FPDFText_GetFontInfo(page.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
            fonts.add(buf.value.decode().split("+", 1)[-1].replace("-", "").replace("_", ""))
    pdf.close()
    wanted = font.replace(" ", "")
    assert fonts and all(name.startswith(wanted) for name in fonts), fonts
    word = Word(io.BytesIO(writers.docx(doc)))
    assert word.styles["Normal"].font.name == font


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_the_report_is_an_official_document_of_each_side(demo, lang):
    """Issue 26: for Vietnamese the layout of Decree 30/2020/NĐ-CP — national name and motto,
    issuing body, number, place and date, subject, recipients, signature block — for Lao its
    equivalent, in the PDF and in the DOCX; English plain."""
    from lienket.reports.common import OFFICIAL

    doc, _snap = services.document(Period.parse("2022"), lang, DATED, STEPS[lang])
    official = OFFICIAL[lang]
    text, pdf = _pdf_text(writers.pdf(doc))
    pdf.close()
    flat = _flat(text)
    word = Word(io.BytesIO(writers.docx(doc)))
    cells = "\n".join(p.text for t in word.tables for row in t.rows for c in row.cells
                      for p in c.paragraphs)  # fmt: skip
    expected = [official["issuer"], official["number"], official["recipients_label"]]
    if lang != "en":
        expected += [official["nation"], official["motto"], official["place"]]
    for part in expected:  # the issuing body is printed in capitals, as the decree asks
        assert _flat(part).upper() in flat.upper(), part
        assert part.upper() in cells.upper(), part
    if lang == "vi":
        assert "HàNội,ngày1tháng3năm2025" in flat  # place and date as Decree 30 writes them
        assert "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" in flat and "Độclập-Tựdo-Hạnhphúc" in flat


def test_a_steward_sets_the_official_parts_in_the_template(demo, client_for, steward):
    from lienket.reports.models import Template

    tpl = Template.current()
    tpl.cover = {"vi": {"number": "Số: 123/BC-BCT", "signer_name": "Nguyễn Văn A"}}
    tpl.save()
    doc, _snap = services.document(Period.parse("2022"), "vi", DATED)
    assert doc.official["number"] == "Số: 123/BC-BCT"
    assert doc.official["signer_name"] == "Nguyễn Văn A"
    assert doc.official["issuer"] == "BỘ CÔNG THƯƠNG"  # the rest stays the default
    page = client_for(steward).get("/reports/template/").content.decode()
    assert "Số: 123/BC-BCT" in page and 'name="lo_motto"' in page


def test_citations_are_one_numbered_note_not_a_run_of_marks(demo):
    """Issue 26: a heading ended in twenty citation marks; its sources are now one note with
    the consecutive numbers joined ([1–5, 7]), in the HTML, the PDF and the DOCX."""
    from lienket.reports.writers import cite_text

    assert cite_text([7, 1, 2, 3, 4, 5]) == "[1–5, 7]" and cite_text([2, 3]) == "[2, 3]"
    doc, _snap = services.document(Period.parse("2022"), "en", DATED)
    html = writers.html(doc)
    assert "</a></sup><sup>" not in html  # never two marks in a row
    many = [b for s in doc.sections for b in s.blocks if len(getattr(b, "sources", ())) > 2]
    assert many, "the demo has a block with several sources"
    assert cite_text(many[0].sources) in re.sub(r"<[^>]+>", "", html)
