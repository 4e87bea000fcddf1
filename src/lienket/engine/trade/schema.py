"""The shape of lienket's trade store and the reference it is checked against.

Every reader normalises its source into the same columns (``FLOW_SCHEMA``): one row is what
``reporter`` declared as its ``flow`` ("X" export, "M" import) with ``partner`` for product
``hs6`` in calendar ``year``. ``hs_edition`` is the edition the code is expressed in *after*
conversion to the store's target edition; the edition the source used is kept in the manifest.
Countries are ISO 3166-1 alpha-3 codes; ``WLD`` is the world and a few statistical areas that
the UN and CEPII publish (e.g. ``S19`` "Other Asia, n.e.s.") are accepted as partners.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pyarrow as pa

FLOWS = ("X", "M")
WORLD = "WLD"

#: Partner areas that official statistics use and that are not ISO 3166-1 countries.
STATISTICAL_AREAS: Mapping[str, str] = {
    WORLD: "World",
    "S19": "Other Asia, n.e.s.",
    "_X": "Areas, n.e.s.",
    "X1": "Areas, n.e.s.",
    "XX": "Unknown",
    "ANT": "Netherlands Antilles",
    "SCG": "Serbia and Montenegro",
}

FLOW_SCHEMA = pa.schema(
    [
        ("year", pa.int16()),
        ("reporter", pa.string()),
        ("partner", pa.string()),
        ("flow", pa.string()),
        ("hs6", pa.string()),
        ("hs_edition", pa.string()),
        ("value_usd", pa.float64()),
        ("quantity", pa.float64()),
        ("unit", pa.string()),
        ("source", pa.string()),
    ]
)

#: Country x product exports to the world at any HS level (e.g. the 2017 HS4 world matrix).
WORLD_EXPORT_SCHEMA = pa.schema(
    [
        ("year", pa.int16()),
        ("reporter", pa.string()),
        ("product", pa.string()),
        ("hs_edition", pa.string()),
        ("value_usd", pa.float64()),
        ("source", pa.string()),
    ]
)


@dataclass(frozen=True)
class Reference:
    """What input is checked against: known countries, HS codes per edition, concordances.

    ``hs6`` maps an edition ("HS2017") to its valid 6-digit codes; ``concordance`` maps
    (from_edition, to_edition) to a dict of 6-digit codes. Built from ``lienket.refdata`` by
    :func:`default_reference`, or by hand in tests.
    """

    countries: frozenset[str]
    hs6: Mapping[str, frozenset[str]]
    concordance: Mapping[tuple[str, str], Mapping[str, str]] = field(default_factory=dict)
    numeric_countries: Mapping[str, str] = field(default_factory=dict)

    def knows(self, code: str) -> bool:
        """Whether ``code`` is a country or an accepted statistical area."""
        return code in self.countries or code in STATISTICAL_AREAS


def default_reference() -> Reference:
    """The reference bundled with lienket (ISO countries, HS2017/HS2022, UN concordance)."""
    from lienket import refdata

    countries = refdata.countries()
    return Reference(
        countries=frozenset(countries),
        hs6={
            ed: frozenset(c for c, h in refdata.hs_codes(ed).items() if h.level == 6)
            for ed in refdata.HS_EDITIONS
        },
        concordance={("HS2022", "HS2017"): refdata.hs_concordance("HS2022", "HS2017")},
        numeric_countries={c.m49: c.iso3 for c in countries.values() if c.m49},
    )
