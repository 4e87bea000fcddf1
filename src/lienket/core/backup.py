"""One archive with everything an installation holds, and its exact restore.

The archive (``.tar.gz``) carries the database (SQLite's online backup, page for page, or
PostgreSQL's ``pg_dump -Fc``), the trade store, uploaded files, the secret key, and
``manifest.json``: every member's SHA-256 and size, the database vendor and lienket's version.
A restore checks every hash before it writes anything, and writes only into an empty
installation (no database yet, empty trade store): it never merges into live data.

The manifest is signed (``manifest.sig``: HMAC-SHA256 with ``LIENKET_BACKUP_KEY``, a key kept
outside the archive), so an archive altered and re-hashed is refused; every member must be a
regular file at a path inside its own folder (issue 24). The trade store contributes only the
files its manifest names, never what an interrupted import left behind.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

import lienket
from lienket.engine.trade.store import TradeStore, file_sha256

Progress = Callable[[str, int, int], None]
DB_SQLITE = "database/lienket.sqlite3"
DB_POSTGRES = "database/lienket.pgdump"
SIGNATURE = "manifest.sig"
#: the members an archive may hold besides the manifest: exact names, and folders
EXACT_MEMBERS = frozenset({DB_SQLITE, DB_POSTGRES, "secret_key"})
FOLDERS = ("trade", "media")


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


@dataclass(frozen=True)
class Restored:
    files: int
    vendor: str
    database: str


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    return {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}


def _pg_args(db: dict[str, Any]) -> list[str]:
    args = ["--no-owner", "--no-privileges"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return args


def _dump_database(folder: Path) -> tuple[str, Path]:
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        target = folder / DB_SQLITE
        target.parent.mkdir(parents=True)
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # SQLite's online backup: a consistent copy
        return "sqlite", target
    if connection.vendor == "postgresql":
        target = folder / DB_POSTGRES
        target.parent.mkdir(parents=True)
        run = [shutil.which("pg_dump") or "pg_dump", "-Fc", *_pg_args(db), "-f", str(target)]
        done = subprocess.run([*run, str(db["NAME"])], env=_pg_env(db), capture_output=True,  # noqa: S603
                              text=True, check=False)  # fmt: skip
        if done.returncode:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
        return "postgresql", target
    raise BackupError(f"backups of a {connection.vendor} database are not supported")


def _tree(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _uploads(root: Path) -> list[Path]:
    """Uploaded files, without hidden or temporary ones."""
    return [
        p
        for p in _tree(root)
        if not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]


def sign(manifest: bytes, key: str | None = None) -> str:
    """The manifest's signature: HMAC-SHA256 with the backup key (``LIENKET_BACKUP_KEY``)."""
    secret = (key if key is not None else settings.LIENKET_BACKUP_KEY).encode()
    return hmac.new(secret, manifest, hashlib.sha256).hexdigest()


def safe_member(name: str) -> bool:
    """A member name restore may write: a known file, or a plain relative path inside the
    trade or media folder (no ``..``, no absolute path, no backslash, nothing hidden)."""
    if name in EXACT_MEMBERS:
        return True
    parts = name.split("/")
    return (
        len(parts) >= 2
        and parts[0] in FOLDERS
        and "\\" not in name
        and all(p and p not in (".", "..") and not p.startswith(".") for p in parts)
    )


