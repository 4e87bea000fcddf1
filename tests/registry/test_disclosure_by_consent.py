"""Issue 24: a firm's private fields (tax id, workforce, figures, contacts) reach another
enterprise user only after both firms consented; no search, filter, export or error answers
anything about a hidden field."""

from __future__ import annotations

import pytest
from tests.conftest import make_firm

from lienket.linkage.models import Match, MatchStatus
from lienket.registry.models import Disclosure, Enterprise

pytestmark = pytest.mark.django_db

HIDDEN = "123456789012"  # the Lao limestone quarry's tax id (tests/conftest.py)


def _found_by_prefix(client, url: str, key: str, firm: Enterprise) -> list[str]:
    """The prefixes of the hidden tax id for which a search answers with ``firm``."""
    hits = []
    for n in range(1, len(HIDDEN) + 1):
        answer = client.get(url, {"q": HIDDEN[:n]})
        assert answer.status_code == 200
        ids = (
            [e["id"] for e in answer.json()["results"]]
            if key == "api"
            else [e.pk for e in answer.context["page"]]
        )
        if firm.pk in ids:
            hits.append(HIDDEN[:n])
    return hits


@pytest.mark.parametrize("url,key", [("/api/enterprises/", "api"), ("/enterprises/", "page")])
def test_the_tax_id_oracle_finds_nothing_for_an_enterprise_user(
    client_for, registry, enterprise_user, vn_focal, url, key
):
    la = registry["la"]
    # a focal point, who sees every tax id, finds the firm by any prefix (the probe works) ...
    assert len(_found_by_prefix(client_for(vn_focal), url, key, la)) == len(HIDDEN)
    # ... an enterprise user by none, and sorting or filtering by country changes nothing
    client = client_for(enterprise_user)
    assert _found_by_prefix(client, url, key, la) == []
    filtered = client.get(url, {"q": HIDDEN[:4], "country": "LAO"})
    ids = (
        [e["id"] for e in filtered.json()["results"]]
        if key == "api"
        else [e.pk for e in filtered.context["page"]]
    )
    assert la.pk not in ids
    # its own tax id it still finds
    own = client.get("/api/enterprises/", {"q": "0101234567"}).json()["results"]
    assert [e["id"] for e in own] == [registry["vn"].pk]
    # names are searched as before
    named = client.get("/api/enterprises/", {"q": "Phoukhiao"}).json()["results"]
    assert [e["id"] for e in named] == [la.pk] and named[0]["tax_id"] == ""


def test_an_enterprise_user_cannot_probe_tax_ids_by_editing_its_own(
    client_for, registry, enterprise_user
):
    vn = registry["vn"]
    make_firm("VNM", "Công ty Ẩn", "42", "0109999999")  # another Vietnamese firm, hidden
    client = client_for(enterprise_user)
    taken = client.patch(f"/api/enterprises/{vn.pk}/", {"tax_id": "0109999999"},
                         content_type="application/json")  # fmt: skip
    free = client.patch(f"/api/enterprises/{vn.pk}/", {"tax_id": "0108888888"},
                        content_type="application/json")  # fmt: skip
    assert taken.status_code == free.status_code == 400
    assert taken.json() == free.json()  # the same answer whether the tax id exists or not
    assert "already registered" not in taken.content.decode()
    assert "focal point" in taken.content.decode()
    form = client.get(f"/enterprises/{vn.pk}/edit/").context["form"]
    assert form.fields["tax_id"].disabled
    vn.refresh_from_db()
    assert vn.tax_id == "0101234567"


def _hidden(client, firm: Enterprise) -> bool:
    return client.get(f"/api/enterprises/{firm.pk}/").json()["private_hidden"]


