"""Read queries of the projects app that other floors use (the report)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from lienket.projects.models import Kind, Project, ProposalStatus, Reallocation, Statement


def projects_of(kinds: Iterable[str]) -> list[Project]:
    """Every project of these kinds, by kind and code."""
    return list(Project.objects.filter(kind__in=list(kinds)).order_by("kind", "code"))


def projects_by_pk(pks: Iterable[int]) -> QuerySet[Project]:
    return Project.objects.filter(pk__in=list(pks))


def reallocations_approved_between(start: date, end: date) -> QuerySet[Reallocation]:
    """Reallocations approved between ``start`` and ``end``, with their lines' projects."""
    return Reallocation.objects.filter(
        status=ProposalStatus.APPROVED, decided__date__gte=start, decided__date__lte=end
    ).prefetch_related("lines__project")


def aid_projects() -> QuerySet[Project]:
    """Every aid-funded project (the monitoring positions read their years)."""
    return Project.objects.filter(kind=Kind.AID)


def statement_source(topic: str, code: str) -> str:
    """Who made a published statement and when, with its first address ("" if none)."""
    s = Statement.objects.filter(topic=topic, code=code).first()
    if s is None:
        return ""
    url = next((x.get("url", "") for x in s.sources if x.get("url")), "")
    return ", ".join(p for p in (s.speaker, s.statement_date, url) if p)
