"""Questions asked of the store: bilateral series, product tables, matrices, chain evidence.

Every function states whose declaration it uses. A reporter's own lines are preferred; a
reconciled source (BACI) has one line per exporter-importer pair and is labelled as such. When
a reporter gives both world-total lines (partner ``WLD``) and lines by partner, the world line
is used so that nothing is counted twice.
"""

from lienket.engine.trade.analysis.chains import (
    DOWNSTREAM,
    UPSTREAM,
    ChainFlow,
    LinkageCandidate,
    chain_flows,
    linkage_candidates,
    store_observations,
)
from lienket.engine.trade.analysis.declared import (
    LEVELS,
    Declared,
    bilateral,
    declarations,
)
from lienket.engine.trade.analysis.matrices import (
    ExportMatrix,
    export_matrix,
    potential,
)
from lienket.engine.trade.analysis.turnover import (
    Turnover,
    by_product,
    turnover,
    world_totals,
)

__all__ = [
    "DOWNSTREAM",
    "LEVELS",
    "UPSTREAM",
    "ChainFlow",
    "Declared",
    "ExportMatrix",
    "LinkageCandidate",
    "Turnover",
    "bilateral",
    "by_product",
    "chain_flows",
    "declarations",
    "export_matrix",
    "linkage_candidates",
    "potential",
    "store_observations",
    "turnover",
    "world_totals",
]
