"""Bundled reference data and typed loaders (no Django).

Every CSV under ``data/`` is read as text so that codes keep their leading zeros; each file's
source is in ``SOURCES.md`` beside this module. Loaders are cached: the files never change while
the process runs.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from lienket.engine.logistics import Link, Place, estimated_link
from lienket.engine.sme import SmeRule
from lienket.engine.text import exact_words as words
from lienket.engine.text import fold
from lienket.engine.trade.schema import Reference
from lienket.engine.vocabulary import STAGES, stage_words  # noqa: F401 - refdata names them too

LANGUAGES = ("en", "vi", "lo")
HS_EDITIONS = ("HS2017", "HS2022")
BEC_STAGES = ("primary", "intermediate", "capital", "consumption", "mixed")


def rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of ``data/<name>`` as dicts of strings."""
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text, newline=""))


@dataclass(frozen=True)
class Names:
    """A name in English, Vietnamese and Lao; a missing translation falls back to English."""

    en: str
    vi: str
    lo: str

    def get(self, lang: str) -> str:
        """The name in ``lang`` ("en", "vi", "lo"), or the English name."""
        return getattr(self, lang[:2], "") or self.en

    def all(self) -> tuple[str, ...]:
        """Every non-empty form of the name."""
        return tuple(n for n in (self.en, self.vi, self.lo) if n)


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country."""

    iso3: str
    iso2: str
    m49: str
    names: Names


@dataclass(frozen=True)
class Province:
    """A first-level administrative unit (Viet Nam after 1 July 2025; Lao PDR)."""

    country: str
    code: str
    names: Names
    kind: str


@dataclass(frozen=True)
class FormerProvince:
    """One of Viet Nam's 63 provinces before 2025 and the unit it merged into."""

    name_vi: str
    iso3166_2: str
    new_code: str
    verified: bool
    source_url: str


@dataclass(frozen=True)
class HsCode:
    """An HS code (2, 4 or 6 digits) of one edition, with its BEC stage for 6-digit codes."""

    edition: str
    code: str
    level: int
    parent: str
    section: str
    description: str
    bec4: str
    stage: str


@dataclass(frozen=True)
class Chain:
    """A priority value chain of the MoU and the stages it has."""

    code: str
    names: Names
    stages: tuple[str, ...]


@dataclass(frozen=True)
class ChainProduct:
    """An HS2022 code (2, 4 or 6 digits) that belongs to a chain at a stage."""

    chain: str
    stage: str
    hs: str
    note: str


@dataclass(frozen=True)
class BorderGate:
    """A pair of border gates facing each other across the Viet Nam - Lao border."""

    code: str
    vn_gate: str
    vn_province: str
    la_gate: str
    la_province: str
    status: str
    road: str
    latitude: float | None
    longitude: float | None
    coordinate_quality: str
    verified: str
    source_url: str
    notes: str


@dataclass(frozen=True)
class Seaport:
    """A Vietnamese seaport; ``serves_lao`` marks ports used for Lao transit cargo."""

    code: str
    name: str
    name_vi: str
    province: str
    unlocode: str
    latitude: float | None
    longitude: float | None
    serves_lao: bool
    coordinate_quality: str
    verified: bool
    source: str
    notes: str


@dataclass(frozen=True)
class Zone:
    """An industrial park, economic zone, special/specific economic zone or border zone."""

    code: str
    country: str
    province: str
    kind: str
    names: Names
    status: str
    latitude: float | None
    longitude: float | None
    coordinate_quality: str
    verified: bool
    notes: str


@dataclass(frozen=True)
class TaxIdFormat:
    """The shape of a country's enterprise tax identifier."""

    country: str
    pattern: re.Pattern[str]
    example: str
    description: str
    verified: bool
    source: str


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def _bool(text: str) -> bool:
    return text.strip().lower() == "true"


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


def resolve_province(country: str, text: str) -> tuple[Province, str] | None:
    """Find a province by code or by name in any language, accents optional.

    Former Vietnamese provinces (before 1 July 2025) resolve to the unit they merged into; the
    second item of the result is then the former name, else ``""``.
    """
    index = _province_index(country)
    key = fold(text)
    for prefix in ("tinh ", "thanh pho ", "tp ", "province ", "ແຂວງ", "khoueng "):
        key = key.removeprefix(prefix)
    return index.get(key) or index.get(fold(text))


