"""A table as read, its cells' invisible characters, and what every import returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from lienket.engine.errors import RowError


@dataclass(frozen=True)
class Table:
    """Rows of a file: ``rows`` are (line number, {column: text}) with blank rows skipped."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]
    #: what was changed while reading, stated to the user (e.g. invisible characters removed)
    notices: list[RowError] = field(default_factory=list)
    #: each column's header as the file writes it ("Email liên hệ" for contact_email)
    headers: dict[str, str] = field(default_factory=dict)

    def as_written(self, errors: Iterable[RowError]) -> list[RowError]:
        """The problems with each column named as the file's header names it (issue 26: an
        error said "contact_email" where the sheet said "Email liên hệ")."""
        return [
            replace(e, field=self.headers.get(e.field, e.field)) if e.field else e for e in errors
        ]


#: Characters that cannot be seen but change a value (zero-width spaces and joiners, the
#: byte-order mark, soft hyphens, directional marks); removed from every cell with a notice.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


#: Above this unpacked size a workbook is read in openpyxl's streaming mode, which cannot see
#: merged cells; ministry sheets with merged cells are far smaller than this.
MERGED_CELLS_LIMIT = 40_000_000


@dataclass(frozen=True)
class Imported:
    """What an import of a table did: every importer's one result type (enterprises,
    relationships, projects, IATI files, work plans, published figures; issue 25).

    ``checked`` rows were read; ``created`` and ``updated`` records written (nothing when
    ``dry_run``); ``notices`` say what was read with a change. Some importers say more:
    ``duplicates_flagged`` (enterprises that look like registered ones), ``changes`` (an
    update's fields, shown before saving), ``codes`` (the identifiers read).
    """

    created: int = 0
    updated: int = 0
    dry_run: bool = False
    notices: tuple[RowError, ...] = ()
    checked: int = 0
    duplicates_flagged: int = 0
    codes: tuple[str, ...] = ()
    changes: tuple[Any, ...] = ()
