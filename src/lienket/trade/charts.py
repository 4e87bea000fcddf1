"""Small SVG charts drawn on the server: a few kilobytes each, readable without JavaScript, and
reusable in the PDF report. Text stays text (not paths), so Lao labels use the page's font.

Hand-written rather than matplotlib: a chart here is a handful of lines and rectangles, and a
matplotlib SVG of the same chart weighs ten times more on a slow connection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from django.utils.translation import get_language

from lienket.core import labels
from lienket.core.formats import compact

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40
COLOURS = ("#1f5f99", "#c05a15", "#7a4aa0", "#8a6d1f")


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[int, float | None]]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _money(value: float) -> str:
    """An axis or point value in the active language's words (1,2 tỷ; 1,2 ຕື້; 1.2 billion)."""
    return compact(value, (get_language() or "en")[:2]) or ""


def line_chart(
    title: str,
    series: Sequence[Series],
    band: Sequence[tuple[int, float | None, float | None]] = (),
    band_label: str = "",
    money: Callable[[float], str] | None = None,
    bridge: bool = False,
) -> str:
    """Lines by year with an optional shaded band (e.g. the growth target); gaps stay gaps, or
    with ``bridge`` are crossed by a dashed line (figures published for some years only).

    ``money`` writes an axis or point value (the report passes one in its reader's language)."""
    money = money or _money
    years = sorted({y for s in series for y, _ in s.points} | {y for y, _, _ in band})
    values = [v for s in series for _, v in s.points if v is not None]
    values += [v for _, lo, hi in band for v in (lo, hi) if v is not None]
    if not years or not values:
        return ""
    top = _nice_max(max(values))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max(len(years) - 1, 1)

    def x(year: int) -> float:
        return LEFT + plot_w * (years.index(year) / span if len(years) > 1 else 0.5)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>',
    ]
    for i in range(5):
        v = top * i / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#dde3ea"/><text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
            f'font-size="11">{money(v)}</text>'
        )
    for year in years:
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11">{year}</text>'
        )
    pts = sorted((yr, lo, hi) for yr, lo, hi in band if lo is not None and hi is not None)
    # each year's band comes from the year before (as the table has it): years that follow one
    # another are joined, a year on its own is a bar, and a gap in the data stays a gap
    runs_of_band: list[list[tuple[int, float, float]]] = []
    for point in pts:
        if runs_of_band and point[0] == runs_of_band[-1][-1][0] + 1:
            runs_of_band[-1].append(point)
        else:
            runs_of_band.append([point])
    for band_run in runs_of_band:
        if len(band_run) > 1:
            upper = " ".join(f"{x(yr):.1f},{y(hi):.1f}" for yr, _, hi in band_run)
            lower = " ".join(f"{x(yr):.1f},{y(lo):.1f}" for yr, lo, _ in reversed(band_run))
            parts.append(f'<polygon points="{upper} {lower}" fill="#e4f1e4" stroke="#9ccc9c"/>')
        else:
            yr, lo, hi = band_run[0]
            parts.append(
                f'<rect x="{x(yr) - 6:.1f}" y="{y(hi):.1f}" width="12" '
                f'height="{max(y(lo) - y(hi), 1.0):.1f}" fill="#e4f1e4" stroke="#9ccc9c"/>'
            )
    for i, s in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        run: list[str] = []
        runs = []
        previous: int | None = None
        for year, v in sorted(s.points):
            skipped = bridge and previous is not None and year > previous + 1
            if v is None or skipped:  # a year without a figure breaks the line
                if run:
                    runs.append(run)
                run = []
                if v is None:
                    continue
            previous = year
            run.append(f"{x(year):.1f},{y(v):.1f}")
            parts.append(
                f'<circle cx="{x(year):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}">'
                f"<title>{escape(s.label)} {year}: {money(v)}</title></circle>"
            )
        if run:
            runs.append(run)
        if bridge and len(runs) > 1:
            for left, right in pairwise(runs):
                parts.append(
                    f'<polyline class="bridge" points="{left[-1]} {right[0]}" fill="none" '
                    f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 4"/>'
                )
        for r in runs:
            if len(r) > 1:
                parts.append(
                    f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"/>'
                )
    legend = [(s.label, COLOURS[i % len(COLOURS)]) for i, s in enumerate(series)]
    if band_label and len(pts) > 1:
        legend.append((band_label, "#9ccc9c"))
    lx = LEFT
    for label, colour in legend:
        parts.append(
            f'<rect x="{lx}" y="{HEIGHT - 14}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{HEIGHT - 5}" font-size="11">{escape(label)}</text>'
        )
        lx += 24 + 7 * len(label)
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(
    title: str,
    bars: Sequence[tuple[str, float]],
    colour: str = COLOURS[0],
    money: Callable[[float], str] | None = None,
) -> str:
    """Horizontal bars, largest first as given."""
    money = money or _money
    bars = [(label, v) for label, v in bars if v and v > 0]
    if not bars:
        return ""
    row = 22
    height = TOP + row * len(bars) + 8
    label_w = 220
    top = max(v for _, v in bars)
    plot_w = WIDTH - label_w - 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'class="chart" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (label, v) in enumerate(bars):
        y = TOP + i * row
        w = plot_w * v / top
        text, other = labels.unmark(label)  # a text not in the reader's language
        limit = 25 if other else 30
        short = text if len(text) <= limit else text[: limit - 1] + "…"
        short += f" [{labels.LANGUAGE_NAMES[other]}]" if other else ""
        lang = f' lang="{other}"' if other else ""
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="11"{lang}>'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{colour}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" font-size="11">{money(v)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
