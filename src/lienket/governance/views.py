"""The Committee's documents and sessions, for the government roles, in the reader's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import today
from lienket.core.spreadsheet import xlsx_response
from lienket.engine.errors import DataError
from lienket.governance import commitments
from lienket.governance import forms as gov_forms
from lienket.governance.models import Commitment, CommitmentStatus, Document, Session
from lienket.projects import selectors as project_selectors


@require(roles.can_read_reports)
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/overview.html",
        {
            "sessions": Session.objects.prefetch_related("documents"),
            "documents": Document.objects.all(),
            "may_manage": roles.can_manage_governance(request.user),
        },
    )


@require(roles.can_read_reports)
def document(request: HttpRequest, code: str) -> HttpResponse:
    doc = get_object_or_404(Document, code=code)
    return render(
        request,
        "governance/document.html",
        {
            "doc": doc,
            "sessions": doc.sessions.all(),
            "may_manage": roles.can_manage_governance(request.user),
        },
    )


@require(roles.can_read_reports)
def session(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(Session.objects.prefetch_related("documents"), pk=pk)
    return render(
        request,
        "governance/session.html",
        {"s": s, "may_manage": roles.can_manage_governance(request.user)},
    )


@require(roles.can_read_reports)
def commitment_list(request: HttpRequest) -> HttpResponse:
    on = today()
    items = commitments.entries(on)
    context = {"items": items, "on": on, "may_manage": roles.can_manage_governance(request.user)}
    return render(request, "governance/commitments.html", context)


@require(roles.can_read_reports)
def commitment_detail(request: HttpRequest, code: str) -> HttpResponse:
    c = get_object_or_404(Commitment.objects.select_related("session"), code=code)
    can_update = roles.can_update_commitment(request.user, c)
    if request.method == "POST" and request.POST.get("action") == "link":
        if not roles.can_manage_governance(request.user):
            raise PermissionDenied
        try:
            commitments.add_link(c, request.POST.get("kind", ""), request.POST.get("ref", ""),
                                 request.user)  # fmt: skip
        except commitments.LinkError as exc:
            raise BadRequest(str(exc)) from None
        return redirect("gov-commitment", code=c.code)
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
    entry = next(e for e in commitments.entries(on) if e.c.pk == c.pk)
    return render(
        request,
        "governance/commitment.html",
        {
            "c": c,
            "e": entry,
            "links": commitments.links_of(c),
            "may_manage": roles.can_manage_governance(request.user),
            "link_kinds": commitments.LINK_KINDS,
            "found": entry.actual,
            "updates": c.updates.all(),
            "can_update": can_update,
            "statuses": CommitmentStatus.choices,
            "on": on,
        },
    )


@require(roles.can_read_reports)
def commitments_export(request: HttpRequest) -> HttpResponse:
    """Every commitment as an XLSX in the reader's language (it imports back)."""
    from lienket.governance import sheets

    on = today()
    return xlsx_response(sheets.export_xlsx(on), f"lienket-commitments-{on.isoformat()}.xlsx")


@require(roles.can_read_reports)
def commitments_import(request: HttpRequest) -> HttpResponse:
    """Owners report on many commitments at once: each changed row becomes a dated update; the
    secretariats may add commitments. Every row is checked; all or nothing is saved."""
    from lienket.governance import sheets

    may_create = roles.can_manage_governance(request.user)
    if not (may_create or roles.can_update_any_commitment(request.user)):
        raise PermissionDenied
    context: dict[str, object] = {}
    status = 200
    if request.method == "POST":
        f = request.FILES.get("file")
        if f is None or f.size > 5 * 1024 * 1024:
            raise BadRequest(_("Choose an XLSX or CSV file of at most 5 MB."))
        try:
            context["result"] = sheets.import_xlsx(
                f,
                f.name,
                request.user,
                may_create,
                today(),
                dry_run=request.POST.get("action") == "check",
                may_update=lambda c: roles.can_update_commitment(request.user, c),
            )
        except DataError as exc:
            context["errors"] = exc.errors[:500]
            context["more_errors"] = len(exc.errors) - 500
            context["error_count"] = len(exc.errors)
            status = 400
    return render(request, "governance/commitments_import.html", context, status=status)


@require(roles.can_read_reports)
def inspections(request: HttpRequest) -> HttpResponse:
    """Joint inspections of aid projects: date, both sides' teams, findings, and the follow-up
    actions, which become commitments with an owner and a deadline."""
    from lienket.governance import inspections as service
    from lienket.governance.models import Inspection

    may_record = roles.can_record_inspection(request.user)
    status = 200
    error = ""
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        try:
            service.record(request.POST, request.user)
            return redirect("gov-inspections")
        except service.InspectionError as exc:
            error, status = str(exc), 400
    context = {
        "inspections": Inspection.objects.select_related("project").prefetch_related("actions"),
        "projects": project_selectors.aid_projects(),
        "may_record": may_record,
        "error": error,
        "on": today(),
    }
    return render(request, "governance/inspections.html", context, status=status)


_FORMS = {"session": gov_forms.SessionForm, "document": gov_forms.DocumentForm,
          "commitment": gov_forms.CommitmentForm}  # fmt: skip


@require(roles.can_manage_governance)
def edit(request: HttpRequest, kind: str, key: str = "") -> HttpResponse:
    """The secretariats add and correct sessions, documents and commitments (issue 27)."""
    if kind not in _FORMS:
        raise BadRequest(_("no such record"))
    form_class = _FORMS[kind]
    model = form_class._meta.model
    instance = None
    if key:  # a session is known by its number in the table, the others by their code
        if kind == "session" and not key.isdigit():
            raise BadRequest(_("no such record"))
        instance = get_object_or_404(model, **({"pk": int(key)} if kind == "session"
                                                else {"code": key}))  # fmt: skip
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            saved = form.save()
            if kind == "session":
                return redirect("gov-session", pk=saved.pk)
            if kind == "document":
                return redirect("gov-document", code=saved.code)
            return redirect("gov-commitment", code=saved.code)
        status = 400
    context = {"form": form, "kind": kind, "instance": instance,
               "title": model._meta.verbose_name}  # fmt: skip
    return render(request, "governance/edit.html", context, status=status)


@require(roles.can_read_reports)
def document_file(request: HttpRequest, code: str) -> FileResponse:
    """A framework document's file, for the government roles (it is not public media)."""
    doc = get_object_or_404(Document, code=code)
    if not doc.file:
        raise Http404
    name = f"{doc.code}{Path(doc.file.name).suffix.lower()}"
    return FileResponse(doc.file.open("rb"), as_attachment=True, filename=name)
