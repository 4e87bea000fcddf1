"""Projects on the map of both countries: a mark at the province each project is in."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from django.urls import reverse

from lienket import refdata
from lienket.linkage.maps import _xy, svg_map
from lienket.projects.models import Kind, Project

COLOUR = {Kind.INVESTMENT: "#2f6b31", Kind.POWER: "#d35400", Kind.AID: "#1f5f99"}


def projects_map(projects: list[Project], title: str) -> tuple[str, list[Project]]:
    """The SVG map, and the projects that could not be placed (no province known)."""
    geo = refdata.province_geo()
    at: dict[tuple[str, str], list[Project]] = defaultdict(list)
    unplaced = []
    for p in projects:
        if (p.country, p.province_code) in geo:
            at[(p.country, p.province_code)].append(p)
        else:
            unplaced.append(p)
    layer = []
    for key, items in sorted(at.items()):
        g = geo[key]
        cx, cy = _xy(g.longitude, g.latitude)
        for k, p in enumerate(items):
            # a small spiral keeps several projects of one province apart
            x, y = cx + 7 * (k % 4) - 10, cy + 7 * (k // 4) - 4
            name = f"{p.name} ({p.get_kind_display()})"
            href = escape(reverse("project-detail", args=[p.code]))
            layer.append(
                f'<a href="{href}"><circle cx="{x:.0f}" cy="{y:.0f}" r="4" '
                f'fill="{COLOUR[Kind(p.kind)]}" stroke="#fff" stroke-width="1">'
                f"<title>{escape(name)}</title></circle></a>"
            )
    return svg_map(title=title, layer="".join(layer)), unplaced