@cache
def hs_codes(edition: str) -> dict[str, HsCode]:
    """The HS nomenclature of ``edition`` ("HS2017" or "HS2022") by code."""
    if edition not in HS_EDITIONS:
        raise KeyError(f"unknown HS edition {edition!r}; known: {', '.join(HS_EDITIONS)}")
    return {
        r["code"]: HsCode(
            edition,
            r["code"],
            int(r["level"]),
            r["parent"],
            r["section"],
            r["description"],
            r["bec4"],
            r["stage"],
        )
        for r in rows(f"hs{edition[2:]}.csv")
    }


@cache
def hs_concordance(source: str, target: str) -> dict[str, str]:
    """6-digit codes of edition ``source`` mapped to one code of ``target`` (UN table, 1:1)."""
    if (source, target) != ("HS2022", "HS2017"):
        raise KeyError(f"no concordance from {source} to {target}; known: HS2022 -> HS2017")
    return {r["hs2022"]: r["hs2017"] for r in rows("hs2022_to_hs2017.csv")}


@dataclass(frozen=True)
class HsText:
    """An HS description in one language, and how lienket came by it.

    ``lang`` is the language the text is actually in (a Lao reader may be shown a Vietnamese or
    English text, marked as such); ``derivation`` says where a Vietnamese text came from.
    """

    text: str
    lang: str
    derivation: str = ""


OTHER_VI = ("loại khác", "loại khác:", "- loại khác")


def _gz_rows(name: str) -> Iterator[dict[str, str]]:
    import gzip

    raw = files(__package__).joinpath("data", name).read_bytes()
    yield from csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8"), newline=""))


@cache
def hs_vi_2022() -> dict[str, str]:
    """Vietnamese descriptions of HS2022 chapters, headings and subheadings from Viet Nam's
    nomenclature (Circular 31/2022/TT-BTC); a line that reads only "Loại khác" (Other) is given
    its full path so that it says what it is."""
    out: dict[str, str] = {}
    for r in _gz_rows("hs_vi/hs_vi.csv.gz"):
        if r["level"] not in ("2", "4", "6"):
            continue
        text = r["description_vi"].strip()
        if text.lower().strip(" -:") in ("loại khác", "khác") and r["description_vi_path"]:
            text = r["description_vi_path"]
        out[r["code"]] = text.rstrip(":")
    return out


@cache
def hs_sections() -> dict[str, Names]:
    """The 21 HS sections by Roman numeral, in English and Vietnamese (no Lao text exists)."""
    return {
        r["roman"]: Names(r["title_en"].capitalize(), r["title_vi"].capitalize(), "")
        for r in rows("hs_vi/hs_vi_sections.csv")
    }


@cache
def hs_vi(edition: str) -> dict[str, HsText]:
    """Vietnamese descriptions of every code of ``edition`` that the nomenclature covers.

    HS2022 codes take their own line. An HS2017 subheading takes the line of the HS2022 code the
    concordance maps to it with the same number, else the lines of every HS2022 code mapped to
    it, joined; chapters and headings take the HS2022 line of the same number when the heading
    still exists. A code with no line is absent (the page shows English, marked)."""
    vi = hs_vi_2022()
    if edition == "HS2022":
        return {c: HsText(t, "vi", "Circular 31/2022/TT-BTC") for c, t in vi.items()}
    if edition != "HS2017":
        raise KeyError(f"unknown HS edition {edition!r}; known: {', '.join(HS_EDITIONS)}")
    back: dict[str, list[str]] = {}
    for new, old in hs_concordance("HS2022", "HS2017").items():
        back.setdefault(old, []).append(new)
    out: dict[str, HsText] = {}
    for code, h in hs_codes("HS2017").items():
        if h.level < 6:
            if code in vi:
                out[code] = HsText(vi[code], "vi", "HS2022 line of the same number")
            continue
        sources = back.get(code, [])
        if code in sources and code in vi:
            out[code] = HsText(vi[code], "vi", "HS2022 line of the same number")
        elif sources:
            texts = list(dict.fromkeys(vi[s] for s in sorted(sources) if s in vi))
            if texts:
                out[code] = HsText("; ".join(texts), "vi", "HS2022 lines " + ", ".join(sources))
    return out


