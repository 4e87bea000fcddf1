"""lienket backup and restore: one archive with a manifest of hashes, restored exactly into an
empty installation, refused over existing data or when a file does not match (issue 12, part 9)."""

import hashlib
import io
import json
import sqlite3
import tarfile

import pytest
from django.db import connection
from tests.conftest import make_firm
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core import backup as service
from lienket.core.models import AuditEvent

runner = CliRunner()


@pytest.fixture
def installation(transactional_db, zones, settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "trade" / "flows").mkdir(parents=True)
    (tmp_path / "trade" / "flows" / "abc123.parquet").write_bytes(b"PAR1" + bytes(range(256)))
    (tmp_path / "trade" / "manifest.json").write_text(json.dumps({"edition": "HS2017", "imports": [
        {"id": "abc123", "kind": "flows", "file": "f.csv", "sha256": "0" * 64, "source": "baci",
         "source_edition": "HS2017", "edition": "HS2017", "rows": 1, "skipped": {},
         "years": [2022], "reporters": ["VNM"], "slices": [["baci", 2022, "VNM"]],
         "value_usd": 1.0, "imported_at": "2026-01-01T00:00:00"}]}))  # fmt: skip
    # what a killed import leaves behind: never backed up
    (tmp_path / "trade" / ".unzip-x1").mkdir()
    (tmp_path / "trade" / ".unzip-x1" / "BACI_HS17_Y2022.csv").write_bytes(b"t,i,j,k,v,q\n" * 10)
    (tmp_path / "trade" / "flows" / ".tmp-1.parquet").write_bytes(b"PAR1 half")
    (tmp_path / "media" / "minutes").mkdir(parents=True)
    (tmp_path / "media" / "minutes" / "m.pdf").write_bytes(b"%PDF-1.7 minutes")
    make_firm("VNM", "Công ty Sông Đà", "42")
    make_firm("LAO", "ບໍລິສັດ ນ້ຳເທີນ", "LA-VT")
    AuditEvent.objects.create(actor_label="x", action="created", summary="µs timestamp")
    return tmp_path


