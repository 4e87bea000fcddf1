"""The map's own GeoJSON: Viet Nam with the Hoàng Sa and Trường Sa archipelagos, named in three
languages; every name in the reader's language; enterprise and project layers by province."""

from __future__ import annotations

import json

import pytest

from lienket.linkage import geo, maps


def _archipelagos(data):
    return {f["properties"]["code"]: f for f in data["features"]
            if f["properties"]["kind"] == "archipelago"}  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_hoang_sa_and_truong_sa_are_drawn_as_islands_and_named(lang):
    data = json.loads(geo.base(lang))
    found = _archipelagos(data)
    assert set(found) == {"hoangsa", "truongsa"}
    hoang, truong = found["hoangsa"]["properties"], found["truongsa"]["properties"]
    assert hoang["name_vi"] == "Quần đảo Hoàng Sa (Đà Nẵng)"
    assert truong["name_vi"] == "Quần đảo Trường Sa (Khánh Hòa)"
    assert "Paracel" in hoang["name_en"] and "Spratly" in truong["name_en"]
    assert "ຮວງຊາ" in hoang["name_lo"] and "ເຈື່ອງຊາ" in truong["name_lo"]
    assert hoang["name"] == hoang[f"name_{lang}"]
    for f in found.values():
        polygons = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "MultiPolygon" and len(polygons) >= 5
        lons = [x for poly in polygons for x, _y in poly[0]]
        lats = [y for poly in polygons for _x, y in poly[0]]
        assert min(lons) > 110 and max(lons) < 118 and min(lats) > 7 and max(lats) < 18
    # the islands lie in their seas: Hoàng Sa north of 15.5° N, Trường Sa south of 12° N
    assert min(y for p in found["hoangsa"]["geometry"]["coordinates"] for _x, y in p[0]) > 15.5
    assert max(y for p in found["truongsa"]["geometry"]["coordinates"] for _x, y in p[0]) < 12


def test_names_follow_the_readers_language():
    lao = json.loads(geo.base("lo"))
    names = {f["properties"]["code"]: f["properties"]["name"] for f in lao["features"]
             if f["properties"]["kind"] == "province"}  # fmt: skip
    assert names["01"] == "ຮ່າໂນ້ຍ" and names["LA-VT"].startswith("ນະຄອນຫຼວງ")
    vi = json.loads(geo.base("vi"))
    sea = next(f for f in vi["features"] if f["properties"]["kind"] == "sea")
    assert sea["properties"]["name"] == "Biển Đông"


def test_the_printed_map_carries_the_archipelagos_too():
    from django.utils import translation

    with translation.override("vi"):
        svg = maps.svg_map(None, "t")
    assert svg.count('class="archipelago"') == 2
    assert "Quần đảo Hoàng Sa" in svg and "Quần đảo Trường Sa" in svg and "Biển Đông" in svg


@pytest.mark.django_db
def test_the_data_endpoint_counts_enterprises_by_province(registry, client_for, reader):
    client = client_for(reader)
    response = client.get("/map/data.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    firms = [f for f in data["features"] if f["properties"]["kind"] == "enterprise"]
    assert sum(f["properties"]["count"] for f in firms) == 3
    client.logout()
    assert client.get("/map/data.geojson").status_code == 302


@pytest.mark.django_db
def test_the_map_page_says_how_many_firms_it_cannot_place(registry, client_for, reader):
    from lienket.registry.models import Enterprise

    Enterprise.objects.filter(pk=registry["cafe"].pk).update(province_code="")
    page = client_for(reader).get("/map/").content.decode()
    assert "1 enterprise has no province and is not counted on the map." in page
    data = client_for(reader).get("/map/data.geojson").json()
    firms = [f for f in data["features"] if f["properties"]["kind"] == "enterprise"]
    assert sum(f["properties"]["count"] for f in firms) == 2
