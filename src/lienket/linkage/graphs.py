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
    place: dict[int, tuple[float, float]] = {}
    width = LEFT + COLUMN * len(stages) + 10
    height = TOP + 2 * BAND + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart chain-graph" aria-label="{escape(words["title"])}">'
        f"<title>{escape(words['title'])}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
        'fill="context-stroke"/></marker></defs>',
    ]
    for i, country in enumerate(countries):
        y0 = TOP + i * BAND
        parts.append(
            f'<rect class="band" x="0" y="{y0}" width="{width}" height="{BAND - 6}" '
            f'fill="{COUNTRY_FILL[i % 2]}"/><text x="8" y="{y0 + 20}" font-size="13" '
            f'font-weight="bold">{escape(names[country])}</text>'
        )
    for j, st in enumerate(stages):
        x0 = LEFT + j * COLUMN
        parts.append(
            f'<text class="stage" x="{x0 + 6}" y="{TOP - 14}" font-size="13" font-weight="bold">'
            f"{escape(names[st])}</text>"
        )
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
