"""Issue 24: the three causes of the server errors schemathesis found (all checks, 50 examples)."""

from __future__ import annotations

import pytest

from lienket.linkage.models import Match

pytestmark = pytest.mark.django_db


def test_the_api_sets_stages(client_for, registry, steward):
    vn = registry["vn"]
    answer = client_for(steward).patch(
        f"/api/enterprises/{vn.pk}/", {"stages": ["design", "processing"]},
        content_type="application/json",
    )  # fmt: skip
    assert answer.status_code == 200, answer.content
    assert answer.json()["stages"] == ["processing", "design"]  # in the chain's order
    vn.refresh_from_db()
    assert vn.stages == "processing design"
    bad = client_for(steward).patch(f"/api/enterprises/{vn.pk}/", {"stages": ["mining"]},
                                    content_type="application/json")  # fmt: skip
    assert bad.status_code == 400 and "stages" in bad.json()


@pytest.mark.parametrize("body", ["[1, 2]", '"contacted"', "7", "null"])
def test_a_match_step_whose_body_is_not_an_object_is_a_400(client_for, pair, body):
    f, u = pair["firms"], pair["users"]
    match = Match.objects.create(supplier=f["rubber"], buyer=f["tyre"], status="shortlisted")
    answer = client_for(u["tyre"]).post(f"/api/matches/{match.pk}/steps/", body,
                                        content_type="application/json")  # fmt: skip
    assert answer.status_code == 400
    match.refresh_from_db()
    assert match.status == "shortlisted"


@pytest.mark.parametrize("year", [str(2**40), "-99999999999", "1899", "2101"])
def test_a_year_out_of_range_is_a_400_naming_it(client_for, steward, year):
    for path in ("/api/trade/chains/", "/api/trade/linkage/", "/api/trade/potential/"):
        answer = client_for(steward).get(path, {"year": year})
        assert answer.status_code == 400 and "year" in answer.json()["detail"]
