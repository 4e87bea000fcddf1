"""Readers for official trade statistics, normalised to the store's columns.

Each reader streams its file in blocks (constant memory, however large the file) and yields
:class:`Block` objects: the rows of one block as string columns under canonical names, with
their line numbers. :func:`normalise` then checks and converts a block. Supported sources:

- **UN Comtrade** CSV, both the Comtrade+ layout (``refYear``, ``reporterISO``, ``partnerISO``,
  ``flowCode``, ``cmdCode``, ``classificationCode``, ``primaryValue``, ...) of the bulk and API
  downloads and the legacy layout (``Year``, ``Reporter ISO``, ``Trade Flow Code``, ...).
- **CEPII BACI** CSV (``t,i,j,k,v,q``; ``v`` in thousands of USD, ``q`` in tonnes) with the
  release's ``country_codes_V*.csv`` file, which maps BACI's numeric codes to ISO 3.
- A **national customs** XLSX or CSV with columns year, partner, hs_code, flow, value_usd and
  optionally quantity and unit; the reporter and HS edition are given by the user.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter
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
from lienket.engine.hscode import NATIONAL, hs_digits
from lienket.engine.trade.schema import FLOW_SCHEMA, STATISTICAL_AREAS, WORLD, Reference

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


COMTRADE_COLUMNS: dict[str, tuple[str, ...]] = {
    "year": ("refYear", "Year", "period", "Period"),
    "?reporter": ("reporterISO", "Reporter ISO", "reporterCode_ISO"),
    "?partner": ("partnerISO", "Partner ISO"),
    "flow": ("flowCode", "Trade Flow Code", "Trade Flow", "flowDesc"),
    "hs6": ("cmdCode", "Commodity Code"),
    "value": ("primaryValue", "Trade Value (US$)", "tradeValue", "TradeValue"),
    "?edition": ("classificationCode", "Classification"),
    "?quantity": ("qty", "Qty"),
    "?unit": ("qtyUnitAbbr", "Qty Unit"),
    "?partner2": ("partner2ISO", "partner2Code", "2nd Partner ISO"),
    "?mot": ("motCode",),
    "?customs": ("customsCode",),
    "?reporter_m49": ("reporterCode", "Reporter Code"),
    "?partner_m49": ("partnerCode", "Partner Code"),
    "?level": ("aggrLevel", "Aggregate Level", "aggregateLevel"),
    "?leaf": ("isLeaf", "Is Leaf Code"),
    "?period": ("period", "Period"),
    "?frequency": ("freqCode", "Freq Code", "typeCode_freq"),
}
#: Prefix of a partner given only by a numeric M49 code that is not a country (an area).
AREA_M49 = "M49-"


def _m49_lookup(numeric: Mapping[str, str]) -> tuple[pa.Array, pa.Array]:
    """Keys (M49 codes without leading zeros) and ISO 3 values for :func:`_m49`."""
    keys = pa.array([k.lstrip("0") or "0" for k in numeric] + ["0"])
    return keys, pa.array([*numeric.values(), WORLD])


def _m49(codes: pa.Array, lookup: tuple[pa.Array, pa.Array]) -> pa.Array:
    """Numeric M49 codes as ISO 3 ("704" → VNM, "0" → WLD); an unknown code is kept as
    ``M49-<code>`` so that a partner area stays a partner area and a reporter is named."""
    keys, values = lookup
    trimmed = pc.utf8_ltrim(codes, "0")
    trimmed = pc.if_else(pc.equal(trimmed, ""), "0", trimmed)
    mapped = pc.take(values, pc.index_in(trimmed, keys))
    return pc.if_else(
        pc.is_null(mapped), pc.binary_join_element_wise(AREA_M49, trimmed, ""), mapped
    )


def _true(text: pa.Array) -> pa.Array:
    return pc.is_in(pc.utf8_lower(text), pa.array(["1", "true", "yes"]))


def read_comtrade(
    path: Path, progress: OnProgress | None = None, numeric: Mapping[str, str] | None = None
) -> Iterator[Block]:
    """UN Comtrade CSV or tab-separated bulk file: keeps 6-digit export and import lines of
    the whole partner totals.

    Where a spreadsheet dropped the leading zero of a code ("10121" for 010121), the
    ``aggrLevel`` column says how many digits it has; without it an odd-length code is padded
    once (every HS code has an even number of digits). ``isLeaf``/``aggrLevel`` decide which
    lines are aggregates. Countries given only as numeric M49 codes are read through
    ``numeric`` (M49 → ISO 3). A monthly file's months are kept in a ``month`` column.
    """
    batches = _open_csv(path, progress)
    header = next(batches)
    cols = _pick(header, COMTRADE_COLUMNS, path)
    names = {k.lstrip("?").removesuffix("_m49"): v for k, v in cols.items()}
    for side in ("reporter", "partner"):
        if f"?{side}" not in cols and f"?{side}_m49" not in cols:
            raise DataError(
                [
                    RowError(
                        path.name,
                        1,
                        f"{side}ISO",
                        _("required column %(column)s is missing (found: %(found)s)"),
                        {"column": f"{side}ISO / {side}Code", "found": ", ".join(header)},
                    )
                ]
            )
    lookup = _m49_lookup(numeric or {})
    line = 2
    file_level: int | None = None
    for batch in batches:
        get = {k.lstrip("?"): pc.utf8_trim_whitespace(batch.column(v)) for k, v in cols.items()}
        n = batch.num_rows
        flow = pc.utf8_upper(get["flow"])
        code = get["hs6"]
        skip = pc.is_in(flow, pa.array(sorted(OTHER_FLOWS)))
        flow = flow_codes(flow)
        reasons: dict[str, int] = {}
        notices: dict[str, int] = {}
        reasons[_("re-export, re-import and other special flows")] = pc.sum(skip).as_py() or 0
        length = pc.utf8_length(code)
        total = pc.equal(pc.utf8_upper(code), "TOTAL")
        if "level" in get:
            six = pc.equal(get["level"], "6")
            four = pc.equal(get["level"], "4")
            lost6 = pc.and_(six, pc.equal(length, 5))
            lost4 = pc.and_(four, pc.equal(length, 3))
        else:
            lost6, lost4 = pc.equal(length, 5), pc.equal(length, 3)
            six = pc.or_(pc.equal(length, 6), lost6)
            four = pc.or_(pc.equal(length, 4), lost4)
        if "leaf" in get:
            six = pc.and_(six, _true(get["leaf"]))
        # A file downloaded at HS4 (no 6-digit line in its first block) is stored at 4 digits;
        # a file with 6-digit lines keeps those and skips its 4-digit subtotals.
        if file_level is None:
            if pc.any(pc.and_not(six, skip)).as_py():
                file_level = 6
            elif pc.any(pc.and_not(four, skip)).as_py():
                file_level = 4
        if file_level == 4 and pc.any(pc.and_not(six, skip)).as_py():
            message = _(
                "6-digit lines follow %(lines)s lines with 4-digit headings only; a file is read "
                "at one level: split it, or put its 6-digit lines first"
            )
            raise DataError([RowError(path.name, line, names.get("hs6", "cmdCode"), message,
                                      {"lines": line - 2})])  # fmt: skip
        keep, lost_zero, width = (four, lost4, 4) if file_level == 4 else (six, lost6, 6)
        aggregate = pc.and_not(pc.or_(total, pc.invert(keep)), skip)
        reasons[_("totals and 2- or 4-digit aggregate lines")] = pc.sum(aggregate).as_py() or 0
        padded = pc.sum(pc.and_not(lost_zero, skip)).as_py() or 0
        if padded and width == 6:
            notices[_("6-digit codes that had lost their leading zero (read with it)")] = padded
        elif padded:
            notices[_("4-digit headings that had lost their leading zero (read with it)")] = padded
        code = pc.if_else(lost_zero, pc.utf8_lpad(code, width, "0"), code)
        skip = pc.or_(skip, aggregate)
        breakdown = constant(False, n, pa.bool_())
        for key, whole in (
            ("partner2", ("0", "W00", "WLD", "World", "")),
            ("mot", ("0", "")),
            ("customs", ("C00", "")),
        ):
            if key in get:
                breakdown = pc.or_(breakdown, pc.invert(pc.is_in(get[key], pa.array(whole))))
        breakdown = pc.and_not(breakdown, skip)
        reasons[_("breakdowns by second partner, transport mode or customs procedure")] = (
            pc.sum(breakdown).as_py() or 0
        )
        skip = pc.or_(skip, breakdown)
        sides = {}
        for side in ("reporter", "partner"):
            if side in get:
                sides[side] = pc.utf8_upper(get[side])
            else:
                sides[side] = _m49(get[f"{side}_m49"], lookup)
        partner = sides["partner"]
        partner = pc.if_else(pc.is_in(partner, pa.array(["W00", "WORLD"])), WORLD, partner)
        blank = constant("", n)
        period = get.get("period", blank)
        monthly = pc.equal(pc.utf8_length(period), 6)
        if "frequency" in get:
            monthly = pc.and_(monthly, pc.equal(pc.utf8_upper(get["frequency"]), "M"))
        month = pc.if_else(monthly, pc.utf8_slice_codeunits(period, 4, 6), "")
        yield Block(
            {
                "year": pc.utf8_slice_codeunits(get["year"], 0, 4),
                "reporter": sides["reporter"],
                "partner": partner,
                "flow": flow,
                "hs6": code,
                "edition": get.get("edition", blank),
                "value": get["value"],
                "quantity": get.get("quantity", blank),
                "unit": get.get("unit", blank),
                "month": month,
            },
            line_numbers(line, n),
            skip,
            {k: v for k, v in reasons.items() if v},
            notices,
            names=names,
            level=file_level or 6,
        )
        line += n


BACI_COLUMNS: dict[str, tuple[str, ...]] = {
    "year": ("t",),
    "reporter": ("i",),
    "partner": ("j",),
    "hs6": ("k",),
    "value": ("v",),
    "quantity": ("q",),
}

_BACI_NAME = re.compile(r"BACI_(HS\d\d)_", re.IGNORECASE)


def baci_edition(path: Path) -> str | None:
    """The HS edition written in a BACI file name (``BACI_HS17_Y2022_V202501.csv``)."""
    m = _BACI_NAME.search(path.name)
    return EDITION_ALIASES.get(m.group(1).upper()) if m else None


def baci_country_codes(path: Path) -> dict[str, str]:
    """BACI's numeric country codes mapped to ISO 3 from a ``country_codes_V*.csv`` file."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        need = {"country_code", "country_iso3"}
        if not need <= set(reader.fieldnames or ()):
            raise DataError(
                [
                    _file_error(
                        path,
                        _("a BACI country-code file needs the columns %(columns)s"),
                        1,
                        {"columns": ", ".join(sorted(need))},
                    )
                ]
            )
        return {
            r["country_code"].strip().lstrip("0") or "0": r["country_iso3"].strip().upper()
            for r in reader
        }


