"""Reminders of activities due, and each member's calendar feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lienket.cooperation.models import (
    Activity,
    ActivityStatus,
    CalendarToken,
    Meeting,
    Member,
    PlanStatus,
    Session,
    Side,
)
from lienket.core import roles, sensitive


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
