"""What each side declared: flows of one reporter with one partner, by level and source."""

from __future__ import annotations

from dataclasses import dataclass

from lienket.engine.trade.store import ImportRecord, TradeStore

LEVELS = (2, 4, 6)


def _code(level: int) -> str:
    """SQL for the HS code at ``level`` digits (the stored 6-digit code needs no cutting)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    return "hs6" if level == 6 else f"substr(hs6, 1, {level})"


def _deep(level: int) -> str:
    """SQL keeping rows detailed enough for ``level``: a file stored at HS4 holds 4-digit
    headings, which count at 2 and 4 digits and in totals, never at 6."""
    return "TRUE" if level <= 4 else f"length(hs6) >= {int(level)}"


def _source_filter(source: str | None) -> tuple[str, list[object]]:
    return ("AND source = ?", [source]) if source else ("", [])


@dataclass(frozen=True)
class Declared:
    """One yearly flow between the two countries as one reporter (or BACI) declared it."""

    year: int
    reporter: str
    flow: str
    partner: str
    value_usd: float
    source: str


def bilateral(store: TradeStore, a: str, b: str, source: str | None = None) -> list[Declared]:
    """Every yearly declaration of trade between ``a`` and ``b``, by reporter, flow and source."""
    where, params = _source_filter(source)
    table = store.query(
        f"""
        SELECT year, reporter, flow, partner, sum(value_usd) AS value, source
        FROM flows
        WHERE ((reporter = ? AND partner = ?) OR (reporter = ? AND partner = ?)) {where}
        GROUP BY ALL ORDER BY year, reporter, flow, source
        """,  # noqa: S608 -- only the fixed filter text is formatted in
        [a, b, b, a, *params],
    )
    return [
        Declared(r["year"], r["reporter"], r["flow"], r["partner"], r["value"], r["source"])
        for r in table.to_pylist()
    ]


def declarations(store: TradeStore, a: str, b: str) -> list[tuple[ImportRecord, list[Declared]]]:
    """Every import's yearly declarations of trade between ``a`` and ``b``, kept apart by
    file so that two sources of the same figure can be compared and never added (one pass
    over the store's files)."""
    records = {str(store.parquet(r)): r for r in store.imports() if r.kind == "flows"}
    if not records:
        return []
    files = ", ".join("'" + p.replace("'", "''") + "'" for p in records)
    rows = store.query(
        f"""
        SELECT filename, year, reporter, flow, partner, sum(value_usd) AS value, source
        FROM read_parquet([{files}], filename = true)
        WHERE (reporter = ? AND partner = ?) OR (reporter = ? AND partner = ?)
        GROUP BY ALL ORDER BY filename, year, reporter, flow
        """,  # noqa: S608 -- the store's own file names, quoted
        [a, b, b, a],
    ).to_pylist()
    found: dict[str, list[Declared]] = {}
    for r in rows:
        found.setdefault(r["filename"], []).append(
            Declared(r["year"], r["reporter"], r["flow"], r["partner"], r["value"], r["source"])
        )
    return [(records[path], declared) for path, declared in found.items()]