def hs_text(code: str, edition: str, lang: str) -> HsText | None:
    """The description of an HS code for a reader of ``lang``: Vietnamese from the national
    nomenclature, English from the UN's, and for Lao (no Lao nomenclature is published in a
    readable form) the English text, marked as English. Lao texts a focal point has added are
    looked up by the web application before this."""
    h = hs_codes(edition).get(code)
    if lang[:2] == "vi":
        found = hs_vi(edition).get(code)
        if found:
            return found
    if h is None:
        return None
    return HsText(h.description, "en")


@cache
def chains() -> dict[str, Chain]:
    """The MoU's priority value chains by code."""
    return {
        r["code"]: Chain(
            r["code"], Names(r["name_en"], r["name_vi"], r["name_lo"]), tuple(r["stages"].split())
        )
        for r in rows("chains.csv")
    }


@cache
def chain_products() -> tuple[ChainProduct, ...]:
    """HS2022 codes that define each chain's stages."""
    return tuple(
        ChainProduct(r["chain"], r["stage"], r["hs"], r["note"]) for r in rows("chain_products.csv")
    )


@lru_cache(maxsize=16_384)  # HS6 has about 5,600 codes: every one fits, and nothing else
def chains_of_hs(hs6: str) -> frozenset[str]:
    """Codes of the chains whose HS prefixes cover the 6-digit code ``hs6``."""
    return frozenset(p.chain for p in chain_products() if hs6.startswith(p.hs))


