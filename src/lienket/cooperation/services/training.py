"""Training: nominations within capacity, attendance, certificates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from lienket.cooperation.models import (
    Course,
    Nomination,
    Trainee,
    certificate_number,
)
from lienket.core import audit, pdftext, roles
from lienket.core.audit import label


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
        {
            "n": n,
            "course": n.course,
            "trainee": n.trainee,
            "verify": verify_url(n),
            "lao_font": settings.LIENKET_LAO_FONT,
        },
    )
    pdftext.install()
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def verify_url(n: Nomination) -> str:
    base = getattr(settings, "LIENKET_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/verify/{n.certificate}/"
