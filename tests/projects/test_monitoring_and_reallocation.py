"""Monitoring figures and the reallocation of a year's capital on the demo portfolio."""

from decimal import Decimal

import pytest

from lienket.engine import monitoring
from lienket.engine.errors import DataError
from lienket.projects import services
from lienket.projects.models import (
    Allocation,
    ExchangeRate,
    Project,
    ProposalStatus,
    Reallocation,
)
from tests.projects.conftest import AS_OF


def test_positions_give_planned_and_actual_by_year(portfolio):
    slow = Project.objects.get(code="DEMO-A01")  # paced at 55 % of its plan
    pos = services.positions(Project.objects.filter(pk=slow.pk), 2026, AS_OF)[0]
    assert pos.status == monitoring.BEHIND
    assert [y.year for y in pos.years] == [2023, 2024, 2025, 2026]
    line = pos.year
    assert line.allocation == Allocation.objects.get(project=slow, year=2026).amount
    assert 0 < line.disbursed < line.allocation
    assert pos.forecast.forecast <= float(line.allocation)


def test_a_proposal_keeps_the_total_and_gives_nothing_to_projects_behind(portfolio, steward):
    r = services.propose(2026, steward, on=AS_OF)
    lines = list(r.lines.all())
    assert r.status == ProposalStatus.PROPOSED and r.moved > 0
    assert r.forecast_after >= r.forecast_before
    assert abs(sum(x.after_converted for x in lines) - r.total) < Decimal("0.05")
    for x in lines:
        if x.behind:
            assert x.after <= x.before
        assert x.after_converted >= x.floor - Decimal("0.01")
    assert {"VND", "LAK"} <= {rate["currency"] for rate in r.rates}


def test_approval_writes_the_new_allocations_and_keeps_the_decision(
    portfolio, steward, vn_focal, la_focal
):
    r = services.propose(2026, steward, on=AS_OF)
    changed = [x for x in r.lines.all() if x.after != x.before]
    assert changed
    before = {x.pk: Allocation.objects.get(project=x.project, year=2026).amount for x in changed}
    services.decide(r, approve=True, by=vn_focal, note="agreed at the JWG")
    r.refresh_from_db()
    # issue 27: one side's approval is not enough; nothing is written yet
    assert r.status == ProposalStatus.PROPOSED
    assert all(Allocation.objects.get(project=x.project, year=2026).amount == before[x.pk]
               for x in changed)  # fmt: skip
    with pytest.raises(services.SideDecidedError):  # the same side cannot approve twice
        services.decide(r, approve=True, by=vn_focal)
    services.decide(r, approve=True, by=la_focal, note="agreed")
    r.refresh_from_db()
    assert r.status == ProposalStatus.APPROVED and r.decided_by == la_focal
    assert [(d.side, d.verdict) for d in r.decisions.all()] == [("VNM", "approve"),
                                                               ("LAO", "approve")]  # fmt: skip
    for x in changed:
        assert Allocation.objects.get(project=x.project, year=2026).amount == x.after
    with pytest.raises(services.StaleProposalError):
        services.decide(r, approve=False, by=vn_focal)


def test_a_refusal_by_either_side_rejects_and_comments_are_kept(
    portfolio, steward, vn_focal, la_focal, client_for
):
    r = services.propose(2026, steward, on=AS_OF)
    services.comment(r, vn_focal, "Please keep the school project whole.")
    services.decide(r, approve=True, by=vn_focal)
    services.decide(r, approve=False, by=la_focal, note="not before the joint inspection")
    r.refresh_from_db()
    assert r.status == ProposalStatus.REJECTED
    assert [d.verdict for d in r.decisions.all()] == ["comment", "approve", "refuse"]
    page = client_for(la_focal).get(f"/projects/reallocation/{r.pk}/").content.decode()
    assert "Please keep the school project whole." in page
    assert "not before the joint inspection" in page
    # the page: a comment from either side, one decision per side
    c = client_for(vn_focal)
    assert c.post(f"/projects/reallocation/{r.pk}/comment/", {"note": ""}).status_code == 400
    assert c.post(f"/projects/reallocation/{r.pk}/comment/", {"note": "noted"}).status_code == 302
    assert r.decisions.filter(verdict="comment").count() == 2


def test_a_proposal_whose_allocations_changed_is_not_approved(portfolio, steward, vn_focal):
    r = services.propose(2026, steward, on=AS_OF)
    a = Allocation.objects.filter(year=2026, project__kind="aid").first()
    a.amount += 1
    a.save()
    with pytest.raises(services.StaleProposalError):
        services.decide(r, approve=True, by=vn_focal)
    r.refresh_from_db()
    assert r.status == ProposalStatus.PROPOSED


def test_a_new_proposal_supersedes_the_open_one(portfolio, steward):
    first = services.propose(2026, steward, on=AS_OF)
    services.propose(2026, steward, on=AS_OF)
    first.refresh_from_db()
    assert first.status == ProposalStatus.SUPERSEDED


def test_a_dry_run_writes_nothing(portfolio, steward):
    r = services.propose(2026, steward, on=AS_OF, save=False)
    assert r.pk is None and r.preview_lines
    assert not Reallocation.objects.exists()


def test_a_currency_without_a_rate_is_named(portfolio, steward):
    ExchangeRate.objects.filter(currency="LAK").delete()
    with pytest.raises(DataError) as caught:
        services.propose(2026, steward, on=AS_OF)
    (error,) = caught.value.errors
    assert error.file == "DEMO-A07" and error.params["currency"] == "LAK"


def test_totals_keep_unconvertible_amounts_apart(portfolio):
    ExchangeRate.objects.filter(currency="JPY").delete()
    total = services.budget_total(Project.objects.filter(kind="aid"), AS_OF)
    assert "JPY" in total.unconverted and total.usd > 0
    assert "VND" in total.rates


# issue 24 - the focal point who proposed a reallocation approved it himself
def test_the_proposer_cannot_decide_his_own_proposal(portfolio, vn_focal, la_focal, client_for):
    r = services.propose(2026, vn_focal, on=AS_OF)
    with pytest.raises(services.OwnProposalError):
        services.decide(r, approve=True, by=vn_focal)
    with pytest.raises(services.OwnProposalError):
        services.decide(r, approve=False, by=vn_focal)
    c = client_for(vn_focal)
    page = c.get(f"/projects/reallocation/{r.pk}/")
    assert page.status_code == 200 and b'value="approve"' not in page.content
    answer = c.post(f"/projects/reallocation/{r.pk}/decide/", {"action": "approve"})
    assert answer.status_code == 403
    r.refresh_from_db()
    assert r.status == ProposalStatus.PROPOSED
    other = client_for(la_focal)
    assert b'value="approve"' in other.get(f"/projects/reallocation/{r.pk}/").content
    services.decide(r, approve=True, by=la_focal)
    r.refresh_from_db()  # the other side alone is not enough either (issue 27)
    assert r.status == ProposalStatus.PROPOSED
    assert [d.side for d in r.decisions.all()] == ["LAO"]
