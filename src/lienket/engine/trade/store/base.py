"""The store's folder, manifest and DuckDB views."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from lienket.engine.trade.schema import (
    FLOW_SCHEMA,
    WORLD_EXPORT_SCHEMA,
    Reference,
)
from lienket.engine.trade.store.checks import (
    WORK_PREFIX,
    StoreLimits,
    _alive,
)
from lienket.engine.trade.store.records import (
    TARGET_EDITION,
    ImportRecord,
)

#: each thread's DuckDB connections, by store (see :meth:`TradeStore.query`)
_THREAD = threading.local()


class StoreBase:
    """The store's files and manifest, and DuckDB over them (``TradeStore`` adds the imports)."""

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
