"""Cooperation rules in one place: plan progress, agreement and revision, nominations within
capacity, completion and certificates, reminders and the calendar feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from html import escape
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lienket.cooperation.models import (
    Activity,
    ActivityStatus,
    CalendarToken,
    Course,
    Meeting,
    Member,
    Nomination,
    PlanStatus,
    Session,
    Side,
    Trainee,
    WorkPlan,
    certificate_number,
)
from lienket.core import audit, roles, sensitive
from lienket.core.audit import label
from lienket.engine import workplan

# --- progress --------------------------------------------------------------------------------


def item_of(a: Activity, on: date) -> workplan.Item:
    notes = [n for n in a.notes.all() if n.date <= on and n.percent is not None]
    return workplan.Item(
        side=a.lead,
        start=a.start,
        due=a.due,
        done_on=a.done_on if a.status == ActivityStatus.DONE else None,
        cancelled=a.status == ActivityStatus.CANCELLED,
        percent=float(notes[-1].percent) if notes else None,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Row:
    activity: Activity
    item: workplan.Item
    state: str


def rows(plan: WorkPlan, on: date) -> list[Row]:
    acts = plan.activities.select_related("organisation").prefetch_related("notes")
    items = [(a, item_of(a, on)) for a in acts]
    return [Row(a, item, workplan.state(item, on)) for a, item in items]


def progress(plan_rows: list[Row], on: date) -> list[workplan.Summary]:
    """Progress by side (Viet Nam, Lao PDR, joint, then all), by workplan.state's rule."""
    summaries = workplan.progress((r.item for r in plan_rows), on, all_label="all")
    order = [Side.VIET_NAM.value, Side.LAO.value, Side.JOINT.value, "all"]
    return sorted(summaries, key=lambda s: order.index(s.side) if s.side in order else 9)


STATE_COLOURS = {
    workplan.DONE: "#2e7d32",
    workplan.ON_TRACK: "#1f5f99",
    workplan.LATE: "#c0392b",
    workplan.NOT_STARTED: "#9aa5b1",
    workplan.CANCELLED: "#d5dbe1",
}


def state_label(state: str) -> str:
    return {
        workplan.DONE: _("done"),
        workplan.ON_TRACK: _("on track"),
        workplan.LATE: _("late"),
        workplan.NOT_STARTED: _("not started"),
        workplan.CANCELLED: _("cancelled"),
    }.get(state, state)


def gantt(plan: WorkPlan, plan_rows: list[Row], on: date, title: str) -> str:
    """The plan as a Gantt chart: one bar per activity from start to due, coloured by state,
    with month marks and a line for ``on``. Plain SVG, every text escaped."""
    start = min([plan.start, *[r.activity.start for r in plan_rows]])
    end = max([plan.end, *[r.activity.due for r in plan_rows]])
    days = max((end - start).days, 1)
    label_w, width, row_h, top = 330, 1000, 22, 34
    height = top + row_h * max(len(plan_rows), 1) + 40
    plot = width - label_w - 10

    def x(d: date) -> float:
        return label_w + plot * (d - start).days / days

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'class="chart gantt" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    ]
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            parts.append(
                f'<line x1="{x(month):.1f}" x2="{x(month):.1f}" y1="{top - 6}" y2="{height - 30}" '
                f'stroke="#e3e8ee"/>'
            )
            if month.month in (1, 4, 7, 10):
                parts.append(
                    f'<text x="{x(month) + 2:.1f}" y="{top - 10}" font-size="11">'
                    f"{month:%m/%Y}</text>"
                )
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    for i, r in enumerate(plan_rows):
        a = r.activity
        y = top + i * row_h
        text = f"{a.number} {a.title}"
        short = text if len(text) <= 48 else text[:47] + "…"
        x0, x1 = x(a.start), x(a.due)
        tip = f"{text}: {a.start} – {a.due}, {a.get_lead_display()}, {state_label(r.state)}"
        parts.append(
            f'<g><title>{escape(tip)}</title><text x="4" y="{y + 15}" font-size="12">'
            f'{escape(short)}</text><rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 3):.1f}" '
            f'height="{row_h - 8}" rx="3" fill="{STATE_COLOURS.get(r.state, "#888")}"/></g>'
        )
    if start <= on <= end:
        parts.append(
            f'<line x1="{x(on):.1f}" x2="{x(on):.1f}" y1="{top - 6}" y2="{height - 30}" '
            f'stroke="#111" stroke-dasharray="4 3"/><text x="{x(on) + 3:.1f}" y="{height - 16}" '
            f'font-size="11">{escape(_("today"))} {on.isoformat()}</text>'
        )
    lx = label_w
    for state in workplan.STATES:
        parts.append(
            f'<rect x="{lx}" y="{height - 12}" width="10" height="10" '
            f'fill="{STATE_COLOURS[state]}"/><text x="{lx + 14}" y="{height - 3}" '
            f'font-size="11">{escape(state_label(state))}</text>'
        )
        lx += 110
    parts.append("</svg>")
    return "".join(parts)


