"""Money in several currencies, how each project stands, and the reallocation of a year's capital.

Views, the API, the CLI and the report call these functions, so every page shows the same
figures. Amounts convert to US dollars only through the steward's dated rate table
(:class:`~lienket.projects.models.ExchangeRate`): an amount whose currency has no rate on the
date is reported as unconverted, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from lienket.core import audit, roles
from lienket.core.pages import today
from lienket.engine import allocation, monitoring
from lienket.engine.errors import DataError, RowError
from lienket.projects.models import (
    Allocation,
    ExchangeRate,
    Kind,
    Milestone,
    ProgressReport,
    Project,
    ProposalStatus,
    Reallocation,
    ReallocationLine,
    Status,
    TariffCeiling,
    Transaction,
    TransactionKind,
)

CENT = Decimal("0.01")


def visible(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may read: every one, but aid projects only for government roles."""
    qs = Project.objects.select_related("zone", "investor")
    return qs if roles.can_read_aid(user) else qs.exclude(kind=Kind.AID)


# --- money -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    currency: str
    usd_per_unit: Decimal
    valid_from: date | None
    source: str
    fictional: bool


class Rates:
    """The rate table as it stood when read: immutable, shared by one request's conversions."""

    def __init__(self, rows: Iterable[ExchangeRate]) -> None:
        table: dict[str, list[Rate]] = defaultdict(list)
        for r in rows:
            table[r.currency].append(
                Rate(r.currency, r.usd_per_unit, r.valid_from, r.source, r.fictional)
            )
        self._table = {
            c: sorted(v, key=lambda r: r.valid_from or date.min) for c, v in table.items()
        }

    @classmethod
    def load(cls) -> Rates:
        return cls(ExchangeRate.objects.all())

    def rate(self, currency: str, on: date) -> Rate | None:
        if currency == "USD":
            return Rate("USD", Decimal(1), None, "", False)
        found = None
        for r in self._table.get(currency, ()):
            if r.valid_from is None or r.valid_from <= on:
                found = r
        return found

    def to_usd(self, amount: Decimal | None, currency: str, on: date) -> Decimal | None:
        if amount is None:
            return None
        r = self.rate(currency, on)
        return None if r is None else (amount * r.usd_per_unit).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Total:
    """A sum in US dollars, with the amounts that could not be converted kept apart."""

    usd: Decimal = Decimal(0)
    counted: int = 0
    unconverted: dict[str, Decimal] = field(default_factory=dict)
    rates: dict[str, Rate] = field(default_factory=dict)

    def add(self, rates: Rates, amount: Decimal | None, currency: str, on: date) -> None:
        if amount is None:
            return
        r = rates.rate(currency, on)
        if r is None:
            self.unconverted[currency or "?"] = self.unconverted.get(currency or "?", 0) + amount
            return
        self.usd += amount * r.usd_per_unit
        self.counted += 1
        if currency != "USD":
            self.rates[currency] = r


def budget_total(projects: Iterable[Project], on: date, rates: Rates | None = None) -> Total:
    rates = rates or Rates.load()
    total = Total()
    for p in projects:
        total.add(rates, p.budget, p.currency, on)
    total.usd = total.usd.quantize(CENT, ROUND_HALF_UP)
    return total


# --- monitoring --------------------------------------------------------------------------


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


# --- power -------------------------------------------------------------------------------

#: statuses whose plants count as committed capacity
COMMITTED = (Status.OPERATING, Status.AGREED, Status.UNDER_WAY)
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


# --- reallocation ------------------------------------------------------------------------


def reallocation_candidates(year: int) -> QuerySet[Project]:
    """Aid projects with an allocation for ``year``."""
    return Project.objects.filter(kind=Kind.AID, allocations__year=year).distinct()


def _converted(value: Decimal, rate: Decimal) -> float:
    return float(value * rate)


def _back(value: float, rate: Decimal) -> Decimal:
    return (Decimal(repr(value)) / rate).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Candidate:
    """A project as the optimiser sees it (in US dollars), with its position and rate."""

    item: allocation.Project
    position: Position
    rate: Rate


def build_portfolio(year: int, on: date, rates: Rates) -> list[Candidate]:
    """The optimiser's inputs in US dollars, or a DataError naming each project without a rate."""
    errors, out = [], []
    for pos in positions(reallocation_candidates(year).order_by("code"), year, on):
        p = pos.project
        r = rates.rate(p.currency, on)
        if r is None:
            message = gettext_noop(
                "No exchange rate for %(currency)s on %(date)s: the steward adds one on the "
                "rates page."
            )
            params = {"currency": p.currency or "?", "date": on.isoformat()}
            errors.append(RowError(p.code, 0, "currency", message, params))
            continue
        alloc = pos.allocated
        capacity = pos.forecast.capacity if pos.forecast.capacity is not None else float(alloc)
        item = allocation.Project(
            id=p.code,
            allocation=_converted(alloc, r.usd_per_unit),
            floor=_converted(pos.floor, r.usd_per_unit),
            capacity=capacity * float(r.usd_per_unit),
            # a suspended or cancelled project gives its allocation and receives nothing
            behind=pos.status == monitoring.BEHIND or p.status in STOPPED,
            max_change=None if p.max_change is None else _converted(p.max_change, r.usd_per_unit),
            priority=float(p.priority),
            funder=p.sponsor,
            sector=p.sector,
        )
        out.append(Candidate(item, pos, r))
    if errors:
        raise DataError(errors)
    return out


