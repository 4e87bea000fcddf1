"""Domain errors raised or returned by engine code; views turn them into messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field


def mark(message: str) -> str:
    """Mark an English message for the catalogues and return it as it is.

    Engine modules import it as ``_``: the application translates the message when it shows it
    (:meth:`RowError.text`). ``gettext.gettext`` would do the same but searches the disk for a
    catalogue on every call, which costs a file with a million problems minutes.
    """
    return message


@dataclass(frozen=True)
class RowError:
    """One problem in one cell (or row) of an input file.

    ``row`` is the 1-based line number as a spreadsheet user sees it (the header is row 1);
    ``field`` is the column name, or ``""`` when the problem concerns the whole row or file.
    ``message`` is an English template with ``%(name)s`` placeholders filled from ``params``,
    so that the application can translate the template before filling it.
    """

    file: str
    row: int
    field: str
    message: str
    params: Mapping[str, object] = dataclass_field(default_factory=dict)
    #: "cell" for tables (row, column); "element" for XML files (line, element)
    place: str = "cell"

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The message with its values, translated by ``translate`` when given."""
        return (
            translate(self.message) % dict(self.params) if self.params else translate(self.message)
        )

    def __str__(self) -> str:
        xml = self.place == "element"
        where = f"{self.file}, {'line' if xml else 'row'} {self.row}" if self.row else self.file
        if self.field:
            where += f", element <{self.field}>" if xml else f", column {self.field!r}"
        return f"{where}: {self.text()}"


#: how many problems of one file are kept, listed and written to its report; past this they
#: are only counted, so a file with a million bad rows costs no more memory than this (issue 12)
KEPT_ERRORS = 10_000


class ErrorList(list[RowError]):
    """The problems of one file: the first ``cap`` are kept, ``total`` counts them all."""

    def __init__(self, cap: int = KEPT_ERRORS) -> None:
        super().__init__()
        self.cap = cap
        self.total = 0

    def append(self, item: RowError) -> None:
        self.total += 1
        if len(self) < self.cap:
            super().append(item)

    def extend(self, items: Iterable[RowError]) -> None:
        for item in items:
            self.append(item)

    def __iadd__(self, items: Iterable[RowError]) -> ErrorList:  # type: ignore[override,misc]
        self.extend(items)
        return self

    @property
    def full(self) -> bool:
        return len(self) >= self.cap


class DataError(Exception):
    """A file could not be accepted; ``errors`` lists the problems found (at most
    :data:`KEPT_ERRORS`), ``total`` counts them all."""

    def __init__(self, errors: Iterable[RowError], total: int | None = None) -> None:
        kept = list(errors)
        self.total = max(total if total is not None else getattr(errors, "total", 0), len(kept))
        self.errors = kept[:KEPT_ERRORS]
        super().__init__("; ".join(str(e) for e in self.errors[:5]))

    @property
    def cut(self) -> int:
        """How many problems were counted but not kept."""
        return self.total - len(self.errors)


def len_all(errors: list[RowError]) -> int:
    """How many problems a list counted, kept or not."""
    return int(getattr(errors, "total", len(errors)))
