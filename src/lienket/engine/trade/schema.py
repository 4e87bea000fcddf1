"""The shape of lienket's trade store and the reference it is checked against.

Every reader normalises its source into the same columns (``FLOW_SCHEMA``): one row is what
``reporter`` declared as its ``flow`` ("X" export, "M" import) with ``partner`` for product
``hs6`` in calendar ``year``. ``hs_edition`` is the edition the code is expressed in *after*
conversion to the store's target edition; the edition the source used is kept in the manifest.
Countries are ISO 3166-1 alpha-3 codes; ``WLD`` is the world and a few statistical areas that
the UN and CEPII publish (e.g. ``S19`` "Other Asia, n.e.s.") are accepted as partners.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


def _iso3(text: str) -> str | None:
    """A country written as its ISO 3 code only (the default when no names are given)."""
    code = text.strip().upper()
    return code if len(code) == 3 and code.isalpha() else None


@dataclass(frozen=True)
class Reference:
    """What input is checked against: known countries, HS codes per edition, concordances.

    ``hs6`` maps an edition ("HS2017") to its valid 6-digit codes; ``concordance`` maps
    (from_edition, to_edition) to a dict of 6-digit codes; ``resolve_country`` reads a country
    as a customs table writes it (a code, or a name in any language) into its ISO 3 code.
    Built from the bundled reference data by ``lienket.refdata.trade_reference()`` (the engine
    never reads it itself: it is passed in), or by hand in tests.
    """

    countries: frozenset[str]
    hs6: Mapping[str, frozenset[str]]
    concordance: Mapping[tuple[str, str], Mapping[str, str]] = field(default_factory=dict)
    numeric_countries: Mapping[str, str] = field(default_factory=dict)
    resolve_country: Callable[[str], str | None] = field(default=_iso3)

    def knows(self, code: str) -> bool:
        """Whether ``code`` is a country or an accepted statistical area."""
        return code in self.countries or code in STATISTICAL_AREAS
