"""Chart and map labels as text the PDF's typesetter lays out (issue 26).

WeasyPrint draws the ``<text>`` of an inline SVG glyph by glyph, without the shaping engine it
uses for the page (Pango with HarfBuzz): a Lao vowel or tone mark then stands alone on a dotted
circle, and the label is not text a reader can search or copy. So, for the PDF, every SVG with a
``viewBox`` keeps its drawing and loses its ``<text>`` elements, and each label becomes an HTML
``<span>`` placed over the drawing at the same point, with the same size, colour, weight,
anchor and rotation: Pango shapes it like the body, and the PDF's text layer holds it. A browser
shapes SVG text itself, so the HTML report keeps its SVGs as they are.
"""

from __future__ import annotations

import re
from html import escape, unescape

#: the widest a chart is drawn in the PDF, in CSS pixels (A4 less the page's margins)
MAX_WIDTH = 650.0
#: where a line's baseline sits below the top of its box, as a share of the font size
BASELINE = 0.85

SVG = re.compile(r"<svg\b[^>]*\bviewBox=\"([-\d.\s]+)\"[^>]*>.*?</svg>", re.S)
TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
ROTATE = re.compile(r"rotate\(\s*(-?[\d.]+)")
TAG = re.compile(r"<[^>]+>")


def _number(value: str | None, default: float) -> float:
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def _label(attrs: dict[str, str], inner: str, left: float, top: float, k: float) -> str:
    size = _number(attrs.get("font-size"), 16.0) * k
    x = (_number(attrs.get("x"), 0.0) - left) * k
    y = (_number(attrs.get("y"), 0.0) - top) * k
    anchor = attrs.get("text-anchor", "start")
    shift = {"middle": "-50%", "end": "-100%"}.get(anchor, "0")
    turn = ROTATE.search(attrs.get("transform", ""))
    transform = f"translateX({shift})" + (f" rotate({turn.group(1)}deg)" if turn else "")
    origin = {"middle": "50%", "end": "100%"}.get(anchor, "0")
    style = [
        "position:absolute",
        "white-space:nowrap",
        "line-height:1",
        f"left:{x:.2f}px",
        f"top:{y - BASELINE * size:.2f}px",
        f"font-size:{size:.2f}px",
        f"transform:{transform}",
        f"transform-origin:{origin} {BASELINE * 100:.0f}%",
    ]
    if fill := attrs.get("fill"):
        style.append(f"color:{escape(fill)}")
    if weight := attrs.get("font-weight"):
        style.append(f"font-weight:{escape(weight)}")
    if attrs.get("font-style") == "italic":
        style.append("font-style:italic")
    lang = f' lang="{escape(attrs["lang"])}"' if attrs.get("lang") else ""
    text = escape(unescape(TAG.sub("", inner)), quote=False)
    return f'<span class="chart-label"{lang} style="{";".join(style)}">{text}</span>'


def _chart(match: re.Match[str]) -> str:
    svg = match.group(0)
    box = [float(v) for v in match.group(1).split()]
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        return svg
    left, top, width, height = box
    k = min(1.0, MAX_WIDTH / width)
    labels = [
        _label(dict(ATTR.findall(m.group(1))), m.group(2), left, top, k) for m in TEXT.finditer(svg)
    ]
    if not labels:
        return svg
    drawing = TEXT.sub("", svg)
    w, h = width * k, height * k
    drawing = drawing.replace(
        "<svg", f'<svg style="width:{w:.2f}px;height:{h:.2f}px;display:block"', 1
    )
    return (
        f'<div class="chart-drawing" style="position:relative;width:{w:.2f}px;'
        f'height:{h:.2f}px">{drawing}{"".join(labels)}</div>'
    )


def as_html_labels(page: str) -> str:
    """The page with every SVG's labels moved out of the drawing into positioned HTML."""
    return SVG.sub(_chart, page)
