"""Projects pages for each role: who reads, who edits, who proposes and who approves."""

import pytest
from django.urls import reverse

from lienket.projects import services
from lienket.projects.models import Allocation, Project, ProposalStatus, Reallocation
from tests.projects.conftest import AS_OF

READ_PAGES = ["/projects/", "/projects/monitoring/?on=2026-11-23", "/projects/power/",
              "/projects/map/", "/projects/P04/", "/projects/DEMO-I01/?on=2026-11-23",
              "/projects/export.xlsx"]  # fmt: skip
AID_PAGES = ["/projects/D02/", "/projects/DEMO-A01/?on=2026-11-23", "/projects/reallocation/",
             "/projects/rates/", "/projects/?kind=aid", "/projects/iati/export.xml"]  # fmt: skip
EDIT_PAGES = [
    "/projects/new/?kind=aid",
    "/projects/P04/edit/",
    "/projects/import/",
    "/projects/iati/",
]


@pytest.mark.parametrize("page", READ_PAGES + AID_PAGES + EDIT_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, portfolio, page):
    response = client.get(page)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["steward", "vn_focal", "reader", "enterprise_user"])
@pytest.mark.parametrize("page", READ_PAGES)
def test_every_role_reads_projects(client_for, portfolio, request, persona, page):
    assert client_for(request.getfixturevalue(persona)).get(page).status_code == 200


@pytest.mark.parametrize("persona", ["steward", "la_focal", "reader"])
@pytest.mark.parametrize("page", AID_PAGES)
def test_aid_pages_are_read_by_government_roles(client_for, portfolio, request, persona, page):
    assert client_for(request.getfixturevalue(persona)).get(page).status_code == 200


@pytest.mark.parametrize(
    ("page", "status"),
    [("/projects/D02/", 404), ("/projects/DEMO-A01/?on=2026-11-23", 404),
     ("/projects/reallocation/", 403), ("/projects/rates/", 403), ("/projects/?kind=aid", 200),
     ("/projects/iati/export.xml", 403)],
)  # fmt: skip
def test_an_enterprise_user_sees_no_aid_data(client_for, portfolio, enterprise_user, page, status):
    response = client_for(enterprise_user).get(page)
    assert response.status_code == status
    assert b"vocational college" not in response.content  # an aid project's name
    listing = client_for(enterprise_user).get("/projects/?q=hospital").content.decode()
    assert "Friendship Hospital" not in listing
    assert "Investment project" in client_for(enterprise_user).get("/projects/").content.decode()


@pytest.mark.parametrize(("persona", "status"), [("steward", 200), ("vn_focal", 200),
                                                 ("reader", 403), ("enterprise_user", 403)])  # fmt: skip
@pytest.mark.parametrize("page", EDIT_PAGES)
def test_only_focal_points_and_stewards_edit(client_for, portfolio, request, persona, status, page):
    assert client_for(request.getfixturevalue(persona)).get(page).status_code == status


def test_a_reader_changes_nothing(client_for, portfolio, reader):
    c = client_for(reader)
    assert c.post("/projects/P04/edit/", {"name_en": "x"}).status_code == 403
    assert c.post("/projects/reallocation/", {"year": 2026}).status_code == 403
    assert c.post("/projects/rates/", {"currency": "VND"}).status_code == 403
    assert Project.objects.get(code="P04").name_en == "Monsoon Wind Power Project"
    assert not Reallocation.objects.exists()


def test_only_a_focal_point_approves(client_for, portfolio, steward, vn_focal, la_focal, reader):
    r = services.propose(2026, steward, on=AS_OF)
    url = reverse("reallocation-decide", args=[r.pk])
    for user in (steward, reader):
        assert client_for(user).post(url, {"action": "approve"}).status_code == 403
    r.refresh_from_db()
    assert r.status == ProposalStatus.PROPOSED
    response = client_for(vn_focal).post(url, {"action": "approve", "note": "JWG meeting"})
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.status == ProposalStatus.PROPOSED  # the Lao side's approval is awaited (issue 27)
    response = client_for(vn_focal).post(url, {"action": "approve"})
    assert response.status_code == 302 and r.decisions.count() == 1  # once per side
    response = client_for(la_focal).post(url, {"action": "approve", "note": "JWG meeting"})
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.status == ProposalStatus.APPROVED and r.decision_note == "JWG meeting"
    moved = next(x for x in r.lines.all() if x.after != x.before)
    assert Allocation.objects.get(project=moved.project, year=2026).amount == moved.after


