"""A value chain drawn as a graph: stages left to right, one band per country, firms as dots,
supplier→buyer relationships as arrows (those across the border drawn thick and orange), and
each stage one country lacks marked as a gap. Server-rendered SVG: it works offline, prints, and
its text is in the page's language (Lao in the page's Lao font).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

PER_CELL = 10  # firms drawn in one stage of one country; the rest are counted
#: above this many firms the chain is drawn by stage and country (one box per cell, one arrow
#: per pair of cells with the number of relationships), names on hover and in the list below
DETAIL_MAX = 20
TIP_NAMES = 30  # names in a box's tooltip
COLUMN, LEFT, TOP, ROW = 200, 120, 44, 20
BAND = PER_CELL * ROW + 36
COUNTRY_FILL = ("#f3e6d8", "#dfeadb")
CROSS, DOMESTIC, GAP = "#d35400", "#8795a1", "#c0392b"


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def chain_svg(
    view: Any,
    stages: tuple[str, ...],
    names: Mapping[str, str],
    link: Callable[[int], str],
    words: Mapping[str, str],
) -> str:
    """The chain ``view`` (:class:`lienket.engine.chains.ChainView`) as SVG.

    ``names`` gives the display name of each stage and country code; ``link`` the page of a firm;
    ``words`` the translated words "gap", "no firm", "more", "drawn earlier", "across the
    border", "within a country" and the title. A firm is drawn once, at its first stage.
    """
    g = view.graph
    countries = view.countries
    order = {st: i for i, st in enumerate(stages)}
    cells: dict[tuple[str, str], list[int]] = {(st, c): [] for st in stages for c in countries}
    for node, data in g.nodes(data=True):
        own = sorted((s for s in data.get("stages", ()) if s in order), key=order.__getitem__)
        if own:
            cells[(own[0], data["country"])].append(node)
    if sum(len(v) for v in cells.values()) > DETAIL_MAX:
        return _by_cell(view, stages, names, words, cells)
    place: dict[int, tuple[float, float]] = {}
    width = LEFT + COLUMN * len(stages) + 10
    height = TOP + 2 * BAND + 40
    parts = _frame(width, height, countries, stages, names, words, BAND)
    for j, st in enumerate(stages):
        x0 = LEFT + j * COLUMN
        for i, country in enumerate(countries):
            y0 = TOP + i * BAND
            firms = sorted(cells[(st, country)], key=lambda n: (-g.degree(n), n))
            other = countries[1 - i]
            if not firms:
                if view.coverage.get((st, country)):  # its firms are drawn at an earlier stage
                    parts.append(
                        f'<text x="{x0 + 12}" y="{y0 + 53}" font-size="11" fill="#4a5a6a">'
                        f"{view.coverage[(st, country)]} {escape(words['drawn earlier'])}</text>"
                    )
                elif view.coverage.get((st, other)):
                    parts.append(
                        f'<g class="gap"><rect x="{x0 + 4}" y="{y0 + 28}" width="{COLUMN - 12}" '
                        f'height="40" fill="#fff" stroke="{GAP}" stroke-dasharray="5 3"/>'
                        f'<text x="{x0 + 12}" y="{y0 + 53}" font-size="12" fill="{GAP}">'
                        f"{escape(words['gap'])}</text></g>"
                    )
                else:
                    parts.append(
                        f'<text x="{x0 + 12}" y="{y0 + 53}" font-size="11" fill="#6b7785">'
                        f"{escape(words['no firm'])}</text>"
                    )
                continue
            for k, node in enumerate(firms[:PER_CELL]):
                x, y = x0 + 14, y0 + 34 + k * ROW
                place[node] = (x, y)
            hidden = len(firms) - PER_CELL
            if hidden > 0:
                parts.append(
                    f'<text x="{x0 + 8}" y="{y0 + 34 + PER_CELL * ROW}" font-size="11" '
                    f'fill="#4a5a6a">+{hidden} {escape(words["more"])}</text>'
                )
    edges = []
    for seller, buyer in g.edges():
        if seller in place and buyer in place:
            cross = g.nodes[seller]["country"] != g.nodes[buyer]["country"]
            edges.append((cross, seller, buyer))
    for cross, seller, buyer in sorted(edges):  # border-crossing arrows drawn on top
        (x1, y1), (x2, y2) = place[seller], place[buyer]
        if x2 == x1:
            d = f"M{x1 - 5},{y1}C{x1 - 40},{y1} {x2 - 40},{y2} {x2 - 6},{y2}"
        else:
            dx = (x2 - x1) / 2
            d = f"M{x1 + 5},{y1}C{x1 + dx},{y1} {x2 - dx},{y2} {x2 - 6},{y2}"
        colour, w = (CROSS, 2.2) if cross else (DOMESTIC, 1)
        parts.append(
            f'<path class="edge{" cross" if cross else ""}" d="{d}" fill="none" '
            f'stroke="{colour}" stroke-width="{w}" marker-end="url(#arrow)" opacity="0.85"/>'
        )
    for node, (x, y) in sorted(place.items()):
        data = g.nodes[node]
        fill = "#1f5f99" if data["country"] == countries[0] else "#2e7d32"
        name = str(data.get("name", node))
        parts.append(
            f'<a href="{escape(link(node))}"><circle class="firm" cx="{x}" cy="{y}" r="5" '
            f'fill="{fill}"><title>{escape(name)}</title></circle>'
            f'<text x="{x + 9}" y="{y + 4}" font-size="11">{escape(_short(name))}</text></a>'
        )
    ly = height - 14
    parts.append(
        f'<line x1="10" x2="40" y1="{ly - 4}" y2="{ly - 4}" stroke="{CROSS}" stroke-width="2.2"/>'
        f'<text x="46" y="{ly}" font-size="11">{escape(words["across the border"])}</text>'
        f'<line x1="250" x2="280" y1="{ly - 4}" y2="{ly - 4}" stroke="{DOMESTIC}"/>'
        f'<text x="286" y="{ly}" font-size="11">{escape(words["within a country"])}</text>'
        f'<rect x="470" y="{ly - 11}" width="26" height="12" fill="#fff" stroke="{GAP}" '
        f'stroke-dasharray="5 3"/><text x="502" y="{ly}" font-size="11">'
        f"{escape(words['gap'])}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _wrap(text: str, size: int) -> list[str]:
    """Words in lines of at most ``size`` characters (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= size:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _frame(
    width: int, height: int, countries: tuple[str, ...], stages: tuple[str, ...],
    names: Mapping[str, str], words: Mapping[str, str], band: int,
) -> list[str]:  # fmt: skip
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart chain-graph" aria-label="{escape(words["title"])}">'
        f"<title>{escape(words['title'])}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
        'fill="context-stroke"/></marker></defs>',
    ]
    for i, country in enumerate(countries):
        y0 = TOP + i * band
        parts.append(
            f'<rect class="band" x="0" y="{y0}" width="{width}" height="{band - 6}" '
            f'fill="{COUNTRY_FILL[i % 2]}"/><text x="8" y="{y0 + 20}" font-size="13" '
            f'font-weight="bold">{escape(names[country])}</text>'
        )
    for j, st in enumerate(stages):
        parts.append(
            f'<text class="stage" x="{LEFT + j * COLUMN + 6}" y="{TOP - 14}" font-size="13" '
            f'font-weight="bold">{escape(names[st])}</text>'
        )
    return parts


