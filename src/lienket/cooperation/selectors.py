"""Read queries of the cooperation app that other floors use (the report)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet

from lienket.cooperation.models import Course, PlanStatus, WorkPlan
from lienket.engine import collation


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


def person_name(person: Any, lang: str) -> str:
    """A member's or trainee's name as the reader reads it: in Lao script on a Lao page when it
    is recorded, else as written in Latin script."""
    if lang[:2] == "lo" and getattr(person, "name_lo", ""):
        return str(person.name_lo)
    return str(person.name)


def in_reader_order(
    people: Iterable[Any], lang: str, first: Callable[[Any], Any] | None = None
) -> list[Any]:
    """People in the reader's alphabetical order of their shown name (CLDR collation), after
    ``first`` (a rank such as the role in the group) when given."""
    listed = collation.sorted_by(people, lambda p: person_name(p, lang), lang)
    if first is None:
        return listed
    return sorted(listed, key=first)  # stable: the alphabetical order within each rank