def backup(out: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Write the archive to ``out``; returns its manifest."""
    report = progress or (lambda stage, done, total: None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report("database", 0, 1)
        vendor, dump = _dump_database(folder)
        report("database", 1, 1)
        (folder / "secret_key").write_text(settings.SECRET_KEY)
        members: list[tuple[str, Path]] = [(dump.relative_to(folder).as_posix(), dump),
                                           ("secret_key", folder / "secret_key")]  # fmt: skip
        trade_root = Path(settings.LIENKET_TRADE_DIR)
        members += [(f"trade/{p.relative_to(trade_root).as_posix()}", p)
                    for p in TradeStore(trade_root).files()]  # fmt: skip
        media_root = Path(settings.MEDIA_ROOT)
        members += [(f"media/{p.relative_to(media_root).as_posix()}", p)
                    for p in _uploads(media_root)]  # fmt: skip
        files = {}
        for i, (name, path) in enumerate(members, start=1):
            files[name] = {"sha256": file_sha256(path), "bytes": path.stat().st_size}
            report("hashing", i, len(members))
        manifest = {
            "lienket": lienket.__version__,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": vendor,
            "files": files,
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:gz") as tar:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            for member, content in (("manifest.json", data), (SIGNATURE, sign(data).encode())):
                info = tarfile.TarInfo(member)
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
            for i, (name, path) in enumerate(members, start=1):
                tar.add(path, arcname=name, recursive=False)
                report("archiving", i, len(members))
    return manifest


def _read(tar: tarfile.TarFile, name: str) -> bytes | None:
    try:
        member = tar.extractfile(name)
    except KeyError:
        return None
    return member.read() if member is not None else None


def read_manifest(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive, "r:gz") as tar:
        data = _read(tar, "manifest.json")
        if data is None:
            raise BackupError(f"{archive}: no manifest.json; not a lienket backup")
        return dict(json.loads(data))


def _verified_manifest(tar: tarfile.TarFile, archive: Path, unsigned: bool) -> dict[str, Any]:
    """The manifest, once its signature holds (or ``unsigned`` was asked for)."""
    data = _read(tar, "manifest.json")
    if data is None:
        raise BackupError(f"{archive}: no manifest.json; not a lienket backup")
    signature = (_read(tar, SIGNATURE) or b"").decode("ascii", "replace").strip()
    if not unsigned:
        if not signature:
            raise BackupError(
                f"{archive}: the manifest is not signed; nothing was restored (restore it with "
                "--allow-unsigned only if you trust where it came from)"
            )
        if not hmac.compare_digest(signature, sign(data)):
            raise BackupError(
                f"{archive}: the manifest's signature does not match: the archive was altered, "
                "or made with another LIENKET_BACKUP_KEY; nothing was restored"
            )
    manifest = json.loads(data)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise BackupError(f"{archive}: its manifest has no list of files")
    return manifest


def _unpack_checked(
    archive: Path, folder: Path, progress: Progress, unsigned: bool = False
) -> dict[str, Any]:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            manifest = _verified_manifest(tar, archive, unsigned)
            files = manifest["files"]
            members = [m for m in tar.getmembers() if m.name not in ("manifest.json", SIGNATURE)]
            for m in members:
                if not m.isfile():
                    raise BackupError(f"{archive}: {m.name} is not a regular file (a link?)")
                if not safe_member(m.name):
                    raise BackupError(f"{archive}: {m.name} would be written outside its folder")
            if {m.name for m in members} != set(files) or len(members) != len(files):
                raise BackupError(f"{archive}: its files differ from its manifest")
            tar.extractall(folder, members=members, filter="data")
    except (tarfile.TarError, KeyError, ValueError, OSError) as exc:
        raise BackupError(f"{archive}: not a readable lienket backup ({exc})") from None
    for i, (name, meta) in enumerate(sorted(files.items()), start=1):
        if file_sha256(folder / name) != meta["sha256"]:
            raise BackupError(f"{archive}: {name} does not match its hash; nothing was restored")
        progress("checking", i, len(files))
    return manifest


def _restore_sqlite(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size:
        with sqlite3.connect(target) as existing:
            tables = existing.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise BackupError(f"{target} already holds a database; restore needs an empty one")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def pg_connect(db: dict[str, Any], name: str) -> Any:
    """A plain psycopg connection to database ``name`` of the configured server."""
    import psycopg

    return psycopg.connect(
        host=db.get("HOST") or None, port=db.get("PORT") or None, user=db.get("USER") or None,
        password=db.get("PASSWORD") or None, dbname=name, autocommit=True,
    )  # fmt: skip


def _restore_postgres(source: Path, db: dict[str, Any], name: str) -> None:
    with pg_connect(db, name) as conn:
        query = "SELECT count(*) FROM information_schema.tables WHERE table_schema='public'"
        row = conn.execute(query).fetchone()
    if row and row[0]:
        raise BackupError(f"database {name} is not empty; restore needs an empty one")
    run = [shutil.which("pg_restore") or "pg_restore", "--exit-on-error", "--single-transaction",
           *_pg_args(db), "--dbname", name, str(source)]  # fmt: skip
    done = subprocess.run(run, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()}")


def restore(
    archive: Path,
    sqlite_path: Path | None = None,
    var_dir: Path | None = None,
    pg_database: str | None = None,
    progress: Progress | None = None,
    allow_unsigned: bool = False,
) -> Restored:
    """Restore ``archive`` into this (empty) installation.

    ``sqlite_path`` is where a SQLite database goes (default: the configured one),
    ``pg_database`` the PostgreSQL database (default: the configured one); the trade
    store and uploads go to the configured directories, the secret key into ``var_dir``
    (default ``settings.VAR_DIR``) unless ``LIENKET_SECRET_KEY`` is set. An archive whose
    manifest is unsigned or wrongly signed is refused unless ``allow_unsigned``.
    """
    report = progress or (lambda stage, done, total: None)
    trade_dir, media_dir = Path(settings.LIENKET_TRADE_DIR), Path(settings.MEDIA_ROOT)
    if _tree(trade_dir):
        raise BackupError(f"the trade store {trade_dir} is not empty; restore needs an empty one")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        manifest = _unpack_checked(archive, folder, report, allow_unsigned)
        db = settings.DATABASES["default"]
        if manifest["database"] == "sqlite":
            target = sqlite_path or Path(str(db["NAME"]))
            _restore_sqlite(folder / DB_SQLITE, target)
            where = str(target)
        elif manifest["database"] == connection.vendor == "postgresql":
            where = pg_database or str(db["NAME"])
            _restore_postgres(folder / DB_POSTGRES, db, where)
        else:
            raise BackupError(
                f"the backup holds a {manifest['database']} database; this installation uses "
                f"{connection.vendor}"
            )
        report("database", 1, 1)
        for prefix, root in (("trade", trade_dir), ("media", media_dir)):
            for name in manifest["files"]:
                if name.startswith(prefix + "/"):
                    dest = root / name.removeprefix(prefix + "/")
                    if not dest.resolve().is_relative_to(root.resolve()):  # checked above too
                        raise BackupError(f"{name} would be written outside {root}")
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(folder / name, dest)
        if not os.environ.get("LIENKET_SECRET_KEY"):
            key = (var_dir or Path(settings.VAR_DIR)) / "secret_key"
            key.parent.mkdir(parents=True, exist_ok=True)
            key.write_text((folder / "secret_key").read_text())
            key.chmod(0o600)
    return Restored(len(manifest["files"]), manifest["database"], where)
