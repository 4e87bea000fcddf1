"""The reference data's languages and editions, its record types and how a bundled file is read."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files

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
