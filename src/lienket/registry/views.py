"""Registry pages: thin views that check the role, call a selector or service, and render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket import refdata
from lienket.core import audit, jobs, roles, throttle
from lienket.core.decorators import require
from lienket.core.importpages import own_job
from lienket.core.models import ImportJob, JobState
from lienket.core.spreadsheet import errors_xlsx, xlsx_response
from lienket.core.vocabulary import SizeClass, Stage
from lienket.engine import collation
from lienket.registry import exports, selectors, services
from lienket.registry.forms import EnterpriseForm, ImportForm, RelationshipForm, province_choices
from lienket.registry.models import (
    DuplicateFlag,
    DuplicateStatus,
    Enterprise,
    Relationship,
    Zone,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "registry/home.html", {"summary": selectors.public_summary()})


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    return xlsx_response(data, filename)


def _filter_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "chains": list(refdata.chains()),
        "stages": Stage.choices,
        "sizes": SizeClass.choices,
        "province_groups": province_choices(),
        "zones": collation.sorted_by(Zone.objects.all(), lambda z: z.name, get_language() or "en"),
        "params": request.GET,
        "can_export": roles.can_export_registry(request.user),
    }


@require(roles.can_read_registry)
def enterprise_list(request: HttpRequest) -> HttpResponse:
    if request.GET.get("q"):
        throttle.check(request.user, "search")
    qs = selectors.filter_enterprises(request.GET, selectors.private_visible(request.user))
    order = selectors.in_reader_order(qs, get_language() or "en")
    page = Paginator(order, 50).get_page(request.GET.get("page"))
    found = qs.in_bulk(list(page.object_list))
    page.object_list = [found[pk] for pk in page.object_list]
    context = {"page": page, "total": page.paginator.count}
    if request.headers.get("HX-Request"):  # htmx swaps the rows only
        return render(request, "registry/_partials/enterprise_rows.html", context)
    return render(request, "registry/enterprise_list.html", {**context, **_filter_context(request)})


@require(roles.can_export_registry)
def enterprise_export(request: HttpRequest) -> HttpResponse:
    visible = selectors.private_visible(request.user)
    qs = selectors.filter_enterprises(request.GET, visible).prefetch_related("products")
    data = exports.enterprises_xlsx(qs)
    audit.record(request.user, "exported", None, f"enterprises ({request.GET.urlencode()[:500]})")
    return _xlsx(data, "lienket-enterprises.xlsx")


@require(roles.can_read_registry)
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ent = get_object_or_404(Enterprise.objects.select_related("zone"), pk=pk)
    rels = Relationship.objects.filter(Q(supplier=ent) | Q(buyer=ent)).select_related(
        "supplier", "buyer"
    )
    can_edit = roles.can_edit_enterprise(request.user, ent)
    return render(
        request,
        "registry/enterprise_detail.html",
        {
            "e": ent,
            "relationships": rels,
            "can_edit": can_edit,
            "private": selectors.sees_private(request.user, ent),
            "history": audit.history(ent)[:50] if can_edit else [],
            "stage_labels": dict(Stage.choices),
        },
    )


@require(lambda u: roles.can_create_enterprise(u))
def enterprise_create(request: HttpRequest) -> HttpResponse:
    form = EnterpriseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if not roles.can_create_enterprise(request.user, form.cleaned_data["country"]):
            raise PermissionDenied
        ent = form.save()
        messages.success(request, _("Enterprise saved."))
        return redirect("enterprise-detail", pk=ent.pk)
    return render(request, "registry/enterprise_form.html", {"form": form})


@require(roles.can_read_registry)
def enterprise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    ent = get_object_or_404(Enterprise, pk=pk)
    if not roles.can_edit_enterprise(request.user, ent):
        raise PermissionDenied
    form = EnterpriseForm(request.POST or None, instance=ent, user=request.user)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except services.StaleEditError as exc:
            # keep what this editor typed; the form now starts from the stored version, so a
            # second save, made knowingly, overwrites
            stale = exc
            form.data = form.data.copy()
            form.data["version"] = str(exc.current.version)
        else:
            messages.success(request, _("Enterprise saved."))
            return redirect("enterprise-detail", pk=ent.pk)
    context = {"form": form, "e": ent, "stale": stale}
    return render(request, "registry/enterprise_form.html", context, status=409 if stale else 200)


@require(roles.can_read_registry)
def zone_list(request: HttpRequest) -> HttpResponse:
    zones = Zone.objects.order_by("country")
    lang = get_language() or "en"
    ordered = [z for c in sorted({z.country for z in zones})
               for z in collation.sorted_by([z for z in zones if z.country == c],
                                            lambda z: z.name, lang)]  # fmt: skip
    return render(request, "registry/zone_list.html", {"zones": ordered})


@require(roles.can_read_registry)
def zone_detail(request: HttpRequest, code: str) -> HttpResponse:
    zone = get_object_or_404(Zone, code=code)
    return render(
        request,
        "registry/zone_detail.html",
        {
            "zone": zone,
            "enterprises": zone.enterprises.all()[:200],
        },
    )


@require(roles.can_read_registry)
def relationship_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.filter_relationships(request.GET)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"page": page, "can_export": roles.can_export_registry(request.user)}
    return render(request, "registry/relationship_list.html", context)


@require(roles.can_export_registry)
def relationship_export(request: HttpRequest) -> HttpResponse:
    qs = selectors.filter_relationships(request.GET)
    data = exports.relationships_xlsx(qs)
    audit.record(request.user, "exported", None, f"relationships ({request.GET.urlencode()[:500]})")
    return _xlsx(data, "lienket-relationships.xlsx")


@require(roles.can_import)
def relationship_create(request: HttpRequest) -> HttpResponse:
    form = RelationshipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Relationship saved."))
        return redirect("relationship-list")
    return render(request, "registry/relationship_form.html", {"form": form})


@require(roles.can_import)
def import_page(request: HttpRequest) -> HttpResponse:
    """Take a file, queue its import, and show the result when it comes within a few seconds
    (else the job's progress page): the file is read in the background (issue 12)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        options = {"dry_run": request.POST.get("action") == "check"}
        if kind == "enterprises":
            options["update"] = form.cleaned_data["update"]
        job = jobs.submit(upload, kind, options, request.user)
        job = jobs.wait(job, settings.LIENKET_IMPORT_WAIT_SECONDS)
        if not job.finished_or_failed:
            return redirect("import-job", pk=job.pk)
        return _job_page(request, job, form)
    return render(request, "registry/import.html", {"form": form, **_limits()})


def _limits() -> dict[str, Any]:
    return {"max_mb": settings.LIENKET_IMPORT_MAX_MB, "max_rows": settings.LIENKET_IMPORT_MAX_ROWS}


def _job_page(request: HttpRequest, job: ImportJob, form: Any = None) -> HttpResponse:
    context: dict[str, Any] = {"form": form or ImportForm(), "job": job, **_limits()}
    if job.state == JobState.DONE:
        context["result"] = jobs.result_view(job.result)
    elif job.state == JobState.FAILED:
        context.update(jobs.refused_context(job))
        return render(request, "registry/import.html", context, status=400)
    return render(request, "registry/import.html", context)


def _own_job(request: HttpRequest, pk: int) -> ImportJob:
    return own_job(request, pk, kinds=("enterprises", "relationships"))


@require(roles.can_import)
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """A queued import: its progress while it runs (the page reloads itself), then its result."""
    job = _own_job(request, pk)
    if not job.finished_or_failed:
        return render(request, "registry/import_progress.html", {"job": job})
    response = _job_page(request, job)
    response.status_code = 200  # the page of a finished job is there to be read
    return response


@require(roles.can_import)
def import_errors_download(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Every kept problem of a refused import (the user's latest when no job is named)."""
    if pk is None:
        job = (
            ImportJob.objects.filter(created_by=request.user, state=JobState.FAILED)
            .filter(kind__in=("enterprises", "relationships"))
            .first()
        )
        if job is None:
            raise Http404
    else:
        job = _own_job(request, pk)
    audit.record(request.user, "exported", None, f"problems of import {job.pk}")
    return _xlsx(errors_xlsx(jobs.report(job)), "lienket-import-errors.xlsx")


def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ("enterprises", "relationships"):
        raise Http404
    return _xlsx(exports.template(kind), f"lienket-{kind}-template.xlsx")


@require(roles.can_manage_duplicates)
def duplicate_list(request: HttpRequest) -> HttpResponse:
    flags = DuplicateFlag.objects.filter(status=DuplicateStatus.OPEN).select_related(
        "enterprise", "other"
    )
    if country := roles.focal_country(request.user):  # only pairs this user may resolve
        flags = flags.filter(enterprise__country=country, other__country=country)
    return render(request, "registry/duplicates.html", {"flags": flags})


@require_POST
@require(roles.can_manage_duplicates)
def duplicate_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(DuplicateFlag, pk=pk, status=DuplicateStatus.OPEN)
    if not (
        roles.can_edit_enterprise(request.user, flag.enterprise)
        and roles.can_edit_enterprise(request.user, flag.other)
    ):
        raise PermissionDenied
    action = request.POST.get("action")
    if action == "dismiss":
        services.dismiss_duplicate(flag, by=request.user)
        messages.success(request, _("Marked as two different enterprises."))
    elif action == "merge":
        keep = (
            flag.enterprise if request.POST.get("keep") == str(flag.enterprise_id) else flag.other
        )
        services.merge_enterprises(flag, keep, by=request.user)
        messages.success(request, _("Enterprises merged."))
    return redirect("duplicate-list")
