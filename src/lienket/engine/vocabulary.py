"""The codes every floor shares, defined once, on the lowest floor (issue 25): value-chain
stages in the chain's order and the size classes of firms. Their labels in each language live
in ``lienket.core.vocabulary``; refdata and the apps import these."""

from __future__ import annotations

from collections.abc import Iterable

#: the stages of a value chain, from raw material to the buyer, in that order
STAGES = ("raw_material", "processing", "manufacturing", "design", "distribution")
#: the size classes of the SME laws, smallest first; "unknown" when figures are missing
SIZE_CLASSES = ("micro", "small", "medium", "large", "unknown")
#: the classes that can be compared (ranked by size)
RANKED_SIZES = SIZE_CLASSES[:4]


def stage_words(stages: Iterable[str]) -> str:
    """Stages as a firm stores them: known codes once each, in the chain's order, by spaces."""
    chosen = set(stages)
    return " ".join(s for s in STAGES if s in chosen)