def find_baci_countries(path: Path) -> Path | None:
    """The ``country_codes_V*.csv`` file that sits beside a BACI file, if there is one."""
    found = sorted(path.parent.glob("country_codes*.csv"))
    return found[-1] if found else None


def read_baci(
    path: Path, countries: Mapping[str, str], progress: OnProgress | None = None
) -> Iterator[Block]:
    """CEPII BACI CSV: exporter ``i`` to importer ``j``; values to USD, quantities in tonnes."""
    batches = _open_csv(path, progress)
    header = next(batches)
    cols = _pick(header, BACI_COLUMNS, path)
    names = {k.lstrip("?"): v for k, v in cols.items()}
    keys = pa.array(list(countries))
    values = pa.array(list(countries.values()))
    line = 2
    for batch in batches:
        # BACI pads values and quantities with spaces; its integer columns are not padded
        get = {
            k: pc.utf8_trim_whitespace(batch.column(v))
            if k in ("value", "quantity", "hs6")
            else batch.column(v)
            for k, v in cols.items()
        }
        n = batch.num_rows

        def iso(codes: pa.Array) -> pa.Array:
            codes = pc.utf8_ltrim(codes, "0")
            mapped = pc.take(values, pc.index_in(codes, keys))
            if mapped.null_count == 0:
                return mapped
            # keep BACI's code where it is unknown, so the error can name it
            return pc.if_else(
                pc.is_null(mapped), pc.binary_join_element_wise("BACI ", codes, ""), mapped
            )

        quantity = get["quantity"]
        quantity = pc.if_else(pc.equal(quantity, "NA"), "", quantity)
        yield Block(
            {
                "year": get["year"],
                "reporter": iso(get["reporter"]),
                "partner": iso(get["partner"]),
                "flow": constant("X", n),
                "hs6": pc.utf8_lpad(get["hs6"], 6, "0"),
                "edition": constant("", n),
                "value": get["value"],
                "quantity": quantity,
                "unit": pc.if_else(pc.equal(quantity, ""), "", "t"),
            },
            line_numbers(line, n),
            names=names,
        )
        line += n


