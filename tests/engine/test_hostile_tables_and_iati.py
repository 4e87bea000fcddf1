"""Issue 24: workbooks and IATI files whose content (not size) would exhaust memory are refused
before they are parsed; `benchmarks/hostile.py` runs end to end and leaves nothing behind."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.hostile import iati_dense, workbook

from lienket.engine.errors import DataError
from lienket.engine.io import iati, tabular

ROOT = Path(__file__).resolve().parents[2]


def test_a_workbook_of_too_many_texts_is_refused_before_it_is_read(tmp_path):
    path = workbook(
        tmp_path / "strings.xlsx", ["name", *(f"s{i}" for i in range(5000))], [[0], [1]]
    )
    limits = tabular.Limits(max_shared_strings=4000)
    with pytest.raises(DataError, match="more than 4,000 different texts"):
        tabular.read_table(io.BytesIO(path.read_bytes()), path.name, ("name",), limits=limits)
    # under the limit the same workbook reads
    table = tabular.read_table(io.BytesIO(path.read_bytes()), path.name, ("name",))
    assert [r["name"] for _, r in table.rows] == ["s0"]


def test_an_iati_file_of_too_many_elements_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    path = iati_dense(tmp_path / "dense.xml", 0.01)  # 50,000 tiny elements
    monkeypatch.setattr(iati.reading, "MAX_TAGS", 10_000)  # where parse reads it
    with pytest.raises(DataError, match="more than 5,000 elements"):
        iati.parse(path.read_bytes(), path.name, standard=None)  # refused before the schema


def test_the_hostile_benchmark_runs_and_leaves_nothing():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "hostile.py"), "--scale", "0.02"],
        capture_output=True, text=True, check=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    files = {
        m.group(1): m
        for line in lines
        if (m := re.match(r"file=(\S+) .*refused=(\w+) left=(\d+)", line))
    }
    assert len(files) == 7 and all(m.group(3) == "0" for m in files.values())
    assert files["BACI_HS17_V202501.zip"].group(2) == "yes"  # the zip bomb
    assert files["BACI_HS17_Y2022_V202501.csv"].group(2) == "yes"  # one key repeated
    assert files["BACI_HS17_Y2021_V202501.csv"].group(2) == "no"  # the ordinary peer
    assert re.match(r"worst_peak_mb=\d+ ceiling_mb=1024 ceiling_ratio=[\d.]+ ", lines[-1])
