"""The report written as HTML (one self-contained file), PDF (WeasyPrint from that HTML) and
DOCX (python-docx from the same blocks). Values are formatted here, in the report's language.

Lao is shaped by Pango (HarfBuzz) in the PDF with Noto Sans Lao, embedded in the HTML so that a
reader's browser needs no Lao font of its own; the DOCX names Noto Sans Lao for Lao text and
carries its charts as PNG pictures drawn from the same SVG.
"""

from __future__ import annotations

import base64
import io
import re
from datetime import datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from lienket.core import formats, pdftext
from lienket.governance.glance import STATUS
from lienket.governance.models import CommitmentStatus
from lienket.reports import chartlabels
from lienket.reports.document import Chart, Document, Figures, Paragraph, Table

FONTS = Path(__file__).resolve().parent.parent / "web" / "static" / "fonts"
FONT_STACK = '"Noto Sans", "Noto Sans Lao", "Phetsarath OT", "DejaVu Sans", sans-serif'


#: each commitment status's cell colour (the page's badge colours)
SHADES = {"on-track": "E3F1E3", "at-risk": "FFF1CC", "behind": "F9DEDB", "no-data": "ECEFF2"}


def lao_font() -> str:
    """The Lao font documents are set in (``LIENKET_LAO_FONT``)."""
    return str(settings.LIENKET_LAO_FONT)


def font_stack() -> str:
    """The documents' fonts, the chosen Lao font before the other (Latin text keeps Noto Sans,
    which has no Lao letters, so Lao falls through to the chosen one)."""
    lao = lao_font()
    other = "Phetsarath OT" if lao == "Noto Sans Lao" else "Noto Sans Lao"
    return f'"Noto Sans", "{lao}", "{other}", "DejaVu Sans", sans-serif'


#: a recorded commitment's status as the colour of its cell
_COMMITMENT_SHADE = {"met": "on-track", "on_track": "on-track", "at_risk": "at-risk",
                     "late": "behind", "not_met": "behind", "not_started": "no-data",
                     "not_tracked": "no-data"}  # fmt: skip


def shade_of(status: Any) -> str:
    """The colour class of a status cell (on-track, at-risk, behind, no-data)."""
    return status if status in SHADES else _COMMITMENT_SHADE.get(status, "no-data")


def cell(value: Any, kind: str, lang: str, nodata: str) -> str:
    """One value as the report prints it; ``None`` is "no data", never zero."""
    if value is None:
        return nodata
    if kind == "status":  # a commitment's status (``glance.STATUS`` or ``CommitmentStatus``)
        if value in STATUS:
            return str(STATUS[value])
        return str(CommitmentStatus(value).label) if value in CommitmentStatus.values else value
    if isinstance(value, str):  # a word where a number would be ("—" in a total row)
        return value
    if kind == "million":
        return formats.usd_million(value, lang) or nodata
    if kind == "percent":
        return formats.percent(value, lang) or nodata
    if kind == "int":
        return formats.number(value, lang) or nodata
    if kind == "number":
        return formats.number(value, lang, 1) or nodata
    if kind == "ratio":
        return formats.number(value, lang, 2) or nodata
    if kind == "date":
        return formats.long_date(value, lang) or nodata
    return str(value)


def cite_runs(numbers: tuple[int, ...] | list[int]) -> list[tuple[str, int]]:
    """Source numbers as one note: runs of consecutive numbers joined (1–5, 7), each with the
    number its link goes to, instead of a mark per source after a heading (issue 26)."""
    runs: list[tuple[str, int]] = []
    ordered = sorted(set(numbers))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = ordered[i], ordered[j]
        text = str(first) if first == last else f"{first}, {last}" if last == first + 1 else (
            f"{first}–{last}")  # fmt: skip
        runs.append((text, first))
        i = j + 1
    return runs


def cite_text(numbers: tuple[int, ...] | list[int]) -> str:
    runs = cite_runs(numbers)
    return "[" + ", ".join(text for text, _first in runs) + "]" if runs else ""


@cache
def _font_faces() -> str:
    out = []
    for weight in (400, 700):
        data = (FONTS / f"noto-sans-lao-lao-{weight}-normal.woff2").read_bytes()
        uri = "data:font/woff2;base64," + base64.b64encode(data).decode("ascii")
        out.append(
            f'@font-face {{ font-family: "Noto Sans Lao"; font-weight: {weight}; '
            f'src: url("{uri}") format("woff2"); unicode-range: U+0E80-0EFF, U+200C-200D; }}'
        )
    return "\n".join(out)


