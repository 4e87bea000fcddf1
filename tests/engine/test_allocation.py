"""The reallocation optimiser: a hand-solved case, named refusals, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lienket.engine.allocation import Fence, Project, propose
from lienket.engine.errors import DataError

LATE = Project("hospital", 100, floor=30, capacity=40, behind=True, funder="VN", sector="health")
B = Project("school", 50, capacity=80, priority=1, funder="VN", sector="education")
C = Project("road", 50, capacity=100, priority=2, funder="ADB", sector="transport")


def after(proposal):
    return {m.id: m.after for m in proposal.moves}


def test_a_small_case_solved_by_hand():
    # The hospital can disburse 40 of its 100: 60 can move. The road (priority 2) takes 50,
    # all it can absorb; the school the remaining 10. Forecast disbursement 140 -> 200.
    p = propose([LATE, B, C])
    assert after(p) == {"hospital": 40, "school": 60, "road": 100}
    assert (p.forecast_before, p.forecast_after, p.moved) == (140, 200, 60)
    binding = {m.id: m.binding for m in p.moves}
    assert binding == {"hospital": "capacity", "school": "funds", "road": "capacity"}


def test_a_limit_on_change_and_a_project_that_can_disburse_keeps_its_money():
    p = propose([Project(**{**LATE.__dict__, "max_change": 40}), B, C])
    assert after(p) == {"hospital": 60, "school": 50, "road": 90}  # the school gives nothing
    assert {m.id: m.binding for m in p.moves}["hospital"] == "max_change"


def test_money_stays_inside_a_ring_fence():
    # Viet Nam's funds stay with Viet Nam's projects: the road (ADB) gets nothing.
    p = propose([LATE, B, C], [Fence("funder", "VN")])
    assert after(p) == {"hospital": 70, "school": 80, "road": 50}
    assert {m.id: m.binding for m in p.moves}["road"] == "funds"
    assert {m.id: m.binding for m in p.moves}["hospital"] == "fence"


def test_a_project_behind_schedule_never_receives():
    late_but_able = Project("bridge", 10, capacity=500, behind=True, priority=9)
    p = propose([LATE, late_but_able])
    assert after(p) == {"hospital": 100, "bridge": 10}
    assert {m.id: m.binding for m in p.moves} == {"hospital": "no_receiver", "bridge": "behind"}


@pytest.mark.parametrize(
    ("project", "fences", "field", "words"),
    [
        (Project("x", 10, floor=12, capacity=5), (), "floor", "below what it has disbursed"),
        (Project("x", 10, capacity=-1), (), "capacity", "not an amount of 0 or more"),
        (Project("x", float("nan")), (), "allocation", "not an amount"),
        (Project("x", 10, max_change=-5), (), "max_change", "not an amount"),
        (Project("x", 10), (Fence("funder", "JICA"),), "fence", "holds no project"),
        (Project("x", 10), (Fence("province", "Attapeu"),), "fence", "by funder or by sector"),
    ],
)
def test_contradictory_inputs_are_refused_naming_the_constraint(project, fences, field, words):
    with pytest.raises(DataError) as err:
        propose([project], fences)
    first = err.value.errors[0]
    assert first.field == field and words in first.text()


def test_the_same_project_twice_is_refused():
    with pytest.raises(DataError, match="given twice"):
        propose([B, B])


amount = st.floats(0, 1e9, allow_nan=False, allow_infinity=False)


@st.composite
def portfolios(draw):
    n = draw(st.integers(1, 25))
    projects = []
    for i in range(n):
        allocation = draw(amount)
        floor = draw(st.floats(0, 1)) * allocation
        projects.append(
            Project(
                id=f"p{i}",
                allocation=allocation,
                floor=floor,
                capacity=draw(amount),
                behind=draw(st.booleans()),
                max_change=draw(st.none() | amount),
                priority=draw(st.floats(0.1, 10)),
                funder=draw(st.sampled_from(["VN", "ADB", "JICA"])),
                sector=draw(st.sampled_from(["health", "energy"])),
            )
        )
    used = {p.funder for p in projects}
    fences = draw(st.lists(st.sampled_from(sorted(used)), max_size=2, unique=True))
    return projects, [Fence("funder", f) for f in fences]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_every_rule_holds_for_any_portfolio(case):
    projects, fences = case
    p = propose(projects, fences)
    scale = max(1.0, max(x.allocation for x in projects))
    tol = 1e-6 * scale
    new = after(p)
    # the total is kept, overall and in every ring-fence
    assert sum(new.values()) == pytest.approx(sum(x.allocation for x in projects), abs=tol)
    for f in fences:
        inside = [x for x in projects if x.funder == f.name]
        assert sum(new[x.id] for x in inside) == pytest.approx(
            sum(x.allocation for x in inside), abs=tol
        )
    for x in projects:
        change = new[x.id] - x.allocation
        assert new[x.id] >= x.floor - tol  # never below what is disbursed or committed
        if change > tol:
            assert not x.behind  # nothing moves to a project behind schedule
            assert new[x.id] <= x.capacity + tol  # within its absorptive capacity
        if change < -tol:
            assert new[x.id] >= min(x.allocation, max(x.floor, x.capacity)) - tol
        if x.max_change is not None:
            assert abs(change) <= x.max_change + tol
    # never worse than leaving everything unchanged
    assert p.forecast_after >= p.forecast_before - tol
