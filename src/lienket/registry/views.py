"""Registry pages: thin views that check the role, call a selector or service, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket import refdata
from lienket.core import audit, roles
from lienket.core.decorators import require
from lienket.core.spreadsheet import xlsx_response
from lienket.engine.errors import DataError, RowError
from lienket.registry import exports, importers, selectors, services
from lienket.registry.forms import EnterpriseForm, ImportForm, RelationshipForm, province_choices
from lienket.registry.models import (
    DuplicateFlag,
    DuplicateStatus,
    Enterprise,
    Relationship,
    SizeClass,
    Stage,
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
        "zones": Zone.objects.all(),
        "params": request.GET,
    }


@require(roles.can_read_registry)
def enterprise_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.filter_enterprises(request.GET)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"page": page, "total": page.paginator.count}
    if request.headers.get("HX-Request"):  # htmx swaps the rows only
        return render(request, "registry/_partials/enterprise_rows.html", context)
    return render(request, "registry/enterprise_list.html", {**context, **_filter_context(request)})


@require(roles.can_read_registry)
def enterprise_export(request: HttpRequest) -> HttpResponse:
    qs = selectors.filter_enterprises(request.GET).prefetch_related("products")
    return _xlsx(exports.enterprises_xlsx(qs), "lienket-enterprises.xlsx")


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
        except services.StaleEdit as exc:
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
    return render(request, "registry/zone_list.html", {"zones": Zone.objects.all()})


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
    return render(request, "registry/relationship_list.html", {"page": page})


@require(roles.can_read_registry)
def relationship_export(request: HttpRequest) -> HttpResponse:
    qs = selectors.filter_relationships(request.GET)
    return _xlsx(exports.relationships_xlsx(qs), "lienket-relationships.xlsx")


@require(roles.can_import)
def relationship_create(request: HttpRequest) -> HttpResponse:
    form = RelationshipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Relationship saved."))
        return redirect("relationship-list")
    return render(request, "registry/relationship_form.html", {"form": form})


def _errors_to_session(request: HttpRequest, errors: list[RowError]) -> None:
    request.session["import_errors"] = [
        {"file": e.file, "row": e.row, "field": e.field, "message": e.text(_)} for e in errors
    ]


@require(roles.can_import)
def import_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        run = (
            importers.import_enterprises
            if form.cleaned_data["kind"] == "enterprises"
            else importers.import_relationships
        )
        try:
            dry_run = request.POST.get("action") == "check"
            if form.cleaned_data["kind"] == "enterprises":
                update = form.cleaned_data["update"]
                result = run(upload, upload.name, request.user, dry_run=dry_run, update=update)
            else:
                result = run(upload, upload.name, request.user, dry_run=dry_run)
        except DataError as exc:
            _errors_to_session(request, exc.errors)
            context["errors"] = exc.errors[:500]
            context["more_errors"] = len(exc.errors) - 500
            context["error_count"] = len(exc.errors)
            return render(request, "registry/import.html", context, status=400)
        context["result"] = result
    return render(request, "registry/import.html", context)


@require(roles.can_import)
def import_errors_download(request: HttpRequest) -> HttpResponse:
    stored = request.session.get("import_errors", [])
    errors = [RowError(e["file"], e["row"], e["field"], e["message"]) for e in stored]
    return _xlsx(exports.errors_xlsx(errors), "lienket-import-errors.xlsx")


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
