"""Checks of an import before it is kept: repeated keys, months, implausible values, limits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade import readers


def _months_of(block: readers.Block, monthly: dict[int, set[int]]) -> None:
    """Collect the (year, month) pairs of a monthly file's block (kept lines only)."""
    month = block.columns.get("month")
    if month is None:
        return
    keep = (
        pc.and_(pc.not_equal(month, ""), pc.invert(block.skip))
        if block.skip is not None
        else (pc.not_equal(month, ""))
    )
    pairs = pa.table({"y": pc.filter(block.columns["year"], keep), "m": pc.filter(month, keep)})
    for row in pairs.group_by(["y", "m"]).aggregate([]).to_pylist():
        if row["y"].isdigit() and row["m"].isdigit():
            monthly.setdefault(int(row["y"]), set()).add(int(row["m"]))


def _monthly_run(
    name: str, monthly: dict[int, set[int]], given: tuple[int, int]
) -> tuple[int, int]:
    """The months a monthly file covers in each of its years: one run, the same every year.

    A file of January to October gives (1, 10), so its years are part years, never full ones.
    """
    runs = {year: (min(m), max(m)) for year, m in monthly.items()}
    gaps = [y for y, m in monthly.items() if len(m) != runs[y][1] - runs[y][0] + 1]
    if gaps or len(set(runs.values())) > 1:
        shown = "; ".join(
            f"{y}: {', '.join(map(str, sorted(monthly[y])))}" for y in sorted(monthly)
        )
        message = _(
            "the file's months are not one run of months, the same in every year (%(months)s); "
            "split it by year"
        )
        raise DataError([RowError(name, 0, "period", message, {"months": shown})])
    run = next(iter(runs.values()))
    if given != (1, 12) and given != run:
        message = _("the file covers the months %(found)s, not %(given)s as given")
        found, wanted = f"{run[0]}-{run[1]}", f"{given[0]}-{given[1]}"
        raise DataError([RowError(name, 0, "period", message, {"found": found, "given": wanted})])
    return run


#: the columns that identify one line of a trade file as its source wrote it
KEY_COLUMNS = ("year", "month", "period", "reporter", "partner", "flow", "hs6")


class KeyIndex:
    """The identifying columns of every line read (as the file wrote them), kept on disk beside
    the import so that a repeated line is found with DuckDB, which spills to disk, whatever the
    file's size (issue 24)."""

    SCHEMA = pa.schema([*((k, pa.string()) for k in KEY_COLUMNS), ("line", pa.int64())])

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writer: pq.ParquetWriter | None = None

    def add(self, block: readers.Block) -> None:
        """Keep the key of every line of ``block`` that is not skipped (a column the source
        does not have is empty)."""
        n = len(block)
        columns = [
            pc.cast(block.columns[k], pa.string())
            if k in block.columns
            else pa.nulls(n, pa.string())
            for k in KEY_COLUMNS
        ]
        table = pa.Table.from_arrays(
            [*columns, pc.cast(block.lines, pa.int64())], schema=self.SCHEMA
        )
        if block.skip is not None:
            table = table.filter(pc.invert(block.skip))
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, self.SCHEMA)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def duplicates(self, name: str, most: int = 5) -> list[RowError]:
        """A line for each key the file gives more than once, with the lines that repeat it."""
        self.close()
        if not self.path.exists():
            return []
        cols = ", ".join(f'"{c}"' for c in KEY_COLUMNS)
        query = (
            f"SELECT {cols}, count(*) AS n, min(line) AS first, max(line) AS last "  # noqa: S608 - lienket's own column names
            f"FROM read_parquet(?) GROUP BY ALL HAVING count(*) > 1 ORDER BY first LIMIT {most}"
        )
        spill = str(self.path.parent / "duckdb.tmp")
        config = {"memory_limit": "256MB", "threads": 1, "temp_directory": spill}
        con = duckdb.connect(config=config)
        try:
            found = con.execute(query, [str(self.path)]).fetchall()
        finally:
            con.close()
        message = _(
            "line %(line)s repeats the key of line %(first)s (%(key)s; %(n)s lines give it): "
            "a trade file gives each reporter, partner, year, flow and product once"
        )
        out = []
        for *key, n, first, last in found:
            shown = ", ".join(str(v) for v in key if v is not None)
            out.append(RowError(name, int(last), "", message,
                                {"line": last, "first": first, "n": n, "key": shown}))  # fmt: skip
        return out


def _add_years(table: pa.Table, by_year: dict[int, float]) -> None:
    for row in table.group_by("year").aggregate([("value_usd", "sum")]).to_pylist():
        by_year[row["year"]] = by_year.get(row["year"], 0.0) + (row["value_usd_sum"] or 0.0)


@dataclass(frozen=True)
class StoreLimits:
    """What one trade file may cost the store (issue 24).

    ``zip_ratio``: a zip member may unpack to at most this many times its compressed size (a
    BACI CSV packs about 5 to 8 times; a "zip bomb" thousands of times); ``unzipped_bytes``:
    what one archive may unpack to in all (checked against the free disk too, before anything
    is unpacked); ``row_usd``: no single bilateral HS line reaches it (the largest are about USD
    0.1 trillion); ``year_usd``: more than world merchandise trade of a year (about USD 24
    trillion in 2023, WTO), so a file summing past it cannot be right.
    """

    zip_ratio: int = 100
    unzipped_bytes: int = 32 * 1024**3
    row_usd: float = 1e12
    year_usd: float = 3e13
    #: what one DuckDB connection of a query may hold in memory (it spills to disk past it),
    #: and its threads: a server runs several at once (issue 25)
    duckdb_memory_mb: int = 512
    duckdb_threads: int = 2


#: the name of an import's work folder: .work-<host>-<pid>-<uuid>
WORK_PREFIX = ".work-"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