def test_a_focal_point_proposes_from_the_page(client_for, portfolio, la_focal):
    response = client_for(la_focal).post("/projects/reallocation/?on=2026-11-23",
                                         {"year": 2026, "fence_sectors": ["health"]})  # fmt: skip
    assert response.status_code == 302
    r = Reallocation.objects.get()
    assert r.fences == [{"kind": "sector", "name": "health"}]
    page = client_for(la_focal).get(response["Location"]).content.decode()
    assert "DEMO-A01" in page or "Savannakhet" in page


def test_a_refused_proposal_names_the_project_and_keeps_the_form(client_for, portfolio, vn_focal):
    from lienket.projects.models import ExchangeRate

    ExchangeRate.objects.filter(currency="LAK").delete()
    response = client_for(vn_focal).post("/projects/reallocation/?on=2026-11-23", {"year": 2026})
    page = response.content.decode()
    assert response.status_code == 400
    assert "DEMO-A07" in page and "LAK" in page
    assert 'name="year"' in page  # the form is still there to try again
    assert not Reallocation.objects.exists()


def test_only_the_steward_keeps_the_rates(client_for, portfolio, steward, vn_focal):
    data = {"currency": "EUR", "valid_from": "2026-01-01", "usd_per_unit": "1.08",
            "source": "ECB reference rate"}  # fmt: skip
    assert client_for(vn_focal).post("/projects/rates/", data).status_code == 403
    assert client_for(steward).post("/projects/rates/", data).status_code == 302


def test_the_detail_page_shows_sources_and_both_values(client_for, cited, reader):
    page = client_for(reader).get("/projects/D02/").content.decode()
    assert "~497-500 VND billion" in page  # as published
    assert "vietnamplus.vn" in page and "2023-05-17" in page
    assert "21,320,000" in page  # the source's own USD figure, beside


def test_the_power_page_draws_the_capacity_and_reviews_tariffs(client_for, cited, reader):
    page = client_for(reader).get("/projects/power/?on=2026-11-23").content.decode()
    assert "<svg" in page and "8260" in page  # EVN's statement, side by side
    # Truong Son wind at 6.95 is above the 6.4 wind ceiling applying from 31 Dec 2025
    assert "above the ceiling" in page


def test_a_project_is_created_and_edited_through_the_form(client_for, portfolio, vn_focal):
    c = client_for(vn_focal)
    data = {"code": "NEW-1", "name_en": "Rice mill", "sector": "agriculture_processing",
            "status": "proposed", "country": "LAO", "province_code": "LA-SV",
            "currency": "USD", "budget": "1500000", "investor": ""}  # fmt: skip
    assert c.post("/projects/new/?kind=investment", data).status_code == 302
    p = Project.objects.get(code="NEW-1")
    assert p.kind == "investment" and p.budget == 1500000
    bad = c.post("/projects/new/?kind=investment", {**data, "code": "NEW-2", "currency": "",
                                                   "province_code": "44"})  # fmt: skip
    assert bad.status_code == 200 and not Project.objects.filter(code="NEW-2").exists()
    data["name_en"] = "Rice mill, phase 1"
    assert c.post("/projects/NEW-1/edit/", data).status_code == 302
    assert Project.objects.get(code="NEW-1").name_en == "Rice mill, phase 1"


def test_the_pages_speak_lao(client_for, portfolio, la_focal):
    c = client_for(la_focal)
    c.post("/i18n/setlang/", {"language": "lo"})
    page = c.get("/projects/monitoring/?on=2026-11-23").content.decode()
    assert "ໂຄງການ" in page


@pytest.mark.parametrize(("persona", "aid"), [("reader", True), ("la_focal", True),
                                              ("enterprise_user", False)])  # fmt: skip
def test_the_api_lists_projects_and_hides_aid_from_enterprises(
    client_for, portfolio, request, persona, aid
):
    c = client_for(request.getfixturevalue(persona))
    response = c.get("/api/projects/?kind=aid")
    assert response.status_code == 200
    assert (response.json()["count"] > 0) is aid
    assert c.get("/api/projects/P04/").json()["installed_mw"] == "600.00"
    assert c.get("/api/reallocations/").status_code == (200 if aid else 403)
    assert c.post("/api/projects/", {"code": "X"}).status_code in (403, 405)


def test_the_api_refuses_anonymous_visitors(client, portfolio):
    assert client.get("/api/projects/").status_code in (401, 403)
