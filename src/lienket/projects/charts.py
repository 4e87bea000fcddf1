"""Charts of the projects pages as SVG drawn on the server: no script, printable, offline."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lienket.core.pages import safe_svg
from lienket.projects.services import CapacityYear, YearLine

OPERATING, COMMITTED, TARGET = "#1f5f99", "#9dc3e6", "#c0392b"


def safe(svg: str) -> SafeString:
    """SVG built here and by the maps: every text in it went through ``escape``."""
    return safe_svg(svg)


def _num(value: float | Decimal) -> str:
    return number_format(round(float(value)), 0, use_l10n=True, force_grouping=True)


def capacity_chart(
    years: Sequence[CapacityYear], targets: Sequence[tuple[int, Decimal, str]], title: str
) -> str:
    """Stacked bars of MW operating and committed by year, with the targets as marks."""
    width, height, left, bottom, top = 760, 300, 60, 40, 30
    top_value = max([float(y.total) for y in years] + [float(v) for _, v, _ in targets] + [1.0])
    plot_h = height - bottom - top
    step = (width - left - 20) / max(len(years), 1)

    def y_of(v: float) -> float:
        return top + plot_h * (1 - v / top_value)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for tick in range(0, 5):
        v = top_value * tick / 4
        y = y_of(v)
        parts.append(
            f'<line x1="{left}" x2="{width - 20}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#e3e8ee"/><text x="{left - 6}" y="{y + 4:.1f}" font-size="11" '
            f'text-anchor="end">{_num(v)}</text>'
        )
    for i, yr in enumerate(years):
        x = left + i * step + step * 0.15
        w = step * 0.7
        op, co = float(yr.operating), float(yr.committed)
        y_op = y_of(op)
        y_all = y_of(op + co)
        label = _("%(year)s: %(operating)s MW operating, %(committed)s MW more committed") % {
            "year": yr.year,
            "operating": _num(op),
            "committed": _num(co),
        }
        parts.append(
            f"<g><title>{escape(label)}</title>"
            f'<rect x="{x:.1f}" y="{y_op:.1f}" width="{w:.1f}" '
            f'height="{top + plot_h - y_op:.1f}" fill="{OPERATING}"/>'
            f'<rect x="{x:.1f}" y="{y_all:.1f}" width="{w:.1f}" height="{y_op - y_all:.1f}" '
            f'fill="{COMMITTED}"/></g>'
        )
        if i % 2 == 0 or len(years) < 12:
            parts.append(
                f'<text x="{x + w / 2:.1f}" y="{height - bottom + 16}" font-size="11" '
                f'text-anchor="middle">{yr.year}</text>'
            )
    first = years[0].year if years else 0
    for year, value, source in targets:
        i = year - first
        if not 0 <= i < len(years):
            continue
        x = left + i * step + step / 2
        y = y_of(float(value))
        text = _("target %(mw)s MW (%(source)s)") % {"mw": _num(value), "source": source}
        parts.append(
            f'<g><title>{escape(text)}</title><path d="M{x - 7:.1f},{y:.1f}h14" '
            f'stroke="{TARGET}" stroke-width="3"/><text x="{x:.1f}" y="{y - 6:.1f}" '
            f'font-size="11" text-anchor="middle" fill="{TARGET}">'
            f"{escape(text)}</text></g>"
        )
    legend = [
        (OPERATING, _("operating, selling to Viet Nam")),
        (COMMITTED, _("agreement signed or under construction")),
    ]
    for k, (colour, text) in enumerate(legend):
        lx = left + k * 280
        parts.append(
            f'<rect x="{lx}" y="6" width="12" height="12" fill="{colour}"/>'
            f'<text x="{lx + 18}" y="16" font-size="12">{escape(text)}</text>'
        )
    parts.append(
        f'<text x="12" y="{top + plot_h / 2:.0f}" font-size="11" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.0f})" text-anchor="middle">MW</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def disbursement_chart(lines: Sequence[YearLine], currency: str, title: str) -> str:
    """Planned (allocation) against actual disbursement, one pair of bars a year."""
    width, height, left, bottom, top = 520, 220, 90, 36, 24
    values = [float(v) for y in lines for v in (y.allocation or 0, y.disbursed)] + [1.0]
    top_value = max(values)
    plot_h = height - bottom - top
    step = (width - left - 10) / max(len(lines), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for tick in range(0, 3):
        v = top_value * tick / 2
        y = top + plot_h * (1 - v / top_value)
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">'
            f'{_num(v)} {escape(currency)}</text><line x1="{left}" x2="{width - 10}" '
            f'y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e8ee"/>'
        )
    for i, line in enumerate(lines):
        x = left + i * step + step * 0.15
        w = step * 0.35
        for j, (value, colour, name) in enumerate(
            (
                (line.allocation, COMMITTED, _("allocated")),
                (line.disbursed, OPERATING, _("disbursed")),
            )
        ):
            if value is None:
                continue
            h = plot_h * float(value) / top_value
            label = f"{line.year} {name}: {_num(value)} {currency}"
            parts.append(
                f'<rect x="{x + j * w:.1f}" y="{top + plot_h - h:.1f}" width="{w:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(label)}</title></rect>'
            )
        parts.append(
            f'<text x="{x + w:.1f}" y="{height - bottom + 14}" font-size="11" '
            f'text-anchor="middle">{line.year}</text>'
        )
    for k, (colour, text) in enumerate(((COMMITTED, _("allocated")), (OPERATING, _("disbursed")))):
        lx = left + k * 140
        parts.append(
            f'<rect x="{lx}" y="4" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="13" font-size="11">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
