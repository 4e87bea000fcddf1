"""CEPII BACI CSV with its release country codes file (numeric codes to ISO 3)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from lienket.engine.errors import DataError
from lienket.engine.errors import mark as _
from lienket.engine.trade.readers.common import (
    EDITION_ALIASES,
    Block,
    OnProgress,
    _file_error,
    _open_csv,
    _pick,
    constant,
    line_numbers,
)

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
