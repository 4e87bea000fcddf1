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

import contextlib
import fcntl
import gzip
import hashlib
import json
import os
import re
import shutil
import socket
import threading
import uuid
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade import readers
from lienket.engine.trade.schema import (
    FLOW_SCHEMA,
    WORLD_EXPORT_SCHEMA,
    Reference,
)

TARGET_EDITION = "HS2017"


@dataclass(frozen=True)
class ImportRecord:
    """One file in the store (an entry of the manifest)."""

    id: str
    kind: str  # "flows" or "world"
    file: str
    sha256: str
    source: str
    source_edition: str
    edition: str
    rows: int
    skipped: dict[str, int]
    years: list[int]
    reporters: list[str]
    slices: list[tuple[str, int, str]]
    value_usd: float
    imported_at: str
    fictional: bool = False
    note: str = ""
    #: the months of each year the file covers (first, last); a file covering January to
    #: October is a part year, never a full one (issue 8)
    months: tuple[int, int] = (1, 12)
    #: lines kept but read with a change, by what was done (stated to the user)
    notices: dict[str, int] = field(default_factory=dict)
    #: digits of the stored product codes: 6, or 4 for a file downloaded at HS4 (its rows hold
    #: 4-digit headings in the ``hs6`` column; level-6 queries leave them out)
    level: int = 6
    #: shown to visitors and enterprise users: ``None`` follows the source (UN Comtrade, BACI
    #: and the bundled world matrix are published statistics; a customs file is private until
    #: a steward marks it public)
    public: bool | None = None

    @property
    def is_public(self) -> bool:
        return self.public if self.public is not None else self.source != "customs"

    @property
    def label(self) -> str:
        """How pages cite this import: source, file and whether it is fictional."""
        return f"{self.source} ({self.file})" + (" — fictional" if self.fictional else "")


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the record, and whether the file was already in the store."""

    record: ImportRecord
    already: bool = False
    replaced: list[str] = field(default_factory=list)


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


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (streamed)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


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


#: each thread's DuckDB connections, by store (see :meth:`TradeStore.query`)
_THREAD = threading.local()


class TradeStore:
    """Trade flows in Parquet under ``root``, converted to one HS edition (HS2017 by default)."""

    def __init__(
        self,
        root: Path | str,
        edition: str = TARGET_EDITION,
        reference: Reference | None = None,
        public_only: bool = False,
        limits: StoreLimits | None = None,
    ) -> None:
        self.root = Path(root)
        self.edition = edition
        self._reference = reference
        self.limits = limits or StoreLimits()
        #: a view of the store for visitors: queries and listings see public imports only
        self.public_only = public_only

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            raise ValueError(
                "this TradeStore was made without its reference data (countries, HS codes, "
                "concordances): TradeStore(root, reference=lienket.refdata.trade_reference())"
            )
        return self._reference

    # --- manifest -------------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.json"

    def imports(self) -> list[ImportRecord]:
        """Every import in the store (the public ones for a public view), oldest first."""
        records = self._records()
        return [r for r in records if r.is_public] if self.public_only else records

    def set_public(self, import_id: str, public: bool) -> ImportRecord:
        """Mark one import public (shown to everyone) or private (government users only)."""
        with self._manifest_lock():
            records = self._records()
            found = next((r for r in records if r.id == import_id), None)
            if found is None:
                raise KeyError(import_id)
            changed = replace(found, public=public)
            self._write_manifest([changed if r.id == import_id else r for r in records])
        return changed

    def _records(self) -> list[ImportRecord]:
        """Every import in the store, oldest first, whatever the view."""
        if not self.manifest_path.exists():
            return []
        data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        out = []
        for entry in data.get("imports", []):
            entry["slices"] = [tuple(s) for s in entry["slices"]]
            entry["months"] = tuple(entry.get("months", (1, 12)))
            out.append(ImportRecord(**entry))
        return out

    def _write_manifest(self, records: list[ImportRecord]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".manifest-{uuid.uuid4().hex}.json"
        payload = {"edition": self.edition, "imports": [asdict(r) for r in records]}
        tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    @contextlib.contextmanager
    def _manifest_lock(self) -> Iterator[None]:
        """Hold the store's lock while the manifest is read, changed and written, so that two
        imports finishing at once (a web upload and the command line) never lose an entry."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".manifest.lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _path(self, record: ImportRecord) -> Path:
        return self.root / record.kind / f"{record.id}.parquet"

    # --- temporary work ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _workdir(self) -> Iterator[Path]:
        """One folder for one import's temporary files (unpacked members, the Parquet file
        being written, its key index), removed when the import ends, however it ends; a folder
        left by a killed process is removed by :meth:`sweep` at the next start."""
        self.root.mkdir(parents=True, exist_ok=True)
        where = self.root / f"{WORK_PREFIX}{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex}"
        where.mkdir()
        try:
            yield where
        finally:
            shutil.rmtree(where, ignore_errors=True)

    def sweep(self) -> list[Path]:
        """Remove what imports killed on this machine left behind (their process is gone):
        work folders, and the temporary files of older versions. Returns what was removed."""
        gone = []
        host = socket.gethostname()
        for p in self.root.glob(f"{WORK_PREFIX}*") if self.root.exists() else []:
            owner = p.name.removeprefix(WORK_PREFIX).rsplit("-", 2)
            if len(owner) == 3 and owner[0] == host and not _alive(int(owner[1] or 0)):
                shutil.rmtree(p, ignore_errors=True)
                gone.append(p)
        old = [*self.root.glob(".unzip-*"), *self.root.glob("*/.tmp-*.parquet")]
        for p in old if self.root.exists() else []:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
            gone.append(p)
        return gone

    def files(self) -> list[Path]:
        """The files the store consists of: its manifest and the Parquet file of every import
        it names (never a temporary or unpacked file left by an interrupted import)."""
        if not self.manifest_path.exists():
            return []
        return [self.manifest_path, *(self._path(r) for r in self._records())]

    def parquet(self, record: ImportRecord) -> Path:
        """The Parquet file that holds one import's rows."""
        return self._path(record)

    def other_sources(self, record: ImportRecord) -> list[ImportRecord]:
        """Imports of *another* source that cover a slice (reporter, year, flow) of ``record``:
        the same figure from two sources, shown side by side and never added."""
        mine = set(record.slices)
        return [
            r
            for r in self.imports()
            if r.kind == "flows"
            and r.id != record.id
            and (r.source != record.source or r.months != record.months)
            and set(r.slices) & mine
        ]

    def _new_file(self, kind: str, sha: str) -> tuple[str, Path]:
        """A new import's id and its final Parquet path (written in the import's work folder
        first, then moved there)."""
        import_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + sha[:12]
        final = self.root / kind / f"{import_id}.parquet"
        final.parent.mkdir(parents=True, exist_ok=True)
        return import_id, final

    def remove(self, import_id: str) -> ImportRecord:
        """Drop one import (its Parquet file and manifest entry)."""
        with self._manifest_lock():
            records = self._records()
            gone = next((r for r in records if r.id == import_id), None)
            if gone is None:
                raise KeyError(import_id)
            self._write_manifest([r for r in records if r.id != import_id])
        self._path(gone).unlink(missing_ok=True)
        return gone

    # --- import ---------------------------------------------------------------------------

    def import_file(
        self,
        path: Path | str,
        source: str,
        *,
        reporter: str | None = None,
        edition: str | None = None,
        countries_file: Path | str | None = None,
        replace: bool = False,
        fictional: bool = False,
        note: str = "",
        months: tuple[int, int] = (1, 12),
        progress: Callable[[int, int], None] | None = None,
        partner: str | None = None,
        flow: str | None = None,
        year: int | None = None,
    ) -> ImportResult:
        """Check a trade file and add it to the store, all rows or none.

        ``source`` is "comtrade", "baci" or "customs". ``reporter`` (ISO 3) is required for a
        customs file; ``edition`` is required where the file does not say it (customs, a
        BACI file not named ``BACI_HSxx_...``). ``months`` (first, last) says which months of
        its years the file covers when it is a part year (say (1, 10) for January-October); a
        monthly file (Comtrade ``period`` 202503, a customs table's month column) says it
        itself. ``partner``, ``flow`` and ``year`` stand for columns a customs table carries
        only in its title.
        ``progress(done_bytes, total_bytes)`` is called as the file is read. Raises
        :class:`DataError` naming file, line and column.
        """
        path = Path(path)
        first, last = months
        if not 1 <= first <= last <= 12:
            raise DataError(
                [
                    RowError(
                        path.name,
                        0,
                        "",
                        _("the months %(first)s..%(last)s are not a run within one year"),
                        {"first": first, "last": last},
                    )
                ]
            )
        if source not in readers.SOURCES:
            raise DataError(
                [
                    RowError(
                        path.name,
                        0,
                        "",
                        _("unknown source %(source)s; use one of %(known)s"),
                        {"source": source, "known": ", ".join(readers.SOURCES)},
                    )
                ]
            )
        if not path.is_file():
            raise DataError(
                [RowError(path.name, 0, "", _("file not found: %(path)s"), {"path": str(path)})]
            )
        sha = file_sha256(path)
        existing = self._records()
        for r in existing:
            if r.sha256 == sha and r.kind == "flows":
                return ImportResult(r, already=True)
        blocks, given_edition = self._blocks(
            path, source, reporter, edition, countries_file, progress, (partner, flow, year)
        )
        normalise = readers.Normaliser(
            path.name, source, self.reference, self.edition, given_edition
        )
        import_id, final = self._new_file("flows", sha)
        stack = contextlib.ExitStack()
        work = stack.enter_context(self._workdir())
        tmp = work / "flows.parquet"
        keys = KeyIndex(work / "keys.parquet")
        rows, value, skipped, notices = 0, 0.0, dict[str, int](), dict[str, int]()
        biggest, by_year = 0.0, dict[int, float]()
        slices: set[tuple[str, int, str]] = set()
        monthly: dict[int, set[int]] = {}
        writer = pq.ParquetWriter(tmp, FLOW_SCHEMA, compression="zstd")
        # Parquet encoding runs in a second thread (it releases the GIL) while the next block
        # is parsed and checked: the two halves of an import overlap on two cores.
        pool = ThreadPoolExecutor(max_workers=1)
        pending: Future[None] | None = None
        try:
            for block in blocks:
                for reason, n in block.skip_reasons.items():
                    skipped[reason] = skipped.get(reason, 0) + n
                for reason, n in block.notices.items():
                    notices[reason] = notices.get(reason, 0) + n
                _months_of(block, monthly)
                keys.add(block)
                table = normalise(block)
                if table is None or normalise.errors:
                    if len(normalise.errors) >= normalise.max_errors:
                        break
                    continue
                if pending is not None:
                    pending.result()
                pending = pool.submit(writer.write_table, table)
                rows += table.num_rows
                value += pc.sum(table.column("value_usd")).as_py() or 0.0
                biggest = max(biggest, pc.max(table.column("value_usd")).as_py() or 0.0)
                _add_years(table, by_year)
                for s in table.group_by(["reporter", "year", "flow"]).aggregate([]).to_pylist():
                    slices.add((s["reporter"], s["year"], s["flow"]))
            if pending is not None:
                pending.result()
            writer.close()
            if not normalise.errors and rows == 0:
                normalise.errors.append(
                    RowError(
                        path.name,
                        0,
                        "",
                        _("the file holds no export or import lines at 6 or 4 digits"),
                    )
                )
            for reason, n in normalise.notices.items():
                notices[reason] = notices.get(reason, 0) + n
            if normalise.errors:
                raise DataError(normalise.errors)
            # issue 24 - 33.5 M copies of one line were stored as USD 50 bn
            implausible = keys.duplicates(path.name) + self._implausible(
                path.name, biggest, by_year
            )
            if implausible:
                raise DataError(implausible)
            if monthly:
                first, last = _monthly_run(path.name, monthly, (first, last))
            record = ImportRecord(
                id=import_id,
                kind="flows",
                file=path.name,
                sha256=sha,
                source=source,
                source_edition=normalise.editions_seen.pop() if normalise.editions_seen else "",
                edition=self.edition,
                rows=rows,
                skipped=skipped,
                years=sorted({s[1] for s in slices}),
                reporters=sorted({s[0] for s in slices}),
                slices=sorted(slices),
                value_usd=value,
                imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
                fictional=fictional,
                note=note,
                months=(first, last),
                notices=notices,
                level=min(normalise.levels_seen, default=6),
            )
            with self._manifest_lock():
                # read again under the lock: another import may have finished meanwhile
                existing = self._records()
                already = next((r for r in existing if r.sha256 == sha and r.kind == "flows"), None)
                if already is not None:
                    return ImportResult(already, already=True)  # its work folder goes
                overlap = self._overlap(existing, source, (first, last), slices)
                if overlap and not replace:
                    raise DataError(
                        [
                            RowError(
                                path.name,
                                0,
                                "",
                                _(
                                    "the store already holds %(source)s data for the same "
                                    "reporter, year and flow from %(file)s; remove that import "
                                    "or ask to replace it"
                                ),
                                {"source": source, "file": overlap[0].file},
                            )
                        ]
                    )
                os.replace(tmp, final)
                gone = {r.id for r in overlap}
                try:
                    self._write_manifest([r for r in existing if r.id not in gone] + [record])
                except BaseException:
                    final.unlink(missing_ok=True)
                    raise
        except BaseException:
            with contextlib.suppress(Exception):
                if pending is not None:
                    pending.result()
                writer.close()
            raise  # the work folder, and what was written in it, goes below
        finally:
            pool.shutdown(wait=True)
            keys.close()
            stack.close()
        for r in overlap:
            self._path(r).unlink(missing_ok=True)
        return ImportResult(record, replaced=[r.file for r in overlap])

    def _implausible(self, name: str, biggest: float, by_year: dict[int, float]) -> list[RowError]:
        """A line (``biggest``, its value) or a year's total no real trade reaches."""
        problems = []
        if biggest > self.limits.row_usd:
            problems.append(RowError(name, 0, "value", _(
                "a line is worth USD %(value)s, more than any bilateral trade of one product "
                "(USD %(limit)s): check the unit of the value column"),
                {"value": f"{biggest:,.0f}", "limit": f"{self.limits.row_usd:,.0f}"}))  # fmt: skip
        for year, total in sorted(by_year.items()):
            if total > self.limits.year_usd:
                problems.append(RowError(name, 0, "value", _(
                    "the lines of %(year)s add up to USD %(value)s, more than all the world's "
                    "merchandise trade of a year (about USD 24 trillion): the file repeats lines "
                    "or its unit is wrong"),
                    {"year": year, "value": f"{total:,.0f}"}))  # fmt: skip
        return problems

    @staticmethod
    def _overlap(
        existing: list[ImportRecord],
        source: str,
        months: tuple[int, int],
        slices: set[tuple[str, int, str]],
    ) -> list[ImportRecord]:
        """Imports of the same source and months that cover one of ``slices``."""
        return [
            r
            for r in existing
            if r.kind == "flows"
            and r.source == source
            and r.months == months
            and set(r.slices) & slices
        ]

    def _blocks(
        self,
        path: Path,
        source: str,
        reporter: str | None,
        edition: str | None,
        countries_file: Path | str | None,
        progress: Callable[[int, int], None] | None,
        given: tuple[str | None, str | None, int | None] = (None, None, None),
    ) -> tuple[Iterator[readers.Block], str | None]:
        def need(message: str, **params: object) -> DataError:
            return DataError([RowError(path.name, 0, "", message, params)])

        edition = readers.EDITION_ALIASES.get((edition or "").upper(), edition) or None
        total = path.stat().st_size
        tracker = (lambda done: progress(done, total)) if progress else None
        if source == "comtrade":
            numeric = self.reference.numeric_countries
            return readers.read_comtrade(path, tracker, numeric), edition
        if source == "baci":
            codes = Path(countries_file) if countries_file else readers.find_baci_countries(path)
            if codes is None:
                raise need(
                    _(
                        "the BACI country-code file (country_codes_V….csv) is not beside "
                        "the file; give it"
                    )
                )
            edition = edition or readers.baci_edition(path)
            return readers.read_baci(path, readers.baci_country_codes(codes), tracker), edition
        if reporter is None or not self.reference.knows(reporter.upper()):
            raise need(
                _("a customs file needs its reporter as an ISO 3 code (got %(value)r)"),
                value=reporter,
            )
        if edition is None:
            raise need(_("a customs file needs its HS edition (HS2017 or HS2022)"))
        resolve = self.reference.resolve_country
        return readers.read_customs(path, reporter.upper(), *given, resolve), edition

    def import_archive(
        self,
        path: Path | str,
        *,
        replace: bool = False,
        fictional: bool = False,
        note: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ImportResult]:
        """Import a BACI release as CEPII publishes it: a zip of one CSV per year
        (``BACI_HS17_Y2022_V202501.csv``) with its ``country_codes_V*.csv``. All years or
        none: if one year is refused, the years imported before it are removed again.
        """
        path = Path(path)
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            message = _("the file is not a readable zip archive (%(reason)s)")
            raise DataError([RowError(path.name, 0, "", message, {"reason": exc})]) from exc
        with archive:
            names = archive.namelist()
            codes = sorted(n for n in names if PurePath(n).name.startswith("country_codes"))
            data = sorted(n for n in names if re.fullmatch(r"BACI_.+\.csv", PurePath(n).name))
            if not codes or not data:
                message = _(
                    "the archive holds no BACI data files (BACI_….csv) with their "
                    "country_codes_V….csv"
                )
                raise DataError([RowError(path.name, 0, "", message)])
            self.root.mkdir(parents=True, exist_ok=True)
            self._check_archive(path.name, archive, [*codes[-1:], *data])
            done: list[ImportResult] = []
            with self._workdir() as where:
                codes_path = where / PurePath(codes[-1]).name
                with archive.open(codes[-1]) as src, codes_path.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                try:
                    for member in data:
                        target = where / PurePath(member).name
                        with archive.open(member) as src, target.open("wb") as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                        done.append(
                            self.import_file(target, "baci", countries_file=codes_path,
                                             replace=replace, fictional=fictional, note=note,
                                             progress=progress)
                        )  # fmt: skip
                        target.unlink()
                except BaseException:
                    for result in done:
                        if not result.already:
                            self.remove(result.record.id)
                    raise
        return done

    def _check_archive(self, name: str, archive: zipfile.ZipFile, members: list[str]) -> None:
        """Refuse an archive before anything is unpacked: a member that unpacks to more than
        ``zip_ratio`` times its packed size, or members that unpack to more than
        ``unzipped_bytes`` or than the free disk (issue 24: 7.8 MB unpacked to 3.2 GB)."""
        infos = [archive.getinfo(m) for m in members]
        for info in infos:
            if info.file_size > self.limits.zip_ratio * max(info.compress_size, 1) and (
                info.file_size > 1024**2
            ):
                message = _(
                    "%(member)s unpacks to %(size)s MB, more than %(ratio)s times its packed "
                    "size: the archive is refused as it may be built to exhaust the server"
                )
                raise DataError([RowError(name, 0, "", message, {
                    "member": info.filename, "size": f"{info.file_size / 1024**2:,.0f}",
                    "ratio": self.limits.zip_ratio})])  # fmt: skip
        total = sum(i.file_size for i in infos)
        free = shutil.disk_usage(self.root).free
        if total > min(self.limits.unzipped_bytes, free):
            message = _(
                "the archive unpacks to %(size)s MB; at most %(limit)s MB can be unpacked here"
            )
            limit = min(self.limits.unzipped_bytes, free) / 1024**2
            raise DataError([RowError(name, 0, "", message, {
                "size": f"{total / 1024**2:,.0f}", "limit": f"{limit:,.0f}"})])  # fmt: skip

    def import_world_exports(
        self,
        path: Path | str,
        source: str,
        *,
        year: int,
        edition: str,
        note: str = "",
    ) -> ImportResult:
        """Add a country x product export matrix (``reporter_iso,product_code,export_value_usd``).

        Used for the 2017 world matrix by HS 4-digit product of Open Trade Statistics. Codes
        are kept in their own edition (``edition``); they are checked for shape only.
        """
        path = Path(path)
        sha = file_sha256(path)
        existing = self._records()
        for r in existing:
            if r.sha256 == sha and r.kind == "world":
                return ImportResult(r, already=True)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            try:
                table = pacsv.read_csv(
                    f,
                    convert_options=pacsv.ConvertOptions(
                        column_types={
                            "reporter_iso": pa.string(),
                            "product_code": pa.string(),
                            "export_value_usd": pa.string(),
                        }
                    ),
                )
            except (OSError, pa.ArrowInvalid, EOFError) as exc:
                raise DataError([readers.unreadable(path, exc)]) from exc
        for col in ("reporter_iso", "product_code", "export_value_usd"):
            if col not in table.column_names:
                raise DataError(
                    [
                        RowError(
                            path.name,
                            1,
                            col,
                            _("required column %(column)s is missing"),
                            {"column": col},
                        )
                    ]
                )
        errors: list[RowError] = []
        lines = pa.array(range(2, table.num_rows + 2))
        block = readers.Block({}, lines)
        check = readers.Normaliser(path.name, source, self.reference, self.edition)
        reporter = pc.utf8_upper(pc.utf8_trim_whitespace(table["reporter_iso"]))
        ok = pc.is_in(reporter, pa.array(sorted(self.reference.countries)))
        check._check(
            pc.invert(ok), block, "reporter_iso", _("unknown country code %(value)r"), reporter
        )
        code = pc.utf8_trim_whitespace(table["product_code"])
        ok = pc.match_substring_regex(code, r"^[0-9]{4}([0-9]{2})?$")
        check._check(pc.invert(ok), block, "product_code", _("%(value)r is not an HS code"), code)
        value = table["export_value_usd"]
        ok = pc.match_substring_regex(value, readers._NUMBER)
        check._check(
            pc.invert(ok), block, "export_value_usd", _("%(value)r is not a number"), value
        )
        errors = check.errors
        if errors:
            raise DataError(errors)
        n = table.num_rows
        out = pa.table(
            [
                readers.constant(year, n, pa.int16()),
                reporter,
                code,
                readers.constant(edition, n),
                pc.cast(value, pa.float64()),
                readers.constant(source, n),
            ],
            schema=WORLD_EXPORT_SCHEMA,
        )
        import_id, final = self._new_file("world", sha)
        with self._workdir() as work:
            tmp = work / "world.parquet"
            pq.write_table(out, tmp, compression="zstd")
            reporters = sorted(set(reporter.to_pylist()))
            record = ImportRecord(
                id=import_id,
                kind="world",
                file=path.name,
                sha256=sha,
                source=source,
                source_edition=edition,
                edition=edition,
                rows=n,
                skipped={},
                years=[year],
                reporters=reporters,
                slices=[(r, year, "X") for r in reporters],
                value_usd=pc.sum(out["value_usd"]).as_py() or 0.0,
                imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
                note=note,
            )
            with self._manifest_lock():
                os.replace(tmp, final)
                self._write_manifest([*self._records(), record])
            return ImportResult(record)

    # --- queries --------------------------------------------------------------------------

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with the views ``flows`` and ``world`` over the store, bounded
        in memory and threads (``StoreLimits``)."""
        con = duckdb.connect(
            config={
                "memory_limit": f"{self.limits.duckdb_memory_mb}MB",
                "threads": self.limits.duckdb_threads,
            }
        )
        records = self.imports()
        for kind, schema in (("flows", FLOW_SCHEMA), ("world", WORLD_EXPORT_SCHEMA)):
            paths = [str(self._path(r)) for r in records if r.kind == kind]
            if paths:
                files = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
                con.execute(f"CREATE VIEW {kind} AS SELECT * FROM read_parquet([{files}])")  # noqa: S608
            else:
                con.register(f"_{kind}_empty", schema.empty_table())
                con.execute(f"CREATE VIEW {kind} AS SELECT * FROM _{kind}_empty")  # noqa: S608
        return con

    def query(self, sql: str, params: list[Any] | None = None) -> pa.Table:
        """Run ``sql`` against the store's views and return an Arrow table.

        The connection is this thread's for the store's current manifest (and view of it): a
        page that runs ten queries opens the views once, not ten times. A changed manifest (an
        import, a removal) gives a new connection. Connections are never shared between
        threads (DuckDB's are not thread-safe); nothing shared is mutated.
        """
        stamp = self.manifest_path.stat().st_mtime_ns if self.manifest_path.exists() else 0
        key = (str(self.root), self.edition, self.public_only)
        held = _THREAD.__dict__.setdefault("connections", {})
        entry = held.get(key)
        if entry is None or entry[0] != stamp:
            if entry is not None:
                held.pop(key)[1].close()
            while len(held) >= 4:  # a thread keeps the connections of a few stores at most
                held.pop(next(iter(held)))[1].close()
            entry = held[key] = (stamp, self.connect())
        return entry[1].sql(sql, params=params or None).to_arrow_table()

    def fictional_sources(self) -> set[str]:
        """Sources whose imports are marked fictional (demo data)."""
        return {r.source for r in self.imports() if r.fictional}
