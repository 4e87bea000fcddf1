"""Read a CSV or XLSX file into header-checked rows of strings.

Files are taken as offices publish them: title rows above the header, merged cells, extra
columns, CSV in UTF-16 or a Windows code page. Every such reading is stated as a notice; every
row keeps its 1-based spreadsheet line number so that errors and notices can name it.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Any, BinaryIO

from lienket.engine.cleantext import DEFAULT_MAX_CHARS, UNSAFE, first_unsafe
from lienket.engine.errors import DataError, ErrorList, RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them


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


#: Above this unpacked size a workbook is read in openpyxl's streaming mode, which cannot see
#: merged cells; ministry sheets with merged cells are far smaller than this.
MERGED_CELLS_LIMIT = 40_000_000


@dataclass(frozen=True)
class Imported:
    """What an import of a table did: every importer's one result type (enterprises,
    relationships, projects, IATI files, work plans, published figures; issue 25).

    ``checked`` rows were read; ``created`` and ``updated`` records written (nothing when
    ``dry_run``); ``notices`` say what was read with a change. Some importers say more:
    ``duplicates_flagged`` (enterprises that look like registered ones), ``changes`` (an
    update's fields, shown before saving), ``codes`` (the identifiers read).
    """

    created: int = 0
    updated: int = 0
    dry_run: bool = False
    notices: tuple[RowError, ...] = ()
    checked: int = 0
    duplicates_flagged: int = 0
    codes: tuple[str, ...] = ()
    changes: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Limits:
    """What one file may cost, checked before and while it is read (issue 12).

    ``max_bytes``: the file as sent; ``max_rows``: data rows; ``max_zip_ratio`` and
    ``max_unzipped_bytes``: an XLSX (a zip) may unpack to at most this many times its size and
    this many bytes, so a "zip bomb" is refused before it is opened.
    """

    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 100_000
    max_zip_ratio: int = 100
    max_unzipped_bytes: int = 400 * 1024 * 1024
    #: distinct texts a workbook may hold (Excel's shared strings): each costs memory when the
    #: workbook is read, so a file of millions of tiny texts is refused before it is (issue 24)
    max_shared_strings: int = 2_000_000


#: the limits in force; the web application sets them once at start-up from its settings
LIMITS = Limits()


def set_limits(limits: Limits) -> None:
    global LIMITS
    LIMITS = limits


def _too_large(name: str, what: str, size: int, limit: int) -> DataError:
    messages = {
        "bytes": _("the file has %(size)s MB; at most %(limit)s MB are accepted"),
        "rows": _("the file has more than %(limit)s rows; split it into files of at most "
                  "%(limit)s rows"),
        "ratio": _("the workbook unpacks to %(size)s MB, more than %(limit)s times its size; it "
                   "is refused as it may be built to exhaust the server"),
        "unzipped": _("the workbook unpacks to %(size)s MB; at most %(limit)s MB are accepted"),
        "strings": _("the workbook holds more than %(limit)s different texts; it is refused as "
                     "it may be built to exhaust the server (split it into smaller files)"),
    }  # fmt: skip

    def mb(n: int) -> str:
        return f"{n / 1024 / 1024:,.1f}"

    params = {"size": mb(size), "limit": mb(limit) if what in ("bytes", "unzipped") else limit}
    if what == "strings":
        params["limit"] = f"{limit:,}"
    return DataError([RowError(name, 0, "", messages[what], params)])


def check_zip(data: bytes, name: str, limits: Limits) -> int:
    """The unpacked size of an XLSX, refused when it breaks ``limits`` (read from the zip's
    directory; Python's zip reader never unpacks a member past the size it declares)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DataError(
            [RowError(name, 0, "", _("not a readable XLSX workbook (%(reason)s)"), {"reason": exc})]
        ) from exc
    if unpacked > limits.max_unzipped_bytes:
        raise _too_large(name, "unzipped", unpacked, limits.max_unzipped_bytes)
    if unpacked > limits.max_zip_ratio * max(len(data), 1) and unpacked > 1024 * 1024:
        raise _too_large(name, "ratio", unpacked, limits.max_zip_ratio)
    if _shared_strings(data) > limits.max_shared_strings:
        raise _too_large(name, "strings", 0, limits.max_shared_strings)
    return unpacked


def _shared_strings(data: bytes) -> int:
    """How many texts the workbook's shared-string table holds, counted by streaming the member
    (its declared count may lie); stops past the largest limit anyone would set."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = next((n for n in z.namelist() if n.lower().endswith("sharedstrings.xml")), None)
        if name is None:
            return 0
        count, tail = 0, b""
        with z.open(name) as member:
            while chunk := member.read(1 << 20):
                # the last 3 bytes of the previous chunk join this one, so a tag cut in two
                # is counted once (a 4-byte tag never fits in 3 bytes, so none twice)
                block = tail + chunk
                count += sum(block.count(tag) for tag in (b"<si>", b"<si ", b"<si/"))
                tail = block[-3:]
        return count


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

    limits = limits or LIMITS
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


#: Encodings a CSV from a Vietnamese or Lao office may come in besides UTF-8: Excel's
#: "Unicode text" (UTF-16 with a byte-order mark) and the Windows code pages of Vietnamese
#: (1258, with combining tone marks) and Western Europe (1252).
ENCODING_NAMES = {
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258 (Vietnamese)",
    "cp1252": "Windows-1252 (Western European)",
}
#: Bytes that in Windows-1258 are Vietnamese letters or tone marks (ơ ư đ Ă â ... and the
#: combining grave, acute, tilde, hook and dot below) and in Windows-1252 are rare letters.
_VIETNAMESE_1258 = frozenset(b"\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd\xcc\xec\xd2\xde\xf2\xfe")


def decode_text(data: bytes, name: str) -> tuple[str, RowError | None]:
    """The text of a CSV file and, when it was not UTF-8, a notice naming the encoding read.

    UTF-8 (with or without a byte-order mark) is read as is. UTF-16 is recognised by its
    byte-order mark. Otherwise the file must decode as Windows-1258 or Windows-1252: 1258 is
    chosen when the bytes that differ are Vietnamese letters and tone marks followed by the
    letters they mark, 1252 when none occur. Text read from 1258 is composed (NFC) so that
    "Công" typed with a combining mark equals "Công" typed as one letter.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            pass
        high = [b for b in data if b >= 0x80]
        vietnamese = sum(b in _VIETNAMESE_1258 for b in high)
        encoding = "cp1258" if vietnamese and vietnamese * 4 >= len(high) else "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = _(
            "the file is not UTF-8 and cannot be read as %(encoding)s either; save it as CSV UTF-8"
        )
        raise DataError([RowError(name, line, "", message,
                                  {"encoding": ENCODING_NAMES[encoding]})]) from exc  # fmt: skip
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    notice = RowError(
        name,
        0,
        "",
        _("the file is not UTF-8; it was read as %(encoding)s"),
        {"encoding": ENCODING_NAMES[encoding]},
    )
    return text, notice


def _csv_rows(text: str, most: int | None = None) -> list[list[str]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # a field may be as long as the whole text: the row check below refuses an over-long cell
    # by its line and column instead of csv's "field larger than field limit" (issue 12)
    csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    rows = []
    for r in csv.reader(io.StringIO(text), dialect):
        rows.append([c.strip() for c in r])
        if most is not None and len(rows) > most:
            break
    return rows


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
    limits = limits or LIMITS
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
    return Table(name, columns, rows, notices)


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
