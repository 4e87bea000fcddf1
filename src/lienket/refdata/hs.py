"""The Harmonized System: codes by edition, concordance, English and Vietnamese texts, sections."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from lienket.refdata.base import (
    HS_EDITIONS,
    HsCode,
    Names,
    rows,
)


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
    if lang[:2] == "lo":
        named = lao_names().get(code[:4])
        if named:
            derivation = "heading" if len(code) > 4 else "name"
            return HsText(named, "lo", derivation)
    return HsText(h.description, "en")


@cache
def lao_names() -> dict[str, str]:
    """Plain Lao names of the headings the two countries trade most (``hs_lo_names.csv``):
    the lienket team's product names, not the Lao AHTN text, until a focal point adds it."""
    return {r["hs"]: r["lo"] for r in rows("hs_lo_names.csv")}
