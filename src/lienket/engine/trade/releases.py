"""Releases of one published figure, and the checks a figure gets before and after it is kept.

A published figure (a ministry's "two-way trade in 2024: more than USD 2 billion, +32.8 %") is
often released more than once: a preliminary figure in January, a final one in March, a
correction. Every release is kept; the latest is the one used (``turnover`` rule 3) and the
earlier ones are shown with their difference from the release after them.

Two kinds of check, both pure arithmetic here; the trade app feeds them from the database:

- **Before a figure is kept** (``plausibility``): its value against the previous release of the
  same figure, the mirror figure (the partner's declaration of the same trade) and the same
  months of the year before. A ratio beyond ``factor`` either way — a "USD billion" typed for
  "USD million" is a factor of 1,000 — asks the person entering it to confirm.
- **Of every kept figure** (``stated_growth_differs``, ``total_outside_flows``): the growth a
  release states against the growth computed from the year before; a two-way total's stated
  growth against its two flows' (a sum's growth lies between its parts' growths).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Ratio of a new figure to a reference beyond which its entry asks for confirmation.
DEFAULT_JUMP_FACTOR = 3.0
#: How far (percentage points) a stated growth may differ from the computed one: releases
#: round growth to one decimal and values to the unit they print.
GROWTH_TOLERANCE_PP = 1.0


@dataclass(frozen=True)
class Release:
    """One release of a figure: its value in USD, when and where it was published."""

    value_usd: float
    published: str  # ISO date or ""
    label: str
    qualifier: str = ""
    stated_growth_pct: float | None = None
    key: int | None = None  # the caller's identifier (a database key)


@dataclass(frozen=True)
class Revision:
    """A release with its difference from the release before it (``None`` for the first)."""

    release: Release
    difference: float | None
    share: float | None  # difference / previous value
    latest: bool


def revisions(releases: Sequence[Release]) -> list[Revision]:
    """Releases in publication order (undated first, as the oldest), each with its difference
    from the one before; the last is the one in use."""
    ordered = sorted(releases, key=lambda r: (r.published, r.key or 0))
    out = []
    for i, r in enumerate(ordered):
        before = ordered[i - 1] if i else None
        diff = r.value_usd - before.value_usd if before else None
        share = diff / before.value_usd if before and before.value_usd else None
        out.append(Revision(r, diff, share, i == len(ordered) - 1))
    return out


@dataclass(frozen=True)
class Jump:
    """A new figure far from a reference: ``against`` is "previous_release", "mirror" or
    "previous_year"; ``ratio`` is new / reference."""

    against: str
    reference_usd: float
    label: str
    ratio: float


def jump(value_usd: float, reference_usd: float | None, factor: float) -> float | None:
    """The ratio ``value / reference`` when it lies beyond ``factor`` either way, else ``None``
    (no reference, or a zero one, is no jump)."""
    if reference_usd is None or reference_usd <= 0 or value_usd < 0:
        return None
    ratio = value_usd / reference_usd
    if ratio > factor or ratio < 1 / factor:
        return ratio
    return None


def plausibility(
    value_usd: float,
    references: Sequence[tuple[str, float | None, str]],
    factor: float = DEFAULT_JUMP_FACTOR,
) -> list[Jump]:
    """Each reference (kind, value in USD, label) the new value is implausibly far from."""
    out = []
    for against, ref, label in references:
        ratio = jump(value_usd, ref, factor)
        if ratio is not None and ref is not None:
            out.append(Jump(against, ref, label, ratio))
    return out


def stated_growth_differs(
    stated_pct: float | None,
    previous_usd: float | None,
    value_usd: float,
    tolerance_pp: float = GROWTH_TOLERANCE_PP,
) -> float | None:
    """The computed growth (%) when a release's stated growth differs from it by more than
    ``tolerance_pp``; ``None`` when they agree or there is nothing to compute from."""
    if stated_pct is None or previous_usd is None or previous_usd <= 0:
        return None
    computed = (value_usd / previous_usd - 1.0) * 100.0
    return computed if abs(computed - stated_pct) > tolerance_pp else None


def total_outside_flows(
    total_pct: float | None,
    exports_pct: float | None,
    imports_pct: float | None,
    tolerance_pp: float = 0.05,
) -> bool:
    """Whether a two-way total's growth lies outside the range of its two flows' growths (a
    sum of two positive parts grows between the slower and the faster of them)."""
    if total_pct is None or exports_pct is None or imports_pct is None:
        return False
    low, high = sorted((exports_pct, imports_pct))
    return total_pct < low - tolerance_pp or total_pct > high + tolerance_pp
