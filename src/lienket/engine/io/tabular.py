"""Read a CSV or XLSX file into header-checked rows of strings.

Every row keeps its 1-based spreadsheet line number so that errors can name it. CSV must be
UTF-8 (with or without a byte-order mark); a file in another encoding is refused with a message
that says which encoding it looks like, rather than read as mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from gettext import gettext as _  # marks messages; the web app translates them
from pathlib import PurePath
from typing import BinaryIO

from lienket.engine.errors import DataError, RowError


@dataclass(frozen=True)
class Table:
    """Rows of a file: ``rows`` are (line number, {column: text}) with blank rows skipped."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]
    #: what was changed while reading, stated to the user (e.g. invisible characters removed)
    notices: list[RowError] = field(default_factory=list)


#: Characters that cannot be seen but change a value (zero-width spaces and joiners, the
#: byte-order mark, soft hyphens, directional marks); removed from every cell with a notice.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_rows(data: bytes, name: str) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise DataError(
            [RowError(name, 0, "", _("not a readable XLSX workbook (%(reason)s)"), {"reason": exc})]
        ) from exc
    ws, wf = wb.worksheets[0], formulas.worksheets[0]
    errors: list[RowError] = []
    for number, (row, raw) in enumerate(
        zip(ws.iter_rows(values_only=True), wf.iter_rows(values_only=True), strict=False), 1
    ):
        for col, (value, formula) in enumerate(zip(row, raw, strict=False), 1):
            # issue 8 - a formula the file never calculated has no value: refuse, not blank
            if value is None and isinstance(formula, str) and formula.startswith("="):
                message = _(
                    "the cell holds a formula without a calculated value (%(formula)s); "
                    "open the file in Excel, let it calculate, and save it again"
                )
                errors.append(RowError(name, number, f"#{col}", message,
                                       {"formula": formula[:60]}))  # fmt: skip
        yield [_cell(v) for v in row]
    wb.close()
    formulas.close()
    if errors:
        raise DataError(errors[:200])


def _csv_rows(data: bytes, name: str) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        guess = from_bytes(data).best()
        line = data[: exc.start].count(b"\n") + 1
        message = _("the file is not UTF-8 (it looks like %(encoding)s); save it as CSV UTF-8")
        params = {"encoding": guess.encoding if guess else "?"}
        raise DataError([RowError(name, line, "", message, params)]) from exc
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    yield from ([c.strip() for c in r] for r in csv.reader(io.StringIO(text), dialect))


def read_table(
    stream: BinaryIO,
    name: str,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    ignored: tuple[str, ...] = (),
    aliases: Mapping[str, str] | None = None,
) -> Table:
    """Read ``stream`` (CSV or XLSX, chosen by ``name``'s suffix) and check its header.

    Raises :class:`DataError` for an empty file, missing or unknown columns, or bad encoding.
    Column names are matched case-insensitively and with surrounding spaces ignored;
    ``ignored`` columns (derived values that an export adds) are accepted and dropped.
    ``aliases`` maps other names of a column (as a Vietnamese or Lao office writes it, in
    lower case) to lienket's name; the rows carry lienket's names.
    """
    data = stream.read()
    if not data.strip():
        raise DataError([RowError(name, 0, "", _("the file is empty"))])
    suffix = PurePath(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_rows(data, name)
    elif suffix in (".csv", ".txt", ""):
        lines = _csv_rows(data, name)
    else:
        raise DataError(
            [
                RowError(
                    name,
                    0,
                    "",
                    _("unsupported file type %(suffix)s; use .xlsx or .csv"),
                    {"suffix": suffix or "?"},
                )
            ]
        )
    header = next(lines, None)
    if not header or not any(header):
        raise DataError([RowError(name, 1, "", _("the file has no header row"))])
    names = (h.translate(INVISIBLE).strip().lower() for h in header)
    columns = tuple((aliases or {}).get(c, c) for c in names)
    errors = [
        RowError(name, 1, c, _("required column is missing")) for c in required if c not in columns
    ]
    known = set(required) | set(optional) | set(ignored)
    errors += [RowError(name, 1, c, _("unknown column")) for c in columns if c and c not in known]
    if errors:
        raise DataError(errors)
    rows = []
    notices: list[RowError] = []
    for number, values in enumerate(lines, start=2):
        if not any(values):
            continue
        for i, value in enumerate(values):
            clean = value.translate(INVISIBLE)
            if clean != value:
                values[i] = clean.strip()
                column = columns[i] if i < len(columns) else ""
                notices.append(RowError(name, number, column,
                                        _("invisible characters were removed")))  # fmt: skip
        rows.append(
            (
                number,
                {
                    c: (values[i] if i < len(values) else "")
                    for i, c in enumerate(columns)
                    if c and c not in ignored
                },
            )
        )
    if not rows:
        raise DataError([RowError(name, 0, "", _("the file has a header but no data rows"))])
    return Table(name, columns, rows, notices)
