"""The partner finder and the match workflow, with their permissions."""

from __future__ import annotations

import pytest

from lienket.linkage.models import Match, MatchStatus
from lienket.registry.models import Relationship

pytestmark = pytest.mark.django_db


def test_suggestions_put_exact_suppliers_first_and_never_the_same_country(client_for, pair):
    f = pair["firms"]
    client = client_for(pair["users"]["tyre"])
    response = client.get(f"/partners/{f['tyre'].pk}/")
    rows = response.context["rows"]
    partners = [r["firm"].pk for r in rows]
    assert f["vn_rubber"].pk not in partners  # same country: never suggested
    assert partners[0] in (f["rubber"].pk, f["rubber2"].pk)
    assert f["coffee"].pk not in partners
    first = rows[0]["s"]
    assert first.role == "supplier" and first.parts["product"] == pytest.approx(0.25)
    assert "trade evidence absent" in first.notes
    # the description in Vietnamese and the Lao one name the same product (rubber)
    lao = next(r for r in rows if r["firm"].pk == f["rubber"].pk)
    assert lao["s"].parts["text"] > 0


def test_an_enterprise_user_opens_only_its_own_finder(client_for, pair):
    f = pair["firms"]
    client = client_for(pair["users"]["coffee"])
    assert client.get(f"/partners/{f['tyre'].pk}/").status_code == 403
    assert client.get("/partners/").status_code == 302
    assert client.get(f"/api/suggestions/{f['tyre'].pk}/").status_code == 403


def test_focal_points_open_their_own_countrys_firms(client_for, pair, vn_focal, la_focal, reader):
    f = pair["firms"]
    assert client_for(vn_focal).get(f"/partners/{f['tyre'].pk}/").status_code == 200
    assert client_for(la_focal).get(f"/partners/{f['tyre'].pk}/").status_code == 403
    assert client_for(reader).get(f"/partners/{f['tyre'].pk}/").status_code == 403


def shortlist(client, firm, partner):
    return client.post(f"/partners/{firm.pk}/", {"partner": partner.pk})


def test_workflow_from_shortlist_to_agreement(client_for, pair):
    f, u = pair["firms"], pair["users"]
    client = client_for(u["tyre"])
    response = shortlist(client, f["tyre"], f["rubber"])
    match = Match.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/matches/{match.pk}/"
    assert (match.supplier, match.buyer, match.status) == (
        f["rubber"],
        f["tyre"],
        MatchStatus.SHORTLISTED,
    )
    # the Lao firm's user sees it and acts on it
    other = client_for(u["rubber"])
    assert match.pk in [m.pk for m in other.get("/matches/").context["matches"]]
    for status in ("contacted", "met", "agreement"):
        other.post(f"/matches/{match.pk}/", {"status": status, "note": f"step {status}"})
    match.refresh_from_db()
    # one side alone does not make an agreement (issue 12): the buyer confirms too
    assert (match.status, match.supplier_agreed, match.buyer_agreed) == ("met", "rubber-user", "")
    assert not Relationship.objects.filter(supplier=f["rubber"], buyer=f["tyre"]).exists()
    buyer = client_for(u["tyre"])
    page = buyer.get(f"/matches/{match.pk}/").content.decode()
    assert "confirmed for the supplier by rubber-user" in page
    buyer.post(f"/matches/{match.pk}/", {"status": "agreement", "note": "step agreement"})
    match.refresh_from_db()
    assert match.status == MatchStatus.AGREEMENT
    assert match.buyer_agreed == "tyre-user"
    assert [e.status for e in match.events.all()] == [
        "shortlisted",
        "contacted",
        "met",
        "agreement",
    ]
    rel = Relationship.objects.get(supplier=f["rubber"], buyer=f["tyre"])
    assert match.relationship == rel


