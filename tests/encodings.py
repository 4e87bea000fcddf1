"""Encoding text the way Windows writes Vietnamese, for fixtures of files in other encodings."""

from __future__ import annotations

import unicodedata

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows does for Vietnamese: a letter cp1258 lacks is written as its base
    letter (with circumflex, breve or horn) plus a combining tone mark."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = "".join(c for c in parts if c not in TONES)
            tone = "".join(c for c in parts if c in TONES)
            out += unicodedata.normalize("NFC", base).encode("cp1258") + tone.encode("cp1258")
    return out
