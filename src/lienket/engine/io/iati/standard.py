"""The IATI 2.03 schema and codelists, bundled, against which files are checked."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lxml import etree

from lienket.engine.errors import RowError as _RowError
from lienket.engine.io.iati.records import (
    CODELISTS,
)


def _error(
    file: str, line: int, element: str, message: str, params: Mapping[str, object] | None = None
) -> _RowError:
    return _RowError(file, line, element, message, params or {}, place="element")


def _codes(path: Path) -> frozenset[str]:
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return frozenset((item.findtext("code") or "").strip() for item in tree.iter("codelist-item"))


class Standard:
    """The 2.03 schema and codelists, loaded once; safe to share between threads (validation,
    the only stateful step in lxml, is serialised)."""

    def __init__(self, directory: Path) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.schema = etree.XMLSchema(
            etree.parse(str(directory / "iati-activities-schema.xsd"), parser)
        )
        self.codes: Mapping[str, frozenset[str]] = {
            name: _codes(directory / "codelists" / f"{name}.xml") for name in CODELISTS
        }
        self._lock = threading.Lock()

    def validate(self, tree: Any) -> list[tuple[int, str, str]]:
        """Schema errors of ``tree`` as (line, element, message)."""
        with self._lock:
            if self.schema.validate(tree):
                return []
            return [
                (e.line, e.path.rsplit("/", 1)[-1].split("[")[0], e.message)
                for e in self.schema.error_log
            ]
