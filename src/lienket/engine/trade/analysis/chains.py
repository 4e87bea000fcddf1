"""Trade along the priority chains and cross-border linkage candidates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lienket.engine.trade.analysis.declared import (
    declarations,
)
from lienket.engine.trade.analysis.matrices import (
    ExportMatrix,
    export_matrix,
)
from lienket.engine.trade.analysis.turnover import (
    by_product,
    world_totals,
)
from lienket.engine.trade.complexity import Complexity
from lienket.engine.trade.store import TradeStore
from lienket.engine.trade.turnover import Observation, Period


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
