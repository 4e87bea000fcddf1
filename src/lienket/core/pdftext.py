"""The text layer of lienket's PDFs, so that Lao copies and searches as it reads (issue 26).

WeasyPrint maps each drawn glyph to text once per font, first come first served
(Kozea/WeasyPrint#2841, still so in 70.0). Where a font draws one Lao character as several
glyphs — Noto Sans Lao draws "ນ້ຳ" as ນ, a nikhahit-and-tone ligature and the aa vowel — the
ligature is mapped to nothing and the extracted text is "ນcາ" or "ນາ". Two repairs, applied to
every PDF lienket writes (``install`` wraps WeasyPrint's line drawing once per process):

1. each line of text whose glyphs cannot carry it exactly is marked with its real text
   (``/ActualText``, PDF 1.5 section 14.9.4), which PDFium (Chrome), Acrobat and pdf.js use:
   they extract the line verbatim;
2. a glyph left without text is given the characters its ligature is made of, from the glyph's
   name in the font, in canonical order — so a reader that ignores ``/ActualText`` (pdfminer,
   pypdf) gets "ນ້ໍາ", the canonical decomposition of "ນ້ຳ", instead of losing the marks.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from functools import lru_cache
from typing import Any

#: characters a font may draw as more than one glyph (the Lao and Thai SARA AM)
SPLIT = ("\u0eb3", "\u0e33")
_lock = threading.Lock()
_installed = False


def _needs_actual_text(text: str) -> bool:
    return any(c in text for c in SPLIT)


@lru_cache(maxsize=16)
def _names(content: bytes) -> tuple[dict[int, str], dict[str, str]]:
    """A font's glyph names by glyph id, and each plain glyph name's character."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(content), lazy=True)
    order = font.getGlyphOrder()
    by_name = {}
    for code, name in font.getBestCmap().items():
        by_name.setdefault(name.split(".")[0].removesuffix("-lao").removesuffix("-thai"), chr(code))
    return dict(enumerate(order)), by_name


def ligature_text(content: bytes, glyph: int) -> str:
    """The characters a ligature glyph stands for, from its name ("niggahita_maiTho-lao.right"
    → tone mark, then nikhahit: marks that reorder first, as canonical decomposition has it);
    "" when the name does not tell."""
    try:
        order, by_name = _names(content)
    except Exception:  # a font fontTools cannot read keeps its mapping
        return ""
    name = order.get(glyph, "")
    parts = [p.removesuffix("-lao").removesuffix("-thai") for p in name.split(".")[0].split("_")]
    chars = [by_name.get(p, "") for p in parts]
    if len(parts) < 2 or not all(chars):
        return ""
    return "".join(sorted(chars, key=lambda c: unicodedata.combining(c) == 0))


def _fill_empty(stream: Any) -> None:
    for font in getattr(stream, "_fonts", {}).values():
        cmap = getattr(font, "cmap", None)
        if not cmap or "" not in cmap.values():
            continue
        for glyph, text in list(cmap.items()):
            if text == "":
                found = ligature_text(font.file_content, glyph)
                if found:
                    cmap[glyph] = found


def install() -> None:
    """Wrap WeasyPrint's line drawing (once per process; safe from several threads)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        import pydyf
        import weasyprint.draw.text as drawing

        original = drawing.draw_first_line

        def draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
            text = getattr(textbox, "text", "") or ""
            if not _needs_actual_text(text):
                return original(stream, textbox, *args, **kwargs)
            actual = pydyf.Dictionary({"ActualText": pydyf.String(text)})
            pydyf.Stream.begin_marked_content(stream, "Span", actual)
            try:
                return original(stream, textbox, *args, **kwargs)
            finally:
                pydyf.Stream.end_marked_content(stream)
                _fill_empty(stream)

        draw_first_line.__wrapped__ = original  # type: ignore[attr-defined]
        drawing.draw_first_line = draw_first_line
        _installed = True
