"""The map's own GeoJSON: provinces of both countries, Viet Nam's Hoàng Sa and Trường Sa
archipelagos, zones, border gates and seaports, every name in the reader's language; and the
layers that come from the database (enterprises and projects by province). No tile server: the
browser draws these features with the vendored Leaflet, and the page works offline.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any

from lienket import refdata

#: the archipelagos' names as Viet Nam's maps write them, in the three languages
ARCHIPELAGOS = {
    "hoangsa": {
        "vi": "Quần đảo Hoàng Sa (Đà Nẵng)",
        "lo": "ໝູ່ເກາະຮວງຊາ (ດານັງ, ຫວຽດນາມ)",
        "en": "Hoang Sa (Paracel) archipelago (Da Nang, Viet Nam)",
    },
    "truongsa": {
        "vi": "Quần đảo Trường Sa (Khánh Hòa)",
        "lo": "ໝູ່ເກາະເຈື່ອງຊາ (ຄັງຮວາ, ຫວຽດນາມ)",
        "en": "Truong Sa (Spratly) archipelago (Khanh Hoa, Viet Nam)",
    },
}
SEA = {"vi": "Biển Đông", "lo": "ທະເລຕາເວັນອອກ", "en": "East Sea"}
ISLAND_RADIUS = 0.06  # degrees: an island is drawn as a small hexagon, visible at any zoom


def _names(names: refdata.Names) -> dict[str, str]:
    return {"name_en": names.en, "name_vi": names.vi or names.en, "name_lo": names.lo or names.en}


def _feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]}


def _hexagon(lon: float, lat: float, r: float = ISLAND_RADIUS) -> list[list[float]]:
    import math

    ring = [
        [
            round(lon + r * math.cos(math.pi * k / 3), 4),
            round(lat + r * math.sin(math.pi * k / 3), 4),
        ]
        for k in range(6)
    ]
    return [*ring, ring[0]]


@lru_cache(maxsize=1)
def _islands() -> dict[str, tuple[dict[str, str], ...]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for r in refdata.rows("islands_vnm.csv"):
        grouped.setdefault(r["archipelago"], []).append(r)
    return {k: tuple(v) for k, v in grouped.items()}


def archipelagos() -> list[dict[str, Any]]:
    """Hoàng Sa and Trường Sa: each a feature of its islands (as small polygons), with its name
    in vi/lo/en, and a label point."""
    out = []
    for code, names in ARCHIPELAGOS.items():
        rows = _islands().get(code, ())
        polygons = [[_hexagon(float(r["longitude"]), float(r["latitude"]))] for r in rows]
        out.append(
            _feature(
                {"type": "MultiPolygon", "coordinates": polygons},
                kind="archipelago", code=code, country="VNM",
                name_vi=names["vi"], name_lo=names["lo"], name_en=names["en"],
                islands=[{"vi": r["island_vi"], "en": r["island_en"]} for r in rows],
            )
        )  # fmt: skip
    return out


def base(lang: str) -> str:
    """The reference layers as a GeoJSON FeatureCollection with ``name`` in ``lang``."""
    return collection(lang, [])


def collection(lang: str, extra: list[dict[str, Any]]) -> str:
    """The reference layers and ``extra`` features as GeoJSON text; the reference part is
    serialised once per language and shared (a string: immutable between threads)."""
    parts = [_base_features(lang), *(json.dumps(f, ensure_ascii=False) for f in extra)]
    return '{"type": "FeatureCollection", "features": [' + ", ".join(parts) + "]}"


@lru_cache(maxsize=4)
def _base_features(lang: str) -> str:
    """The reference features of ``lang`` as comma-separated GeoJSON text."""
    features: list[dict[str, Any]] = []
    for key, rings in sorted(refdata.map_outlines().items()):
        country, code = key.split(":", 1)
        p = refdata.province(country, code)
        if p is None:
            continue
        polygons = [[[[x / 100, y / 100] for x, y in ring]] for ring in rings]
        features.append(
            _feature(
                {"type": "MultiPolygon", "coordinates": polygons},
                kind="province", country=country, code=code, name=p.names.get(lang),
                **_names(p.names),
            )
        )  # fmt: skip
    for f in archipelagos():
        f["properties"]["name"] = f["properties"][f"name_{lang}"]
        features.append(f)
    features.append(_feature(_point(112.8, 13.5), kind="sea", name=SEA[lang],
                             name_vi=SEA["vi"], name_lo=SEA["lo"], name_en=SEA["en"]))  # fmt: skip
    places, _links = refdata.logistics_network()
    for place in places:
        if place.kind == "province":
            continue
        features.append(
            _feature(
                _point(place.longitude, place.latitude),
                kind=place.kind, code=place.code, country=place.country,
                name=refdata.place_name(place, lang), id=place.id,
            )
        )  # fmt: skip
    return ", ".join(json.dumps(f, ensure_ascii=False) for f in features)


def counted_by_province(rows: list[tuple[str, str]], lang: str, kind: str) -> list[dict[str, Any]]:
    """Point features at province centroids, one per province, with how many rows fall there."""
    geo = refdata.province_geo()
    out = []
    for (country, code), n in sorted(Counter(rows).items()):
        g = geo.get((country, code))
        p = refdata.province(country, code)
        if g is None or p is None:
            continue
        out.append(
            _feature(_point(g.longitude, g.latitude), kind=kind, country=country, code=code,
                     name=p.names.get(lang), count=n)
        )  # fmt: skip
    return out
