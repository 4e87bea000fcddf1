"""Domain errors raised or returned by engine code; views turn them into messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field


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


class DataError(Exception):
    """A file could not be accepted; ``errors`` lists every problem found."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors[:5]))