def _view(doc: Document) -> dict[str, Any]:
    """The blocks with every value already written as text."""
    nodata = doc.labels["no_data"]
    sections = []
    for n, s in enumerate(doc.sections, start=1):
        blocks = []
        for b in s.blocks:
            if isinstance(b, Paragraph):
                blocks.append({"type": "p", "text": b.text, "style": b.style})
            elif isinstance(b, Figures):
                rows = [(label, cell(v, k, doc.lang, nodata)) for label, v, k in b.rows]
                blocks.append({"type": "figures", "title": b.title, "rows": rows,
                               "sources": b.sources, "cites": cite_runs(b.sources)})  # fmt: skip
            elif isinstance(b, Table):
                blocks.append(
                    {
                        "type": "table",
                        "title": b.title,
                        "columns": [(label, kind) for label, kind in b.columns],
                        "rows": [
                            [
                                (
                                    cell(v, kind, doc.lang, nodata),
                                    kind,
                                    shade_of(v) if kind == "status" else "",
                                )
                                for v, (_label, kind) in zip(row, b.columns, strict=True)
                            ]
                            for row in b.rows
                        ],
                        "sources": b.sources,
                        "cites": cite_runs(b.sources),
                        "note": b.note,
                    }
                )
            elif isinstance(b, Chart):
                blocks.append({"type": "chart", "title": b.title, "svg": b.svg,
                               "sources": b.sources, "cites": cite_runs(b.sources)})  # fmt: skip
        sections.append({"number": n, "key": s.key, "title": s.title, "blocks": blocks})
    return {
        "doc": doc,
        "sections": sections,
        "dated": formats.long_date(doc.dated, doc.lang),
        "as_of": formats.long_date(doc.as_of, doc.lang),
        "fonts": _font_faces(),
        "font_stack": font_stack(),
    }


def html(doc: Document) -> str:
    """The report as one HTML file: fonts, styles and charts inside, nothing fetched."""
    with translation.override(doc.lang):
        return render_to_string("reports/document.html", _view(doc))


def pdf(doc: Document, text: str | None = None) -> bytes:
    """The report as PDF: the HTML report with each chart's labels laid out as page text
    (``chartlabels``: shaped by Pango like the body, and in the PDF's text layer)."""
    from weasyprint import HTML

    pdftext.install()
    return bytes(HTML(string=chartlabels.as_html_labels(text or html(doc))).write_pdf())


# --- DOCX --------------------------------------------------------------------------------------


def svg_png(svg: str, scale: float = 2.0) -> tuple[bytes, float, float]:
    """A PNG of an SVG drawing, shaped like the PDF's (WeasyPrint, then PDFium), with its size
    in CSS pixels."""
    import pypdfium2 as pdfium
    from weasyprint import HTML

    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    w, h = (float(found[1]), float(found[2])) if found else (640.0, 260.0)
    page = (
        f"<html><head><style>{_font_faces()} @page {{ size: {w}px {h}px; margin: 0 }} "
        f"body {{ margin: 0; font-family: {font_stack()} }} svg {{ width: {w}px; height: {h}px }}"
        f"</style></head><body>{svg}</body></html>"
    )
    data = HTML(string=page).write_pdf()
    pdf_doc = pdfium.PdfDocument(data)
    try:
        image = pdf_doc[0].render(scale=scale * 72 / 96).to_pil()
        out = io.BytesIO()
        image.save(out, "PNG", optimize=True)
    finally:
        pdf_doc.close()
    return out.getvalue(), w, h


