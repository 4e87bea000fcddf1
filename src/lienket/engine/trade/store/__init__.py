"""The trade store: Parquet files under one folder, a JSON manifest, DuckDB to query them.

Layout of ``root`` (``var/trade`` in the application)::

    manifest.json           every import: file, SHA-256, source, editions, rows, slices
    flows/<id>.parquet      one file per import, in FLOW_SCHEMA
    world/<id>.parquet      country x product world exports (WORLD_EXPORT_SCHEMA)

An import is all or nothing: rows are written to a hidden temporary file that is renamed into
place only when every row passed, and the manifest is replaced atomically. Importing a file
whose bytes were imported before does nothing. A different file that covers a (source,
reporter, year, flow) slice the store already holds is refused unless ``replace`` is asked
for, in which case the older imports covering that slice are removed: the store never
counts the same trade twice.
"""

from __future__ import annotations

from lienket.engine.trade.store.base import (
    StoreBase,
)
from lienket.engine.trade.store.checks import (
    KEY_COLUMNS,
    WORK_PREFIX,
    KeyIndex,
    StoreLimits,
)
from lienket.engine.trade.store.importing import (
    Importing,
)
from lienket.engine.trade.store.records import (
    TARGET_EDITION,
    ImportRecord,
    ImportResult,
    file_sha256,
)
from lienket.engine.trade.store.world import (
    WorldImports,
)


class TradeStore(Importing, WorldImports):
    """Trade flows in Parquet under ``root``, converted to one HS edition (HS2017 by default)."""


__all__ = [
    "KEY_COLUMNS",
    "TARGET_EDITION",
    "WORK_PREFIX",
    "ImportRecord",
    "ImportResult",
    "KeyIndex",
    "StoreBase",
    "StoreLimits",
    "TradeStore",
    "file_sha256",
]
