"""Every figure the trade pages show, as tables: one definition serves the page, the API and
the XLSX/CSV downloads, so the three never disagree."""

from lienket.trade.tables.advantage import (
    advantage,
)
from lienket.trade.tables.base import (
    FLOW_LABELS,
    SOURCE_LABELS,
    STAGE_LABELS,
    STATUS,
    Column,
    Table,
    _plain,
    hs_label,
    published,
    source_label,
)
from lienket.trade.tables.opportunities import (
    Page,
    linkage,
    paginate,
    potential,
    sectors,
    sort_headers,
)
from lienket.trade.tables.turnover import (
    _money,
    chain_table,
    mirror,
    target_tracking,
    target_words,
    top_products,
)

__all__ = [
    "FLOW_LABELS",
    "SOURCE_LABELS",
    "STAGE_LABELS",
    "STATUS",
    "Column",
    "Page",
    "Table",
    "_money",
    "_plain",
    "advantage",
    "chain_table",
    "hs_label",
    "linkage",
    "mirror",
    "paginate",
    "potential",
    "published",
    "sectors",
    "sort_headers",
    "source_label",
    "target_tracking",
    "target_words",
    "top_products",
]
