"""The map of both countries as SVG, from the bundled province outlines: no tile server, a few
tens of kilobytes compressed, readable without JavaScript and printable in the report."""

from __future__ import annotations

from html import escape

from django.utils.translation import get_language

from lienket import refdata
from lienket.engine.logistics import Route
from lienket.linkage import geo

SCALE = 36.0  # pixels per degree
# wide enough for Viet Nam's Hoàng Sa and Trường Sa archipelagos, which every map of Viet Nam
# shows (see linkage.geo)
WEST, NORTH = 100.0, 23.6
WIDTH, HEIGHT = int(17.0 * SCALE), int(16.4 * SCALE)
FILL = {"VNM": "#f3e6d8", "LAO": "#dfeadb"}
MARK = {"zone": "#7a4aa0", "gate": "#c0392b", "port": "#1f5f99"}


def _xy(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SCALE, (NORTH - lat) * SCALE


def svg_map(route: Route | None = None, title: str = "", layer: str = "") -> str:
    """Provinces, zones, border gates and seaports; a route drawn on top when given, and an
    extra ``layer`` of SVG (already escaped) drawn last."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="map" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eaf2f8"/>'
    ]
    lang = (get_language() or "en")[:2]
    names = {(p.country, p.code): p.names for p in refdata.provinces().values()}
    for key, rings in sorted(refdata.map_outlines().items()):
        country, code = key.split(":", 1)
        d = []
        for ring in rings:
            pts = [_xy(x / 100, y / 100) for x, y in ring]
            d.append("M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in pts) + "Z")
        label = names.get((country, code))
        parts.append(
            f'<path d="{"".join(d)}" fill="{FILL.get(country, "#eee")}" stroke="#9aa5b1" '
            f'stroke-width="0.6"><title>{escape(label.get(lang) if label else code)}</title></path>'
        )
    for feature in geo.archipelagos():
        props = feature["properties"]
        name = props.get(f"name_{lang}") or props["name_en"]
        rings = [polygon[0] for polygon in feature["geometry"]["coordinates"]]
        d = "".join(
            "M" + "L".join("{:.1f},{:.1f}".format(*_xy(x, y)) for x, y in ring) + "Z"
            for ring in rings
        )
        xs = [_xy(x, y) for ring in rings for x, y in ring]
        centre = (min(x for x, _ in xs) + max(x for x, _ in xs)) / 2
        below = max(y for _, y in xs) + 14
        parts.append(
            f'<g class="archipelago" data-code="{props["code"]}"><path d="{d}" '
            f'fill="{FILL["VNM"]}" stroke="#8a6d1f" stroke-width="0.8"><title>{escape(name)}'
            f'</title></path><text x="{centre:.0f}" y="{below:.0f}" font-size="11" '
            f'text-anchor="middle">'
            f"{escape(name)}</text></g>"
        )
    sea_x, sea_y = _xy(112.3, 14.0)
    parts.append(
        f'<text x="{sea_x:.0f}" y="{sea_y:.0f}" font-size="13" font-style="italic" '
        f'fill="#4a6a85">{escape(geo.SEA.get(lang, geo.SEA["en"]))}</text>'
    )
    places, _links = refdata.logistics_network()
    for p in places:
        if p.kind == "province":
            continue
        x, y = _xy(p.longitude, p.latitude)
        colour = MARK[p.kind]
        shape = {
            "zone": f'<rect x="{x - 3:.0f}" y="{y - 3:.0f}" width="6" height="6" fill="{colour}">',
            "gate": f'<path d="M{x:.0f},{y - 5:.0f}L{x + 5:.0f},{y + 4:.0f}'
            f'L{x - 5:.0f},{y + 4:.0f}Z" fill="{colour}">',
            "port": f'<circle cx="{x:.0f}" cy="{y:.0f}" r="4" fill="{colour}">',
        }[p.kind]
        closing = {"zone": "</rect>", "gate": "</path>", "port": "</circle>"}[p.kind]
        parts.append(f"{shape}<title>{escape(refdata.place_name(p, lang))}</title>{closing}")
    if route is not None and len(route.places) > 1:
        pts = " ".join("{:.0f},{:.0f}".format(*_xy(p.longitude, p.latitude)) for p in route.places)
        parts.append(
            f'<polyline points="{pts}" fill="none" stroke="#d35400" stroke-width="3" '
            f'stroke-linejoin="round"/>'
        )
    parts.append(layer)
    parts.append("</svg>")
    return "".join(parts)
