"""The registry seen by the chain, matching and logistics engines; pilot-project ranking."""

from lienket.linkage.services.chains import (
    all_firms,
    chain_summary,
    chain_view,
    reaches_port,
)
from lienket.linkage.services.matches import (
    ConflictError,
    TransitionError,
    advance,
    agreement_sides,
    disclosure,
    set_disclosure,
)
from lienket.linkage.services.matching import (
    MATCHER_VIEWS,
    _matchers,
    matcher,
    matcher_builds,
    rca_lookup,
    requirements,
    shortlist,
    suggestions,
)
from lienket.linkage.services.pilots import (
    REGION_SCORE,
    Criterion,
    PilotCandidate,
    pilot_candidates,
    region_score,
)
from lienket.linkage.services.places import (
    DEFAULT_PARTS,
    network,
    place_of,
)

__all__ = [
    "DEFAULT_PARTS",
    "MATCHER_VIEWS",
    "REGION_SCORE",
    "ConflictError",
    "Criterion",
    "PilotCandidate",
    "TransitionError",
    "_matchers",
    "advance",
    "agreement_sides",
    "all_firms",
    "chain_summary",
    "chain_view",
    "disclosure",
    "matcher",
    "matcher_builds",
    "network",
    "pilot_candidates",
    "place_of",
    "rca_lookup",
    "reaches_port",
    "region_score",
    "requirements",
    "set_disclosure",
    "shortlist",
    "suggestions",
]
