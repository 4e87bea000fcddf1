"""The page of one queued import of any kind: its progress while it runs, then its result."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lienket.core import jobs, roles
from lienket.core.decorators import require
from lienket.core.models import ImportJob, JobState
from lienket.core.spreadsheet import errors_xlsx, xlsx_response


def own_job(request: HttpRequest, pk: int, kinds: tuple[str, ...] = ()) -> ImportJob:
    """A queued import of the requesting user (any user's for a steward), else 404."""
    job = get_object_or_404(ImportJob, pk=pk, **({"kind__in": kinds} if kinds else {}))
    if job.created_by_id != request.user.pk and not roles.is_steward(request.user):
        raise Http404
    return job


@require(lambda u: getattr(u, "is_authenticated", False))
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    context: dict[str, object] = {"job": job}
    if job.state == JobState.DONE:
        context["result"] = jobs.result_view(job.result)
    elif job.state == JobState.FAILED:
        context.update(jobs.refused_context(job))
    return render(request, "import_job.html", context)


@require(lambda u: getattr(u, "is_authenticated", False))
def job_errors(request: HttpRequest, pk: int) -> HttpResponse:
    job = own_job(request, pk)
    return xlsx_response(errors_xlsx(jobs.report(job)), "lienket-import-errors.xlsx")