@cache
def border_gates() -> tuple[BorderGate, ...]:
    """Viet Nam - Lao border gate pairs."""
    return tuple(
        BorderGate(
            r["code"],
            r["vn_gate"],
            r["vn_province_code"],
            r["la_gate"],
            r["la_province_code"],
            r["status"],
            r["road"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            r["coordinate_quality"],
            r["verified"],
            r["source_url"],
            r["notes"],
        )
        for r in rows("border_gates.csv")
    )


@cache
def seaports() -> tuple[Seaport, ...]:
    """Vietnamese seaports, with those serving Lao transit cargo marked."""
    return tuple(
        Seaport(
            r["code"],
            r["name"],
            r["name_vi"],
            r["province_code"],
            r["unlocode"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            _bool(r["serves_lao"]),
            r["coordinate_quality"],
            _bool(r["verified"]),
            r["source"],
            r["notes"],
        )
        for r in rows("seaports.csv")
    )


@cache
def zones() -> tuple[Zone, ...]:
    """Zones of both countries (Lao SEZs, Vietnamese economic and border zones, parks)."""
    return tuple(
        Zone(
            r["code"],
            r["country"],
            r["province_code"],
            r["kind"],
            Names(r["name_en"], r["name_vi"], r["name_lo"]),
            r["status"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            r["coordinate_quality"],
            _bool(r["verified"]),
            r["notes"],
        )
        for r in rows("zones.csv")
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
class PublishedFigure:
    """A Viet Nam - Lao trade figure as printed in a release, with its reporter and source."""

    period: str
    reporter: str
    flow: str
    product_group: str
    value_usd_million: float
    yoy_growth_pct: float | None
    source: str
    published: str  # the release's date (YYYY-MM-DD) when the source gives it, else ""


@cache
def published_trade() -> tuple[PublishedFigure, ...]:
    """Published aggregate Viet Nam - Lao trade figures (both sides' releases)."""
    return tuple(
        PublishedFigure(
            r["period"],
            r["reporter"],
            r["flow"],
            r["product_group"],
            float(r["value_usd_million"]),
            _float(r["yoy_growth_pct"]),
            r["source"],
            r["published"],
        )
        for r in rows("trade/published_vn_la.csv")
    )


@dataclass(frozen=True)
class SectorIndicator:
    """ADB MRIO indicators of one economy, sector and year."""

    year: int
    country: str
    sector: int
    sector_name: str
    exports_usd_million: float | None
    rca_gross: float | None
    rca_value_added: float | None
    gvc_forward: float | None
    gvc_backward: float | None
    gvc_participation: float | None


@cache
def adb_sector_indicators() -> tuple[SectorIndicator, ...]:
    """Gross and value-added RCA and GVC participation of Viet Nam and Lao PDR by sector."""
    return tuple(
        SectorIndicator(
            int(r["year"]),
            r["country"],
            int(r["sector"]),
            r["sector_name"],
            _float(r["exports_usd_million"]),
            _float(r["rca_gross"]),
            _float(r["rca_value_added"]),
            _float(r["gvc_forward"]),
            _float(r["gvc_backward"]),
            _float(r["gvc_participation"]),
        )
        for r in rows("trade/adb_mrio_vnm_lao.csv")
    )


def place_name(place: Any, lang: str) -> str:
    """The name of a place of the logistics network (a province, zone, gate or seaport) in
    ``lang``: the one gazetteer the map, the route finder and the pages share."""
    lang = lang[:2]
    if place.kind == "province":
        p = province(place.country, place.code)
        return p.names.get(lang) if p else place.name
    if place.kind == "zone":
        z = _zones_by_code().get(place.code)
        return z.names.get(lang) if z else place.name
    if place.kind == "port":
        s = _ports_by_code().get(place.code)
        return (s.name_vi or s.name) if s and lang in ("vi", "lo") else place.name
    return str(place.name)


@cache
def _zones_by_code() -> dict[str, Zone]:
    return {z.code: z for z in zones()}


@cache
def _ports_by_code() -> dict[str, Seaport]:
    return {s.code: s for s in seaports()}


def data_file(name: str) -> Path:
    """Path of a bundled data file (for loaders that stream it, such as the trade store)."""
    return Path(str(files(__package__).joinpath("data", name)))


@dataclass(frozen=True)
class ProvinceGeo:
    """A province's area-weighted centroid and its neighbours in the same country."""

    country: str
    code: str
    latitude: float
    longitude: float
    neighbours: tuple[str, ...]


@cache
def province_geo() -> dict[tuple[str, str], ProvinceGeo]:
    """Centroids and neighbours of the provinces of Viet Nam (2025 units) and Lao PDR."""
    return {
        (r["country"], r["code"]): ProvinceGeo(
            r["country"],
            r["code"],
            float(r["latitude"]),
            float(r["longitude"]),
            tuple(r["neighbours"].split()),
        )
        for r in rows("province_geo.csv")
    }


@cache
def map_outlines() -> dict[str, list[list[list[int]]]]:
    """Province outlines for the map: ``"VNM:01"`` -> rings of [lon, lat] in 0.01 degrees."""
    import json

    text = files(__package__).joinpath("data", "map_vn_la.json").read_text(encoding="utf-8")
    data: dict[str, list[list[list[int]]]] = json.loads(text)
    return data


def logistics_network() -> tuple[list[Any], list[Any]]:
    """Places and road links of the bundled network (see ``lienket.engine.logistics``).

    Provinces link to their neighbours in the same country, zones and ports to their
    province, and each border gate to the province on either side: the only way across.
    """

    places: dict[str, Place] = {}
    for (country, code), g in province_geo().items():
        p = province(country, code)
        name = p.names.en if p else code
        places[f"province:{country}:{code}"] = Place(
            f"province:{country}:{code}", "province", country, code, name, g.latitude, g.longitude
        )
    links = []
    done: set[frozenset[str]] = set()
    for (country, code), g in province_geo().items():
        for n in g.neighbours:
            pair = frozenset((f"province:{country}:{code}", f"province:{country}:{n}"))
            if pair not in done:
                done.add(pair)
                a, b = sorted(pair)
                links.append(estimated_link(places[a], places[b]))
    for z in zones():
        if z.latitude is None or z.longitude is None:
            continue
        place = Place(
            f"zone:{z.code}", "zone", z.country, z.code, z.names.en, z.latitude, z.longitude
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:{z.country}:{z.province}"]))
    for gate in border_gates():
        if gate.latitude is None or gate.longitude is None:
            continue
        name = f"{gate.vn_gate} – {gate.la_gate}"
        place = Place(
            f"gate:{gate.code}",
            "gate",
            "VNM",
            gate.code,
            name,
            gate.latitude,
            gate.longitude,
            gate.status == "international",
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:VNM:{gate.vn_province}"]))
        links.append(estimated_link(place, places[f"province:LAO:{gate.la_province}"]))
    for port in seaports():
        if port.latitude is None or port.longitude is None:
            continue
        place = Place(
            f"port:{port.code}", "port", "VNM", port.code, port.name, port.latitude, port.longitude
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:VNM:{port.province}"]))
    for r in rows("road_corridors.csv"):
        if r["a"] in places and r["b"] in places:
            links.append(Link(r["a"], r["b"], float(r["km"]), f"{r['road']}: {r['source']}"))
    return list(places.values()), links


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