def _by_cell(
    view: Any,
    stages: tuple[str, ...],
    names: Mapping[str, str],
    words: Mapping[str, str],
    cells: Mapping[tuple[str, str], list[int]],
) -> str:
    """The chain by stage and country: a box per cell with its number of firms (their names
    on hover), one arrow per pair of cells sized and labelled by its relationships."""
    g = view.graph
    countries = view.countries
    band = 110
    width = LEFT + COLUMN * len(stages) + 10
    height = TOP + 2 * band + 40
    parts = _frame(width, height, countries, stages, names, words, band)
    box_w, box_h = COLUMN - 60, 46
    centre: dict[tuple[str, str], tuple[float, float]] = {}
    where = {node: key for key, nodes in cells.items() for node in nodes}
    for j, st in enumerate(stages):
        x0 = LEFT + j * COLUMN
        for i, country in enumerate(countries):
            y0 = TOP + i * band + 34
            firms = sorted(cells[(st, country)], key=lambda n: (-g.degree(n), n))
            other = countries[1 - i]
            if not firms:
                if view.coverage.get((st, country)):
                    lines = _wrap(f"{view.coverage[(st, country)]} {words['drawn earlier']}", 26)
                    parts.append(
                        f'<text x="{x0 + 8}" y="{y0 + 14}" font-size="11" fill="#4a5a6a">'
                        + "".join(
                            f'<tspan x="{x0 + 8}" dy="{0 if k == 0 else 14}">{escape(t)}</tspan>'
                            for k, t in enumerate(lines)
                        )
                        + "</text>"
                    )
                elif view.coverage.get((st, other)):
                    parts.append(
                        f'<g class="gap"><rect x="{x0 + 4}" y="{y0}" width="{box_w}" '
                        f'height="{box_h}" fill="#fff" stroke="{GAP}" stroke-dasharray="5 3"/>'
                        f'<text x="{x0 + 12}" y="{y0 + 27}" font-size="12" fill="{GAP}">'
                        f"{escape(words['gap'])}</text></g>"
                    )
                else:
                    parts.append(
                        f'<text x="{x0 + 8}" y="{y0 + 26}" font-size="11" fill="#6b7785">'
                        f"{escape(words['no firm'])}</text>"
                    )
                continue
            fill = "#1f5f99" if country == countries[0] else "#2e7d32"
            shown = [str(g.nodes[n].get("name", n)) for n in firms]
            tip = "\n".join(shown[:TIP_NAMES]) + (
                f"\n+{len(shown) - TIP_NAMES} {words['more']}" if len(shown) > TIP_NAMES else ""
            )
            centre[(st, country)] = (x0 + 4 + box_w / 2, y0 + box_h / 2)
            parts.append(
                f'<g class="cell" data-firms="{len(firms)}"><title>{escape(tip)}</title>'
                f'<rect x="{x0 + 4}" y="{y0}" width="{box_w}" height="{box_h}" rx="6" '
                f'fill="{fill}" fill-opacity="0.12" stroke="{fill}"/>'
                f'<text x="{x0 + 12}" y="{y0 + 19}" font-size="13" font-weight="bold" '
                f'fill="{fill}">{len(firms)} {escape(words["firms"])}</text>'
                f'<text x="{x0 + 12}" y="{y0 + 36}" font-size="10" fill="#33404d">'
                f"{escape(_short(shown[0], 22))}</text></g>"
            )
    links: dict[tuple[tuple[str, str], tuple[str, str]], int] = {}
    for seller, buyer in g.edges():
        a, b = where.get(seller), where.get(buyer)
        if a and b:
            links[(a, b)] = links.get((a, b), 0) + 1
    for (a, b), n in sorted(links.items(), key=lambda kv: (kv[0][0][1] != kv[0][1][1], kv)):
        (x1, y1), (x2, y2) = centre[a], centre[b]
        cross = a[1] != b[1]
        colour = CROSS if cross else DOMESTIC
        w = 1 + min(6.0, 1.5 * n**0.5)
        if a == b:  # within one cell: a loop on the box's right side
            rx = x1 + box_w / 2
            d = f"M{rx},{y1 - 12}C{rx + 34},{y1 - 22} {rx + 34},{y1 + 22} {rx + 4},{y1 + 12}"
            lx, ly = rx + 36, y1 + 4
        else:
            # a pair drawn both ways: each direction beside the other, not on top of it
            off = (7 if a < b else -7) if (b, a) in links else 0
            sx = x1 + box_w / 2 if x2 > x1 else x1 + (off if x2 == x1 else 0)
            ex = x2 - box_w / 2 - 4 if x2 > x1 else x2 + (off if x2 == x1 else 0)
            sy = y1 + (off if x2 != x1 else (box_h / 2 if y2 > y1 else -box_h / 2))
            ey = y2 + (off if x2 != x1 else (-box_h / 2 - 4 if y2 > y1 else box_h / 2 + 4))
            if x2 < x1:  # backwards: leave from the box's left side, arrive on the right
                sx, ex = x1 - box_w / 2, x2 + box_w / 2 + 4
            mx = (sx + ex) / 2
            d = f"M{sx},{sy}C{mx},{sy} {mx},{ey} {ex},{ey}"
            # the label a third of the way along, so crossing arrows keep theirs apart
            t = 0.3 if x2 != x1 else 0.5
            lx = (1 - t) ** 3 * sx + 3 * (1 - t) * t * mx + t**3 * ex
            ly = ((1 - t) ** 3 + 3 * (1 - t) ** 2 * t) * sy + (3 * (1 - t) * t**2 + t**3) * ey - 4
            if x2 == x1:
                lx += 10 if off >= 0 else -10
        parts.append(
            f'<g class="link{" cross" if cross else ""}" data-relationships="{n}">'
            f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{w:.1f}" '
            f'marker-end="url(#arrow)" opacity="0.8"/>'
            f'<text x="{lx:.0f}" y="{ly:.0f}" font-size="11" text-anchor="middle" '
            f'fill="{colour}" font-weight="bold">{n}</text></g>'
        )
    ly = height - 14
    parts.append(
        f'<line x1="10" x2="40" y1="{ly - 4}" y2="{ly - 4}" stroke="{CROSS}" stroke-width="3"/>'
        f'<text x="46" y="{ly}" font-size="11">{escape(words["across the border"])}</text>'
        f'<line x1="250" x2="280" y1="{ly - 4}" y2="{ly - 4}" stroke="{DOMESTIC}" '
        f'stroke-width="3"/><text x="286" y="{ly}" font-size="11">'
        f"{escape(words['within a country'])}</text>"
        f'<text x="470" y="{ly}" font-size="11">{escape(words["counted"])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
