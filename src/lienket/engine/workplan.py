"""Where a work plan stands: the state of each activity on a day, and the plan's progress by side.

The rule, in one function (:func:`state`), as the cooperation pages and the report print it:

* **done** — marked done on or before the day;
* **cancelled** — dropped by the working group (counted apart, never as late);
* **late** — not done and its due date has passed; or, while it runs, its last reported
  progress is more than ``LAG`` percentage points behind the share of its time that has gone;
* **on track** — started (its start date has come) and not late;
* **not started** — its start date is still to come.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

DONE, LATE, ON_TRACK, NOT_STARTED, CANCELLED = (
    "done",
    "late",
    "on_track",
    "not_started",
    "cancelled",
)
STATES = (DONE, ON_TRACK, LATE, NOT_STARTED, CANCELLED)
#: how far (percentage points) reported progress may trail the time elapsed before "late"
LAG = 25.0


@dataclass(frozen=True)
class Item:
    """One activity as the rule sees it."""

    side: str
    start: date
    due: date
    done_on: date | None = None
    cancelled: bool = False
    #: the last reported progress (0–100) on or before the day, if any
    percent: float | None = None


def elapsed_share(item: Item, on: date) -> float:
    """The share (0–100) of the activity's time that has gone by ``on``."""
    span = (item.due - item.start).days
    if span <= 0:
        return 100.0 if on >= item.due else 0.0
    return max(0.0, min(100.0, 100.0 * (on - item.start).days / span))


def state(item: Item, on: date) -> str:
    """The activity's state on ``on`` by the rule in this module's docstring."""
    if item.cancelled:
        return CANCELLED
    if item.done_on is not None and item.done_on <= on:
        return DONE
    if on > item.due:
        return LATE
    if on < item.start:
        return NOT_STARTED
    if item.percent is not None and elapsed_share(item, on) - item.percent > LAG:
        return LATE
    return ON_TRACK


@dataclass(frozen=True)
class Summary:
    """Counts of activities by state for one side (or all), and the share done."""

    side: str
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for s, n in self.counts if s != CANCELLED)

    def count(self, which: str) -> int:
        return dict(self.counts).get(which, 0)

    @property
    def done_share(self) -> float | None:
        """Done as a share (0–100) of the activities not cancelled; None when there are none."""
        return None if self.total == 0 else 100.0 * self.count(DONE) / self.total


def progress(items: Iterable[Item], on: date, all_label: str = "all") -> list[Summary]:
    """The plan's progress on ``on``: one summary per side (in first-seen order), then all."""
    by_side: dict[str, dict[str, int]] = {}
    overall = dict.fromkeys(STATES, 0)
    for item in items:
        s = state(item, on)
        side = by_side.setdefault(item.side, dict.fromkeys(STATES, 0))
        side[s] += 1
        overall[s] += 1
    out = [Summary(side, tuple(counts.items())) for side, counts in by_side.items()]
    out.append(Summary(all_label, tuple(overall.items())))
    return out