CUSTOMS_COLUMNS: dict[str, tuple[str, ...]] = {
    "?year": ("year", "năm", "nam", "ປີ"),
    "?month": ("month", "tháng", "thang", "ເດືອນ"),
    "?partner": ("partner", "đối tác", "doi tac", "nước", "thị trường", "ຄູ່ຄ້າ"),
    "hs6": ("hs_code", "hs", "mã hs", "ma hs", "mã hàng", "ລະຫັດ hs"),
    "?flow": ("flow", "luồng", "luong"),
    "value": ("value_usd", "value", "trị giá", "tri gia", "trị giá (usd)", "tri gia (usd)",
              "trị giá (đô la mỹ)", "ມູນຄ່າ (usd)", "ມູນຄ່າ"),
    "?quantity": ("quantity", "lượng", "luong hang", "khối lượng", "ປະລິມານ"),
    "?unit": ("unit", "đơn vị", "don vi", "đvt", "dvt", "ຫົວໜ່ວຍ"),
}  # fmt: skip
#: Columns a published customs table carries that lienket does not need.
CUSTOMS_EXTRA = ("stt", "tt", "tên hàng", "ten hang", "mặt hàng", "mat hang", "description",
                 "ລ/ດ", "ລາຍການສິນຄ້າ")  # fmt: skip


