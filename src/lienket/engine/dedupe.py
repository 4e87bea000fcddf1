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


#: a blocking key (a word, a pair of words, or a long word's first four letters) shared by more
#: firms than this in one province is too common to narrow the search ("xi", "mang" ...)
BLOCK_LIMIT = 500


def _keys(core: str) -> set[str]:
    """Blocking keys of a core name: its words, each pair of its words (two names that score
    90 on sorted words keep at least two words in common unless they are very short), and the
    first four letters of each long word (a typo near the end)."""
    words_ = sorted(set(core.split()))[:8]
    keys = set(words_) | {w[:4] + "*" for w in words_ if len(w) >= 5}
    keys |= {f"{a}|{b}" for i, a in enumerate(words_) for b in words_[i + 1 :]}
    return keys


class _Block:
    """The firms of one province, indexed by blocking key: a name is compared only with the
    names that share one of its keys, so the cost grows with the firms that share a word,
    not with the square of the province (issue 12)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, key: str, core: str) -> None:
        for k in _keys(core):
            self.index[k].append(len(self.entries))
        self.entries.append((key, core))

    def candidates(self, core: str) -> list[int]:
        postings = [p for k in _keys(core) if (p := self.index.get(k))]
        if not postings:
            return []
        usable = [p for p in postings if len(p) <= BLOCK_LIMIT]
        if not usable:  # every word is common: the rarest one still narrows it
            usable = [min(postings, key=len)]
        return sorted(set().union(*usable))


def likely_duplicates(
    new: Iterable[NamedFirm],
    existing: Iterable[NamedFirm],
    threshold: float = DEFAULT_THRESHOLD,
    stats: dict[str, int] | None = None,
) -> list[DuplicatePair]:
    """Pairs (new, existing) in the same province whose core names score ``>= threshold``.

    New firms are also compared with each other. Each unordered pair is reported once, with
    ``a`` the new firm. Comparison is blocked by province and, within it, by shared words or
    word beginnings (see :class:`_Block`); ``stats["compared"]`` counts the names scored.
    """
    blocks: dict[str, _Block] = defaultdict(_Block)
    for firm in existing:
        for n in firm.names:
            if c := core_name(n):
                blocks[firm.province].add(firm.key, c)
    best: dict[tuple[str, str], float] = {}
    compared = 0
    for firm in new:
        block = blocks[firm.province]
        cores = [c for n in firm.names if (c := core_name(n))]
        for c in cores:
            ids = block.candidates(c)
            compared += len(ids)
            choices = [block.entries[i][1] for i in ids]
            for match, score, idx in process.extract(
                c, choices, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
            ):
                other = block.entries[ids[idx]][0]
                if other != firm.key and _numbers(match) == _numbers(c):
                    pair = (firm.key, other)
                    best[pair] = max(best.get(pair, 0.0), float(score))
        for c in cores:
            block.add(firm.key, c)
    if stats is not None:
        stats["compared"] = compared
    seen: set[frozenset[str]] = set()
    out = []
    for (a, b), score in sorted(best.items(), key=lambda kv: -kv[1]):
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            out.append(DuplicatePair(a, b, score))
    return out
