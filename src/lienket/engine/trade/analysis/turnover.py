"""Turnover between the pair, by product, and each country's world totals."""

from __future__ import annotations

from dataclasses import dataclass, field

from lienket.engine.trade.analysis.declared import (
    _code,
    _deep,
    _source_filter,
    bilateral,
)
from lienket.engine.trade.schema import WORLD
from lienket.engine.trade.store import TradeStore


@dataclass
class Turnover:
    """Yearly exports of a to b and of b to a as each side declared them."""

    a: str
    b: str
    # (declared_by, year) -> value; declared_by is a reporter code, "baci" for reconciled data
    a_to_b: dict[tuple[str, int], float] = field(default_factory=dict)
    b_to_a: dict[tuple[str, int], float] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)

    def years(self) -> list[int]:
        return sorted({y for _, y in self.a_to_b} | {y for _, y in self.b_to_a})

    def declarants(self) -> list[str]:
        return sorted({d for d, _ in self.a_to_b} | {d for d, _ in self.b_to_a})

    def series(self, declared_by: str) -> dict[int, dict[str, float | None]]:
        """Year -> exports, imports and turnover of ``a`` as ``declared_by`` saw them."""
        out: dict[int, dict[str, float | None]] = {}
        for year in self.years():
            x = self.a_to_b.get((declared_by, year))
            m = self.b_to_a.get((declared_by, year))
            total = x + m if x is not None and m is not None else None
            out[year] = {"exports": x, "imports": m, "turnover": total}
        return out


def turnover(store: TradeStore, a: str, b: str, source: str | None = None) -> Turnover:
    """Flows between a and b by year, keyed by who declared them.

    ``a``'s exports to ``b`` are declared by ``a`` (its exports, FOB) and by ``b`` (its imports,
    CIF); a reconciled source such as BACI declares both directions once, under its own name.
    """
    t = Turnover(a, b)
    for d in bilateral(store, a, b, source):
        t.sources.add(d.source)
        declared_by = d.reporter if d.source != "baci" else "baci"
        exporter = d.reporter if d.flow == "X" else d.partner
        target = t.a_to_b if exporter == a else t.b_to_a
        key = (declared_by, d.year)
        target[key] = target.get(key, 0.0) + d.value_usd
    return t


def by_product(
    store: TradeStore,
    exporter: str,
    importer: str,
    year: int,
    level: int = 6,
    source: str | None = None,
) -> dict[str, float]:
    """The exporter's exports to the importer by HS code at ``level`` digits.

    The exporter's own declaration is used where there is one (or BACI's); otherwise the
    importer's declaration of its imports (CIF).
    """
    where, params = _source_filter(source)
    table = store.query(
        f"""
        WITH d AS (
          SELECT {_code(level)} AS code, reporter = ? AS own, sum(value_usd) AS v
          FROM flows
          WHERE year = ? {where} AND {_deep(level)} AND (
            (reporter = ? AND partner = ? AND flow = 'X') OR
            (reporter = ? AND partner = ? AND flow = 'M'))
          GROUP BY ALL)
        SELECT code, CASE WHEN bool_or(own) THEN sum(v) FILTER (WHERE own)
                     ELSE sum(v) END AS v
        FROM d GROUP BY code
        """,  # noqa: S608 -- level is checked above
        [exporter, year, *params, exporter, importer, importer, exporter],
    )
    return {r["code"]: r["v"] for r in table.to_pylist() if r["v"]}


def world_totals(
    store: TradeStore, country: str, year: int, flow: str, level: int = 6, source: str | None = None
) -> tuple[dict[str, float], str]:
    """A country's exports (``X``) or imports (``M``) with the world by product, and the basis.

    Uses the country's own world lines, else the sum over its partners, else (for imports)
    the mirror: every other reporter's exports to it. The second item says which:
    "reported", "sum of partners" or "mirror".
    """
    where, params = _source_filter(source)
    rows = store.query(
        f"""
        SELECT {_code(level)} AS code, partner = '{WORLD}' AS w, sum(value_usd) AS v
        FROM flows WHERE reporter = ? AND year = ? AND flow = ? {where} AND {_deep(level)}
        GROUP BY ALL
        """,  # noqa: S608 -- level is an int from LEVELS
        [country, year, flow, *params],
    ).to_pylist()
    if any(r["w"] for r in rows):
        return {r["code"]: r["v"] for r in rows if r["w"]}, "reported"
    if rows:
        return {r["code"]: r["v"] for r in rows}, "sum of partners"
    mirror_flow = "X" if flow == "M" else "M"
    rows = store.query(
        f"""
        SELECT {_code(level)} AS code, sum(value_usd) AS v FROM flows
        WHERE partner = ? AND year = ? AND flow = ? {where} AND {_deep(level)} GROUP BY ALL
        """,  # noqa: S608
        [country, year, mirror_flow, *params],
    ).to_pylist()
    return {r["code"]: r["v"] for r in rows}, "mirror" if rows else "none"
