"""Rules the registry applies: SME size classes, tax id formats, chain stages by HS6."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from lienket.engine.sme import SmeRule
from lienket.refdata.base import (
    TaxIdFormat,
    _bool,
    rows,
)
from lienket.refdata.chains import (
    chain_products,
)
from lienket.refdata.hs import (
    hs_codes,
    hs_concordance,
)


@cache
def sme_rules() -> tuple[SmeRule, ...]:
    """SME size thresholds of each country's law."""
    return tuple(
        SmeRule(
            r["country"],
            r["sector_group"],
            frozenset(r["sectors"].split()),
            r["size"],
            int(r["max_employees"]),
            Decimal(r["max_revenue"]),
            Decimal(r["max_capital"]),
            r["currency"],
            r["logic"],
            r["verified"],
            r["source"],
        )
        for r in rows("sme_rules.csv")
    )


@cache
def tax_id_formats() -> dict[str, TaxIdFormat]:
    """Tax identifier formats by country (countries without a row accept any identifier)."""
    return {
        r["country"]: TaxIdFormat(
            r["country"],
            re.compile(r["pattern"]),
            r["example"],
            r["description"],
            _bool(r["verified"]),
            r["source"],
        )
        for r in rows("tax_id_formats.csv")
    }


@cache
def chain_stages_of_hs6(edition: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each 6-digit code of ``edition`` mapped to the (chain, stage) pairs it belongs to.

    The chains are defined by HS2022 prefixes; for HS2017 every HS2022 code under a prefix is
    carried over by the UN concordance, so a code split or merged in 2022 keeps its chain.
    """
    hs22 = [c for c, h in hs_codes("HS2022").items() if h.level == 6]
    convert = hs_concordance("HS2022", "HS2017") if edition == "HS2017" else None
    out: dict[str, set[tuple[str, str]]] = {}
    for p in chain_products():
        for code in hs22:
            if code.startswith(p.hs):
                target = convert.get(code, code) if convert else code
                out.setdefault(target, set()).add((p.chain, p.stage))
    return {code: tuple(sorted(pairs)) for code, pairs in out.items()}


@dataclass(frozen=True)
class NotPromoted:
    """An HS prefix that lienket never suggests as an opportunity, with why and the source."""

    hs: str  # a chapter (2 digits), heading (4) or subheading (6)
    group: str  # narcotics, precursor, banned_chemical, weapons
    reason: str
    source: str


@cache
def not_promoted() -> tuple[NotPromoted, ...]:
    """The exclusion list of products a ministry would not promote (``hs_not_promoted.csv``)."""
    return tuple(
        NotPromoted(r["hs"], r["group"], r["reason_en"], r["source"])
        for r in rows("hs_not_promoted.csv")
    )


def promoted(code: str) -> bool:
    """Whether an HS code may be suggested (no prefix of it is on the exclusion list)."""
    return not any(code.startswith(x.hs) for x in not_promoted())
