"""The audit log page: who changed what, when, with the values before and after (issue 12).

Stewards read every event; a focal point reads the events of the users of their country and the
events of their country's enterprises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.models import AuditAction, AuditEvent


def can_read_audit(user: Any) -> bool:
    return roles.is_steward(user) or roles.focal_country(user) is not None


def visible_events(user: Any) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    if roles.is_steward(user):
        return events
    country = roles.focal_country(user)
    if country is None:
        return events.none()
    from lienket.registry.models import Enterprise

    firms = (
        Enterprise.objects.filter(country=country)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    return events.filter(
        Q(actor__profile__country=country) | Q(object_type="enterprise", object_id__in=firms)
    )


def _day(request: HttpRequest, name: str) -> date | None:
    raw = request.GET.get(name, "")
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadRequest("dates are written YYYY-MM-DD") from None


@require(can_read_audit)
def audit_log(request: HttpRequest) -> HttpResponse:
    events = visible_events(request.user)
    params = request.GET
    if by := params.get("by", "").strip()[:150]:
        events = events.filter(actor_label=by)
    if action := params.get("action", ""):
        if action not in AuditAction.values:
            raise BadRequest("unknown action")
        events = events.filter(action=action)
    if kind := params.get("type", "").strip()[:40]:
        events = events.filter(object_type=kind)
    if obj := params.get("object", "").strip()[:40]:
        events = events.filter(object_id=obj)
    if since := _day(request, "since"):
        events = events.filter(created__date__gte=since)
    if until := _day(request, "until"):
        events = events.filter(created__date__lte=until)
    page = Paginator(events, 100).get_page(params.get("page"))
    types = sorted(AuditEvent.objects.values_list("object_type", flat=True).distinct())
    context = {
        "page": page,
        "actions": AuditAction.choices,
        "types": [t for t in types if t],
        "params": params,
        "query": params.copy(),
    }
    context["query"].pop("page", None)
    return render(request, "audit_log.html", context)
