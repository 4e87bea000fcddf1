"""Issue 24: trade files built to cost the server — a zip that unpacks to gigabytes, one line
repeated millions of times, a value in the wrong unit — are refused with the reason before or
while they are read, and an import killed half-way leaves nothing the next start does not
remove."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from lienket.engine.errors import DataError
from lienket.engine.trade.store import WORK_PREFIX, StoreLimits, TradeStore
from lienket.refdata import hs_codes, trade_reference

CODES = "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"
HEADER = "t,i,j,k,v,q\n"


@pytest.fixture
def store(tmp_path):
    return TradeStore(tmp_path / "store", reference=trade_reference())


def _baci(folder: Path, body: str, name: str = "BACI_HS17_Y2022_V202501.csv") -> Path:
    (folder / "country_codes_V202501.csv").write_text(CODES)
    path = folder / name
    path.write_text(HEADER + body)
    return path


def _leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith((".work-", ".tmp-", ".unzip-"))]


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path, store):
    bomb = tmp_path / "BACI_HS17_V202501.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("country_codes_V202501.csv", CODES)
        # 200 MB of one repeated line: packs about a thousand times
        with z.open("BACI_HS17_Y2022_V202501.csv", "w") as member:
            line = b"2022,704,418,010121,1.5,2\n"
            member.write(HEADER.encode())
            for _ in range(200):
                member.write(line * (1024**2 // len(line)))
    assert bomb.stat().st_size < 2 * 1024**2
    with pytest.raises(DataError, match="times its packed size"):
        store.import_archive(bomb)
    assert _leftovers(store.root) == [] and store.imports() == []


def test_an_archive_larger_than_allowed_is_refused(tmp_path):
    store = TradeStore(
        tmp_path / "store", reference=trade_reference(), limits=StoreLimits(unzipped_bytes=1000)
    )
    archive = tmp_path / "BACI_HS17_V202501.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("country_codes_V202501.csv", CODES)
        z.writestr("BACI_HS17_Y2022_V202501.csv", HEADER + "2022,704,418,010121,1.5,2\n" * 50)
    with pytest.raises(DataError, match="at most 0 MB can be unpacked"):
        store.import_archive(archive)


def test_a_repeated_key_is_refused_with_its_lines(tmp_path, store):
    body = "2022,704,418,010121,1.5,2\n2022,704,418,010129,3,2\n2022,704,418,010121,1.5,2\n"
    with pytest.raises(DataError) as caught:
        store.import_file(_baci(tmp_path, body), "baci")
    (error,) = caught.value.errors
    assert error.row == 4 and error.params["first"] == 2 and error.params["n"] == 2
    assert "010121" in error.params["key"]
    assert store.imports() == [] and _leftovers(store.root) == []


def test_a_value_no_trade_reaches_is_refused(tmp_path, store):
    # 5e9 thousand USD = USD 5 trillion for one line: a unit error
    with pytest.raises(DataError, match="more than any bilateral trade"):
        store.import_file(_baci(tmp_path, "2022,704,418,010121,5000000000,2\n"), "baci")
    assert store.imports() == []


def test_a_good_file_still_imports_and_leaves_nothing(tmp_path, store):
    body = "".join(f"2022,704,418,{code},1.5,2\n" for code in ("010121", "010129", "010130"))
    result = store.import_file(_baci(tmp_path, body), "baci")
    assert result.record.rows == 3 and _leftovers(store.root) == []


def test_what_a_killed_import_leaves_is_removed_at_the_next_start(tmp_path, store):
    codes = [c for c in hs_codes("HS2017") if len(c) == 6]
    partners = [(n, iso) for n, iso in ((4, "AFG"), (8, "ALB"), (12, "DZA"), (24, "AGO"),
                                        (32, "ARG"), (36, "AUS"), (40, "AUT"), (50, "BGD"))]  # fmt: skip
    body = "".join(
        f"2022,{i},{j},{c},1.5,2\n"
        for i in (704, 418)
        for j, _ in [*partners, (418 if i == 704 else 704, "")]
        for c in codes
    )  # about 90,000 lines
    path = _baci(tmp_path, body, "BACI_HS17_Y2022_V202501.csv")
    with (tmp_path / "country_codes_V202501.csv").open("a") as codes_file:
        codes_file.writelines(f"{n},{iso},{iso[:2]},{iso}\n" for n, iso in partners)
    script = (
        "from lienket.engine.trade.store import TradeStore\n"
        "from lienket.refdata import trade_reference\n"
        f"TradeStore({str(store.root)!r}, reference=trade_reference()).import_file({str(path)!r}, 'baci')\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(store.root.glob(f"{WORK_PREFIX}*/*")):
        time.sleep(0.05)
    assert list(store.root.glob(f"{WORK_PREFIX}*/*")), "the import never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _leftovers(store.root)  # the kill left its work folder
    removed = store.sweep()
    assert removed and _leftovers(store.root) == [] and store.imports() == []


def test_sweep_leaves_a_running_import_alone(tmp_path, store):
    store.root.mkdir(parents=True)
    import socket

    mine = store.root / f"{WORK_PREFIX}{socket.gethostname()}-{os.getpid()}-abc"
    mine.mkdir()
    assert store.sweep() == [] and mine.exists()