def test_a_third_enterprise_can_neither_see_nor_change_a_match(client_for, pair):
    f, u = pair["firms"], pair["users"]
    shortlist(client_for(u["tyre"]), f["tyre"], f["rubber"])
    match = Match.objects.get()
    third = client_for(u["coffee"])
    assert match.pk not in [m.pk for m in third.get("/matches/").context["matches"]]
    assert third.get(f"/matches/{match.pk}/").status_code == 403
    assert third.post(f"/matches/{match.pk}/", {"status": "declined"}).status_code == 403
    assert third.get("/api/matches/").json() == []
    match.refresh_from_db()
    assert match.status == MatchStatus.SHORTLISTED


def test_the_workflow_refuses_skipping_steps_and_bad_input(client_for, pair):
    f, u = pair["firms"], pair["users"]
    client = client_for(u["tyre"])
    shortlist(client, f["tyre"], f["rubber"])
    match = Match.objects.get()
    client.post(f"/matches/{match.pk}/", {"status": "agreement"})
    match.refresh_from_db()
    assert match.status == MatchStatus.SHORTLISTED and not Relationship.objects.exists()
    assert (
        client.post(
            f"/matches/{match.pk}/", {"status": "contacted", "date": "23/11/2026"}
        ).status_code
        == 400
    )
    client.post(f"/matches/{match.pk}/", {"status": "contacted", "date": "2001-01-01"})
    match.refresh_from_db()
    assert match.status == MatchStatus.SHORTLISTED  # a step cannot be dated before the last
    assert shortlist(client, f["tyre"], f["coffee"]).status_code == 400  # not a suggestion
    assert client.post(f"/partners/{f['tyre'].pk}/", {"partner": "x"}).status_code == 400


def test_batch_suggestions_to_xlsx_on_the_command_line(pair, tmp_path):
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from lienket.cli import app

    out = tmp_path / "suggestions.xlsx"
    result = CliRunner().invoke(app, ["suggest", str(out), "--k", "3"])
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:4] == ("enterprise_id", "enterprise", "country", "rank")
    tyre = [r for r in body if r[0] == pair["firms"]["tyre"].pk]
    assert tyre and all(r[6] == "LAO" for r in tyre)  # partners always across the border
    assert all(r[2] != r[6] for r in body)


def test_the_api_records_steps_for_the_two_enterprises_only(client_for, pair):
    f, u = pair["firms"], pair["users"]
    shortlist(client_for(u["tyre"]), f["tyre"], f["rubber"])
    match = Match.objects.get()
    third = client_for(u["coffee"])
    assert third.post(f"/api/matches/{match.pk}/steps/", {"status": "contacted"}).status_code == 403
    other = client_for(u["rubber"])
    assert other.post(f"/api/matches/{match.pk}/steps/", {"status": "met"}).status_code == 400
    response = other.post(
        f"/api/matches/{match.pk}/steps/", {"status": "contacted", "note": "by phone"}
    )
    assert response.status_code == 200 and response.json()["status"] == "contacted"
    assert other.get("/api/matches/").json()[0]["events"][-1]["note"] == "by phone"


def test_an_agreement_confirms_the_relationship_the_pair_already_has(client_for, pair):
    # issue 8 - it used to create a second relationship with an empty HS code
    f, u = pair["firms"], pair["users"]
    existing = Relationship.objects.create(
        supplier=f["rubber"], buyer=f["tyre"], hs_code="400129", since=2019
    )
    client = client_for(u["tyre"])
    shortlist(client, f["tyre"], f["rubber"])
    match = Match.objects.get()
    for status in ("contacted", "met", "agreement"):
        client.post(f"/matches/{match.pk}/", {"status": status})
    client_for(u["rubber"]).post(f"/matches/{match.pk}/", {"status": "agreement"})
    match.refresh_from_db()
    assert match.status == MatchStatus.AGREEMENT
    assert list(Relationship.objects.filter(supplier=f["rubber"], buyer=f["tyre"])) == [existing]
    assert match.relationship == existing
