"""Read queries of the linkage app that other floors use (the report)."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from lienket.linkage.models import MatchEvent, MatchStatus, PilotProject


def match_steps_between(start: date, end: date) -> dict[str, int]:
    """How many matches took each step (status) between ``start`` and ``end``: every status,
    zero included."""
    counted = dict.fromkeys(MatchStatus.values, 0)
    steps = MatchEvent.objects.filter(date__gte=start, date__lte=end)
    for status in steps.values_list("status", flat=True):
        counted[status] += 1
    return counted


def pilots_selected_by(day: date) -> list[PilotProject]:
    """The pilot projects selected by ``day``, with their zone and events."""
    pilots: QuerySet[PilotProject] = PilotProject.objects.select_related("zone").prefetch_related(
        "events"
    )
    return [p for p in pilots if p.created.date() <= day]


def agreements_between(start: date, end: date) -> list[MatchEvent]:
    """The agreements reached between ``start`` and ``end``, with both firms, by date."""
    return list(
        MatchEvent.objects.filter(date__gte=start, date__lte=end, status=MatchStatus.AGREEMENT)
        .select_related("match__supplier", "match__buyer")
        .order_by("date", "pk")
    )
