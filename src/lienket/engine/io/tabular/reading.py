"""Finding the header under title rows and reading a table into checked rows."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import PurePath
from typing import BinaryIO

from lienket.engine.cleantext import DEFAULT_MAX_CHARS, UNSAFE, first_unsafe
from lienket.engine.errors import DataError, ErrorList, RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them
from lienket.engine.io.tabular import limits as limits_module
from lienket.engine.io.tabular.cells import (
    INVISIBLE,
    Table,
)
from lienket.engine.io.tabular.limits import (
    Limits,
    _too_large,
)
from lienket.engine.io.tabular.text import (
    _csv_rows,
    decode_text,
)
from lienket.engine.io.tabular.xlsx import (
    TITLE_ROWS_LIMIT,
    _Merged,
    _xlsx_rows,
)


def _header_at(
    lines: list[list[str]],
    required: tuple[str, ...],
    known: set[str],
    aliases: Mapping[str, str],
) -> int:
    """The 0-based index of the header: the first row (of the first few) that names every
    required column and at least two known ones; a title row above it names none."""
    wanted = max(len(required), min(2, len(known)))
    for i, line in enumerate(lines[:TITLE_ROWS_LIMIT]):
        names = {_column(h, aliases) for h in line}
        if set(required) <= names and len(names & known) >= wanted:
            return i
    return next((i for i, line in enumerate(lines) if any(line)), 0)


def _column(header: str, aliases: Mapping[str, str]) -> str:
    name = unicodedata.normalize("NFC", " ".join(header.translate(INVISIBLE).split())).lower()
    return aliases.get(name, name)


def _fill_merged(
    name: str,
    lines: list[list[str]],
    merged: list[_Merged],
    header: int,
    notices: list[RowError],
) -> None:
    """Give every cell of a merged range below the header the value of its first cell, as
    Excel shows it, and say so."""
    for m in merged:
        if m.last_row <= header + 1:
            continue
        first = lines[m.first_row - 1]
        value = first[m.first_col - 1] if m.first_col <= len(first) else ""
        if not value:
            continue
        for r in range(max(m.first_row, header + 2), m.last_row + 1):
            line = lines[r - 1]
            line.extend([""] * (m.last_col - len(line)))
            for c in range(m.first_col, m.last_col + 1):
                line[c - 1] = value
        notices.append(
            RowError(
                name,
                m.first_row,
                "",
                _("merged cells (rows %(first)s to %(last)s) were read as %(value)r in each row"),
                {"first": m.first_row, "last": m.last_row, "value": value[:60]},
            )
        )


def read_table(
    stream: BinaryIO,
    name: str,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    ignored: tuple[str, ...] = (),
    aliases: Mapping[str, str] | None = None,
    limits: Limits | None = None,
) -> Table:
    """Read ``stream`` (CSV or XLSX, chosen by ``name``'s suffix) and check its header.

    Raises :class:`DataError` for an empty file, missing columns or an unreadable encoding.
    The header may sit below title rows (they are skipped with a notice). Column names are
    matched case-insensitively with spaces collapsed; ``ignored`` columns (derived values that
    an export adds) are dropped silently, other unknown columns with a notice. ``aliases`` maps
    other names of a column (as a Vietnamese or Lao office writes it, in lower case) to
    lienket's name; the rows carry lienket's names. Merged cells below the header are filled
    with their value; CSV in UTF-16, Windows-1258 or Windows-1252 is read with a notice.
    """
    limits = limits or limits_module.LIMITS
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise _too_large(name, "bytes", len(data), limits.max_bytes)
    if not data.strip():
        raise DataError([RowError(name, 0, "", _("the file is empty"))])
    suffix = PurePath(name).suffix.lower()
    notices: list[RowError] = ErrorList()
    merged: list[_Merged] = []
    most = limits.max_rows + TITLE_ROWS_LIMIT + 1
    if suffix in (".xlsx", ".xlsm"):
        lines, merged = _xlsx_rows(data, name, limits)
    elif suffix in (".csv", ".txt", ""):
        text, notice = decode_text(data, name)
        notices += [notice] if notice else []
        lines = _csv_rows(text, most)
        if len(lines) > most:
            raise _too_large(name, "rows", len(lines), limits.max_rows)
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
    aliases = aliases or {}
    known = set(required) | set(optional) | set(ignored)
    at = _header_at(lines, required, known, aliases)
    header = lines[at] if lines else []
    if not header or not any(header):
        raise DataError([RowError(name, 1, "", _("the file has no header row"))])
    if at:
        title = " / ".join(c for line in lines[:at] for c in line if c)[:120]
        notices.append(
            RowError(
                name,
                at + 1,
                "",
                _("the header is on row %(row)s; the rows above it were skipped (%(title)s)"),
                {"row": at + 1, "title": title or "-"},
            )
        )
    columns = tuple(_column(h, aliases) for h in header)
    errors = [
        RowError(name, at + 1, c, _("required column is missing"))
        for c in required
        if c not in columns
    ]
    if errors:
        raise DataError(errors)
    for c in columns:
        if c and c not in known:
            message = _("this column is not one lienket reads; it was ignored")
            notices.append(RowError(name, at + 1, c, message))
    _fill_merged(name, lines, merged, at, notices)
    if len(lines) - at - 1 > limits.max_rows:
        raise _too_large(name, "rows", len(lines) - at - 1, limits.max_rows)
    rows = []
    refused = ErrorList()
    for number, values in enumerate(lines[at + 1 :], start=at + 2):
        if not any(values):
            continue
        for i, value in enumerate(values):
            column = columns[i] if i < len(columns) else ""
            clean = value.translate(INVISIBLE)
            if clean != value:
                values[i] = clean = clean.strip()
                notices.append(RowError(name, number, column,
                                        _("invisible characters were removed")))  # fmt: skip
            if refused.full:  # past the kept ones, problems are only counted
                refused.total += (len(clean) > DEFAULT_MAX_CHARS) + bool(UNSAFE.search(clean))
            else:
                refused += _cell_problems(name, number, column, clean)
        rows.append(
            (
                number,
                {
                    c: (values[i] if i < len(values) else "")
                    for i, c in enumerate(columns)
                    if c in known and c not in ignored
                },
            )
        )
    if refused:
        raise DataError(refused)
    if not rows:
        raise DataError([RowError(name, 0, "", _("the file has a header but no data rows"))])
    headers = {c: str(h).strip() for c, h in zip(columns, header, strict=False) if c and h}
    table = Table(name, columns, rows, [], headers)
    return Table(name, columns, rows, table.as_written(notices), headers)


def _cell_problems(name: str, number: int, column: str, value: str) -> list[RowError]:
    """A cell that breaks the text rule of :mod:`lienket.engine.cleantext`, as row errors."""
    problems = []
    if len(value) > DEFAULT_MAX_CHARS:
        message = _("the cell holds %(length)s characters; at most %(limit)s are accepted")
        problems.append(RowError(name, number, column, message,
                                 {"length": len(value), "limit": DEFAULT_MAX_CHARS}))  # fmt: skip
    unsafe = first_unsafe(value)
    if unsafe is not None:
        message = _("the cell holds the control character %(char)s (character %(at)s); remove it")
        problems.append(RowError(name, number, column, message,
                                 {"char": unsafe.codepoint, "at": unsafe.position}))  # fmt: skip
    return problems
