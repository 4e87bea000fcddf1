"""The Committee's documents and sessions, for the government roles, in the reader's language."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import today
from lienket.governance import commitments
from lienket.governance.models import Commitment, CommitmentStatus, Document, Session


@require(roles.can_read_reports)
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/overview.html",
        {
            "sessions": Session.objects.prefetch_related("documents"),
            "documents": Document.objects.all(),
        },
    )


@require(roles.can_read_reports)
def document(request: HttpRequest, code: str) -> HttpResponse:
    doc = get_object_or_404(Document, code=code)
    return render(
        request,
        "governance/document.html",
        {"doc": doc, "sessions": doc.sessions.all()},
    )


@require(roles.can_read_reports)
def session(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(Session.objects.prefetch_related("documents"), pk=pk)
    return render(request, "governance/session.html", {"s": s})


@require(roles.can_read_reports)
def commitment_list(request: HttpRequest) -> HttpResponse:
    on = today()
    items = []
    for c in Commitment.objects.select_related("session"):
        found = commitments.actual(c, on)
        items.append({"c": c, "status": found.status if found else c.status, "actual": found})
    return render(request, "governance/commitments.html", {"items": items, "on": on})


@require(roles.can_read_reports)
def commitment_detail(request: HttpRequest, code: str) -> HttpResponse:
    c = get_object_or_404(Commitment.objects.select_related("session"), code=code)
    can_update = roles.can_update_commitment(request.user, c)
    if request.method == "POST":
        if not can_update:
            raise PermissionDenied
        status = request.POST.get("status", "")
        note = request.POST.get("note", "").strip()
        raw = request.POST.get("progress", "").strip()
        if not note or status not in CommitmentStatus.values:
            raise BadRequest(_("give the status and what was done"))
        try:
            progress = int(raw) if raw else None
            when = date.fromisoformat(request.POST.get("on", "") or today().isoformat())
            commitments.record_update(c, when, status, progress, note,
                                      request.POST.get("evidence", ""), request.user)  # fmt: skip
        except ValueError as e:
            raise BadRequest(_("the progress runs from 0 to 100 and the date is YYYY-MM-DD")) from e
        return redirect("gov-commitment", code=c.code)
    on = today()
    return render(
        request,
        "governance/commitment.html",
        {
            "c": c,
            "found": commitments.actual(c, on),
            "updates": c.updates.all(),
            "can_update": can_update,
            "statuses": CommitmentStatus.choices,
            "on": on,
        },
    )