def read_customs(
    path: Path,
    reporter: str,
    partner: str | None = None,
    flow: str | None = None,
    year: int | None = None,
    resolve_country: Callable[[str], str | None] = lambda text: None,
) -> Iterator[Block]:
    """A national customs XLSX or CSV for one reporter (one block; such files are small).

    Taken as customs offices publish it: title rows above the header, Vietnamese or Lao column
    names (STT / Tháng / Mã HS / Tên hàng / ĐVT / Lượng / Trị giá (USD)), 8- or 10-digit
    national tariff lines (cut to their HS subheading, counted as a notice), numbers with
    thousands separators ("1,234,567") read only when certain. A table that does not carry
    the year, partner or flow in a column (they are in its title) takes them from
    ``year``/``partner``/``flow``.
    """
    from lienket.engine.io.tabular import read_table
    from lienket.engine.numbers import NumberError, file_style, parse_decimal

    with path.open("rb") as f:
        known = tuple(o.lower() for options in CUSTOMS_COLUMNS.values() for o in options)
        table = read_table(f, path.name, required=(), optional=known, ignored=CUSTOMS_EXTRA)
    cols = _pick(list(table.columns), CUSTOMS_COLUMNS, path)
    given = {"year": str(year or ""), "partner": partner or "", "flow": flow or ""}
    missing = [k for k in given if f"?{k}" not in cols and not given[k]]
    if missing:
        message = _("the file has no %(column)s column; give the %(column)s of the whole file")
        raise DataError([RowError(path.name, 0, k, message, {"column": k}) for k in missing])
    out: dict[str, list[str]] = {k: [] for k in (*CANONICAL, "month")}
    lines: list[int] = []
    errors: list[RowError] = []
    national = 0
    numeric = [cols[k] for k in ("value", "?quantity") if k in cols]
    style = file_style(row.get(c, "") for _line, row in table.rows for c in numeric)
    for line, row in table.rows:
        get = {k.lstrip("?"): row.get(v, "").strip() for k, v in cols.items()}
        for k, default in given.items():
            get[k] = get.get(k) or default
        who = get["partner"]
        country = resolve_country(who)
        if country is not None:
            who = country
        elif who.lower() in ("world", "thế giới", "the gioi", "wld", "ໂລກ"):
            who = WORLD
        code, what = hs_digits(get["hs6"])
        national += what == NATIONAL
        numbers = {}
        for k in ("value", "quantity"):
            try:
                numbers[k] = str(parse_decimal(get[k], style).value) if get.get(k) else ""
            except NumberError as exc:
                errors.append(RowError(path.name, line, cols[k if k == "value" else "?" + k],
                                       exc.message, exc.params))  # fmt: skip
                numbers[k] = ""
        for k in CANONICAL:
            out[k].append(get.get(k, ""))
        out["partner"][-1] = who
        out["reporter"][-1] = reporter
        out["flow"][-1] = FLOW_WORDS.get(get["flow"].upper(), get["flow"].upper())
        out["hs6"][-1] = code
        out["value"][-1] = numbers["value"] or get["value"]
        out["quantity"][-1] = numbers["quantity"]
        out["month"].append(get.get("month", ""))
        lines.append(line)
    if errors:
        raise DataError(errors[:200])
    notices = {
        _("national tariff lines (8 or 10 digits) recorded as their HS subheading"): national
    }
    yield Block(
        {k: pa.array(v, pa.string()) for k, v in out.items()},
        pa.array(lines, pa.int64()),
        notices={k: v for k, v in notices.items() if v},
    )


