"""Each project's position: disbursement, schedule and cost performance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from lienket.engine import monitoring
from lienket.projects.models import (
    Milestone,
    ProgressReport,
    Project,
    Transaction,
    TransactionKind,
)
from lienket.projects.services.money import Rates, Total


@dataclass(frozen=True)
class YearLine:
    year: int
    allocation: Decimal | None
    disbursed: Decimal
    committed: Decimal


@dataclass(frozen=True)
class Position:
    """How one project stands as of a date, in its own currency."""

    project: Project
    years: tuple[YearLine, ...]
    earned: monitoring.EarnedValue
    forecast: monitoring.Forecast

    @property
    def status(self) -> str:
        return self.earned.status

    @property
    def year(self) -> YearLine | None:
        return next((y for y in self.years if y.year == self.forecast.year), None)

    @property
    def allocated(self) -> Decimal:
        """This year's allocation (zero when there is none)."""
        line = self.year
        return line.allocation if line and line.allocation is not None else Decimal(0)

    @property
    def shortfall(self) -> Decimal | None:
        """This year's allocation the forecast says will not be disbursed."""
        line = self.year
        if line is None or line.allocation is None or self.forecast.forecast is None:
            return None
        return max(line.allocation - Decimal(repr(self.forecast.forecast)), Decimal(0))

    @property
    def floor(self) -> Decimal:
        """Disbursed or committed this year: what a reallocation never takes back."""
        line = self.year
        return max(line.disbursed, line.committed) if line else Decimal(0)


def with_monitoring(qs: QuerySet[Project]) -> QuerySet[Project]:
    return qs.prefetch_related(
        "allocations",
        Prefetch("transactions", queryset=Transaction.objects.order_by("date", "pk")),
        Prefetch("progress", queryset=ProgressReport.objects.order_by("date")),
        Prefetch("milestones", queryset=Milestone.objects.order_by("planned")),
    )


def position(project: Project, year: int, on: date) -> Position:
    """Planned vs actual by year, earned value and this year's forecast (prefetch first)."""
    allocations = {a.year: a.amount for a in project.allocations.all()}
    txs = list(project.transactions.all())
    paid = [t for t in txs if t.kind == TransactionKind.DISBURSEMENT]
    years = sorted(set(allocations) | {t.date.year for t in txs})
    lines = tuple(
        YearLine(
            y,
            allocations.get(y),
            sum((t.amount for t in paid if t.date.year == y and t.date <= on), Decimal(0)),
            sum(
                (
                    t.amount
                    for t in txs
                    if t.kind == TransactionKind.COMMITMENT and t.date.year == y and t.date <= on
                ),
                Decimal(0),
            ),
        )
        for y in years
    )
    payments = [monitoring.Payment(t.date, float(t.amount)) for t in paid]
    stones = [
        monitoring.Milestone(m.planned, float(m.weight), m.done) for m in project.milestones.all()
    ]
    reports = [monitoring.Progress(r.date, float(r.percent)) for r in project.progress.all()]
    budget = float(project.budget or 0)
    ev = monitoring.earned_value(budget, stones, reports, payments, on, project.start_date)
    alloc = allocations.get(year)
    fc = monitoring.year_forecast(None if alloc is None else float(alloc), payments, year, on)
    return Position(project, lines, ev, fc)


def positions(qs: QuerySet[Project], year: int, on: date) -> list[Position]:
    return [position(p, year, on) for p in with_monitoring(qs)]


@dataclass
class AidYear:
    """Aid projects' allocations and disbursements of a year, summed in US dollars at the
    recorded rates (amounts without a rate kept apart), and how many are behind schedule."""

    positions: list[Position]
    rates: Rates
    allocated: Total
    disbursed: Total
    behind: int

    @property
    def rate(self) -> float | None:
        return float(self.disbursed.usd / self.allocated.usd) if self.allocated.usd else None


def aid_year(qs: QuerySet[Project], year: int, on: date) -> AidYear:
    rates = Rates.load()
    allocated, disbursed = Total(), Total()
    found = positions(qs, year, on)
    for pos in found:
        line = next((y for y in pos.years if y.year == year), None)
        if line is not None:
            allocated.add(rates, line.allocation, pos.project.currency, on)
            disbursed.add(rates, line.disbursed, pos.project.currency, on)
    behind = sum(pos.status == monitoring.BEHIND for pos in found)
    return AidYear(found, rates, allocated, disbursed, behind)
