"""Input requirements of each chain, the product glossary and the engine's trade reference."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lienket.engine.text import exact_words as words
from lienket.engine.trade.schema import Reference
from lienket.refdata.base import (
    HS_EDITIONS,
    rows,
)
from lienket.refdata.hs import (
    hs_codes,
    hs_concordance,
)
from lienket.refdata.places import (
    countries,
    resolve_country,
)


@dataclass(frozen=True)
class InputRequirement:
    """An HS4 heading that a chain's output heading needs as an input."""

    chain: str
    output_hs4: str
    input_hs4: str
    note: str


@cache
def input_requirements() -> tuple[InputRequirement, ...]:
    """The documented input-requirement table of the priority chains (HS4 level)."""
    return tuple(
        InputRequirement(r["chain"], r["output_hs4"], r["input_hs4"], r["note"])
        for r in rows("input_requirements.csv")
    )


@cache
def product_glossary() -> dict[str, str]:
    """Product terms in English, Vietnamese and Lao (folded, syllables or Lao words joined)
    mapped to shared concepts; a term may have several words ("xi mang", "ຢາງພາລາ")."""

    out: dict[str, str] = {}
    for r in rows("product_glossary.csv"):
        for lang in ("en", "vi", "lo"):
            for term in r[lang].split(";"):
                key = " ".join(words(term)) if lang != "lo" else "".join(words(term))
                if key:
                    out.setdefault(key, r["concept"])
    return out


def concepts_of(text: str) -> frozenset[str]:
    """Product concepts named in a description in en, vi or lo (terms of up to 3 words)."""

    glossary = product_glossary()
    tokens = words(text)
    found: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            gram = tokens[i : i + n]
            for key in (" ".join(gram), "".join(gram)):
                if key in glossary:
                    found.add(glossary[key])
    return frozenset(found)


@cache
def trade_reference() -> Reference:
    """What the trade store checks files against, from the bundled data: ISO countries (and
    their names in en/vi/lo), HS2017/HS2022 codes, the UN concordance between them. Built once
    per process; immutable, so every request may share it."""
    countries_ = countries()

    def iso3(text: str) -> str | None:
        found = resolve_country(text)
        return found.iso3 if found is not None else None

    return Reference(
        countries=frozenset(countries_),
        hs6={
            ed: frozenset(c for c, h in hs_codes(ed).items() if h.level == 6) for ed in HS_EDITIONS
        },
        concordance={("HS2022", "HS2017"): hs_concordance("HS2022", "HS2017")},
        numeric_countries={c.m49: c.iso3 for c in countries_.values() if c.m49},
        resolve_country=iso3,
    )
