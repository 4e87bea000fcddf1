"""The one rule for text lienket accepts, whatever the way in (form, API, import).

A value is refused when it holds a character that changes how text is stored or shown without
being seen: C0 and C1 control characters (NUL and the bell among them; tab, line feed and
carriage return are allowed), bidirectional embedding, override and isolate controls (which can
make a name read backwards, U+202A-U+202E and U+2066-U+2069), lone surrogates and the
non-characters U+FFFE/U+FFFF. Zero-width spaces and joiners are not refused: Lao text may use
them between words (the table reader removes them from cells with a notice instead).

Refused, never removed silently: the caller reports the first such character with its position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

#: the longest text any single field accepts unless the field says less (about four pages)
DEFAULT_MAX_CHARS = 20_000


@dataclass(frozen=True)
class Unsafe:
    """The first unsafe character of a text: its code point and 1-based position."""

    codepoint: str
    position: int

    def __str__(self) -> str:
        return f"{self.codepoint} at character {self.position}"


def first_unsafe(text: str) -> Unsafe | None:
    """The first character :data:`UNSAFE` refuses, or ``None`` when the text is clean."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    return Unsafe(f"U+{ord(found.group()):04X}", found.start() + 1)


def visible(text: str) -> str:
    """``text`` with every unsafe character written out as ``[U+XXXX]``.

    For output only (an export of data stored before this rule existed): nothing is dropped and
    the file stays writable.
    """
    return UNSAFE.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