# --- agreement and revision --------------------------------------------------------------


class PlanError(ValidationError):
    pass


@transaction.atomic
def agree(plan: WorkPlan, user: Any) -> WorkPlan:
    """A co-chair side's agreement (its focal point); both sides make the plan agreed."""
    side = roles.focal_country(user)
    if side is None:
        raise PermissionDenied
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise PlanError(_("Only a draft can be agreed."))
    now = timezone.now()
    if side == Side.VIET_NAM:
        plan.agreed_vn, plan.agreed_vn_by = now, label(user)
    else:
        plan.agreed_la, plan.agreed_la_by = now, label(user)
    if plan.agreed_vn and plan.agreed_la:
        plan.status = PlanStatus.AGREED
    plan.save()
    audit.record(user, "approved", plan, f"agreed ({side}) {plan}")
    return plan


@transaction.atomic
def revise(plan: WorkPlan, user: Any) -> WorkPlan:
    """A new draft version of an agreed plan, with its activities copied; the old version is
    kept, marked revised."""
    if not roles.can_edit_plans(user):
        raise PermissionDenied
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.AGREED:
        raise PlanError(_("Only an agreed plan can be revised."))
    new = WorkPlan.objects.create(
        code=plan.code, version=plan.version + 1, title_en=plan.title_en,
        title_vi=plan.title_vi, title_lo=plan.title_lo, start=plan.start, end=plan.end,
        revises=plan, note=plan.note, fictional=plan.fictional,
    )  # fmt: skip
    for a in plan.activities.all():
        notes = list(a.notes.all())
        a.pk = None
        a.plan = new
        a.save()
        for n in notes:
            n.pk = None
            n.activity = a
            n.save()
    plan.status = PlanStatus.REVISED
    plan.save(update_fields=["status"])
    audit.record(user, "created", new, f"revision v{new.version} of {plan.code}")
    return new


# --- training ------------------------------------------------------------------------------


class CapacityError(ValidationError):
    pass


@transaction.atomic
def nominate(course: Course, trainees: list[Trainee], user: Any) -> list[Nomination]:
    """Nominate trainees for a course: the Lao focal point only, within the course's places."""
    if not roles.can_nominate(user):
        raise PermissionDenied
    course = Course.objects.select_for_update().get(pk=course.pk)
    already = set(course.nominations.values_list("trainee_id", flat=True))
    new = [t for t in trainees if t.pk not in already]
    free = course.capacity - len(already)
    if len(new) > free:
        raise CapacityError(
            _("The course has %(free)s free places of %(capacity)s; %(asked)s were nominated.")
            % {"free": max(free, 0), "capacity": course.capacity, "asked": len(new)}
        )
    out = [
        Nomination.objects.create(course=course, trainee=t, nominated_by=label(user)) for t in new
    ]
    audit.record_many(user, "created", out, [f"nominated {t} for {course.code}" for t in new])
    return out


@transaction.atomic
def record_attendance(
    course: Course, present: dict[int, set[int]], completed: set[int], user: Any, on: date
) -> None:
    """Attendance (nomination id → session ids) and completion, by the Viet Nam side. A newly
    completed nomination gets its certificate number; taking completion back withdraws it."""
    if not roles.can_run_courses(user):
        raise PermissionDenied
    sessions = set(course.sessions.values_list("pk", flat=True))
    for n in course.nominations.select_for_update():
        n.attended.set(present.get(n.pk, set()) & sessions)
        if n.pk in completed and n.completed is None:
            n.completed = on
            n.certificate = _unique_number()
        elif n.pk not in completed and n.completed is not None:
            n.completed, n.certificate = None, None
        n.save()
    audit.record(user, "updated", course, f"attendance of {course.code}")


def _unique_number() -> str:
    while True:
        number = certificate_number()
        if not Nomination.objects.filter(certificate=number).exists():
            return number


def visible_nominations(user: Any) -> QuerySet[Nomination]:
    qs = Nomination.objects.select_related("course", "trainee")
    if roles.can_read_cooperation(user):
        return qs
    firm = roles.trainee_enterprise(user)
    if firm is None:
        return qs.none()
    return qs.filter(trainee__enterprise_id=firm)


