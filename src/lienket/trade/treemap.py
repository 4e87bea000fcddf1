"""A treemap of one direction's exports by HS section: each section a rectangle whose area is
its share, labelled in the page's language. Squarified layout (Bruls, Huizing and van Wijk,
2000): rows of rectangles kept as close to square as the values allow, so labels fit.
Server-rendered SVG, readable offline and in print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

WIDTH, HEIGHT = 720, 360
PALETTE = (
    "#1f5f99", "#c05a15", "#2e7d32", "#7a4aa0", "#8a6d1f", "#00796b", "#ad1457", "#455a64",
    "#5d4037", "#3949ab", "#6d8b00", "#b71c1c", "#0277bd", "#4e342e", "#827717", "#283593",
    "#00695c", "#6a1b9a", "#e65100", "#37474f", "#1b5e20",
)  # fmt: skip

Rect = tuple[float, float, float, float]


def _worst(row: Sequence[float], side: float) -> float:
    s = sum(row)
    return max(max(side * side * r / (s * s), s * s / (side * side * r)) for r in row)


def squarify(values: Sequence[float], x: float, y: float, w: float, h: float) -> list[Rect]:
    """Rectangles (x, y, w, h) for ``values`` (sorted largest first, all > 0) filling the box."""
    total = sum(values)
    if total <= 0:
        return []
    scaled = [v * w * h / total for v in values]
    out: list[Rect] = []
    i = 0
    while i < len(scaled):
        side = min(w, h)
        row = [scaled[i]]
        i += 1
        while i < len(scaled) and _worst([*row, scaled[i]], side) <= _worst(row, side):
            row.append(scaled[i])
            i += 1
        s = sum(row)
        if w >= h:  # a column at the left
            cw = s / h
            cy = y
            for r in row:
                out.append((x, cy, cw, r / cw))
                cy += r / cw
            x, w = x + cw, w - cw
        else:  # a row at the top
            rh = s / w
            cx = x
            for r in row:
                out.append((cx, y, r / rh, rh))
                cx += r / rh
            y, h = y + rh, h - rh
    return out


def treemap_svg(
    title: str,
    items: Sequence[tuple[str, str, float]],
    money: Callable[[float], str],
    share_text: Callable[[float], str],
) -> str:
    """``items`` are (key, label, value); the largest first. Labels that do not fit are left to
    the tooltip; every rectangle carries its full label, value and share in ``<title>``."""
    items = sorted(((k, lab, v) for k, lab, v in items if v > 0), key=lambda t: -t[2])
    if not items:
        return ""
    total = sum(v for _k, _lab, v in items)
    rects = squarify([v for _k, _lab, v in items], 0, 0, WIDTH, HEIGHT)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart treemap" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for n, ((key, label, value), (x, y, w, h)) in enumerate(zip(items, rects, strict=True)):
        colour = PALETTE[n % len(PALETTE)]
        tip = f"{label}: {money(value)} ({share_text(value / total)})"
        parts.append(
            f'<g class="tile" data-key="{escape(key)}"><rect x="{x:.1f}" y="{y:.1f}" '
            f'width="{w:.1f}" height="{h:.1f}" fill="{colour}" stroke="#fff" stroke-width="1.5">'
            f"<title>{escape(tip)}</title></rect>"
        )
        if w > 70 and h > 34:
            chars = max(int(w / 6.5), 4)
            short = label if len(label) <= chars else label[: chars - 1] + "…"
            parts.append(
                f'<text x="{x + 5:.1f}" y="{y + 15:.1f}" font-size="11" fill="#fff">'
                f"{escape(short)}</text>"
                f'<text x="{x + 5:.1f}" y="{y + 29:.1f}" font-size="11" fill="#fff">'
                f"{escape(share_text(value / total))}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
