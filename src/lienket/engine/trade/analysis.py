"""Questions asked of the store: bilateral series, product tables, matrices, chain evidence.

Every function states whose declaration it uses. A reporter's own lines are preferred; a
reconciled source (BACI) has one line per exporter-importer pair and is labelled as such. When
a reporter gives both world-total lines (partner ``WLD``) and lines by partner, the world line
is used so that nothing is counted twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lienket.engine.trade.complexity import Complexity, complexity
from lienket.engine.trade.indicators import Potential, export_potential
from lienket.engine.trade.schema import WORLD
from lienket.engine.trade.store import ImportRecord, TradeStore
from lienket.engine.trade.turnover import Observation, Period

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


@dataclass(frozen=True)
class ExportMatrix:
    """Exports to the world by country and product for one year, with where they came from."""

    year: int
    level: int
    edition: str
    source: str
    countries: tuple[str, ...]
    products: tuple[str, ...]
    values: np.ndarray

    def complexity(self) -> Complexity:
        return complexity(self.values, self.countries, self.products)


def _pivot(
    rows: Iterable[tuple[str, str, float]],
) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    rows = list(rows)
    countries = tuple(sorted({r[0] for r in rows}))
    products = tuple(sorted({r[1] for r in rows}))
    ci = {c: i for i, c in enumerate(countries)}
    pi = {p: i for i, p in enumerate(products)}
    m = np.zeros((len(countries), len(products)))
    for c, p, v in rows:
        m[ci[c], pi[p]] += v
    return countries, products, m


def export_matrix(
    store: TradeStore, year: int, level: int = 6, source: str | None = None
) -> ExportMatrix | None:
    """Country x product exports of ``year`` from the flows (world lines, else partner sums).

    For a source that was loaded as a world export matrix (e.g. ``ots``), that matrix is used.
    ``None`` when the store has nothing for that year.
    """
    world = [r for r in store.imports() if r.kind == "world" and year in r.years]
    if source:
        world = [r for r in world if r.source == source]
    if world and (source or not _has_flows(store, year)):
        rec = world[0]
        table = store.query(
            "SELECT reporter, product, sum(value_usd) AS v FROM world "
            "WHERE year = ? AND source = ? AND length(product) >= ? GROUP BY ALL",
            [year, rec.source, level],
        )
        c, p, m = _matrix_from_arrow(table, level, "product")
        return ExportMatrix(year, level, rec.edition, rec.source, c, p, m)
    where, params = _source_filter(source)
    # one pass: world lines and partner lines side by side; a reporter with any world line
    # is read from those, others from the sum over partners
    table = store.query(
        f"""
        SELECT reporter, {_code(level)} AS product,
               sum(value_usd) FILTER (WHERE partner = '{WORLD}') AS world,
               sum(value_usd) FILTER (WHERE partner <> '{WORLD}') AS partners
        FROM flows WHERE year = ? AND flow = 'X' {where} AND {_deep(level)} GROUP BY ALL
        """,  # noqa: S608 -- level is an int
        [year, *params],
    )
    if table.num_rows:
        has_world = pc.is_valid(table["world"])
        with_world = set(pc.unique(pc.filter(table["reporter"], has_world)).to_pylist())
        use_world = pc.is_in(table["reporter"], pa.array(sorted(with_world), pa.string()))
        v = pc.if_else(use_world, table["world"], table["partners"])
        table = pa.table(
            {"reporter": table["reporter"], "product": table["product"], "v": pc.fill_null(v, 0.0)}
        )
    if table.num_rows == 0:
        return None
    c, p, m = _matrix_from_arrow(table, level, "product")
    used = source or ",".join(
        sorted({r.source for r in store.imports() if r.kind == "flows" and year in r.years})
    )
    return ExportMatrix(year, level, store.edition, used, c, p, m)


def _has_flows(store: TradeStore, year: int) -> bool:
    return any(r.kind == "flows" and year in r.years for r in store.imports())


def _matrix_from_arrow(
    table: pa.Table, level: int, column: str
) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    reporters = table.column("reporter").combine_chunks().dictionary_encode()
    products = (
        pc.utf8_slice_codeunits(table.column(column), 0, level).combine_chunks().dictionary_encode()
    )
    c_labels = reporters.dictionary.to_pylist()
    p_labels = products.dictionary.to_pylist()
    c_order = np.argsort(c_labels)
    p_order = np.argsort(p_labels)
    c_rank = np.empty_like(c_order)
    c_rank[c_order] = np.arange(len(c_order))
    p_rank = np.empty_like(p_order)
    p_rank[p_order] = np.arange(len(p_order))
    rows = c_rank[reporters.indices.to_numpy()]
    cols = p_rank[products.indices.to_numpy()]
    m = np.zeros((len(c_labels), len(p_labels)))
    np.add.at(m, (rows, cols), table.column("v").to_numpy())
    return tuple(sorted(c_labels)), tuple(sorted(p_labels)), m


def potential(
    store: TradeStore,
    exporter: str,
    importer: str,
    year: int,
    level: int = 6,
    source: str | None = None,
    matrix: ExportMatrix | None = None,
) -> Potential | None:
    """Untapped potential of ``exporter`` in ``importer``'s market by product (see indicators).

    ``None`` when the store lacks the importer's imports by product or the world matrix.
    ``matrix`` may be given when the caller already built the year's export matrix.
    """
    matrix = matrix or export_matrix(store, year, level, source)
    imports, _basis = world_totals(store, importer, year, "M", level, source)
    if matrix is None or not imports or exporter not in matrix.countries:
        return None
    actual = by_product(store, exporter, importer, year, level, source)
    products = matrix.products
    row = matrix.values[matrix.countries.index(exporter)]
    world = matrix.values.sum(axis=0)
    demand = np.array([imports.get(p, 0.0) for p in products])
    act = np.array([actual.get(p, 0.0) for p in products])
    return export_potential(products, row, world, demand, act)


@dataclass(frozen=True)
class ChainFlow:
    """Trade of one chain stage in one direction."""

    chain: str
    stage: str
    exporter: str
    importer: str
    value_usd: float
    products: int


def chain_flows(
    store: TradeStore,
    a: str,
    b: str,
    year: int,
    stage_of: Mapping[str, Iterable[tuple[str, str]]],
    source: str | None = None,
) -> list[ChainFlow]:
    """Bilateral flows of ``year`` along each chain's stages, in both directions.

    ``stage_of`` maps a 6-digit code (in the store's edition) to its (chain, stage) pairs; a
    code may belong to several chains and then counts in each.
    """
    out = []
    for exporter, importer in ((a, b), (b, a)):
        totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
        for code, value in by_product(store, exporter, importer, year, 6, source).items():
            for chain, stage in stage_of.get(code, ()):
                totals[(chain, stage)][0] += value
                totals[(chain, stage)][1] += 1
        for (chain, stage), (value, n) in sorted(totals.items()):
            out.append(ChainFlow(chain, stage, exporter, importer, value, int(n)))
    return out


UPSTREAM = ("raw_material", "processing")
DOWNSTREAM = ("manufacturing", "design", "distribution")


@dataclass(frozen=True)
class LinkageCandidate:
    """An input one country makes competitively and the other buys from the world for a
    downstream product it exports."""

    chain: str
    supplier: str
    buyer: str
    input_code: str
    supplier_rca: float
    buyer_world_imports: float
    buyer_imports_from_supplier: float
    downstream_exports: float
    downstream_codes: tuple[str, ...]

    @property
    def open_value(self) -> float:
        """Buyer's imports of the input that do not yet come from the supplier."""
        return max(self.buyer_world_imports - self.buyer_imports_from_supplier, 0.0)


def linkage_candidates(
    store: TradeStore,
    a: str,
    b: str,
    year: int,
    stage_of: Mapping[str, Iterable[tuple[str, str]]],
    source: str | None = None,
    rca_threshold: float = 1.0,
    matrix: ExportMatrix | None = None,
    result: Complexity | None = None,
) -> list[LinkageCandidate] | None:
    """Upstream inputs where one side has RCA and the other imports them for its downstream
    exports of the same chain, in both directions, largest open value first.

    ``None`` when the store cannot answer (no HS6 world matrix or no imports by product).
    ``matrix`` and its ``result`` may be given when the caller already computed them.
    """
    matrix = matrix or export_matrix(store, year, 6, source)
    if matrix is None:
        return None
    result = result or matrix.complexity()
    out: list[LinkageCandidate] = []
    any_imports = False
    for supplier, buyer in ((a, b), (b, a)):
        if supplier not in result.countries:
            continue
        imports, _basis = world_totals(store, buyer, year, "M", 6, source)
        any_imports = any_imports or bool(imports)
        from_supplier = by_product(store, supplier, buyer, year, 6, source)
        buyer_exports: dict[str, float] = {}
        if buyer in matrix.countries:
            row = matrix.values[matrix.countries.index(buyer)]
            buyer_exports = {p: v for p, v in zip(matrix.products, row, strict=True) if v > 0}
        downstream: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for code, value in buyer_exports.items():
            for chain, stage in stage_of.get(code, ()):
                if stage in DOWNSTREAM:
                    downstream[chain].append((code, value))
        s_row = result.country(supplier)
        for j, code in enumerate(result.products):
            r = result.rca[s_row, j]
            if r < rca_threshold or imports.get(code, 0.0) <= 0:
                continue
            for chain, stage in stage_of.get(code, ()):
                if stage not in UPSTREAM or not downstream.get(chain):
                    continue
                down = sorted(downstream[chain], key=lambda cv: -cv[1])
                out.append(
                    LinkageCandidate(
                        chain,
                        supplier,
                        buyer,
                        code,
                        float(r),
                        imports[code],
                        from_supplier.get(code, 0.0),
                        sum(v for _, v in down),
                        tuple(c for c, _ in down[:5]),
                    )
                )
    if not any_imports:
        return None
    out.sort(key=lambda c: (-c.open_value, c.chain, c.input_code))
    return out


def store_observations(store: TradeStore, a: str, b: str) -> list[Observation]:
    """The store's bilateral declarations as turnover observations of each declarant.

    A reporter's exports (``X``) and imports (``M``) with the other country are its own
    declaration. A reconciled file (BACI) has one line per exporter and importer: it answers
    for both declarants (a's exports are b's imports) under its own source name.
    """
    out = []
    for record, rows in declarations(store, a, b):
        for d in rows:
            period = Period(d.year, *record.months)
            meta = (record.source, record.file, record.fictional, record.imported_at)
            if record.source == "baci":
                out.append(
                    Observation(d.reporter, d.partner, "exports", period, d.value_usd, *meta)
                )
                out.append(
                    Observation(d.partner, d.reporter, "imports", period, d.value_usd, *meta)
                )
            else:
                flow = "exports" if d.flow == "X" else "imports"
                out.append(Observation(d.reporter, d.partner, flow, period, d.value_usd, *meta))
    return out
