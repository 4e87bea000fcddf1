"""Chains, partner finder, match workflow, pilot ranking, routes and the map."""

from lienket.linkage.views.chains import (
    WEIGHT_LABELS,
    chain_detail,
    chains,
)
from lienket.linkage.views.matches import (
    match_detail,
    match_list,
    partner_finder,
    partner_home,
)
from lienket.linkage.views.pilots import (
    pilot_project,
    pilots,
)
from lienket.linkage.views.routes import (
    MAP_WORDS,
    map_config,
    map_page,
    routes,
)

__all__ = [
    "MAP_WORDS",
    "WEIGHT_LABELS",
    "chain_detail",
    "chains",
    "map_config",
    "map_page",
    "match_detail",
    "match_list",
    "partner_finder",
    "partner_home",
    "pilot_project",
    "pilots",
    "routes",
]
