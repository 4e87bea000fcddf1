"""Country x product export matrices and the trade potential they give."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lienket.engine.trade.analysis.declared import (
    _code,
    _deep,
    _source_filter,
)
from lienket.engine.trade.analysis.turnover import (
    by_product,
    world_totals,
)
from lienket.engine.trade.complexity import Complexity, complexity
from lienket.engine.trade.indicators import Potential, export_potential
from lienket.engine.trade.schema import WORLD
from lienket.engine.trade.store import TradeStore


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
