"""The audit log page: who changed what, when, with the values before and after (issue 12).

It reads every app's records (a focal point's view is its country's firms), so it stands on the
top floor, beside the URLs.

Stewards read every event; a focal point reads the events of the users of their country and the
events of their country's enterprises.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import BadRequest, FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from lienket.core import datalabels, roles, sensitive
from lienket.core.decorators import require
from lienket.core.models import AuditAction, AuditEvent
from lienket.registry.models import Enterprise


def can_read_audit(user: Any) -> bool:
    return roles.is_steward(user) or roles.focal_country(user) is not None


def visible_events(user: Any) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    if roles.is_steward(user):
        return events
    country = roles.focal_country(user)
    if country is None:
        return events.none()
    firms = (
        Enterprise.objects.filter(country=country)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    return events.filter(
        Q(actor__profile__country=country) | Q(object_type="enterprise", object_id__in=firms)
    )


@cache
def _models() -> dict[str, Any]:
    return {m._meta.model_name: m for m in apps.get_models()}


def _value(field: Any, value: Any) -> Any:
    """A stored value as the reader reads it: a choice by its label, a bundled label translated,
    a list or mapping (many-to-many, JSON fields) as text."""
    if value is None or value == "":
        return value
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(str(_value(field, v)) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(None, v)}" for k, v in value.items())
    # a reverse relation or a many-to-many has no choices (issue 24 - the page failed on them)
    if getattr(field, "choices", None):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, str):
        return datalabels.label(value)
    return value


def readable_changes(event: AuditEvent) -> list[tuple[str, Any, Any]]:
    """(field label, before, after) of an event's changes, in the reader's language."""
    model = _models().get(event.object_type)
    model_label = model._meta.label_lower if model is not None else event.object_type
    out = []
    changes = event.changes if isinstance(event.changes, dict) else {}
    for name, pair in changes.items():
        before, after = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        label = str(getattr(field, "verbose_name", None) or name.replace("_", " "))
        if sensitive.is_sensitive(model_label, str(name)):  # an event recorded before the rule
            out.append((label, sensitive.REDACTED, sensitive.REDACTED))
            continue
        out.append((label, _value(field, before), _value(field, after)))
    return out


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
    names = {t: str(m._meta.verbose_name) for t, m in _models().items()}
    for event in page:
        event.readable = readable_changes(event)
        event.type_label = names.get(event.object_type, event.object_type)
    # each kind of record once (the events' own ordering made DISTINCT repeat them: issue 26),
    # by its name in the reader's language
    recorded = AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct()
    types = sorted(((t, names.get(t, t)) for t in recorded if t), key=lambda tl: tl[1].lower())
    context = {
        "page": page,
        "actions": AuditAction.choices,
        "types": types,
        "params": params,
        "query": params.copy(),
    }
    context["query"].pop("page", None)
    return render(request, "audit_log.html", context)
