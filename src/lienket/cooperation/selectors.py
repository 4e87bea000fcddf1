"""Read queries of the cooperation app that other floors use (the report)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from lienket.cooperation.models import Course, PlanStatus, WorkPlan


def courses_between(start: date, end: date) -> QuerySet[Course]:
    """Courses that ran between ``start`` and ``end``, with nominations and sessions."""
    return (
        Course.objects.filter(start__lte=end, end__gte=start)
        .prefetch_related("nominations__attended", "sessions")
        .order_by("start", "code")
    )


def plan_covering(start: date, end: date) -> WorkPlan | None:
    """The latest agreed (not draft) work plan covering part of the period."""
    plans = WorkPlan.objects.filter(start__lte=end, end__gte=start).exclude(status=PlanStatus.DRAFT)
    return plans.order_by("-start", "code", "-version").first()
