"""Issue 24: every CSV cell a spreadsheet could read as a formula is written as text (OWASP's
leading characters), and XLSX cells are never formulas."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from lienket.core.spreadsheet import FORMULA_START, csv_response, save, sheet

HOSTILE = ["=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx", "＝1+1"]


def test_csv_cells_that_start_a_formula_are_quoted():
    response = csv_response(
        ["group", "value"], [[h, 5] for h in HOSTILE] + [["cement", -2]], "x.csv"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    for (cell, value), hostile in zip(rows[:-1], HOSTILE, strict=True):
        assert cell.startswith("'") and not cell.startswith(FORMULA_START), (hostile, cell)
        assert value == "5"
    assert rows[-1] == ["cement", "-2"]  # numbers stay numbers, plain text stays as typed


@pytest.mark.parametrize("text", HOSTILE)
def test_xlsx_cells_are_text_never_formulas(text):
    wb = Workbook()
    sheet(wb, "t", ["group"], [[text]])
    cell = load_workbook(io.BytesIO(save(wb))).active["A2"]
    assert cell.data_type == "s"