def docx(doc: Document) -> bytes:
    from docx import Document as Word
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    view = _view(doc)
    word = Word()
    font = lao_font() if doc.lang == "lo" else "Noto Sans"
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption"):
        style = word.styles[style_name]
        style.font.name = font
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)
        lang = style.element.get_or_add_rPr().find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            style.element.get_or_add_rPr().append(lang)
        code = {"vi": "vi-VN", "lo": "lo-LA", "en": "en-GB"}[doc.lang]
        lang.set(qn("w:val"), code)
        lang.set(qn("w:bidi"), code)
    word.styles["Normal"].font.size = Pt(10)
    props = word.core_properties
    props.title = f"{doc.title} – {doc.period}"
    props.author = "lienket"
    props.language = doc.lang
    stamp = datetime.combine(doc.dated, time(0, 0))
    props.created = props.modified = stamp
    props.revision = 1
    props.comments = f"{doc.labels['snapshot']}: {doc.snapshot}"

    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))

    # the official heading: issuing body, number and subject; nation, motto, place and date
    official = doc.official
    heading = word.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    for cell, lines in (
        (left, [(official.get("issuer", ""), True, False), (official.get("number", ""), False,
                 False), (official.get("subject", ""), False, False)]),
        (right, [(official.get("nation", ""), True, False), (official.get("motto", ""), True,
                  True), (doc.place_date, False, False)]),
    ):  # fmt: skip
        cell.paragraphs[0].text = ""
        first = True
        for text, bold, underline in lines:
            if not text:
                continue
            para = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = para.add_run(text.upper() if bold and not underline else text)
            run.bold, run.underline = bold, underline
            if text == doc.place_date:
                run.italic = True
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    word.add_paragraph()

    # cover
    for name in doc.ministries:
        p = word.add_paragraph(name.upper())
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.runs[0].bold = True
    if doc.logo:
        data = base64.b64decode(doc.logo.split(",", 1)[1])
        if "svg" not in doc.logo[:30]:
            word.add_picture(io.BytesIO(data), width=Cm(3))
            word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(3):
        word.add_paragraph()
    title = word.add_paragraph(doc.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = word.add_paragraph(doc.period)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.runs[0].font.size = Pt(16)
    for line in (doc.cover_note, f"{doc.labels['dated']}: {view['dated']}",
                 f"{doc.labels['as_of']}: {view['as_of']}",
                 f"{doc.labels['snapshot']}: {doc.snapshot[:16]}"):  # fmt: skip
        p = word.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if doc.fictional:
        p = word.add_paragraph(doc.labels["fictional"])
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.runs[0].font.color.rgb = RGBColor(0xC0, 0x39, 0x2B)
        p.runs[0].bold = True

    # contents: the section list (Word's own TOC field needs updating on opening; this does not)
    word.add_page_break()
    word.add_heading(doc.labels["contents"], level=1)
    for s in view["sections"]:
        word.add_paragraph(f"{s['number']}. {s['title']}")
    word.add_paragraph(f"{doc.labels['sources']}")
    word.add_paragraph(doc.labels["units"]).runs[0].italic = True

    def sources_line(numbers: tuple[int, ...]) -> None:
        if numbers:
            p = word.add_paragraph(f"{doc.labels['source']}: {cite_text(numbers)}")
            p.runs[0].font.size = Pt(8)

    def grid(header: list[str], rows: list[list[tuple[str, ...]]]) -> None:
        t = word.add_table(rows=1, cols=len(header))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for c, label in zip(t.rows[0].cells, header, strict=True):
            c.text = label
            for r in c.paragraphs[0].runs:
                r.bold = True
                r.font.size = Pt(8)
        for row in rows:
            cells = t.add_row().cells
            for c, (text, kind, *status) in zip(cells, row, strict=True):
                c.text = text
                para = c.paragraphs[0]
                if status and status[0] in SHADES:  # the status colour, as on the page
                    shade = OxmlElement("w:shd")
                    shade.set(qn("w:val"), "clear")
                    shade.set(qn("w:fill"), SHADES[status[0]])
                    c._tc.get_or_add_tcPr().append(shade)
                elif kind not in ("text", "date", "status"):
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for r in para.runs:
                    r.font.size = Pt(8)

    for s in view["sections"]:
        word.add_page_break()
        word.add_heading(f"{s['number']}. {s['title']}", level=1)
        for b in s["blocks"]:
            if b["type"] == "p":
                p = word.add_paragraph(b["text"])
                if b["style"] in ("nodata", "note"):
                    p.runs[0].italic = True
            elif b["type"] == "figures":
                word.add_heading(b["title"], level=2)
                grid(
                    [doc.labels["period"], doc.period],
                    [[(label, "text"), (value, "number")] for label, value in b["rows"]],
                )
                sources_line(b["sources"])  # fmt: skip
            elif b["type"] == "table":
                word.add_heading(b["title"], level=2)
                grid([label for label, _k in b["columns"]], b["rows"])
                if b["note"]:
                    word.add_paragraph(b["note"]).runs[0].italic = True
                sources_line(b["sources"])
            elif b["type"] == "chart":
                png, w, _h = svg_png(b["svg"])
                word.add_picture(io.BytesIO(png), width=Cm(min(16.5, 16.5 * w / 640)))
                cap = word.add_paragraph(b["title"], style="Caption")
                cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
                sources_line(b["sources"])

    # recipients and signature
    closing = word.add_table(rows=1, cols=2)
    to, sign = closing.rows[0].cells
    label = to.paragraphs[0].add_run(official.get("recipients_label", ""))
    label.bold = label.italic = True
    for line in official.get("recipients", "").splitlines():
        if line.strip():
            to.add_paragraph().add_run(line).font.size = Pt(8.5)
    for n, line in enumerate(official.get("signer_title", "").splitlines()):
        para = sign.paragraphs[0] if n == 0 else sign.add_paragraph()
        para.add_run(line.upper()).bold = True
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(4):
        sign.add_paragraph()
    name = sign.add_paragraph()
    name.add_run(official.get("signer_name", "")).bold = True
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER

    word.add_page_break()
    word.add_heading(doc.labels["sources"], level=1)
    for src in doc.sources:
        mark = f" — {doc.labels['fictional_short']}" if src.fictional else ""
        word.add_paragraph(f"[{src.number}] {src.title}{mark}")
    word.add_paragraph(doc.labels["snapshot_note"])
    word.add_paragraph(f"{doc.labels['snapshot']}: {doc.snapshot}")

    # page numbers in the footer
    last = word.sections[-1]  # one section: its footer serves every page
    foot = last.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = foot.add_run(f"{doc.labels['page']} ")
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run = foot.add_run()
        run._r.append(el)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def write(doc: Document, fmt: str) -> bytes:
    if fmt == "html":
        return html(doc).encode("utf-8")
    if fmt == "pdf":
        return pdf(doc)
    if fmt == "docx":
        return docx(doc)
    raise ValueError(f"unknown format {fmt!r}")
