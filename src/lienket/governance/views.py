"""The Committee's documents and sessions, for the government roles, in the reader's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lienket.core import roles
from lienket.core.decorators import require
from lienket.governance.models import Document, Session


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
