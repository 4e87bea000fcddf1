"""The Reports page: build (in the background), preview, download, submit; the template."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket.core import audit, roles, worker
from lienket.core.decorators import require
from lienket.core.models import AuditAction, JobState
from lienket.core.pages import today
from lienket.engine.trade.turnover import Period
from lienket.reports import services, writers
from lienket.reports.forms import BuildForm, TemplateForm
from lienket.reports.models import MIME, Report, Template


def _initial(request: HttpRequest) -> dict[str, object]:
    """The form's defaults: last year, the reader's language, PDF, today, and the next steps
    last written for that period (they are kept with each report)."""
    period = request.GET.get("period") or str(today().year - 1)
    lang = request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("vi", "lo", "en") else "en"
    last = Report.objects.filter(period=period).exclude(next_steps="").first()
    return {
        "period": period,
        "lang": lang,
        "fmt": "pdf",
        "dated": today(),
        "next_steps": last.next_steps if last else "",
    }


@require(roles.can_read_reports)
def report_list(request: HttpRequest) -> HttpResponse:
    can_build = roles.can_build_reports(request.user)
    form = BuildForm(initial=_initial(request)) if can_build else None
    if request.method == "POST":
        if not can_build:
            raise PermissionDenied
        form = BuildForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            if "preview" in request.POST:
                doc, _snap = services.document(
                    Period.parse(d["period"]),
                    d["lang"],
                    d["dated"],
                    d["next_steps"],
                    session=d.get("session"),
                )
                return HttpResponse(writers.html(doc), content_type=MIME["html"])
            report = services.queue(
                d["period"],
                d["lang"],
                d["fmt"],
                d["dated"],
                d["next_steps"],
                request.user,
                session=d.get("session"),
            )
            return redirect("report-detail", pk=report.pk)
    reports = Report.objects.defer("content", "snapshot")[:200]
    return render(
        request,
        "reports/list.html",
        {"form": form, "reports": reports, "can_edit_template": roles.can_edit_report_template(
            request.user)},
    )  # fmt: skip


@require(roles.can_read_reports)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.defer("content"), pk=pk)
    if report.state == JobState.QUEUED and settings.LIENKET_IMPORT_WORKER == "thread":
        worker.THREAD.start()  # idle since a restart: start it (a running thread is kept)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "can_submit": roles.can_submit_reports(request.user)
            and report.state == JobState.DONE
            and not report.frozen,
            "can_delete": roles.can_build_reports(request.user) and not report.frozen,
            "tables": sorted(report.snapshot.get("tables", {}).items()),
            "trade": report.snapshot.get("trade", []),
        },
    )


@require(roles.can_read_reports)
def report_status(request: HttpRequest, pk: int) -> JsonResponse:
    report = get_object_or_404(Report.objects.only("state", "done", "total", "stage"), pk=pk)
    return JsonResponse(
        {
            "state": report.state,
            "state_label": str(report.get_state_display())
            + (f" · {report.stage}" if report.stage else ""),
            "percent": report.percent,
            "finished": report.finished_or_failed,
        }
    )


@require(roles.can_read_reports)
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk, state=JobState.DONE)
    response = HttpResponse(bytes(report.content or b""), content_type=MIME[report.fmt])
    inline = report.fmt in ("html", "pdf") and request.GET.get("view") == "1"
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{report.file_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    if report.fmt == "html":  # the file's own styles only: no script may run in it
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
        )
    audit.record(request.user, AuditAction.EXPORTED, report, report.file_name)
    return response


@require(roles.can_submit_reports)
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.defer("content"), pk=pk)
    try:
        services.submit(report, request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The report is marked as submitted and can no longer change."))
    return redirect("report-detail", pk=pk)


@require(roles.can_build_reports)
@require_POST
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.defer("content"), pk=pk)
    try:
        services.delete(report, request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
        return redirect("report-detail", pk=pk)
    messages.success(request, _("The report was deleted."))
    return redirect("report-list")


@require(roles.can_edit_report_template)
def template_edit(request: HttpRequest) -> HttpResponse:
    tpl = Template.current()
    form = TemplateForm(template=tpl)
    if request.method == "POST":
        form = TemplateForm(request.POST, request.FILES, template=tpl)
        if form.is_valid():
            try:
                sections = form.sections()
            except Exception as exc:  # a ValidationError from the section choice
                form.add_error(None, exc)  # type: ignore[arg-type]
            else:
                tpl.sections = sections
                tpl.cover = form.cover()
                if form.cleaned_data["remove_logo"]:
                    tpl.logo, tpl.logo_type = None, ""
                elif form.cleaned_data["logo"]:
                    tpl.logo, tpl.logo_type = form.cleaned_data["logo"]
                tpl.updated_by_label = audit.label(request.user)
                tpl.save()
                audit.record(request.user, AuditAction.UPDATED, tpl, ", ".join(sections))
                messages.success(request, _("The report template was saved."))
                return redirect("report-template")
    return render(request, "reports/template.html", {"form": form, "template": tpl})
