"""Place names in each language, province outlines and the logistics network."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from lienket.engine.logistics import Link, Place, estimated_link
from lienket.refdata.base import (
    Seaport,
    Zone,
    rows,
)
from lienket.refdata.geography import (
    border_gates,
    seaports,
    zones,
)
from lienket.refdata.places import (
    province,
)


def place_name(place: Any, lang: str) -> str:
    """The name of a place of the logistics network (a province, zone, gate or seaport) in
    ``lang``: the one gazetteer the map, the route finder and the pages share."""
    lang = lang[:2]
    if place.kind == "province":
        p = province(place.country, place.code)
        return p.names.get(lang) if p else place.name
    if place.kind == "zone":
        z = _zones_by_code().get(place.code)
        return z.names.get(lang) if z else place.name
    if place.kind == "port":
        s = _ports_by_code().get(place.code)
        return (s.name_vi or s.name) if s and lang in ("vi", "lo") else place.name
    return str(place.name)


@cache
def _zones_by_code() -> dict[str, Zone]:
    return {z.code: z for z in zones()}


@cache
def _ports_by_code() -> dict[str, Seaport]:
    return {s.code: s for s in seaports()}


def data_file(name: str) -> Path:
    """Path of a bundled data file (for loaders that stream it, such as the trade store)."""
    return Path(str(files(__package__).joinpath("data", name)))


@dataclass(frozen=True)
class ProvinceGeo:
    """A province's area-weighted centroid and its neighbours in the same country."""

    country: str
    code: str
    latitude: float
    longitude: float
    neighbours: tuple[str, ...]


@cache
def province_geo() -> dict[tuple[str, str], ProvinceGeo]:
    """Centroids and neighbours of the provinces of Viet Nam (2025 units) and Lao PDR."""
    return {
        (r["country"], r["code"]): ProvinceGeo(
            r["country"],
            r["code"],
            float(r["latitude"]),
            float(r["longitude"]),
            tuple(r["neighbours"].split()),
        )
        for r in rows("province_geo.csv")
    }


@cache
def map_outlines() -> dict[str, list[list[list[int]]]]:
    """Province outlines for the map: ``"VNM:01"`` -> rings of [lon, lat] in 0.01 degrees."""
    import json

    text = files(__package__).joinpath("data", "map_vn_la.json").read_text(encoding="utf-8")
    data: dict[str, list[list[list[int]]]] = json.loads(text)
    return data


def logistics_network() -> tuple[list[Any], list[Any]]:
    """Places and road links of the bundled network (see ``lienket.engine.logistics``).

    Provinces link to their neighbours in the same country, zones and ports to their
    province, and each border gate to the province on either side: the only way across.
    """

    places: dict[str, Place] = {}
    for (country, code), g in province_geo().items():
        p = province(country, code)
        name = p.names.en if p else code
        places[f"province:{country}:{code}"] = Place(
            f"province:{country}:{code}", "province", country, code, name, g.latitude, g.longitude
        )
    links = []
    done: set[frozenset[str]] = set()
    for (country, code), g in province_geo().items():
        for n in g.neighbours:
            pair = frozenset((f"province:{country}:{code}", f"province:{country}:{n}"))
            if pair not in done:
                done.add(pair)
                a, b = sorted(pair)
                links.append(estimated_link(places[a], places[b]))
    for z in zones():
        if z.latitude is None or z.longitude is None:
            continue
        place = Place(
            f"zone:{z.code}", "zone", z.country, z.code, z.names.en, z.latitude, z.longitude
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:{z.country}:{z.province}"]))
    for gate in border_gates():
        if gate.latitude is None or gate.longitude is None:
            continue
        name = f"{gate.vn_gate} – {gate.la_gate}"
        place = Place(
            f"gate:{gate.code}",
            "gate",
            "VNM",
            gate.code,
            name,
            gate.latitude,
            gate.longitude,
            gate.status == "international",
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:VNM:{gate.vn_province}"]))
        links.append(estimated_link(place, places[f"province:LAO:{gate.la_province}"]))
    for port in seaports():
        if port.latitude is None or port.longitude is None:
            continue
        place = Place(
            f"port:{port.code}", "port", "VNM", port.code, port.name, port.latitude, port.longitude
        )
        places[place.id] = place
        links.append(estimated_link(place, places[f"province:VNM:{port.province}"]))
    for r in rows("road_corridors.csv"):
        if r["a"] in places and r["b"] in places:
            links.append(Link(r["a"], r["b"], float(r["km"]), f"{r['road']}: {r['source']}"))
    return list(places.values()), links
