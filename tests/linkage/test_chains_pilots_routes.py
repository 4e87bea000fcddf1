"""Chain pages, pilot ranking with editable weights, routes and the map."""

from __future__ import annotations

import pytest

from lienket import refdata
from lienket.engine.logistics import Network
from lienket.linkage.models import PilotProject, PilotWeights

pytestmark = pytest.mark.django_db

PAGES = [
    "/chains/",
    "/chains/agro/",
    "/pilots/",
    "/routes/",
    "/map/",
    "/api/pilots/",
    "/api/routes/?from=zone:savan-seno&to=port:danang",
]


@pytest.mark.parametrize("page", PAGES)
def test_logged_in_roles_read_and_visitors_do_not(client, client_for, pair, reader, page):
    anonymous = client.get(page)
    assert anonymous.status_code in (302, 401, 403)
    assert client_for(reader).get(page).status_code == 200


def test_chain_detail_shows_stages_gaps_and_paths(client_for, pair, reader):
    response = client_for(reader).get("/chains/agro/")
    body = response.content.decode()
    assert "Công ty Lốp xe Thử" in body
    stages = {row["stage"]: row["counts"] for row in response.context["matrix"]}
    assert stages["processing"] == [1, 3]  # Vietnamese rubber; three Lao processors
    assert any(g["gap"].kind == "stage" for g in response.context["gaps"])
    assert client_for(reader).get("/chains/nonsense/").status_code == 400


def test_pilot_weights_are_editable_by_focal_points_only(client_for, pair, reader, vn_focal):
    assert client_for(reader).post("/pilots/", {"advantage": "1"}).status_code == 403
    weights = dict.fromkeys(PilotWeights.CRITERIA, "0") | {"completeness": "1"}
    client = client_for(vn_focal)
    assert client.post("/pilots/", weights).status_code == 302
    ranking = client.get("/pilots/").context["candidates"]
    scores = [c.score for c in ranking]
    assert scores == sorted(scores, reverse=True)
    for c in ranking:
        explained = {x.key: x for x in c.criteria}
        assert c.score == pytest.approx(explained["completeness"].value)
        assert explained["advantage"].value is None and "absent" in explained["advantage"].evidence
    assert client.post("/pilots/", weights | {"region": "x"}).status_code == 400


def test_selecting_a_pilot_keeps_its_ranking_and_a_status_history(client_for, pair, vn_focal):
    client = client_for(vn_focal)
    first = client.get("/pilots/").context["candidates"][0]
    response = client.post("/pilots/", {"select": first.key})
    project = PilotProject.objects.get()
    assert response["Location"] == f"/pilots/projects/{project.pk}/"
    assert {x["criterion"] for x in project.explanation} == set(PilotWeights.CRITERIA)
    client.post(f"/pilots/projects/{project.pk}/", {"status": "preparing", "note": "site visit"})
    assert [e.status for e in project.events.all()] == ["selected", "preparing"]
    assert client.post("/pilots/", {"select": "no:such:candidate"}).status_code == 400


def test_route_api_matches_the_network(client_for, pair, reader):
    places, links = refdata.logistics_network()
    expected = Network(places, links).route("province:LAO:LA-VT", "port:vungang", "km")
    body = (
        client_for(reader)
        .get("/api/routes/", {"from": "province:LAO:LA-VT", "to": "port:vungang", "weight": "km"})
        .json()
    )
    assert body["km"] == pytest.approx(expected.km)
    assert body["gates"] == [g.id for g in expected.gates]
    assert (
        client_for(reader).get("/api/routes/", {"from": "x", "to": "port:vungang"}).status_code
        == 400
    )
    page = client_for(reader).get(
        "/routes/", {"from": "province:LAO:LA-VT", "to": "port:vungang", "weight": "hours"}
    )
    assert "<polyline" in page.content.decode()
    assert client_for(reader).get("/routes/", {"weight": "teleport"}).status_code == 400


def test_the_pilot_ranking_filters_by_chain_country_and_score(client_for, pair, reader):
    client = client_for(reader)
    everything = client.get("/pilots/").context
    chains = {c.chain for c in everything["candidates"]}
    assert chains
    chain = sorted(chains)[0]
    some = client.get("/pilots/", {"chain": chain}).context
    assert some["candidates"] and {c.chain for c in some["candidates"]} == {chain}
    assert some["page"].total < everything["page"].total or len(chains) == 1
    lao = client.get("/pilots/", {"country": "LAO"}).context["candidates"]
    assert all(c.country == "LAO" for c in lao)
    top = max(c.score for c in everything["candidates"])
    assert client.get("/pilots/", {"min_score": f"{top + 1}"}).context["candidates"] == []
    assert client.get("/pilots/", {"min_score": "many"}).status_code == 400
