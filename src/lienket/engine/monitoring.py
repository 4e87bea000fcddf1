"""How a project stands: earned value, its schedule status, and this year's disbursement forecast.

Everything here is computed from plain values a caller passes in (no Django), in the project's
own currency, as of a date the caller names, so that a page, the report and the optimiser read
the same figures.

**Earned value.** ``budget`` is the project's total budget (its budget at completion).

- *Planned value* (PV) at a date is the budget times the share of the work the milestones plan
  done by then: each milestone carries a weight; its weight is planned to be earned evenly from
  the previous milestone's planned date (or the project's start) to its own planned date.
- *Earned value* (EV) is the budget times the physical progress last reported on or before the
  date; without a progress report, the weights of the milestones marked done by then.
- *Actual cost* (AC) is what has been disbursed by the date.
- SPI = EV / PV (schedule performance) and CPI = EV / AC (cost performance); each is "no data"
  when its denominator is zero or unknown.

**Status** (:func:`schedule_status`, the one rule every page uses): *behind* when SPI is below
``1 - SPI_BAND``, *ahead* when above ``1 + SPI_BAND``, *on schedule* between, and *no data* when
SPI cannot be computed (no milestones, nothing planned yet, no progress reported).

**Forecast of a year's disbursement** (:func:`year_forecast`): what was disbursed in the year up
to the date, plus the pace of the last ``PACE_DAYS`` days (disbursed in them, per day) times the
days left in the year. That is the project's capacity to disburse this year; the forecast with
a given allocation is the smaller of the allocation and the capacity. A year that has ended
forecasts what was disbursed; a year not yet begun has no forecast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

#: the band around SPI = 1 read as "on schedule"
SPI_BAND = 0.10
#: days of recent disbursement whose pace the forecast extends to the end of the year
PACE_DAYS = 182

BEHIND = "behind"
ON_SCHEDULE = "on_schedule"
AHEAD = "ahead"
NO_DATA = "no_data"


@dataclass(frozen=True)
class Milestone:
    planned: date
    weight: float
    done: date | None = None


@dataclass(frozen=True)
class Progress:
    on: date
    #: physical progress, 0 to 100
    percent: float


@dataclass(frozen=True)
class Payment:
    on: date
    amount: float


@dataclass(frozen=True)
class EarnedValue:
    on: date
    budget: float
    planned_value: float | None
    earned_value: float | None
    actual_cost: float
    spi: float | None
    cpi: float | None
    status: str


@dataclass(frozen=True)
class Forecast:
    year: int
    on: date
    allocation: float | None
    disbursed: float
    #: what the project can disburse in the year at its recent pace (None: the year has not begun)
    capacity: float | None
    forecast: float | None


def schedule_status(spi: float | None) -> str:
    """behind / on_schedule / ahead from the schedule performance index (see the module)."""
    if spi is None:
        return NO_DATA
    if spi < 1 - SPI_BAND:
        return BEHIND
    if spi > 1 + SPI_BAND:
        return AHEAD
    return ON_SCHEDULE


def planned_share(milestones: Sequence[Milestone], on: date, start: date | None = None) -> float:
    """The share (0 to 1) of the work the milestones plan done by ``on``."""
    total = sum(m.weight for m in milestones)
    if total <= 0:
        return 0.0
    earned = 0.0
    previous = start
    for m in sorted(milestones, key=lambda m: m.planned):
        if on >= m.planned:
            earned += m.weight
        elif previous is not None and on > previous:
            span = (m.planned - previous).days
            earned += m.weight * (on - previous).days / span if span > 0 else 0.0
        previous = m.planned
    return min(earned / total, 1.0)


def earned_share(
    milestones: Sequence[Milestone], progress: Iterable[Progress], on: date
) -> float | None:
    """Physical progress (0 to 1) last reported by ``on``; else milestones done by then."""
    reported = [p for p in progress if p.on <= on]
    if reported:
        last = max(reported, key=lambda p: p.on)
        return max(0.0, min(last.percent, 100.0)) / 100
    total = sum(m.weight for m in milestones)
    done = [m for m in milestones if m.done is not None and m.done <= on]
    if total <= 0 or not done:
        return None
    return sum(m.weight for m in done) / total


def earned_value(
    budget: float,
    milestones: Sequence[Milestone],
    progress: Iterable[Progress],
    payments: Iterable[Payment],
    on: date,
    start: date | None = None,
) -> EarnedValue:
    """Planned value, earned value, actual cost, SPI, CPI and the status as of ``on``."""
    actual = sum(p.amount for p in payments if p.on <= on)
    planned = budget * planned_share(milestones, on, start) if milestones and budget > 0 else None
    share = earned_share(milestones, progress, on)
    earned = budget * share if share is not None and budget > 0 else None
    spi = earned / planned if earned is not None and planned else None
    cpi = earned / actual if earned is not None and actual > 0 else None
    return EarnedValue(on, budget, planned, earned, actual, spi, cpi, schedule_status(spi))


def year_forecast(
    allocation: float | None, payments: Iterable[Payment], year: int, on: date
) -> Forecast:
    """This year's disbursement so far, the capacity at the recent pace, and the forecast."""
    payments = list(payments)
    first, last = date(year, 1, 1), date(year, 12, 31)
    disbursed = sum(p.amount for p in payments if first <= p.on <= min(on, last))
    if on < first:
        return Forecast(year, on, allocation, 0.0, None, None)
    if on >= last:
        capacity = disbursed
    else:
        recent = sum(p.amount for p in payments if 0 <= (on - p.on).days < PACE_DAYS)
        capacity = disbursed + recent / PACE_DAYS * (last - on).days
    expected = capacity if allocation is None else min(allocation, capacity)
    return Forecast(year, on, allocation, disbursed, capacity, expected)