def visible_courses(user: Any) -> QuerySet[Course]:
    qs = Course.objects.select_related("programme").annotate(taken=Count("nominations"))
    if roles.can_read_cooperation(user):
        return qs
    firm = roles.trainee_enterprise(user)
    if firm is None:
        return qs.none()
    return qs.filter(nominations__trainee__enterprise_id=firm).distinct()


def certificate_pdf(n: Nomination) -> bytes:
    """The completion certificate in Lao and Vietnamese (English beneath), one A4 page."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    html = render_to_string(
        "cooperation/certificate.html",
        {"n": n, "course": n.course, "trainee": n.trainee, "verify": verify_url(n)},
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def verify_url(n: Nomination) -> str:
    base = getattr(settings, "LIENKET_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/verify/{n.certificate}/"


# --- reminders and calendar ----------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    activity: Activity
    days_left: int

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def late_by(self) -> int:
        return -self.days_left


def reminders(days: int, on: date) -> dict[str, list[Reminder]]:
    """Open activities of the current plans due within ``days`` days or overdue, by lead side."""
    qs = (
        Activity.objects.filter(status=ActivityStatus.OPEN, due__lte=on + timedelta(days=days))
        .exclude(plan__status=PlanStatus.REVISED)
        .select_related("plan", "organisation")
        .order_by("due", "number")
    )
    out: dict[str, list[Reminder]] = {s: [] for s in Side.values}
    for a in qs:
        out[a.lead].append(Reminder(a, (a.due - on).days))
    return out


def send_reminders(found: dict[str, list[Reminder]]) -> int:
    """E-mail each side's members (with an address) their side's list, and the joint list to
    everyone; returns the number of messages. Uses Django's mail settings (console by default)."""
    sent = 0
    for side in (Side.VIET_NAM, Side.LAO):
        mine = found.get(side, []) + found.get(Side.JOINT, [])
        if not mine:
            continue
        lang = "vi" if side == Side.VIET_NAM else "lo"
        addresses = list(
            Member.objects.filter(side=side, active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not addresses:
            continue
        with translation.override(lang):
            lines = [
                f"{r.activity.due} {r.activity.number} {r.activity.title} "
                f"({r.activity.organisation.name})" + (f" — {_('overdue')}" if r.overdue else "")
                for r in mine
            ]
            subject = _("lienket: %(n)s work-plan activities due or overdue") % {"n": len(mine)}
        send_mail(subject, "\n".join(lines), None, addresses)
        sent += 1
    return sent


@transaction.atomic
def calendar_token(user: Any) -> str:
    """A new secret for the user's calendar-feed address (the old one stops working); only its
    digest is kept, so this is the one time it can be shown."""
    CalendarToken.objects.filter(user=user).delete()
    secret = sensitive.new_secret()
    CalendarToken.objects.create(user=user, **sensitive.stored_form(secret))
    return secret


def calendar_owner(secret: str) -> Any:
    """The user whose calendar-feed address holds ``secret``, or ``None``."""
    found = CalendarToken.objects.select_related("user").filter(
        digest=sensitive.digest(secret[:200])
    )
    token = found.first()
    return token.user if token is not None else None


def calendar(user: Any) -> bytes:
    """The user's iCalendar feed: meetings, activity due dates and training sessions they may
    see (an enterprise user: its own staff's sessions only)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//lienket//cooperation//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "lienket")
    stamp = datetime.combine(date(2000, 1, 1), time(), tzinfo=timezone.get_current_timezone())

    def add(uid: str, summary: str, day: date, where: str = "", note: str = "") -> None:
        e = Event()
        e.add("uid", f"{uid}@lienket")
        e.add("dtstamp", stamp)
        e.add("summary", summary)
        e.add("dtstart", day)
        e.add("dtend", day + timedelta(days=1))
        if where:
            e.add("location", where)
        if note:
            e.add("description", note)
        cal.add_component(e)

    if roles.can_read_cooperation(user):
        for m in Meeting.objects.all():
            add(f"meeting-{m.pk}", m.title, m.date, m.place)
        for a in Activity.objects.filter(status=ActivityStatus.OPEN).exclude(
            plan__status=PlanStatus.REVISED
        ):
            add(f"activity-{a.pk}", f"{_('Due')}: {a.number} {a.title}", a.due)
        sessions = Session.objects.select_related("course")
    else:
        firm = roles.trainee_enterprise(user)
        sessions = Session.objects.filter(
            course__nominations__trainee__enterprise_id=firm
        ).select_related("course").distinct() if firm else Session.objects.none()  # fmt: skip
    for s in sessions:
        add(f"session-{s.pk}", f"{s.course.title}: {s.topic}", s.date, s.place or s.course.place)
    out: bytes = cal.to_ical()
    return out
