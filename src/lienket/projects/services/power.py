"""Power projects: capacity by year and the tariff review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lienket.core.models import Indicator, Target
from lienket.projects.models import (
    Project,
    Status,
    TariffCeiling,
)

COMMITTED = (Status.OPERATING, Status.AGREED, Status.UNDER_WAY)
#: the statements that publish the power-purchase target (MW by year)
#: statuses of aid projects that cannot receive reallocated capital
STOPPED = (Status.SUSPENDED, Status.CANCELLED)


@dataclass(frozen=True)
class CapacityYear:
    year: int
    operating: Decimal
    committed: Decimal

    @property
    def total(self) -> Decimal:
        return self.operating + self.committed


def capacity_by_year(plants: Sequence[Project], first: int, last: int) -> list[CapacityYear]:
    """Cumulative MW selling to Viet Nam (operating) and committed by agreement, by year.

    A plant counts from its commercial-operation (or target) year; plants without capacity or
    year are not counted (the page lists them).
    """
    out = []
    for y in range(first, last + 1):
        placed = [
            p
            for p in plants
            if p.installed_mw is not None
            and p.operation_year
            and p.operation_year <= y
            and p.status in COMMITTED
        ]
        operating = sum(
            (p.installed_mw for p in placed if p.status == Status.OPERATING), Decimal(0)
        )
        committed = sum(
            (p.installed_mw for p in placed if p.status != Status.OPERATING), Decimal(0)
        )
        out.append(CapacityYear(y, operating, committed))
    return out


@dataclass(frozen=True)
class TariffLine:
    project: Project
    ceiling: TariffCeiling | None
    above: bool | None
    agreement_end: int | None
    expiring: bool


def tariff_review(plants: Sequence[Project], on: date, horizon: int = 5) -> list[TariffLine]:
    """Each plant's tariff against the ceiling for its technology today, and expiring deals."""
    ceilings = list(TariffCeiling.objects.select_related("statement"))
    out = []
    for p in plants:
        fits = [
            c
            for c in ceilings
            if c.technology == p.technology
            and (c.valid_from is None or c.valid_from <= on)
            and (c.valid_to is None or on <= c.valid_to)
        ]
        ceiling = fits[0] if fits else None
        above = None
        if ceiling is not None and p.tariff_us_cents is not None:
            above = p.tariff_us_cents > ceiling.us_cents
        end = p.agreement_end_year
        expiring = end is not None and end <= on.year + horizon
        out.append(TariffLine(p, ceiling, above, end, expiring))
    return out


def power_targets() -> list[tuple[int, Decimal, str]]:
    """The power-purchase targets recorded as data (``core.Target``; loaded from the published
    statement A12 by the cited reference data): (year, MW, source), by year."""
    found = Target.objects.filter(indicator=Indicator.POWER_CAPACITY, low__isnull=False)
    return sorted((t.year, t.low, t.source) for t in found)
