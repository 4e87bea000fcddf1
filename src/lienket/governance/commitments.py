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
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.cooperation.models import Activity, Course
from lienket.core import audit
from lienket.engine.trade.turnover import most_complete
from lienket.governance import glance
from lienket.governance.models import (
    Commitment,
    CommitmentLink,
    CommitmentStatus,
    CommitmentUpdate,
    ComputedIndicator,
    Session,
)
from lienket.linkage.models import PilotProject
from lienket.projects.models import Project
from lienket.trade import services as trade


@dataclass(frozen=True)
class Actual:
    """A computed indicator's value for a commitment, and the status it gives."""

    value: float | None
    status: str
    period: str
    source: str
    #: the figure in words, in the reader's language (power, aid, training)
    words: str = ""
    #: whether the data gave the status (else the recorded status stands: no figure yet)
    measured: bool = True
    #: the figure comes from the fictional demo data (marked so wherever it is shown)
    fictional: bool = False


#: a glance item's status (``governance.glance``) as a commitment's, during its year and after
_DURING = {glance.ON_TRACK: CommitmentStatus.ON_TRACK, glance.AT_RISK: CommitmentStatus.AT_RISK,
           glance.BEHIND: CommitmentStatus.AT_RISK}  # fmt: skip
_AFTER = {glance.ON_TRACK: CommitmentStatus.MET, glance.AT_RISK: CommitmentStatus.NOT_MET,
          glance.BEHIND: CommitmentStatus.NOT_MET}  # fmt: skip
_GLANCE = {
    ComputedIndicator.POWER_CAPACITY: lambda year, on, lang: glance.power(year, lang),
    ComputedIndicator.AID_DISBURSEMENT: glance.aid,
    ComputedIndicator.TRAINING_PLACES: glance.training,
}


def actual(c: Commitment, on: date) -> Actual | None:
    """The computed value and status of a commitment whose indicator lienket computes: the
    trade growth by the rule above; power, aid and training by the rules of the "are we on
    target?" page (``governance.glance``) for the commitment's year — the page's *on track*
    is *met* once the year is over, its *at risk* and *behind* are *not met* then."""
    if c.indicator in _GLANCE and c.due is not None:
        lang = (get_language() or "en")[:2]
        item = _GLANCE[ComputedIndicator(c.indicator)](c.due.year, on, lang)
        if item.status == glance.NO_DATA:
            return Actual(None, c.status, str(c.due.year), "", item.figure, measured=False)
        over = on > c.due
        status = (_AFTER if over else _DURING)[item.status]
        return Actual(None, status, str(c.due.year), item.source, item.figure,
                      fictional=item.fictional)  # fmt: skip
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
        return Actual(f.growth, status, f"{declarant} {f.period}", f.source,
                      fictional=f.fictional)  # fmt: skip
    return Actual(None, c.status, "", "", measured=False)


#: how a parent's status is rolled up from its children: the first that any child has
_WORST_FIRST = (
    CommitmentStatus.NOT_MET,
    CommitmentStatus.LATE,
    CommitmentStatus.AT_RISK,
    CommitmentStatus.NOT_STARTED,
    CommitmentStatus.ON_TRACK,
    CommitmentStatus.MET,
)


@dataclass
class Entry:
    """A commitment as the pages, the command line, the sheet and the report show it: its status
    and progress (computed, recorded or rolled up from its parts), its latest update."""

    c: Commitment
    status: str
    progress: int | None
    actual: Actual | None
    latest: CommitmentUpdate | None
    children: list[Entry]
    rolled_up: bool = False


def entries(on: date, session: int | None = None, year: int | None = None) -> list[Entry]:
    """Every commitment (of a session, or due in a year), parents before their parts.

    A parent's progress is the mean of its parts' known progress; its status, unless its own
    indicator is computed, is its parts' worst (not met, late, at risk, not started, on track,
    met — parts not tracked left out). A commitment past its due date that is neither met nor
    not met nor not tracked is *late*."""
    qs = Commitment.objects.select_related("session", "parent").prefetch_related(
        "updates", "links__project", "links__activity", "links__course", "links__pilot"
    )
    if session is not None:
        qs = qs.filter(session__number=session)
    if year is not None:
        qs = qs.filter(due__year=year)
    found = list(qs)
    by_pk: dict[int, Entry] = {}
    for c in found:
        a = actual(c, on)
        status = a.status if a is not None else c.status
        updates = list(c.updates.all())
        if (
            status
            in (CommitmentStatus.NOT_STARTED, CommitmentStatus.ON_TRACK, CommitmentStatus.AT_RISK)
            and c.due
            and c.due < on
            and not (a is not None and a.measured)  # the data's own status is kept
        ):
            status = CommitmentStatus.LATE
        by_pk[c.pk] = Entry(c, status, c.progress, a, updates[-1] if updates else None, [])
    roots = []
    for c in found:
        e = by_pk[c.pk]
        if c.parent_id in by_pk:
            by_pk[c.parent_id].children.append(e)
        else:
            roots.append(e)
    for e in by_pk.values():
        parts = [p for p in e.children if p.status != CommitmentStatus.NOT_TRACKED]
        if not parts:
            continue
        known = [p.progress for p in parts if p.progress is not None]
        if known:
            e.progress = round(sum(known) / len(known))
        if e.actual is None or not e.actual.measured:
            e.status = next(s for s in _WORST_FIRST if any(p.status == s for p in parts))
        e.rolled_up = True
    out: list[Entry] = []

    def walk(e: Entry) -> None:
        out.append(e)
        for child in e.children:
            walk(child)

    for e in roots:
        walk(e)
    return out


