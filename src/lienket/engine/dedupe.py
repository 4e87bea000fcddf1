"""Likely duplicate enterprises: similar names in the same province.

Names are compared after folding (see :mod:`lienket.engine.text`) and after removing legal-form
words (``Công ty TNHH``, ``Co., Ltd``, ``ບໍລິສັດ`` ...), which every firm shares and which would
otherwise make unrelated names look alike. Scoring uses rapidfuzz's ``token_sort_ratio``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lienket.engine.text import words

LEGAL_FORM_WORDS = frozenset(
    [
        "cong",
        "ty",
        "tnhh",
        "co",
        "phan",
        "cp",
        "mtv",
        "tu",
        "nhan",
        "doanh",
        "nghiep",
        "hop",
        "tac",
        "xa",
        "tap",
        "doan",
        "chi",
        "nhanh",
        "company",
        "co",
        "ltd",
        "limited",
        "jsc",
        "corp",
        "corporation",
        "inc",
        "plc",
        "group",
        "enterprise",
        "joint",
        "stock",
        "sole",
        "ບໍລິສັດ",
        "ຈຳກັດ",
        "ມະຫາຊົນ",
        "ຮຸ້ນສ່ວນ",
        "ວິສາຫະກິດ",
        "ສ່ວນບຸກຄົນ",
    ]
)
DEFAULT_THRESHOLD = 90.0


@dataclass(frozen=True)
class NamedFirm:
    """What duplicate detection needs of a firm: an id, a province and its names."""

    key: str
    province: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two firms that look alike, with the best name similarity (0-100)."""

    a: str
    b: str
    score: float


def core_name(name: str) -> str:
    """The distinctive part of a firm's name: folded, Lao cut into words (Lao is written
    without spaces, "ບໍລິສັດກາເຟດາວຈຳກັດ"), legal-form words removed."""
    return " ".join(w for w in words(name) if w not in LEGAL_FORM_WORDS)


def _numbers(core: str) -> list[str]:
    # "Thép Số 1" and "Thép Số 2" are different firms however alike the letters are.
    return [w for w in core.split() if w.isdigit()]


def likely_duplicates(
    new: Iterable[NamedFirm],
    existing: Iterable[NamedFirm],
    threshold: float = DEFAULT_THRESHOLD,
) -> list[DuplicatePair]:
    """Pairs (new, existing) in the same province whose core names score ``>= threshold``.

    New firms are also compared with each other. Each unordered pair is reported once, with
    ``a`` the new firm. Comparison is blocked by province, so cost grows with firms per province.
    """
    by_province: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for firm in existing:
        for n in firm.names:
            if c := core_name(n):
                by_province[firm.province].append((firm.key, c))
    best: dict[tuple[str, str], float] = {}
    for firm in new:
        pool = by_province[firm.province]
        choices = [c for _, c in pool]
        for n in firm.names:
            c = core_name(n)
            if not c or not choices:
                continue
            for match, score, idx in process.extract(
                c, choices, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
            ):
                other = pool[idx][0]
                if other != firm.key and _numbers(match) == _numbers(c):
                    pair = (firm.key, other)
                    best[pair] = max(best.get(pair, 0.0), float(score))
        for n in firm.names:
            if c := core_name(n):
                by_province[firm.province].append((firm.key, c))
    seen: set[frozenset[str]] = set()
    out = []
    for (a, b), score in sorted(best.items(), key=lambda kv: -kv[1]):
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            out.append(DuplicatePair(a, b, score))
    return out
