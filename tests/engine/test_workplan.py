"""The work-plan progress rule, case by case, worked by hand."""

from datetime import date

import pytest

from lienket.engine import workplan as wp

START, DUE = date(2025, 1, 1), date(2025, 12, 31)


@pytest.mark.parametrize(
    ("item", "on", "state"),
    [
        (wp.Item("VNM", START, DUE), date(2024, 12, 31), wp.NOT_STARTED),
        (wp.Item("VNM", START, DUE), date(2025, 6, 1), wp.ON_TRACK),
        (wp.Item("VNM", START, DUE), date(2026, 1, 1), wp.LATE),
        (wp.Item("VNM", START, DUE, done_on=date(2025, 5, 1)), date(2026, 1, 1), wp.DONE),
        # done later than the day asked about: not done yet on that day
        (wp.Item("VNM", START, DUE, done_on=date(2025, 5, 1)), date(2025, 4, 1), wp.ON_TRACK),
        (wp.Item("VNM", START, DUE, cancelled=True), date(2026, 1, 1), wp.CANCELLED),
        # 1 July: 181 of 364 days gone = 49.7 %; 25 % reported trails by 24.7 points: on track
        (wp.Item("VNM", START, DUE, percent=25), date(2025, 7, 1), wp.ON_TRACK),
        # 20 % reported trails by 29.7 points: late
        (wp.Item("VNM", START, DUE, percent=20), date(2025, 7, 1), wp.LATE),
        (wp.Item("VNM", START, START), START, wp.ON_TRACK),
    ],
)
def test_state_rule(item, on, state):
    assert wp.state(item, on) == state


def test_progress_by_side_and_share_done():
    on = date(2025, 7, 1)
    items = [
        wp.Item("VNM", START, DUE, done_on=date(2025, 3, 1)),
        wp.Item("VNM", START, date(2025, 6, 30)),
        wp.Item("LAO", START, DUE),
        wp.Item("LAO", START, DUE, cancelled=True),
        wp.Item("joint", date(2025, 9, 1), DUE),
    ]
    vn, la, joint, total = wp.progress(items, on)
    assert (vn.side, vn.count(wp.DONE), vn.count(wp.LATE), vn.done_share) == ("VNM", 1, 1, 50.0)
    assert (la.count(wp.ON_TRACK), la.count(wp.CANCELLED), la.total, la.done_share) == (
        1,
        1,
        1,
        0.0,
    )
    assert joint.count(wp.NOT_STARTED) == 1
    assert total.side == "all" and total.total == 4 and total.done_share == 25.0
    assert wp.progress([], on)[0].done_share is None
