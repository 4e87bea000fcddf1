"""Reading a trade file block by block into the import's work folder, and what it tallies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade import readers
from lienket.engine.trade.store.checks import (
    KeyIndex,
    _add_years,
    _months_of,
)


def check_request(path: Path, source: str, first: int, last: int) -> None:
    """What an import asks for, checked before the file is opened."""
    if not 1 <= first <= last <= 12:
        raise DataError([RowError(path.name, 0, "", _(
            "the months %(first)s..%(last)s are not a run within one year"),
            {"first": first, "last": last})])  # fmt: skip
    if source not in readers.SOURCES:
        raise DataError([RowError(path.name, 0, "", _(
            "unknown source %(source)s; use one of %(known)s"),
            {"source": source, "known": ", ".join(readers.SOURCES)})])  # fmt: skip
    if not path.is_file():
        raise DataError(
            [RowError(path.name, 0, "", _("file not found: %(path)s"), {"path": str(path)})]
        )


@dataclass
class Tally:
    """What an import has read so far: rows and value kept, lines skipped and noticed, the
    largest line, each year's total, the slices and months it covers."""

    rows: int = 0
    value: float = 0.0
    biggest: float = 0.0
    skipped: dict[str, int] = field(default_factory=dict)
    notices: dict[str, int] = field(default_factory=dict)
    by_year: dict[int, float] = field(default_factory=dict)
    slices: set[tuple[str, int, str]] = field(default_factory=set)
    monthly: dict[int, set[int]] = field(default_factory=dict)

    def count(self, block: readers.Block) -> None:
        for reason, n in block.skip_reasons.items():
            self.skipped[reason] = self.skipped.get(reason, 0) + n
        for reason, n in block.notices.items():
            self.notices[reason] = self.notices.get(reason, 0) + n
        _months_of(block, self.monthly)

    def keep(self, table: pa.Table) -> None:
        self.rows += table.num_rows
        self.value += pc.sum(table.column("value_usd")).as_py() or 0.0
        self.biggest = max(self.biggest, pc.max(table.column("value_usd")).as_py() or 0.0)
        _add_years(table, self.by_year)
        for s in table.group_by(["reporter", "year", "flow"]).aggregate([]).to_pylist():
            self.slices.add((s["reporter"], s["year"], s["flow"]))


def stream_blocks(blocks: Iterator[readers.Block], normalise: readers.Normaliser, keys: KeyIndex,
            tally: Tally, write: Callable[[pa.Table], None]) -> None:  # fmt: skip
    """Check and convert each block, and hand the good ones to ``write``; stops at the
    normaliser's most errors (the import is refused then)."""
    for block in blocks:
        tally.count(block)
        keys.add(block)
        table = normalise(block)
        if table is None or normalise.errors:
            if len(normalise.errors) >= normalise.max_errors:
                break
            continue
        write(table)
        tally.keep(table)


def write_later(pool: ThreadPoolExecutor, writer: pq.ParquetWriter, table: pa.Table,
           pending: list[Future[None]]) -> None:  # fmt: skip
    """Write ``table`` in the pool's thread once the previous block is written."""
    for done in pending[-1:]:
        done.result()
    pending[:] = [pool.submit(writer.write_table, table)]
