"""The product space around the two countries' exports (Hidalgo et al., 2007): products the
pair exports with revealed comparative advantage, joined by their proximity (how often the
world's exporters export both), laid out by force direction and coloured by which side has
RCA ≥ 1. Server-rendered SVG with a fixed seed: the same data draws the same picture.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from html import escape

import networkx as nx
import numpy as np

WIDTH, HEIGHT, PAD = 720, 520, 24
PER_COUNTRY = 60  # products with the highest RCA drawn for each country
EXTRA_EDGES = 2  # strongest links kept per product beyond the spanning tree
COLOURS = {"a": "#1f5f99", "b": "#2e7d32", "both": "#7a4aa0"}


@dataclass(frozen=True)
class Layout:
    """Positions (0..1) of the products drawn, their side, and the links between them."""

    nodes: tuple[tuple[str, float, float, str, float, float], ...]  # code, x, y, side, rca a, b
    edges: tuple[tuple[int, int, float], ...]


_cache: dict[Hashable, Layout | None] = {}
_lock = threading.Lock()


def layout(complexity: object, a: str, b: str, key: Hashable) -> Layout | None:
    """The product space of ``complexity`` (a :class:`Complexity`) around ``a`` and ``b``,
    computed once per ``key`` (the store's state and the dataset)."""
    with _lock:
        if (key, a, b) in _cache:
            return _cache[(key, a, b)]
    found = _layout(complexity, a, b)
    with _lock:
        if len(_cache) >= 8:
            _cache.pop(next(iter(_cache)))
        _cache[(key, a, b)] = found
    return found


def _layout(c: object, a: str, b: str) -> Layout | None:
    countries = c.countries  # type: ignore[attr-defined]
    if a not in countries and b not in countries:
        return None
    rca = np.asarray(c.rca)  # type: ignore[attr-defined]
    phi = np.asarray(c.proximity)  # type: ignore[attr-defined]
    products = c.products  # type: ignore[attr-defined]
    empty = np.zeros(len(products))
    rows = {k: rca[countries.index(k)] if k in countries else empty for k in (a, b)}
    chosen: set[int] = set()
    for k in (a, b):
        r = np.nan_to_num(rows[k])
        best = [int(i) for i in np.argsort(-r)[:PER_COUNTRY] if r[i] >= 1]
        chosen.update(best)
    if len(chosen) < 2:
        return None
    idx = sorted(chosen)
    sub = np.nan_to_num(phi[np.ix_(idx, idx)])
    g = nx.Graph()
    g.add_nodes_from(range(len(idx)))
    for i in range(len(idx)):
        for j in range(i + 1, len(idx)):
            if sub[i, j] > 0:
                g.add_edge(i, j, weight=float(sub[i, j]))
    keep = set(nx.maximum_spanning_tree(g).edges()) if g.number_of_edges() else set()
    for i in range(len(idx)):
        for j in np.argsort(-sub[i])[: EXTRA_EDGES + 1]:
            if int(j) != i and sub[i, j] > 0:
                keep.add((min(i, int(j)), max(i, int(j))))
    drawn = nx.Graph()
    drawn.add_nodes_from(range(len(idx)))
    drawn.add_weighted_edges_from((i, j, float(sub[i, j])) for i, j in keep)
    pos = nx.spring_layout(drawn, weight="weight", seed=7, iterations=200)
    xs = np.array([pos[i][0] for i in range(len(idx))])
    ys = np.array([pos[i][1] for i in range(len(idx))])

    def norm(v: np.ndarray) -> np.ndarray:
        span = float(v.max() - v.min()) or 1.0
        return (v - v.min()) / span

    xs, ys = norm(xs), norm(ys)
    nodes = []
    for n, i in enumerate(idx):
        ra, rb = float(np.nan_to_num(rows[a][i])), float(np.nan_to_num(rows[b][i]))
        side = "both" if ra >= 1 and rb >= 1 else ("a" if ra >= 1 else "b")
        nodes.append((products[i], float(xs[n]), float(ys[n]), side, ra, rb))
    edges = tuple(sorted((i, j, round(float(sub[i, j]), 3)) for i, j in keep))
    return Layout(tuple(nodes), edges)


def svg(
    found: Layout,
    title: str,
    names: Mapping[str, str],
    describe: Callable[[str], str],
    number: Callable[[float], str],
) -> str:
    """The layout as SVG; ``names`` holds "a", "b", "both" (legend words) and "rca"."""

    def at(x: float, y: float) -> tuple[float, float]:
        return PAD + x * (WIDTH - 2 * PAD), PAD + y * (HEIGHT - 2 * PAD - 30)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="chart product-space" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, j, w in found.edges:
        (x1, y1), (x2, y2) = at(*found.nodes[i][1:3]), at(*found.nodes[j][1:3])
        parts.append(
            f'<line class="link" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#b8c2cc" stroke-width="{0.5 + 2 * w:.2f}"/>'
        )
    for code, x, y, side, ra, rb in found.nodes:
        cx, cy = at(x, y)
        tip = (
            f"{code} {describe(code)} — {names['rca']} {names['a']}: {number(ra)}, "
            f"{names['b']}: {number(rb)}"
        )
        parts.append(
            f'<circle class="product {side}" cx="{cx:.1f}" cy="{cy:.1f}" '
            f'r="{6 if side == "both" else 4.5}" fill="{COLOURS[side]}" stroke="#fff">'
            f"<title>{escape(tip)}</title></circle>"
        )
    lx, ly = PAD, HEIGHT - 12
    for side in ("a", "b", "both"):
        label = f"{names['rca']} ≥ 1: {names[side]}"
        parts.append(
            f'<circle cx="{lx + 5}" cy="{ly - 4}" r="5" fill="{COLOURS[side]}"/>'
            f'<text x="{lx + 14}" y="{ly}" font-size="11">{escape(label)}</text>'
        )
        lx += 30 + int(6.5 * len(label))
    parts.append("</svg>")
    return "".join(parts)