def rows(on: date, session: int | None = None) -> list[dict[str, Any]]:
    """Each commitment as the command line and the API print it."""
    out = []
    for e in entries(on, session):
        c, found = e.c, e.actual
        target = None
        if c.target_low is not None:
            target = [float(c.target_low), float(c.target_high)] if c.target_high is not None \
                else float(c.target_low)  # fmt: skip
        out.append({
            "code": c.code,
            "parent": c.parent.code if c.parent else None,
            "area": c.area,
            "owner": " / ".join(p for p in (c.owner_side, c.owner_body) if p),
            "due": c.due.isoformat() if c.due else None,
            "status": e.status,
            "progress": e.progress,
            "progress_rolled_up": e.rolled_up,
            "indicator": c.indicator or None,
            "target": target,
            "actual": found.value if found else None,
            "actual_text": found.words or None if found else None,
            "actual_period": found.period if found else None,
            "actual_fictional": found.fictional if found else False,
            "latest_update": {"on": e.latest.on.isoformat(), "note": e.latest.note,
                              "evidence": e.latest.evidence or None}
            if e.latest else None,
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
            "parent": Commitment.objects.filter(code=r["parent"]).first() if r["parent"] else None,
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


# --- what delivers a commitment ---------------------------------------------------------------

LINK_KINDS = (  # lazy: a module's constant is read in each reader's language
    ("project", gettext_lazy("project (its code)")),
    ("activity", gettext_lazy("work-plan activity (its number)")),
    ("course", gettext_lazy("training course (its number)")),
    ("pilot", gettext_lazy("pilot linkage project (its number)")),
)


class LinkError(ValueError):
    """A link that names nothing lienket knows."""


def add_link(c: Commitment, kind: str, ref: str, by: Any) -> CommitmentLink:
    """Link what delivers ``c``: a project by its code, an activity, a course or a pilot by its
    number; a reference that names nothing is refused with the reason."""
    ref = ref.strip()[:60]
    model = {"project": Project, "activity": Activity, "course": Course, "pilot": PilotProject}
    if kind not in model:
        raise LinkError(_("%(kind)r is not a kind of link") % {"kind": kind})
    lookup = {"code": ref} if kind == "project" else {"pk": int(ref)} if ref.isdigit() else None
    target = model[kind].objects.filter(**lookup).first() if lookup else None
    if target is None:
        raise LinkError(_("no %(kind)s %(ref)r") % {"kind": kind, "ref": ref})
    with transaction.atomic():
        link, _created = CommitmentLink.objects.get_or_create(
            commitment=c, **{kind: target}, defaults={"added_by_label": audit.label(by)}
        )
        audit.record(by, "updated", c, f"commitment {c.code}: linked {kind} {ref}")
    return link


def links_of(c: Commitment) -> list[dict[str, str]]:
    """Each linked item with its kind, label and page, in the reader's language."""
    out = []
    for link in c.links.all():
        if link.project:
            out.append({"kind": str(_("project")), "label": str(link.project),
                        "url": reverse("project-detail", args=[link.project.code])})  # fmt: skip
        elif link.activity:
            out.append({"kind": str(_("activity")), "label": str(link.activity),
                        "url": reverse("coop-activity", args=[link.activity.pk])})  # fmt: skip
        elif link.course:
            out.append({"kind": str(_("training course")), "label": str(link.course),
                        "url": reverse("coop-training")})  # fmt: skip
        elif link.pilot:
            out.append({"kind": str(_("pilot linkage project")), "label": str(link.pilot),
                        "url": reverse("pilot-project", args=[link.pilot.pk])})  # fmt: skip
    return out
