"""What the store records of each import: its manifest entry and its file's digest."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

TARGET_EDITION = "HS2017"


@dataclass(frozen=True)
class ImportRecord:
    """One file in the store (an entry of the manifest)."""

    id: str
    kind: str  # "flows" or "world"
    file: str
    sha256: str
    source: str
    source_edition: str
    edition: str
    rows: int
    skipped: dict[str, int]
    years: list[int]
    reporters: list[str]
    slices: list[tuple[str, int, str]]
    value_usd: float
    imported_at: str
    fictional: bool = False
    note: str = ""
    #: the months of each year the file covers (first, last); a file covering January to
    #: October is a part year, never a full one (issue 8)
    months: tuple[int, int] = (1, 12)
    #: lines kept but read with a change, by what was done (stated to the user)
    notices: dict[str, int] = field(default_factory=dict)
    #: digits of the stored product codes: 6, or 4 for a file downloaded at HS4 (its rows hold
    #: 4-digit headings in the ``hs6`` column; level-6 queries leave them out)
    level: int = 6
    #: shown to visitors and enterprise users: ``None`` follows the source (UN Comtrade, BACI
    #: and the bundled world matrix are published statistics; a customs file is private until
    #: a steward marks it public)
    public: bool | None = None

    @property
    def is_public(self) -> bool:
        return self.public if self.public is not None else self.source != "customs"

    @property
    def label(self) -> str:
        """How pages cite this import: source, file and whether it is fictional."""
        return f"{self.source} ({self.file})" + (" — fictional" if self.fictional else "")


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the record, and whether the file was already in the store."""

    record: ImportRecord
    already: bool = False
    replaced: list[str] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (streamed)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
