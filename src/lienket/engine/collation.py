"""Text sorted in the reader's alphabet by CLDR collation, not by code points.

Vietnamese puts Đ after D and each toned vowel after its base letter (a < ă < â); Lao sorts a
word under its consonant, whatever vowel is written before it (ເກ among the ກ words). Python's
``sorted`` puts Đ after Z and every Lao word with a leading vowel after all the others. The
keys come from ICU, which DuckDB carries built in (no download): one query per batch, on a
connection per thread (nothing is shared between threads).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import duckdb

T = TypeVar("T")
#: the ICU collation of each language lienket ships (English: the root order)
LOCALES = {"vi": "vi", "lo": "lo", "en": "en"}
_local = threading.local()


def _connection() -> duckdb.DuckDBPyConnection:
    con = getattr(_local, "con", None)
    if con is None:
        con = _local.con = duckdb.connect()
    return con


def keys(texts: Sequence[str], lang: str) -> list[str]:
    """Each text's sort key in ``lang``'s collation (hex strings that sort as the texts do)."""
    if not texts:
        return []
    locale = LOCALES.get(lang[:2], "en")
    row = (
        _connection()
        .execute(f"SELECT list_transform(?, lambda x: icu_sort_key(x, '{locale}'))", [list(texts)])
        .fetchone()
    )
    return list(row[0]) if row else []


def sorted_by(items: Iterable[T], text: Callable[[T], str], lang: str) -> list[T]:
    """``items`` in ``lang``'s alphabetical order of ``text(item)``."""
    listed = list(items)
    found = keys([text(i) or "" for i in listed], lang)
    return [item for _k, _n, item in sorted(zip(found, range(len(listed)), listed, strict=True))]
