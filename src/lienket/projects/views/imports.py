"""Project and IATI imports and exports."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lienket.core import jobs, roles
from lienket.core.decorators import require
from lienket.core.models import JobState
from lienket.core.spreadsheet import xlsx_response
from lienket.projects import iati, sheets
from lienket.projects.forms import (
    IatiImportForm,
    ImportForm,
)
from lienket.projects.models import (
    Kind,
)
from lienket.projects.views.projects import (
    filtered,
)


@require(roles.can_edit_projects)
def import_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        return _queued(request, form, "projects", {}, "projects/import.html", context)
    return render(request, "projects/import.html", context)


def _queued(
    request: HttpRequest, form: Any, kind: str, options: dict[str, Any], template: str,
    context: dict[str, Any],
) -> HttpResponse:  # fmt: skip
    """Queue an uploaded file; its result here when it comes within seconds, else its page."""
    options["dry_run"] = request.POST.get("action") == "check"
    job = jobs.upload_and_wait(request, form.cleaned_data["file"], kind, options)
    if not job.finished_or_failed:
        return redirect("import-job-page", pk=job.pk)
    if job.state == JobState.FAILED:
        context.update(jobs.refused_context(job))
        return render(request, template, context, status=400)
    context["result"] = jobs.result_view(job.result)
    return render(request, template, context)


@require(roles.can_read_aid)
def iati_export(request: HttpRequest) -> HttpResponse:
    """The aid projects of the list's filters as an IATI 2.03 file."""
    qs = (
        filtered(request)
        .filter(kind=Kind.AID)
        .prefetch_related("allocations", "budgets", "planned_disbursements", "transactions")
    )
    projects = list(qs)
    if not projects:  # an IATI file holds at least one activity: say so instead of failing
        raise BadRequest(_("No aid project matches these filters: there is nothing to export."))
    result = iati.export_iati(projects, by=request.user)
    response = HttpResponse(result.data, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lienket-aid-projects-iati.xml"'
    return response


@require(roles.can_edit_projects)
def iati_import_page(request: HttpRequest) -> HttpResponse:
    form = IatiImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        return _queued(request, form, "iati", {}, "projects/iati_import.html", context)
    return render(request, "projects/iati_import.html", context)


def import_template(request: HttpRequest) -> HttpResponse:
    return xlsx_response(sheets.template_xlsx(), "lienket-projects-template.xlsx")
