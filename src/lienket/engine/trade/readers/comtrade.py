"""UN Comtrade CSV: the Comtrade+ layout of the bulk and API downloads, and the legacy layout."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade.readers.common import (
    OTHER_FLOWS,
    Block,
    OnProgress,
    _open_csv,
    _pick,
    constant,
    flow_codes,
    line_numbers,
)
from lienket.engine.trade.schema import WORLD

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