@transaction.atomic
def propose(
    year: int,
    by: Any,
    on: date | None = None,
    fences: Sequence[allocation.Fence] = (),
    save: bool = True,
) -> Reallocation:
    """Solve this year's reallocation and keep it as a proposal awaiting a focal point.

    With ``save=False`` nothing is written (the CLI's ``--dry-run``); the returned object and
    its ``preview_lines`` are unsaved.
    """
    on = on or today()
    candidates = build_portfolio(year, on, Rates.load())
    proposal = allocation.propose([c.item for c in candidates], fences)
    used = {c.rate.currency: c.rate for c in candidates if c.rate.currency != "USD"}
    r = Reallocation(
        year=year,
        as_of=on,
        currency="USD",
        fences=[{"kind": f.kind, "name": f.name} for f in fences],
        total=_q(proposal.total),
        forecast_before=_q(proposal.forecast_before),
        forecast_after=_q(proposal.forecast_after),
        moved=_q(proposal.moved),
        rates=[
            {
                "currency": c,
                "usd_per_unit": str(x.usd_per_unit),
                "valid_from": x.valid_from.isoformat() if x.valid_from else "",
                "source": x.source,
                "fictional": x.fictional,
            }
            for c, x in sorted(used.items())
        ],
        created_by=by if getattr(by, "pk", None) else None,
        created_by_label=audit.label(by),
    )
    lines = []
    # the optimiser returns its moves in the order of its inputs
    for move, c in zip(proposal.moves, candidates, strict=True):
        item, before = c.item, c.position.allocated
        after = (
            before
            if abs(move.change) < allocation.TOLERANCE
            else _back(move.after, c.rate.usd_per_unit)
        )
        lines.append(
            ReallocationLine(
                project=c.position.project,
                before=before,
                after=after,
                before_converted=_q(move.before),
                after_converted=_q(move.after),
                floor=_q(item.floor),
                capacity=_q(item.capacity),
                forecast_before=_q(move.forecast_before),
                forecast_after=_q(move.forecast_after),
                behind=item.behind,
                binding=move.binding,
            )
        )
    r.preview_lines = lines  # type: ignore[attr-defined]
    if not save:
        return r
    Reallocation.objects.filter(year=year, status=ProposalStatus.PROPOSED).update(
        status=ProposalStatus.SUPERSEDED
    )
    r.save()
    for line in lines:
        line.reallocation = r
    ReallocationLine.objects.bulk_create(lines)
    audit.record(
        by,
        "proposed",
        r,
        f"reallocation {year}: moves {r.moved} USD, "
        f"forecast {r.forecast_before} -> {r.forecast_after} USD",
    )
    return r


def _q(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(CENT, ROUND_HALF_UP)


class StaleProposalError(Exception):
    """The allocations changed since the proposal was made."""


class OwnProposalError(PermissionError):
    """The one deciding is not allowed to: not a focal point, or the proposal's own author."""


@transaction.atomic
def decide(reallocation: Reallocation, approve: bool, by: Any, note: str = "") -> Reallocation:
    """Approve (writing the new allocations) or reject a proposal; both are kept with who/when."""
    r = Reallocation.objects.select_for_update().get(pk=reallocation.pk)
    if not roles.can_decide_reallocation(by, r):
        raise OwnProposalError(r.pk)
    if r.status != ProposalStatus.PROPOSED:
        raise StaleProposalError(r.status)
    lines = list(r.lines.select_related("project"))
    current = {
        a.project_id: a
        for a in Allocation.objects.select_for_update().filter(
            year=r.year, project__in=[line.project for line in lines]
        )
    }
    if approve:
        for line in lines:
            a = current.get(line.project_id)
            if a is None or a.amount != line.before:
                raise StaleProposalError("changed")
        for line in lines:
            if line.after != line.before:
                a = current[line.project_id]
                a.amount = line.after
                a.save(update_fields=["amount"])
                audit.record(
                    by,
                    "updated",
                    line.project,
                    f"allocation {r.year}: {line.before} -> {line.after} "
                    f"{line.project.currency} (reallocation #{r.pk})",
                )
    r.status = ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED
    r.decided = timezone.now()
    r.decided_by = by if getattr(by, "pk", None) else None
    r.decided_by_label = audit.label(by)
    r.decision_note = note
    r.save()
    audit.record(by, r.status, r, note or f"reallocation {r.year}")
    return r
