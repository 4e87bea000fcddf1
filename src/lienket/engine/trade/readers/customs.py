"""A national customs XLSX or CSV, as ministries publish it (title rows, local column names)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.hscode import NATIONAL, hs_digits
from lienket.engine.trade.readers.common import (
    CANONICAL,
    FLOW_WORDS,
    Block,
    _pick,
)
from lienket.engine.trade.schema import WORLD

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
#: Columns a published customs table carries that lienket does not need (read only to find
#: the table's total row).
CUSTOMS_EXTRA = ("stt", "tt", "tên hàng", "ten hang", "mặt hàng", "mat hang", "description",
                 "ລ/ດ", "ລາຍການສິນຄ້າ")  # fmt: skip
#: how a table names its total row, in the three languages (the whole cell, lower-cased)
TOTAL_WORDS = frozenset({"tổng cộng", "tong cong", "tổng", "tong", "cộng", "cong", "total",
                         "grand total", "ລວມ", "ລວມທັງໝົດ", "ລວມຍອດ", "ຍອດລວມ"})  # fmt: skip
#: how far a total row may differ from the sum of its lines before the file is refused: half
#: a dollar per line (each line rounded to the dollar), or 0.05 % of the total
TOTAL_SLACK = (Decimal("0.5"), Decimal("0.0005"))


def _is_total(row: dict[str, str], code: str) -> bool:
    if any(ch.isdigit() for ch in code):
        return False
    return any(" ".join(v.lower().split()).rstrip(":") in TOTAL_WORDS for v in row.values())


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
        table = read_table(f, path.name, required=(), optional=known + CUSTOMS_EXTRA)
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
    totals: list[tuple[int, Decimal]] = []
    line_sum = Decimal(0)
    for line, row in table.rows:
        get = {k.lstrip("?"): row.get(v, "").strip() for k, v in cols.items()}
        if _is_total(row, get.get("hs6", "")):
            try:
                totals.append((line, parse_decimal(get.get("value", ""), style).value))
            except NumberError as exc:
                errors.append(RowError(path.name, line, cols["value"], exc.message, exc.params))
            continue
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
        if numbers["value"]:
            line_sum += Decimal(numbers["value"])
        out["quantity"][-1] = numbers["quantity"]
        out["month"].append(get.get("month", ""))
        lines.append(line)
    for line, stated in totals:
        slack = max(TOTAL_SLACK[0] * len(lines), TOTAL_SLACK[1] * abs(stated))
        if abs(stated - line_sum) > slack:
            errors.append(RowError(
                path.name, line, cols["value"],
                _("the total row says %(total)s but its %(lines)s lines add up to %(sum)s"),
                {"total": f"{stated:,}", "lines": len(lines), "sum": f"{line_sum:,}"},
            ))  # fmt: skip
    if errors:
        raise DataError(errors[:200])
    notices = {
        _("national tariff lines (8 or 10 digits) recorded as their HS subheading"): national,
        _("a total row, checked against the sum of the lines and left out"): len(totals),
    }
    yield Block(
        {k: pa.array(v, pa.string()) for k, v in out.items()},
        pa.array(lines, pa.int64()),
        notices={k: v for k, v in notices.items() if v},
    )


# --- normalisation ----------------------------------------------------------------------