def _tree_hashes(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _rows(conn, tables):
    query = 'SELECT * FROM "{}"'  # table names from sqlite_master, not from input
    return {t: sorted(map(repr, conn.execute(query.format(t)).fetchall())) for t in tables}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip")
def test_a_round_trip_is_exact(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    result = runner.invoke(app, ["backup", str(archive)])
    assert result.exit_code == 0, result.output
    manifest = service.read_manifest(archive)
    assert manifest["database"] == "sqlite"
    assert {"secret_key", "trade/flows/abc123.parquet", "media/minutes/m.pdf"} <= set(
        manifest["files"]
    )
    assert not [n for n in manifest["files"] if "/." in n]  # no temporary or unpacked file
    trade_before = {k: v for k, v in _tree_hashes(settings.LIENKET_TRADE_DIR).items()
                    if not any(p.startswith(".") for p in k.split("/"))}  # fmt: skip
    media_before = _tree_hashes(settings.MEDIA_ROOT)

    # a second, empty installation
    settings.LIENKET_TRADE_DIR = tmp_path / "restored" / "trade"
    settings.MEDIA_ROOT = tmp_path / "restored" / "media"
    target = tmp_path / "restored" / "lienket.sqlite3"
    done = service.restore(archive, sqlite_path=target, var_dir=tmp_path / "restored")
    assert done.files == len(manifest["files"])

    source = connection.connection
    tables = [r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    # read back with the type converters Django's own connection uses (datetimes to the µs)
    types = sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
    with sqlite3.connect(target, detect_types=types) as restored:
        assert _rows(restored, tables) == _rows(source, tables)  # timestamps included
    assert _tree_hashes(settings.LIENKET_TRADE_DIR) == trade_before
    assert _tree_hashes(settings.MEDIA_ROOT) == media_before
    assert (tmp_path / "restored" / "secret_key").read_text() == settings.SECRET_KEY


def test_a_restore_over_existing_data_is_refused(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)
    with pytest.raises(service.BackupError, match="not empty"):
        service.restore(archive)  # the trade store of this installation holds files


def test_a_tampered_archive_is_refused_and_restores_nothing(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(tampered, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == "media/minutes/m.pdf":
                data = b"%PDF-1.7 forged!"
                member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    settings.LIENKET_TRADE_DIR = tmp_path / "empty" / "trade"
    settings.MEDIA_ROOT = tmp_path / "empty" / "media"
    result = runner.invoke(app, ["restore", str(tampered)])
    assert result.exit_code == 1
    assert "m.pdf does not match its hash" in result.output
    assert not (tmp_path / "empty").exists()


def test_the_manifest_lists_every_member_with_its_hash(installation, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        for name, meta in manifest["files"].items():
            data = tar.extractfile(name).read()
            assert hashlib.sha256(data).hexdigest() == meta["sha256"]
            assert len(data) == meta["bytes"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL round trip")
def test_a_postgresql_round_trip_is_exact(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    assert service.backup(archive)["database"] == "postgresql"
    db = settings.DATABASES["default"]
    target = f"{connection.settings_dict['NAME']}_restored"
    with service.pg_connect(db, connection.settings_dict["NAME"]) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        settings.LIENKET_TRADE_DIR = tmp_path / "restored" / "trade"
        settings.MEDIA_ROOT = tmp_path / "restored" / "media"
        service.restore(archive, pg_database=target, var_dir=tmp_path / "restored")
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = sorted(r[0] for r in cursor.fetchall())
        query = 'SELECT * FROM "{}"'  # table names from pg_tables, not from input

        def rows(conn):
            return {t: sorted(map(repr, conn.execute(query.format(t)).fetchall())) for t in tables}

        with service.pg_connect(db, connection.settings_dict["NAME"]) as source:
            before = rows(source)
        with service.pg_connect(db, target) as restored:
            after = rows(restored)
        assert after == before and before["registry_enterprise"]
    finally:
        with service.pg_connect(db, connection.settings_dict["NAME"]) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}"')


# --- issue 24: archives you can trust ----------------------------------------------------------


def _rebuild(archive, out, change, key=None):
    """A copy of ``archive`` with ``change(files)`` applied to its members (name -> bytes), the
    manifest's hashes recomputed and signed with ``key`` (None: no signature)."""
    with tarfile.open(archive) as src:
        files = {m.name: src.extractfile(m).read() for m in src.getmembers() if m.isfile()}
    manifest = json.loads(files.pop("manifest.json"))
    files.pop(service.SIGNATURE, None)
    change(files)
    manifest["files"] = {
        n: {"sha256": hashlib.sha256(d).hexdigest(), "bytes": len(d)} for n, d in files.items()
    }
    data = json.dumps(manifest).encode()
    members = {"manifest.json": data, **files}
    if key is not None:
        members[service.SIGNATURE] = service.sign(data, key).encode()
    with tarfile.open(out, "w:gz") as dst:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            dst.addfile(info, io.BytesIO(content))
    return out


def _empty_installation(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "new" / "trade"
    settings.MEDIA_ROOT = tmp_path / "new" / "media"
    return tmp_path / "new"


def _refused(archive, settings, tmp_path, message, *options):
    new = _empty_installation(settings, tmp_path)
    result = runner.invoke(app, ["restore", str(archive), *options])
    assert result.exit_code == 1 and message in result.output, result.output
    assert not new.exists() and not (tmp_path / "static").exists()
    assert not (tmp_path / "new_secret_key_planted").exists()


@pytest.mark.parametrize(
    "planted",
    ["trade/../static/evil.js", "media/../secret_key_planted", "trade/../../etc/evil",
     "/etc/evil.js", "media/./.hidden", "database/other.sqlite3"],
)  # fmt: skip
def test_a_member_escaping_its_folder_is_refused_even_when_signed(
    installation, settings, tmp_path, planted
):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)

    def plant(files):
        files[planted] = b"alert('owned')"

    forged = _rebuild(archive, tmp_path / "forged.tar.gz", plant, key=settings.LIENKET_BACKUP_KEY)
    _refused(forged, settings, tmp_path, "outside its folder", "--allow-unsigned")


def test_a_rehashed_archive_is_refused_by_its_signature(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)

    def superuser(files):  # a reader made superuser, hashes recomputed
        files["media/minutes/m.pdf"] = b"%PDF-1.7 altered"

    unsigned = _rebuild(archive, tmp_path / "unsigned.tar.gz", superuser)
    _refused(unsigned, settings, tmp_path, "not signed")
    resigned = _rebuild(archive, tmp_path / "resigned.tar.gz", superuser, key="a guessed key")
    _refused(resigned, settings, tmp_path, "signature does not match")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="alters the SQLite database file")
def test_an_altered_database_is_refused(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)

    def promote(files):
        db = tmp_path / "altered.sqlite3"
        db.write_bytes(files[service.DB_SQLITE])
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE auth_user SET is_superuser = 1")
        files[service.DB_SQLITE] = db.read_bytes()

    altered = _rebuild(archive, tmp_path / "altered.tar.gz", promote)
    _refused(altered, settings, tmp_path, "not signed")


def test_a_link_member_is_refused(installation, settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)
    linked = tmp_path / "linked.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(linked, "w:gz") as dst:
        for member in src.getmembers():
            dst.addfile(member, src.extractfile(member))
        link = tarfile.TarInfo("media/minutes/link.pdf")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        dst.addfile(link)
    _refused(linked, settings, tmp_path, "not a regular file")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="restores into a new SQLite file")
def test_a_genuine_archive_restores_and_an_unsigned_one_only_when_asked(
    installation, settings, tmp_path
):
    archive = tmp_path / "backup.tar.gz"
    service.backup(archive)
    unsigned = _rebuild(archive, tmp_path / "unsigned.tar.gz", lambda files: None)
    _refused(unsigned, settings, tmp_path, "not signed")
    new = _empty_installation(settings, tmp_path)
    done = service.restore(unsigned, sqlite_path=new / "db.sqlite3", var_dir=new,
                           allow_unsigned=True)  # fmt: skip
    assert (new / "trade" / "flows" / "abc123.parquet").exists() and done.files > 3
