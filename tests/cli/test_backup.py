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
    (tmp_path / "trade" / "hs2017").mkdir(parents=True)
    (tmp_path / "trade" / "hs2017" / "part-0.parquet").write_bytes(b"PAR1" + bytes(range(256)))
    (tmp_path / "trade" / "manifest.json").write_text('{"imports": []}')
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
    assert {"secret_key", "trade/hs2017/part-0.parquet", "media/minutes/m.pdf"} <= set(
        manifest["files"]
    )
    trade_before = _tree_hashes(settings.LIENKET_TRADE_DIR)
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
