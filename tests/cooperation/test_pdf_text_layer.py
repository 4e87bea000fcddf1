"""Issue 26, part 1: Lao copied or extracted from lienket's PDFs reads as it was written.

Noto Sans Lao draws SARA AM after a tone mark ("ນ້ຳ", water) as three glyphs, and WeasyPrint
mapped the middle one to nothing: the text layer said "ນcາ" (PDFium) or "ນາ" (pypdf).
``core.pdftext`` marks such lines with their real text and names the ligature's characters."""

from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium
import pytest
import weasyprint.draw.text as drawing
from weasyprint import HTML

from lienket.core import pdftext

WORDS = "ນ້ຳມັນ ແລະ ນ້ຳຕານ ກ່ຳ ອຸດສາຫະກຳ ຄ່ຳຄືນ"


def _pdf(text: str, weight: int = 400) -> bytes:
    page = (f'<html><body style="font: {weight} 18pt \'Noto Sans Lao\'"><p>{text}</p>'
            f"</body></html>")  # fmt: skip
    return HTML(string=page).write_pdf()


def _text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].get_textpage().get_text_range().strip()
    finally:
        pdf.close()


@pytest.mark.parametrize("weight", [400, 700])
def test_lao_round_trips_through_the_pdf_text_layer(weight, monkeypatch):
    pdftext.install()
    assert _text(_pdf(WORDS, weight)) == WORDS  # verbatim, bold too
    # without the repair the same page loses the word (the test can fail)
    monkeypatch.setattr(drawing, "draw_first_line", drawing.draw_first_line.__wrapped__)
    assert _text(_pdf(WORDS, weight)) != WORDS


def test_a_reader_that_ignores_actual_text_still_gets_every_mark():
    """pypdf and pdfminer read the glyph map only: the ligature now carries its characters, so
    they read the canonical decomposition ("ນ້ໍາ"), equal to the text under NFKC."""
    pdftext.install()
    data = _pdf(WORDS)
    import re
    import zlib

    maps = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            chunk = zlib.decompress(m.group(1))
        except zlib.error:
            continue
        if b"beginbfchar" in chunk:
            maps.append(chunk.decode("latin-1"))
    assert maps and not any("<>" in m for m in maps)  # no glyph mapped to nothing
    # tone mark, then nikhahit: with the aa vowel, the NFKC form of the word's SARA AM
    assert any("<0ec90ecd>" in m.lower() for m in maps)


@pytest.mark.django_db
def test_the_certificate_keeps_a_lao_name_with_sara_am(coop):
    from lienket.cooperation import services
    from lienket.cooperation.models import Nomination

    n = Nomination.objects.get(certificate="LK-DEMO-0001")
    n.trainee.name_lo = "ນາງ ນ້ຳຝົນ ຄຳມະນີ"
    n.trainee.save()
    text = _text(services.certificate_pdf(n))
    assert "ນາງ ນ້ຳຝົນ ຄຳມະນີ" in text
    assert not [c for i, c in enumerate(text) if unicodedata.category(c) == "Mn"
                and (i == 0 or unicodedata.category(text[i - 1])[0] not in "LM")]  # fmt: skip
