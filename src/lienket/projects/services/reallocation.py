"""Moving aid money from projects that cannot disburse: proposal and decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from lienket.core import audit, roles
from lienket.core.pages import today
from lienket.engine import allocation, monitoring
from lienket.engine.errors import DataError, RowError
from lienket.projects.models import (
    Allocation,
    Kind,
    Project,
    ProposalStatus,
    Reallocation,
    ReallocationDecision,
    ReallocationLine,
    Verdict,
)
from lienket.projects.services.money import (
    CENT,
    Rate,
    Rates,
)
from lienket.projects.services.monitoring import (
    Position,
    positions,
)
from lienket.projects.services.power import (
    STOPPED,
)


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


class SideDecidedError(Exception):
    """The decider's side has already approved or refused this proposal."""


def sides() -> tuple[str, str]:
    """The two sides whose approval a reallocation needs (the configured country pair)."""
    a, b = settings.LIENKET_COUNTRIES[:2]
    return a, b


@transaction.atomic
def decide(reallocation: Reallocation, approve: bool, by: Any, note: str = "") -> Reallocation:
    """One side's approval or refusal, kept with who and when (issue 27: the two sides'
    authorised bodies decide together, never the proposer). A refusal by either side rejects the
    proposal; it is approved, and the new allocations written, when both sides have approved."""
    r = Reallocation.objects.select_for_update().get(pk=reallocation.pk)
    if not roles.can_decide_reallocation(by, r):
        raise OwnProposalError(r.pk)
    if r.status != ProposalStatus.PROPOSED:
        raise StaleProposalError(r.status)
    side = roles.deciding_side(by)
    taken = {d.side for d in r.decisions.exclude(verdict=Verdict.COMMENT)}
    if side in taken:
        raise SideDecidedError(side)
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
    ReallocationDecision.objects.create(
        reallocation=r,
        side=side,
        verdict=Verdict.APPROVE if approve else Verdict.REFUSE,
        note=note,
        by=by if getattr(by, "pk", None) else None,
        by_label=audit.label(by),
    )
    verb = "approves" if approve else "refuses"
    audit.record(by, "updated", r, f"reallocation {r.year}: {side} {verb}"
                 + (f" ({note})" if note else ""))  # fmt: skip
    if approve and set(sides()) - (taken | {side}):
        return r  # awaiting the other side
    if approve:
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


def decided_sides(reallocation: Reallocation) -> dict[str, Any]:
    """Each side's approval or refusal so far (a side without one is absent)."""
    return {
        d.side: d for d in reallocation.decisions.exclude(verdict=Verdict.COMMENT).order_by("at")
    }


def comment(reallocation: Reallocation, by: Any, note: str) -> ReallocationDecision:
    """A remark on a proposal by a focal point of either side, kept with the decisions."""
    if not roles.can_approve_reallocation(by):
        raise OwnProposalError(reallocation.pk)
    d = ReallocationDecision.objects.create(
        reallocation=reallocation,
        side=roles.deciding_side(by) or "",
        verdict=Verdict.COMMENT,
        note=note.strip()[:4000],
        by=by if getattr(by, "pk", None) else None,
        by_label=audit.label(by),
    )
    audit.record(by, "updated", reallocation, f"comment: {note.strip()[:200]}")
    return d