def test_one_firm_alone_cannot_unlock_another(client_for, pair):
    f, u = pair["firms"], pair["users"]
    Enterprise.objects.filter(pk=f["rubber"].pk).update(tax_id="123456789099")
    tyre = client_for(u["tyre"])
    tyre.post(f"/partners/{f['tyre'].pk}/", {"partner": f["rubber"].pk})
    match = Match.objects.get()
    # the tyre maker steps the match on alone and consents: the partner stays hidden
    match.status = MatchStatus.CONTACTED
    match.save()
    tyre.post(f"/matches/{match.pk}/", {"disclose": "share"})
    assert Disclosure.objects.filter(firm=f["tyre"], to=f["rubber"]).exists()
    assert _hidden(tyre, f["rubber"])
    assert tyre.post(
        f"/api/matches/{match.pk}/disclosure/", {"share": True}, content_type="application/json"
    ).json() == {"id": match.pk, "supplier": False, "buyer": True}
    # it cannot consent for the other firm, by page or API
    assert not Disclosure.objects.filter(firm=f["rubber"]).exists()
    # the rubber processor consents: now each sees the other's private fields
    rubber = client_for(u["rubber"])
    page = rubber.get(f"/matches/{match.pk}/").content.decode()
    assert "Share our data with this partner" in page
    rubber.post(f"/matches/{match.pk}/", {"disclose": "share"})
    assert not _hidden(rubber, f["tyre"])
    tyre = client_for(u["tyre"])
    assert not _hidden(tyre, f["rubber"])
    assert tyre.get(f"/api/enterprises/{f['rubber'].pk}/").json()["tax_id"] == "123456789099"
    # a third firm sees neither
    coffee = client_for(u["coffee"])
    assert _hidden(coffee, f["rubber"]) and _hidden(coffee, f["tyre"])
    # withdrawn: hidden again
    rubber = client_for(u["rubber"])
    rubber.post(f"/matches/{match.pk}/", {"disclose": "revoke"})
    assert _hidden(client_for(u["tyre"]), f["rubber"])
    # consent again, then a declined match discloses nothing
    client_for(u["rubber"]).post(f"/matches/{match.pk}/", {"disclose": "share"})
    assert not _hidden(client_for(u["tyre"]), f["rubber"])
    client_for(u["tyre"]).post(f"/matches/{match.pk}/", {"status": "declined"})
    assert _hidden(client_for(u["tyre"]), f["rubber"])
    assert not Disclosure.objects.exists()


def test_a_third_firm_cannot_consent_on_a_match_it_cannot_see(client_for, pair):
    f, u = pair["firms"], pair["users"]
    client_for(u["tyre"]).post(f"/partners/{f['tyre'].pk}/", {"partner": f["rubber"].pk})
    match = Match.objects.get()
    coffee = client_for(u["coffee"])
    answer = coffee.post(
        f"/api/matches/{match.pk}/disclosure/", {"share": True}, content_type="application/json"
    )
    assert answer.status_code == 403
    assert coffee.post(f"/matches/{match.pk}/", {"disclose": "share"}).status_code == 403
    assert not Disclosure.objects.exists()


def test_no_one_confirms_both_sides_of_an_agreement(client_for, pair, steward):
    f = pair["firms"]
    # two firms without users: a steward speaks for each, but confirms one side only
    match = Match.objects.create(supplier=f["rubber2"], buyer=f["vn_rubber"], status="met")
    client = client_for(steward)
    client.post(f"/matches/{match.pk}/", {"status": "agreement"})
    match.refresh_from_db()
    assert match.status == MatchStatus.MET
    assert [bool(match.supplier_agreed), bool(match.buyer_agreed)].count(True) == 1
    client.post(f"/matches/{match.pk}/", {"status": "agreement"})
    match.refresh_from_db()
    assert match.status == MatchStatus.MET  # the same person cannot confirm the other side


def test_enterprise_users_searches_and_match_steps_are_rate_limited(
    client_for, pair, vn_focal, settings
):
    settings.LIENKET_ENTERPRISE_RATES = {"search": "5/minute", "match": "3/hour"}
    f, u = pair["firms"], pair["users"]
    tyre = client_for(u["tyre"])
    answers = [tyre.get("/api/enterprises/", {"q": "ro"}).status_code for _ in range(7)]
    assert answers == [200] * 5 + [429] * 2
    assert tyre.get("/enterprises/", {"q": "ro"}).status_code == 429
    assert tyre.get("/enterprises/").status_code == 200  # browsing without a search is not counted
    steps = [
        tyre.post(f"/partners/{f['tyre'].pk}/", {"partner": f["rubber"].pk}).status_code
        for _ in range(4)
    ]
    assert steps[:3] == [302, 302, 302] and steps[3] == 429
    # government roles are not limited by this rule
    focal = client_for(vn_focal)
    assert {focal.get("/api/enterprises/", {"q": "ro"}).status_code for _ in range(7)} == {200}


@pytest.mark.django_db(transaction=True)
def test_the_deployed_rate_limit_counts_are_shared_by_every_process():
    # the default cache is a database table: what one process counts, another sees
    from django.core.cache.backends.db import DatabaseCache
    from django.core.management import call_command

    from lienket.web import settings as project  # the deployment's, not the tests' LocMem

    assert project.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    call_command("createcachetable", "lienket_cache_test", verbosity=0)
    one, other = DatabaseCache("lienket_cache_test", {}), DatabaseCache("lienket_cache_test", {})
    one.add("lienket:rate:search:7:1", 0, 60)
    one.incr("lienket:rate:search:7:1")
    assert other.incr("lienket:rate:search:7:1") == 2
