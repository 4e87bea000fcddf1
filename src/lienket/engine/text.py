"""Text keys for search and duplicate detection across Vietnamese, Lao and English.

Vietnamese is folded to plain ASCII so that ``hoa phat`` finds ``Hòa Phát``; Lao, written
without spaces between words, is cut into words with laonlp's dictionary tokenizer so that a
query finds whole words, not arbitrary substrings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LAO_BLOCK = re.compile(r"[\u0E80-\u0EFF]+")
NON_WORD = re.compile(r"[^\w\u0E80-\u0EFF]+")


def fold(text: str) -> str:
    """Lower-case, drop Vietnamese diacritics (đ→d) and collapse punctuation to spaces."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    # Lao vowels and tone marks are combining characters too: keep them.
    kept = "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) or "\u0e80" <= ch <= "\u0eff"
    )
    kept = unicodedata.normalize("NFC", kept).lower()
    return " ".join(NON_WORD.sub(" ", kept).split())


@lru_cache(maxsize=4096)
def lao_words(text: str) -> tuple[str, ...]:
    """Split a run of Lao script into dictionary words (laonlp)."""
    from laonlp.tokenize import word_tokenize  # imported lazily: its dictionary takes ~1 s

    return tuple(w for w in (t.strip() for t in word_tokenize(text)) if w)


def words(text: str) -> list[str]:
    """The search words of ``text``: folded Latin words and Lao dictionary words."""
    out: list[str] = []
    for token in fold(text).split():
        if LAO_BLOCK.fullmatch(token):
            out.extend(lao_words(token))
        elif LAO_BLOCK.search(token):
            for part in re.split(r"([\u0E80-\u0EFF]+)", token):
                if part:
                    out.extend(lao_words(part) if LAO_BLOCK.fullmatch(part) else [part])
        else:
            out.append(token)
    return out


def exact_words(text: str) -> list[str]:
    """Words with their diacritics kept (lower case): Vietnamese syllables that folding would
    merge ("sản", "sắn") stay apart; Lao runs are cut into dictionary words."""
    lowered = unicodedata.normalize("NFC", text).lower()
    out: list[str] = []
    for token in NON_WORD.sub(" ", lowered).split():
        for part in re.split(r"([\u0E80-\u0EFF]+)", token):
            if part:
                out.extend(lao_words(part) if LAO_BLOCK.fullmatch(part) else [part])
    return out


def search_key(*texts: str) -> str:
    """A space-delimited word string (with leading and trailing space) to match words in."""
    seen: dict[str, None] = {}
    for text in texts:
        for w in words(text or ""):
            seen.setdefault(w, None)
    return " " + " ".join(seen) + " " if seen else ""