# --- normalisation ----------------------------------------------------------------------

_NUMBER = r"^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$"
#: Partner codes of regions and statistical areas (Comtrade's "E19", "S19", "_X", "X1", a
#: numeric area kept as "M49-490"): a digit or underscore tells them from a mistyped ISO 3
#: code, which stays an error.
PARTNER_AREA = r"^(M49-[0-9]{1,3}|[A-Z_]{0,2}[0-9_][A-Z0-9_]{0,3})$"


@dataclass
class Normaliser:
    """Checks blocks of one file and converts them to the store's target edition."""

    file: str
    source: str
    reference: Reference
    target_edition: str
    edition: str | None = None
    max_errors: int = 50
    errors: list[RowError] = field(default_factory=list)
    editions_seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._known = pa.array(sorted(set(self.reference.countries) | set(STATISTICAL_AREAS)))
        self._hs: dict[tuple[str, int], pa.Array] = {}
        self._concordance: dict[str, tuple[pa.Array, pa.Array, pa.Array]] = {}
        self._names: dict[str, str] = {}
        self.levels_seen: set[int] = set()
        #: lines kept with a change the reader states (a heading moved by the concordance)
        self.notices: dict[str, int] = {}

    def _mapping(
        self, edition: str, level: int, table: Mapping[str, str]
    ) -> tuple[pa.Array, pa.Array, pa.Array]:
        """Source codes, their target codes, and the source headings that split (level 4).

        At 4 digits a heading goes to the target heading most of its subheadings go to; a
        heading whose subheadings go to several (on a tie, the lowest code) is listed so the
        import can say so.
        """
        key = f"{edition}/{level}"
        if key not in self._concordance:
            if level == 6:
                pairs = dict(table)
                split: list[str] = []
            else:
                votes: dict[str, Counter[str]] = {}
                for src, dst in table.items():
                    votes.setdefault(src[:4], Counter())[dst[:4]] += 1
                pairs = {
                    h: max(sorted(c), key=c.__getitem__) for h, c in votes.items()
                }  # ties: lowest
                split = sorted(h for h, c in votes.items() if len(c) > 1)
            self._concordance[key] = (
                pa.array(list(pairs)), pa.array(list(pairs.values())), pa.array(split, pa.string())
            )  # fmt: skip
        return self._concordance[key]

    def _number(
        self,
        block: Block,
        column: str,
        type_: pa.DataType,
        message: str,
        pattern: str,
        blank_ok: bool = False,
    ) -> pa.Array | None:
        """The column as numbers; on failure, every bad cell is reported and ``None`` returned."""
        text = block.columns[column]
        if blank_ok:
            text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
        try:
            return pc.cast(text, type_)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            ok = pc.match_substring_regex(text, pattern)
            if blank_ok:
                ok = pc.fill_null(ok, True)
            self._check(pc.invert(ok), block, column, message, block.columns[column])
            if not pc.all(ok).as_py():
                return None
            # well-formed but out of range for the type (e.g. a quantity of 1e999)
            self._fail(0, column, _("a number in this column is out of range"))
            return None

    def _fail(self, line: int, column: str, message: str, **params: object) -> None:
        if len(self.errors) < self.max_errors:
            shown = self._names.get(column, column)  # the file's own column name
            self.errors.append(RowError(self.file, line, shown, message, params))

    def _check(
        self,
        mask: pa.Array,
        block: Block,
        column: str,
        message: str,
        values: pa.Array,
        **params: object,
    ) -> None:
        """Report rows where ``mask`` is true (or null) with their offending value."""
        if not pc.any(pc.fill_null(mask, True)).as_py():
            return
        idx = pc.indices_nonzero(pc.fill_null(mask, True)).to_pylist()
        shown = idx[: max(self.max_errors - len(self.errors), 0)]
        for i in shown:
            self._fail(block.lines[i].as_py(), column, message, value=values[i].as_py(), **params)
        if len(idx) > len(shown):
            self.errors.append(
                RowError(
                    self.file,
                    0,
                    self._names.get(column, column),
                    _("… and %(count)s more rows like these"),
                    {"count": len(idx) - len(shown)},
                )
            )

    def __call__(self, block: Block) -> pa.Table | None:
        """The block's rows in ``FLOW_SCHEMA``, or ``None`` if any row was wrong."""
        before = len(self.errors)
        if block.skip is not None:
            keep = pc.invert(block.skip)
            block = Block(
                {k: pc.filter(v, keep) for k, v in block.columns.items()},
                pc.filter(block.lines, keep),
                names=block.names,
                level=block.level,
            )
        self._names = block.names
        c = block.columns
        if len(block) == 0:
            return pa.Table.from_batches([], FLOW_SCHEMA)
        year = self._number(block, "year", pa.int16(), _("%(value)r is not a year"), r"^[0-9]{4}$")
        if year is not None:
            odd = pc.or_(pc.less(year, 1900), pc.greater(year, 2100))
            self._check(odd, block, "year", _("%(value)r is not a year"), c["year"])
        for col in ("reporter", "partner"):
            ok = pc.is_in(c[col], self._known)
            if col == "partner" and not pc.all(ok).as_py():
                # a regional or statistical area stays a (non-country) partner
                ok = pc.or_(ok, pc.match_substring_regex(c[col], PARTNER_AREA))
            self._check(pc.invert(ok), block, col, _("unknown country code %(value)r"), c[col])
        flow_ok = pc.is_in(c["flow"], pa.array(["X", "M"]))
        self._check(
            pc.invert(flow_ok),
            block,
            "flow",
            _("%(value)r is not a trade flow (export or import)"),
            c["flow"],
        )
        value = self._number(block, "value", pa.float64(), _("%(value)r is not a number"), _NUMBER)
        quantity = self._number(
            block, "quantity", pa.float64(), _("%(value)r is not a number"), _NUMBER, blank_ok=True
        )
        hs6 = c["hs6"]
        edition = self._editions(block)
        if edition is None:
            return None
        valid = self.reference.hs6.get(edition)
        if valid is None:
            self._fail(
                0,
                "",
                _("HS edition %(edition)s is not supported; convert the file to HS2017 or HS2022"),
                edition=edition,
            )
            return None
        level = block.level
        self.levels_seen.add(level)
        if len(self.levels_seen) > 1:
            self._fail(0, "hs6", _("the file mixes 6-digit codes and 4-digit headings"))
            return None
        if (edition, level) not in self._hs:
            codes = valid if level == 6 else {c[:level] for c in valid}
            self._hs[edition, level] = pa.array(sorted(codes))
        hs_ok = pc.is_in(hs6, self._hs[edition, level])
        self._check(
            pc.invert(hs_ok),
            block,
            "hs6",
            _("%(value)r is not a 6-digit code of %(edition)s")
            if level == 6
            else _("%(value)r is not a 4-digit heading of %(edition)s"),
            hs6,
            edition=edition,
        )
        if len(self.errors) > before:
            return None
        if edition != self.target_edition:
            table = self.reference.concordance.get((edition, self.target_edition))
            if table is None:
                self._fail(
                    0,
                    "",
                    _("no concordance from %(edition)s to %(target)s"),
                    edition=edition,
                    target=self.target_edition,
                )
                return None
            keys, targets, split = self._mapping(edition, level, table)
            if level == 4:
                moved = pc.sum(pc.is_in(hs6, split)).as_py() or 0
                if moved:
                    reason = _(
                        "headings whose subheadings the target edition spreads over several "
                        "headings, recorded under the heading most of them go to"
                    )
                    self.notices[reason] = self.notices.get(reason, 0) + moved
            hs6 = pc.take(targets, pc.index_in(hs6, keys))
        if year is None or value is None or quantity is None:
            return None
        if self.source == "baci":
            value = pc.multiply(value, 1000.0)
        negative = pc.less(value, 0)
        self._check(negative, block, "value", _("%(value)s is negative"), c["value"])
        if len(self.errors) > before:
            return None
        n = len(block)
        return pa.table(
            [
                year,
                c["reporter"],
                c["partner"],
                c["flow"],
                hs6,
                constant(self.target_edition, n),
                value,
                quantity,
                c["unit"],
                constant(self.source, n),
            ],
            schema=FLOW_SCHEMA,
        )

    def _editions(self, block: Block) -> str | None:
        """The one HS edition of this block: from the file's column, else as given."""
        named = {e for e in pc.unique(block.columns["edition"]).to_pylist() if e}
        editions = {EDITION_ALIASES.get(e.upper(), e) for e in named} or (
            {self.edition} if self.edition else set()
        )
        if not editions:
            self._fail(0, "", _("the file does not say its HS edition; give it (HS2017 or HS2022)"))
            return None
        if len(editions | self.editions_seen) > 1:
            self._fail(
                0,
                "edition",
                _("the file mixes HS editions (%(editions)s); split it by edition"),
                editions=", ".join(sorted(editions | self.editions_seen)),
            )
            return None
        self.editions_seen |= editions
        return str(editions.pop())
