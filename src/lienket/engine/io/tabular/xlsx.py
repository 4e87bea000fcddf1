"""Reading a workbook's rows, with its merged cells."""

from __future__ import annotations

import io
from dataclasses import dataclass

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them
from lienket.engine.io.tabular import limits as limits_module
from lienket.engine.io.tabular.cells import (
    MERGED_CELLS_LIMIT,
    _cell,
)
from lienket.engine.io.tabular.limits import (
    Limits,
    _too_large,
    check_zip,
)

#: How many rows above the header a file may carry (titles, agency, period, units).
TITLE_ROWS_LIMIT = 30


@dataclass(frozen=True)
class _Merged:
    """One merged range of a worksheet, 1-based and inclusive."""

    first_row: int
    last_row: int
    first_col: int
    last_col: int


def _xlsx_rows(
    data: bytes, name: str, limits: Limits | None = None
) -> tuple[list[list[str]], list[_Merged]]:
    from openpyxl import load_workbook

    limits = limits or limits_module.LIMITS
    streaming = check_zip(data, name, limits) > MERGED_CELLS_LIMIT
    most = limits.max_rows + TITLE_ROWS_LIMIT + 1
    try:
        wb = load_workbook(io.BytesIO(data), read_only=streaming, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise DataError(
            [RowError(name, 0, "", _("not a readable XLSX workbook (%(reason)s)"), {"reason": exc})]
        ) from exc
    ws, wf = wb.worksheets[0], formulas.worksheets[0]
    merged = (
        []
        if streaming
        else [_Merged(r.min_row, r.max_row, r.min_col, r.max_col) for r in ws.merged_cells.ranges]
    )
    errors: list[RowError] = []
    rows: list[list[str]] = []
    for number, (row, raw) in enumerate(
        zip(ws.iter_rows(values_only=True), wf.iter_rows(values_only=True), strict=False), 1
    ):
        if number > most:
            raise _too_large(name, "rows", number, limits.max_rows)
        for col, (value, formula) in enumerate(zip(row, raw, strict=False), 1):
            # issue 8 - a formula the file never calculated has no value: refuse, not blank
            if value is None and isinstance(formula, str) and formula.startswith("="):
                message = _(
                    "the cell holds a formula without a calculated value (%(formula)s); "
                    "open the file in Excel, let it calculate, and save it again"
                )
                errors.append(RowError(name, number, f"#{col}", message,
                                       {"formula": formula[:60]}))  # fmt: skip
        rows.append([_cell(v) for v in row])
    if streaming:
        wb.close()
    formulas.close()
    if errors:
        raise DataError(errors[:200])
    return rows, merged
