"""The Committee's commitments: loaded from the session's directions, their status computed
from the data where lienket computes the indicator, else recorded by their owners.

The trade-growth indicator's rule: the growth of the first declarant of the pair with a figure
for the commitment's year (the full year, else the longest run of months to date) against the
target's low end — at or above it is *met* once the year is complete (*on track* on part of
the year), below it *not met* (*at risk*); no figure leaves the recorded status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from lienket import refdata
from lienket.core import audit
from lienket.engine.trade.turnover import most_complete
from lienket.governance.models import (
    Commitment,
    CommitmentStatus,
    CommitmentUpdate,
    ComputedIndicator,
    Session,
)
from lienket.trade import services as trade


@dataclass(frozen=True)
class Actual:
    """A computed indicator's value for a commitment, and the status it gives."""

    value: float | None
    status: str
    period: str
    source: str


def actual(c: Commitment, on: date) -> Actual | None:
    """The computed value and status of a commitment whose indicator lienket computes."""
    if c.indicator != ComputedIndicator.TRADE_GROWTH or c.due is None or c.target_low is None:
        return None
    year = c.due.year
    a, b = trade.pair()
    for declarant, partner in ((a, b), (b, a)):
        f = most_complete(f for f in trade.turnover(declarant, partner)
                          if f.period.year == year and f.growth is not None)  # fmt: skip
        if f is None:
            continue
        reached = Decimal(str(f.growth)) >= c.target_low
        if f.period.full_year:
            status = CommitmentStatus.MET if reached else CommitmentStatus.NOT_MET
        else:
            status = CommitmentStatus.ON_TRACK if reached else CommitmentStatus.AT_RISK
        return Actual(f.growth, status, f"{declarant} {f.period}", f.source)
    return Actual(None, c.status, "", "")


def status_of(c: Commitment, on: date) -> str:
    found = actual(c, on)
    return found.status if found is not None else c.status


def rows(on: date, session: int | None = None) -> list[dict[str, Any]]:
    """Each commitment as the command line and the API print it."""
    qs = Commitment.objects.select_related("session")
    if session is not None:
        qs = qs.filter(session__number=session)
    out = []
    for c in qs:
        found = actual(c, on)
        target = None
        if c.target_low is not None:
            target = [float(c.target_low), float(c.target_high)] if c.target_high is not None \
                else float(c.target_low)  # fmt: skip
        out.append({
            "code": c.code,
            "area": c.area,
            "owner": " / ".join(p for p in (c.owner_side, c.owner_body) if p),
            "due": c.due.isoformat() if c.due else None,
            "status": found.status if found else c.status,
            "progress": c.progress,
            "indicator": c.indicator or None,
            "target": target,
            "actual": found.value if found else None,
            "actual_period": found.period if found else None,
            "source": c.source,
        })  # fmt: skip
    return out


def record_update(
    c: Commitment, on: date, status: str, progress: int | None, note: str, evidence: str, by: Any
) -> CommitmentUpdate:
    """A dated step with its evidence; it sets the commitment's status and progress (a computed
    indicator keeps the status the data gives)."""
    if status not in CommitmentStatus.values:
        raise ValueError(f"unknown status {status!r}")
    if progress is not None and not 0 <= progress <= 100:
        raise ValueError("progress runs from 0 to 100")
    with transaction.atomic():
        u = CommitmentUpdate.objects.create(
            commitment=c, on=on, status=status, progress=progress, note=note.strip()[:4000],
            evidence=evidence.strip()[:500], by=by if getattr(by, "pk", None) else None,
            by_label=audit.label(by),
        )  # fmt: skip
        fields = ["progress"]
        c.progress = progress
        if not c.indicator:
            c.status = status
            fields.append("status")
        c.save(update_fields=fields)
        audit.record(by, "updated", c, f"commitment {c.code}: {status}, {note.strip()[:120]}")
    return u


@transaction.atomic
def load() -> int:
    """The 47th session's directions (``refdata/data/governance/commitments.csv``): texts and
    targets are updated on every load; a status its owners have updated is kept."""
    n = 0
    for r in refdata.rows("governance/commitments.csv"):
        session = Session.objects.filter(number=int(r["session"]), level="plenary").first()
        values = {
            "session": session,
            "area": r["area"],
            "owner_side": r["owner_side"],
            "owner_body": r["owner_body"],
            "partners": r["partners"],
            "due": date.fromisoformat(r["due"]) if r["due"] else None,
            "indicator": r["indicator"],
            "target_low": Decimal(r["target_low"]) if r["target_low"] else None,
            "target_high": Decimal(r["target_high"]) if r["target_high"] else None,
            "text_en": r["text_en"],
            "text_vi": r["text_vi"],
            "text_lo": r["text_lo"],
            "source": session.source if session else "",
            "note": r["note"],
        }
        c = Commitment.objects.filter(code=r["code"]).first()
        if c is None:
            Commitment.objects.create(code=r["code"], status=r["status"], **values)
        else:
            for k, v in values.items():
                setattr(c, k, v)
            if not c.updates.exists():
                c.status = r["status"]
            c.save()
        n += 1
    return n
