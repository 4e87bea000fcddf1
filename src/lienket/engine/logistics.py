"""The logistics network: provinces, zones, border gates and seaports joined by road links.

Nodes carry coordinates; links carry a road distance in km. Where no surveyed road distance is
known, a link's distance is the great-circle distance times a circuity factor (1.3 for lowland
Viet Nam, 1.5 for mountainous Lao PDR and the border crossings) — a standard approximation of
road over straight-line distance; the source of every link is kept on it.

Time and cost follow from distance: an average truck speed per country and a fixed crossing
time at each border gate (longer where a gate is not international), a cost per
tonne-kilometre and a fixed handling charge at each gate. The defaults are stated in
:class:`Costs` and can be replaced. Routing is Dijkstra's algorithm (networkx) on the chosen
weight: ``km``, ``hours`` or ``usd`` (per tonne).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

WEIGHTS = ("km", "hours", "usd")


@dataclass(frozen=True)
class Place:
    """A node: ``kind`` is province, zone, gate or port; ``id`` is ``kind:code``."""

    id: str
    kind: str
    country: str
    code: str
    name: str
    latitude: float
    longitude: float
    international: bool = True


@dataclass(frozen=True)
class Link:
    """An undirected road link with its distance and where that distance comes from."""

    a: str
    b: str
    km: float
    source: str = "great-circle x circuity"


@dataclass(frozen=True)
class Costs:
    """Assumptions turning distance into time and money (per tonne of freight)."""

    speed_kmh: dict[str, float] = field(default_factory=lambda: {"VNM": 45.0, "LAO": 35.0})
    gate_hours_international: float = 3.0
    gate_hours_other: float = 6.0
    usd_per_tonne_km: float = 0.08
    gate_usd_per_tonne: float = 12.0


@dataclass(frozen=True)
class Route:
    """A route between two places: the places passed, and its length, time and cost."""

    places: tuple[Place, ...]
    km: float
    hours: float
    usd: float
    weight: str
    gates: tuple[Place, ...]


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def circuity(a: Place, b: Place) -> float:
    """Road-over-straight-line factor: 1.3 in Viet Nam, 1.5 where Lao PDR or a gate is involved."""
    if a.country == b.country == "VNM" and "gate" not in (a.kind, b.kind):
        return 1.3
    return 1.5


def estimated_link(a: Place, b: Place) -> Link:
    km = great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude) * circuity(a, b)
    return Link(a.id, b.id, round(km, 1))


class Network:
    """A routable network of places and links (undirected)."""

    def __init__(self, places: Iterable[Place], links: Iterable[Link], costs: Costs | None = None):
        self.costs = costs or Costs()
        self.places = {p.id: p for p in places}
        self.graph = nx.Graph()
        for p in self.places.values():
            self.graph.add_node(p.id)
        for link in links:
            if link.a not in self.places or link.b not in self.places:
                raise ValueError(f"link {link.a} - {link.b} names an unknown place")
            self.graph.add_edge(link.a, link.b, **self._weights(link))

    def _weights(self, link: Link) -> dict[str, float | str]:
        a, b = self.places[link.a], self.places[link.b]
        c = self.costs
        speed = min(c.speed_kmh.get(a.country, 40.0), c.speed_kmh.get(b.country, 40.0))
        hours = link.km / speed
        usd = link.km * c.usd_per_tonne_km
        # half of a gate's crossing time and fee on each of its two links
        for end in (a, b):
            if end.kind == "gate":
                gate_h = c.gate_hours_international if end.international else c.gate_hours_other
                hours += gate_h / 2
                usd += c.gate_usd_per_tonne / 2
        return {"km": link.km, "hours": hours, "usd": usd, "source": link.source}

    def route(self, origin: str, destination: str, weight: str = "usd") -> Route | None:
        """The cheapest route by ``weight``; ``None`` if the two places are not connected."""
        if weight not in WEIGHTS:
            raise ValueError(f"weight must be one of {WEIGHTS}")
        for end in (origin, destination):
            if end not in self.places:
                raise KeyError(end)
        try:
            path = nx.dijkstra_path(self.graph, origin, destination, weight=weight)
        except nx.NetworkXNoPath:
            return None
        totals = dict.fromkeys(WEIGHTS, 0.0)
        for u, v in itertools.pairwise(path):
            edge = self.graph.edges[u, v]
            for w in WEIGHTS:
                totals[w] += float(edge[w])
        places = tuple(self.places[p] for p in path)
        gates = tuple(p for p in places if p.kind == "gate")
        return Route(places, totals["km"], totals["hours"], totals["usd"], weight, gates)

    def costs_from(
        self, origins: Sequence[str], weight: str = "usd"
    ) -> dict[str, dict[str, float]]:
        """Cheapest cost from each origin to every reachable place (for batch scoring)."""
        return {
            o: dict(nx.single_source_dijkstra_path_length(self.graph, o, weight=weight))
            for o in origins
        }
