"""Earned value, the status rule and the year's forecast, on cases worked by hand."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lienket.engine import monitoring as m


def test_the_status_rule_has_a_band_around_one():
    assert m.schedule_status(None) == m.NO_DATA
    assert m.schedule_status(0.89) == m.BEHIND
    assert m.schedule_status(0.9) == m.ON_SCHEDULE
    assert m.schedule_status(1.1) == m.ON_SCHEDULE
    assert m.schedule_status(1.11) == m.AHEAD


def test_planned_value_accrues_evenly_between_milestones():
    stones = [m.Milestone(date(2025, 1, 31), 40), m.Milestone(date(2025, 12, 31), 60)]
    start = date(2025, 1, 1)
    assert m.planned_share(stones, date(2024, 12, 1), start) == 0
    assert m.planned_share(stones, date(2025, 1, 31), start) == pytest.approx(0.4)
    # halfway (167 of 334 days) from the first to the second milestone
    halfway = date(2025, 7, 17)
    assert m.planned_share(stones, halfway, start) == pytest.approx(0.4 + 0.6 * 167 / 334)
    assert m.planned_share(stones, date(2026, 6, 1), start) == 1


def test_earned_value_by_hand():
    stones = [m.Milestone(date(2025, 6, 30), 50), m.Milestone(date(2025, 12, 31), 50)]
    progress = [m.Progress(date(2025, 3, 1), 10), m.Progress(date(2025, 6, 30), 40)]
    pay = [m.Payment(date(2025, 2, 1), 200), m.Payment(date(2025, 6, 1), 300)]
    ev = m.earned_value(1000, stones, progress, pay, date(2025, 6, 30))
    # PV 500 (first milestone due), EV 400 (40 %), AC 500
    assert (ev.planned_value, ev.earned_value, ev.actual_cost) == (500, 400, 500)
    assert ev.spi == pytest.approx(0.8)
    assert ev.cpi == pytest.approx(0.8)
    assert ev.status == m.BEHIND


def test_without_progress_reports_done_milestones_are_earned():
    stones = [m.Milestone(date(2025, 6, 30), 30, done=date(2025, 5, 1)),
              m.Milestone(date(2025, 12, 31), 70, done=date(2025, 6, 15))]  # fmt: skip
    ev = m.earned_value(100, stones, [], [], date(2025, 6, 30))
    assert ev.earned_value == 100 and ev.planned_value == 30
    assert ev.status == m.AHEAD
    assert ev.cpi is None  # nothing disbursed: no cost performance


def test_no_milestones_means_no_data():
    ev = m.earned_value(100, [], [m.Progress(date(2025, 1, 1), 50)], [], date(2025, 6, 1))
    assert ev.spi is None and ev.status == m.NO_DATA


def test_the_forecast_extends_the_recent_pace_to_the_end_of_the_year():
    pay = [m.Payment(date(2025, 3, 1), 91), m.Payment(date(2025, 9, 1), 91),
           m.Payment(date(2024, 12, 1), 1000)]  # fmt: skip
    f = m.year_forecast(200, pay, 2025, date(2025, 10, 1))
    assert f.disbursed == 182
    # 91 in the last 182 days: 0.5 a day for the 91 days to 31 December
    assert f.capacity == pytest.approx(182 + 0.5 * 91)
    assert f.forecast == pytest.approx(200)
    assert m.year_forecast(300, pay, 2025, date(2025, 10, 1)).forecast == pytest.approx(227.5)
    ended = m.year_forecast(300, pay, 2025, date(2026, 2, 1))
    assert ended.capacity == ended.forecast == 182
    assert m.year_forecast(300, pay, 2027, date(2026, 2, 1)).forecast is None


@given(
    st.lists(st.tuples(st.integers(0, 700), st.floats(0, 1e6)), max_size=20),
    st.integers(0, 700),
    st.floats(0, 1e7),
)
def test_the_forecast_is_never_below_what_was_disbursed_nor_above_the_allocation(
    payments, day, allocation
):
    start = date(2025, 1, 1)
    pay = [m.Payment(date.fromordinal(start.toordinal() + d), a) for d, a in payments]
    on = date.fromordinal(start.toordinal() + day)
    f = m.year_forecast(allocation, pay, 2025, on)
    assert f.capacity is not None and f.capacity >= f.disbursed - 1e-6
    assert f.forecast is not None and f.forecast <= allocation
