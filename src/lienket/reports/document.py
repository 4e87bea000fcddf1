"""The report as plain blocks of values: built once, written as HTML (and PDF from it) and DOCX.

Values stay values (floats, dates, counts) with a *kind* until a writer formats them in the
report's language, so the three formats cannot disagree on a figure. ``None`` is "no data".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: cell kinds: text, million (an amount, written in millions of its currency), percent (a
#: share, 0.125), int, number (one decimal), ratio (two decimals), date
Kind = str


@dataclass(frozen=True)
class Source:
    number: int
    title: str
    fictional: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""  # "", "note", "nodata", "fictional"


@dataclass(frozen=True)
class Figures:
    """Key figures as label–value lines (the summary)."""

    title: str
    rows: tuple[tuple[str, Any, Kind], ...]
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[tuple[str, Kind], ...]
    rows: tuple[tuple[Any, ...], ...]
    sources: tuple[int, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    sources: tuple[int, ...] = ()


Block = Paragraph | Figures | Table | Chart


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> None:
        self.blocks.append(block)


@dataclass
class Document:
    lang: str
    period: str  # as written in the report's language
    period_code: str  # 2025-H1
    title: str
    subtitle: str
    ministries: tuple[str, str]
    cover_note: str
    dated: date
    as_of: date
    snapshot: str
    logo: str = ""  # a data: URI, or ""
    fictional: bool = False
    sections: list[Section] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # fixed words the writers print
    #: the official document's parts (``common.OFFICIAL``), and its place and date as written
    official: dict[str, str] = field(default_factory=dict)
    place_date: str = ""

    def cite(self, title: str, fictional: bool = False) -> int:
        """The number of a source in the annex (the same title is cited once)."""
        for s in self.sources:
            if s.title == title:
                return s.number
        self.sources.append(Source(len(self.sources) + 1, title, fictional))
        self.fictional = self.fictional or fictional
        return len(self.sources)
