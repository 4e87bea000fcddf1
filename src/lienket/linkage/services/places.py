"""Where a firm is on the logistics network."""

from __future__ import annotations

from functools import cache

from lienket import refdata
from lienket.engine.logistics import Network
from lienket.engine.matching import DEFAULT_WEIGHTS
from lienket.registry.models import Enterprise

DEFAULT_PARTS = tuple(DEFAULT_WEIGHTS)


@cache
def network() -> Network:
    places, links = refdata.logistics_network()
    return Network(places, links)


def place_of(enterprise: Enterprise) -> str:
    """The network place of a firm: its zone when the zone is on the map, else its province."""
    net = network()
    if enterprise.zone_id and f"zone:{enterprise.zone.code}" in net.places:
        return f"zone:{enterprise.zone.code}"
    node = f"province:{enterprise.country}:{enterprise.province_code}"
    return node if node in net.places else ""
