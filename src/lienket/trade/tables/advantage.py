"""Revealed comparative advantage by product, both ways."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from lienket.engine.trade import indicators as ind
from lienket.trade import services
from lienket.trade.tables.base import (
    Column,
    Table,
    _sort,
    hs_label,
)


def advantage(
    a: str,
    b: str,
    year: int,
    level: int,
    source: str,
    min_rca: float = 0.0,
    chain: str = "",
    query: str = "",
    sort: str = "-rca_b",
) -> tuple[Table, dict[str, Any] | None]:
    """Products with each side's RCA, PCI, density and opportunity gain; and a summary."""
    result = services.complexity_of(year, level, source)
    columns: list[Column] = [
        ("code", _("HS code"), "code"),
        ("description", _("Description"), "text"),
        ("rca_a", _("RCA %(country)s") % {"country": a}, "ratio"),
        ("rca_b", _("RCA %(country)s") % {"country": b}, "ratio"),
        ("exports_a", _("Exports %(country)s") % {"country": a}, "usd"),
        ("exports_b", _("Exports %(country)s") % {"country": b}, "usd"),
        ("pci", _("Product complexity (PCI)"), "number"),
        ("ubiquity", _("Countries with RCA"), "number"),
        ("density_a", _("Density %(country)s") % {"country": a}, "ratio"),
        ("density_b", _("Density %(country)s") % {"country": b}, "ratio"),
        ("cog_a", _("Opportunity gain %(country)s") % {"country": a}, "number"),
        ("cog_b", _("Opportunity gain %(country)s") % {"country": b}, "number"),
    ]
    table = Table(f"advantage-{year}-hs{level}", columns)
    if result is None or (a not in result.countries and b not in result.countries):
        return table, None
    ia = result.country(a) if a in result.countries else None
    ib = result.country(b) if b in result.countries else None
    in_chain: set[str] | None = None
    if chain:
        in_chain = {
            c for c, pairs in services.stage_of().items() for ch, _s in pairs if ch == chain
        }
        if level == 4:
            in_chain = {c[:4] for c in in_chain}
    q = query.strip().lower()

    def get(matrix: np.ndarray, row: int | None, j: int) -> float | None:
        return float(matrix[row, j]) if row is not None else None

    for j, code in enumerate(result.products):
        ra, rb = get(result.rca, ia, j), get(result.rca, ib, j)
        xa, xb = get(result.exports, ia, j), get(result.exports, ib, j)
        if not (xa or xb):
            continue
        if min_rca and max(ra or 0.0, rb or 0.0) < min_rca:
            continue
        if in_chain is not None and code not in in_chain:
            continue
        description = hs_label(code)
        if q and q not in code and q not in description.lower():
            continue
        table.rows.append(
            {
                "code": code,
                "description": description,
                "rca_a": ra,
                "rca_b": rb,
                "exports_a": xa,
                "exports_b": xb,
                "pci": float(result.pci[j]),
                "ubiquity": int(result.ubiquity[j]),
                "density_a": get(result.density, ia, j),
                "density_b": get(result.density, ib, j),
                "cog_a": get(result.cog, ia, j),
                "cog_b": get(result.cog, ib, j),
            }
        )
    _sort(table, sort)
    table.total_rows = len(table.rows)
    n = len(result.countries)
    order = np.argsort(-result.eci)
    rank = {result.countries[i]: r + 1 for r, i in enumerate(order)}
    similarity = None
    if ia is not None and ib is not None:
        similarity = ind.export_similarity(result.exports[ia], result.exports[ib])
    summary = {
        "countries": n,
        "products": len(result.products),
        "eci_a": float(result.eci[ia]) if ia is not None else None,
        "eci_b": float(result.eci[ib]) if ib is not None else None,
        "rank_a": rank.get(a),
        "rank_b": rank.get(b),
        "diversity_a": int(result.diversity[ia]) if ia is not None else None,
        "diversity_b": int(result.diversity[ib]) if ib is not None else None,
        "similarity": similarity,
    }
    return table, summary
