"""What every trade reader shares: canonical columns, edition and flow words, blocks, opening
a file and finding its columns."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _

SOURCES = ("comtrade", "baci", "customs")
CANONICAL = ("year", "reporter", "partner", "flow", "hs6", "edition", "value", "quantity", "unit")
BLOCK_BYTES = 8 << 20

#: HS edition names as the sources spell them.
EDITION_ALIASES = {
    "H5": "HS2017",
    "HS17": "HS2017",
    "HS2017": "HS2017",
    "2017": "HS2017",
    "H6": "HS2022",
    "HS22": "HS2022",
    "HS2022": "HS2022",
    "2022": "HS2022",
    "H0": "HS1992",
    "HS92": "HS1992",
    "H1": "HS1996",
    "HS96": "HS1996",
    "H2": "HS2002",
    "HS02": "HS2002",
    "H3": "HS2007",
    "HS07": "HS2007",
    "H4": "HS2012",
    "HS12": "HS2012",
}

FLOW_WORDS = {
    "X": "X",
    "2": "X",
    "EXPORT": "X",
    "EXPORTS": "X",
    "XUAT KHAU": "X",
    "XUẤT KHẨU": "X",
    "XK": "X",
    "ສົ່ງອອກ": "X",
    "M": "M",
    "1": "M",
    "IMPORT": "M",
    "IMPORTS": "M",
    "NHAP KHAU": "M",
    "NHẬP KHẨU": "M",
    "NK": "M",
    "ນຳເຂົ້າ": "M",
}
#: Flows that official files carry besides exports and imports; skipped, never double counted.
OTHER_FLOWS = frozenset(
    {"RX", "RM", "DX", "FM", "MIP", "XIP", "MOP", "XOP", "3", "4", "RE-EXPORT", "RE-IMPORT"}
)
_FLOW_KEYS = pa.array(list(FLOW_WORDS))
_FLOW_VALUES = pa.array(list(FLOW_WORDS.values()))


def flow_codes(words: pa.Array) -> pa.Array:
    """Flow words and codes of every layout ("Export", "2", "xuất khẩu", …) as X or M; anything
    else is kept as written so that the check can name it."""
    upper = pc.utf8_upper(words)
    mapped = pc.take(_FLOW_VALUES, pc.index_in(upper, _FLOW_KEYS))
    return pc.if_else(pc.is_null(mapped), upper, mapped)


@dataclass
class Block:
    """Rows of one block: canonical string columns, their line numbers and rows to skip."""

    columns: dict[str, pa.Array]
    lines: pa.Array
    skip: pa.Array | None = None
    skip_reasons: dict[str, int] = field(default_factory=dict)
    #: lines kept but read with a change (a code padded with its lost leading zero), counted
    notices: dict[str, int] = field(default_factory=dict)
    #: the file's own name of each canonical column (errors name the column the user sees)
    names: dict[str, str] = field(default_factory=dict)
    #: the digits of the block's product codes: 6, or 4 for a file downloaded at HS4
    level: int = 6

    def __len__(self) -> int:
        return len(self.lines)


def constant(value: object, n: int, type: pa.DataType | None = None) -> pa.Array:
    """``n`` copies of one value, made in C++ (a Python list of millions is slow)."""
    return pa.repeat(pa.scalar(value, type), n)


def line_numbers(first: int, n: int) -> pa.Array:
    """The file line numbers ``first`` … ``first + n - 1``."""
    return pa.array(np.arange(first, first + n, dtype=np.int64))


#: Called with the number of bytes read so far (compressed bytes for a gzip file).
OnProgress = Callable[[int], None]


def _header(path: Path) -> tuple[list[str], str]:
    """The column names on the first line of a (possibly gzip-compressed) CSV, and the
    delimiter: a comma, or a tab for the tab-separated bulk files (``.txt``, ``.gz``)."""
    opener: Any = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
            first = f.readline()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError([unreadable(path, exc)]) from exc
    delimiter = max(("\t", ",", ";", "|"), key=first.count) if first.strip() else ","
    return next(csv.reader([first], delimiter=delimiter), []), delimiter


def _open_csv(path: Path, progress: OnProgress | None) -> Iterator[Any]:
    """Stream a (possibly gzip-compressed) CSV as record batches of strings.

    The first item yielded is the header; the rest are record batches with every column read
    as text, so that codes keep their leading zeros and bad values can be named.
    """
    names, delimiter = _header(path)
    if not names:
        raise DataError([_file_error(path, _("the file is empty"))])
    yield names
    with path.open("rb") as raw:
        stream: Any = pa.PythonFile(raw, mode="r")
        if path.suffix == ".gz":
            stream = pa.CompressedInputStream(stream, "gzip")
        try:
            reader = pacsv.open_csv(
                stream,
                read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
                parse_options=pacsv.ParseOptions(delimiter=delimiter),
                convert_options=pacsv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    strings_can_be_null=False,
                ),
            )
            for batch in reader:
                if progress:
                    progress(raw.tell())
                yield batch
        except (OSError, pa.ArrowInvalid, EOFError) as exc:
            raise DataError([unreadable(path, exc)]) from exc


def unreadable(path: Path, exc: Exception) -> RowError:
    """The error for a file that cannot be read at all, truncated gzip files named as such."""
    text = str(exc)
    if "runcated" in text or "EOF" in text:
        message = _("the file is truncated or its compression is damaged (%(reason)s)")
    else:
        message = _("the file cannot be read as CSV (%(reason)s)")
    return RowError(path.name, 0, "", message, {"reason": text})


def _file_error(
    path: Path, message: str, row: int = 0, params: Mapping[str, object] | None = None
) -> RowError:
    return RowError(path.name, row, "", message, params or {})


def _pick(header: list[str], aliases: Mapping[str, tuple[str, ...]], path: Path) -> dict[str, str]:
    """Map canonical names to the file's header, refusing a file that lacks a required one."""
    lowered = {h.strip().lower(): h for h in header}
    found: dict[str, str] = {}
    missing: list[str] = []
    for name, options in aliases.items():
        hit = next((lowered[o.lower()] for o in options if o.lower() in lowered), None)
        if hit is not None:
            found[name] = hit
        elif not name.startswith("?"):
            missing.append(options[0])
    if missing:
        raise DataError(
            [
                RowError(
                    path.name,
                    1,
                    col,
                    _("required column %(column)s is missing (found: %(found)s)"),
                    {"column": col, "found": ", ".join(header)},
                )
                for col in missing
            ]
        )
    return found
