"""Routing on hand-made networks, checked against shortest paths computed by hand."""

from __future__ import annotations

import pytest

from lienket import refdata
from lienket.engine.logistics import Costs, Link, Network, Place, great_circle_km


def place(pid, kind="province", country="LAO", international=True):
    return Place(pid, kind, country, pid, pid, 0.0, 0.0, international)


def test_cheapest_route_by_hand():
    # A - B - D costs 10 + 10 km; A - C - D costs 5 + 30 km; A - D direct 40 km
    places = [place(x) for x in "ABCD"]
    links = [
        Link("A", "B", 10),
        Link("B", "D", 10),
        Link("A", "C", 5),
        Link("C", "D", 30),
        Link("A", "D", 40),
    ]
    net = Network(places, links, Costs(speed_kmh={"LAO": 40.0}, usd_per_tonne_km=0.1))
    route = net.route("A", "D", "km")
    assert [p.id for p in route.places] == ["A", "B", "D"]
    assert route.km == pytest.approx(20)
    assert route.hours == pytest.approx(0.5)
    assert route.usd == pytest.approx(2.0)


def test_gates_add_time_and_fees_and_weight_changes_the_route():
    places = [
        place("la"),
        place("vn", country="VNM"),
        place("g1", "gate", "VNM", False),
        place("g2", "gate", "VNM", True),
    ]
    links = [Link("la", "g1", 50), Link("g1", "vn", 50), Link("la", "g2", 80), Link("g2", "vn", 80)]
    costs = Costs(
        speed_kmh={"LAO": 50.0, "VNM": 50.0},
        gate_hours_international=1.0,
        gate_hours_other=8.0,
        usd_per_tonne_km=0.1,
        gate_usd_per_tonne=10.0,
    )
    net = Network(places, links, costs)
    by_km = net.route("la", "vn", "km")
    assert [p.id for p in by_km.gates] == ["g1"] and by_km.km == 100
    assert by_km.hours == pytest.approx(2 + 8)  # 100 km at 50 km/h plus the slow gate
    by_time = net.route("la", "vn", "hours")
    assert [p.id for p in by_time.gates] == ["g2"]
    assert by_time.hours == pytest.approx(160 / 50 + 1)
    assert by_time.usd == pytest.approx(16 + 10)


def test_unconnected_and_unknown_places():
    net = Network([place("A"), place("B")], [])
    assert net.route("A", "B") is None
    with pytest.raises(KeyError):
        net.route("A", "Z")
    with pytest.raises(ValueError, match="weight"):
        net.route("A", "B", "furlongs")
    with pytest.raises(ValueError, match="unknown place"):
        Network([place("A")], [Link("A", "Q", 1)])


def test_great_circle():
    # one degree of latitude is about 111.2 km
    assert great_circle_km(16.0, 106.0, 17.0, 106.0) == pytest.approx(111.2, abs=0.2)


def test_bundled_network_crosses_only_at_gates():
    places, links = refdata.logistics_network()
    net = Network(places, links)
    route = net.route("zone:savan-seno", "port:danang", "km")
    assert route is not None and route.gates
    assert route.gates[0].code == "laobao"
    for a, b in zip(route.places, route.places[1:], strict=False):
        if a.country != b.country:
            assert "gate" in (a.kind, b.kind)
    # every place is reachable from Vientiane
    assert all(net.route("province:LAO:LA-VT", p.id, "km") is not None for p in places)
