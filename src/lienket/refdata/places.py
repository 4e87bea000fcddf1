"""Countries and provinces (current and former), with every spelling a file may use."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from lienket.engine.text import fold
from lienket.refdata.base import (
    Country,
    FormerProvince,
    Names,
    Province,
    _bool,
    rows,
)


@cache
def countries() -> dict[str, Country]:
    """All ISO 3166-1 countries by alpha-3 code."""
    return {
        r["iso3"]: Country(
            r["iso3"], r["iso2"], r["m49"], Names(r["name_en"], r["name_vi"], r["name_lo"])
        )
        for r in rows("countries.csv")
    }


@cache
def _country_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for c in countries().values():
        for key in (c.iso3, c.iso2, *c.names.all()):
            index.setdefault(fold(key), c)
    for v in place_variants():
        if v.kind == "country":
            index.setdefault(fold(v.variant), countries()[v.code])
    return index


def resolve_country(text: str) -> Country | None:
    """Find a country by ISO alpha-3 or alpha-2 code or by its name in en/vi/lo."""
    return _country_index().get(fold(text))


@cache
def provinces() -> dict[tuple[str, str], Province]:
    """Provinces of Viet Nam (34, GSO codes) and Lao PDR (18, ISO 3166-2) by (country, code)."""
    out = {}
    lao = {r["code"]: r["name_lo"] for r in rows("provinces_vnm_lo.csv")}
    for r in rows("provinces_vnm.csv"):
        names = Names(r["name_en"], r["short_name_vi"], lao.get(r["code"], r["short_name_vi"]))
        out[("VNM", r["code"])] = Province("VNM", r["code"], names, r["kind"])
    for r in rows("provinces_lao.csv"):
        names = Names(r["name_en"], r["name_vi"], r["name_lo"])
        out[("LAO", r["code"])] = Province("LAO", r["code"], names, r["kind"])
    return out


@dataclass(frozen=True)
class PlaceVariant:
    """Another way a country or province is written (English, Vietnamese or Lao, romanised
    Lao, an abbreviation); ``former`` names the former province it stands for, if any."""

    kind: str
    country: str
    code: str
    variant: str
    former: str


LAO_PROVINCE_WORDS = ("ແຂວງ", "ນະຄອນຫຼວງ")


def _without_lao_word(name: str) -> str:
    for word in LAO_PROVINCE_WORDS:
        name = name.removeprefix(word)
    return name


@cache
def place_variants() -> tuple[PlaceVariant, ...]:
    """Name variants of countries and provinces (``place_variants.csv``)."""
    return tuple(
        PlaceVariant(r["kind"], r["country"], r["code"], r["variant"], r["former"])
        for r in rows("place_variants.csv")
    )


@cache
def former_provinces() -> tuple[FormerProvince, ...]:
    """Viet Nam's 63 pre-2025 provinces mapped to the 34 units in force from 1 July 2025."""
    return tuple(
        FormerProvince(
            r["old_name_vi"],
            r["old_iso3166_2"],
            r["new_code"],
            _bool(r["verified"]),
            r["source_url"],
        )
        for r in rows("provinces_vnm_former.csv")
    )


@cache
def _iso_subdivisions(country: str) -> dict[str, Province]:
    """First-level ISO 3166-2 subdivisions of a country without bundled provinces (pycountry)."""
    import pycountry

    c = pycountry.countries.get(alpha_3=country)
    subs = pycountry.subdivisions.get(country_code=c.alpha_2) if c else None  # type: ignore[no-untyped-call]
    return {
        s.code: Province(country, s.code, Names(s.name, s.name, s.name), s.type.lower())
        for s in (subs or [])
        if s.parent_code is None
    }


def provinces_of(country: str) -> list[Province]:
    """The provinces of ``country``: bundled for Viet Nam and Lao PDR, ISO 3166-2 otherwise."""
    bundled = [p for (c, _code), p in provinces().items() if c == country]
    return bundled or list(_iso_subdivisions(country).values())


def province(country: str, code: str) -> Province | None:
    """One province by country and code, or ``None``."""
    return provinces().get((country, code)) or _iso_subdivisions(country).get(code)


@cache
def _province_index(country: str) -> dict[str, tuple[Province, str]]:
    index: dict[str, tuple[Province, str]] = {}
    for p in provinces_of(country):
        for key in (fold(p.code), *(fold(n) for n in p.names.all())):
            index.setdefault(key, (p, ""))
        if "-" in p.code:
            index.setdefault(fold(p.code.split("-", 1)[1]), (p, ""))
    # "ແຂວງສະຫວັນນະເຂດ" is also written "ສະຫວັນນະເຂດ"; "ວຽງຈັນ" alone is the capital or the
    # province, so a short name two provinces share stays unknown
    short = [(fold(_without_lao_word(p.names.lo)), p) for p in provinces_of(country)]
    counts = Counter(key for key, _p in short)
    for key, p in short:
        if counts[key] == 1:
            index.setdefault(key, (p, ""))
    for v in place_variants():
        if v.kind == "province" and v.country == country:
            index.setdefault(fold(v.variant), (provinces()[(country, v.code)], v.former))
    for f in former_provinces() if country == "VNM" else ():
        new = provinces()[("VNM", f.new_code)]
        for key in (fold(f.name_vi), fold(f.iso3166_2)):
            index.setdefault(key, (new, f.name_vi))
    return index


#: administrative words written before or after a province's name (folded: no accents)
_ADMINISTRATIVE = re.compile(
    r"^(?:tinh|thanh pho|tp|province of|ແຂວງ|ນະຄອນຫຼວງ|khoueng)\s*|"
    r"\s+(?:province|city|municipality|prefecture)$"
)
#: how a province was found, when not as written: an administrative word left out, or a
#: Vietnamese code's lost leading zero put back
WORD, ZERO = "word", "zero"


def read_province(country: str, text: str) -> tuple[Province, str, str] | None:
    """A province by code or by name in any language, accents optional, and how it was read:
    ``(province, former name or "", "" | WORD | ZERO)``.

    Former Vietnamese provinces (before 1 July 2025) resolve to the unit they merged into
    (the second item names the former one). "Binh Duong Province", "tỉnh Quảng Bình", "ແຂວງ
    …" are found once the administrative word is left out, and "1" as "01" (Viet Nam's codes
    have two digits); the third item says so, so that the caller can state it.
    """
    index = _province_index(country)
    key = fold(text)
    if key in index:
        return (*index[key], "")
    bare = _ADMINISTRATIVE.sub("", key).strip()
    if bare != key and bare in index:
        return (*index[bare], WORD)
    if country == "VNM" and key.isdigit() and len(key) == 1 and key.zfill(2) in index:
        return (*index[key.zfill(2)], ZERO)
    return None


def resolve_province(country: str, text: str) -> tuple[Province, str] | None:
    """:func:`read_province` without how it was read."""
    found = read_province(country, text)
    return (found[0], found[1]) if found else None
