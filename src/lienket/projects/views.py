"""Projects pages: thin views that check the role, call a service, and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket import refdata
from lienket.core import audit, jobs, labels, roles
from lienket.core.decorators import require
from lienket.core.models import JobState
from lienket.core.pages import day_param
from lienket.core.spreadsheet import xlsx_response
from lienket.engine import allocation, monitoring
from lienket.engine.errors import DataError
from lienket.linkage import geo
from lienket.projects import charts, iati, reference, services, sheets
from lienket.projects.forms import (
    DecisionForm,
    IatiImportForm,
    ImportForm,
    ProjectForm,
    RateForm,
    ReallocationForm,
    fields_of,
)
from lienket.projects.models import (
    ExchangeRate,
    Kind,
    Project,
    ProposalStatus,
    Reallocation,
    Sector,
    Statement,
    Status,
)
from lienket.registry.models import Enterprise

PAGE = 50
#: the statement whose figure holds the import targets by year ("3,000 (2025) / 5,000 (2030)")
TARGET_STATEMENTS = ("A12",)
#: EVN's own totals, shown beside the sum of the cited plants
EVN_STATEMENTS = ("A02", "A03", "A01")


def _kinds(user: Any) -> list[tuple[str, str]]:
    """The kinds of project ``user`` may filter by."""
    return [k for k in Kind.choices if k[0] != Kind.AID or roles.can_read_aid(user)]


def filtered(request: HttpRequest) -> QuerySet[Project]:
    qs = services.visible(request.user)
    g = request.GET
    if g.get("kind") in Kind.values:
        qs = qs.filter(kind=g["kind"])
    if g.get("sector") in Sector.values:
        qs = qs.filter(sector=g["sector"])
    if g.get("status") in Status.values:
        qs = qs.filter(status=g["status"])
    if g.get("country") in refdata.countries():
        qs = qs.filter(country=g["country"])
    if g.get("source") == "cited":
        qs = qs.filter(fictional=False)
    elif g.get("source") == "fictional":
        qs = qs.filter(fictional=True)
    if q := g.get("q", "").strip()[:100]:
        qs = qs.filter(
            Q(name_en__icontains=q)
            | Q(name_vi__icontains=q)
            | Q(name_lo__icontains=q)
            | Q(code__icontains=q)
            | Q(sponsor__icontains=q)
        )
    return qs


@require(roles.can_read_projects)
def project_list(request: HttpRequest) -> HttpResponse:
    qs = filtered(request)
    on = day_param(request)
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    rates = services.Rates.load()
    rows = [(p, rates.to_usd(p.budget, p.currency, on)) for p in page]
    return render(
        request,
        "projects/project_list.html",
        {
            "page": page,
            "rows": rows,
            "total": services.budget_total(qs, on, rates),
            "on": on,
            "kinds": _kinds(request.user),
            "sectors": Sector.choices,
            "statuses": Status.choices,
            "params": request.GET,
            "can_edit": roles.can_edit_projects(request.user),
        },
    )


@require(roles.can_read_projects)
def project_export(request: HttpRequest) -> HttpResponse:
    on = day_param(request)
    data = sheets.export_xlsx(list(filtered(request)), on)
    audit.record(request.user, "exported", None, f"projects XLSX ({request.GET.urlencode()})")
    return xlsx_response(data, "lienket-projects.xlsx")


@require(roles.can_read_projects)
def project_detail(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(services.with_monitoring(services.visible(request.user)), code=code)
    on = day_param(request)
    pos = services.position(project, on.year, on)
    rates = services.Rates.load()
    chart = ""
    if pos.years and project.kind != Kind.POWER:
        chart = charts.safe(
            charts.disbursement_chart(
                pos.years, project.currency, _("Allocated and disbursed by year")
            )
        )
    can_edit = roles.can_edit_projects(request.user)
    return render(
        request,
        "projects/project_detail.html",
        {
            "p": project,
            "pos": pos,
            "on": on,
            "chart": chart,
            "usd": rates.to_usd(project.budget, project.currency, on),
            "rate": rates.rate(project.currency, on) if project.currency else None,
            "facts": facts(project),
            "can_edit": can_edit,
            "history": audit.history(project)[:50] if can_edit else [],
            "transactions": list(reversed(project.transactions.all()))[:24],
            "budgets": list(project.budgets.all()),
            "planned": list(project.planned_disbursements.all()),
            "iati": iati.kept_rows(project) if project.kind == Kind.AID else None,
            "pace_days": monitoring.PACE_DAYS,
            "band": int(monitoring.SPI_BAND * 100),
            "chain": refdata.chains().get(project.chain),
        },
    )


#: fields whose figure as the source printed it is shown beside lienket's reading
PUBLISHED = {
    "status": "status_as_published",
    "budget": "budget_as_published",
    "operation_year": "operation_as_published",
    "tariff_us_cents": "tariff_as_published",
    "transmission_kv": "transmission_as_published",
    "annual_energy_gwh": "annual_energy_as_published",
    "start_date": "dates_as_published",
    "province_code": "location",
}
#: free text copied from English-language sources, shown as such (``lang="en"``)
SOURCE_TEXT = {"agreement_status", "agreement_signed", "agreement_counterparty"}
SKIP = {"code", "name_en", "name_vi", "name_lo", "note", "fictional", "location"}


def facts(p: Project) -> list[tuple[str, Any, str]]:
    """(label, value in the reader's language, the same fact as published) for the page."""
    lang = (get_language() or "en")[:2]
    places = {
        "province_code": p.province,
        "country": refdata.countries().get(p.country),
        "chain": refdata.chains().get(p.chain),
    }
    out = []
    for name in fields_of(p.kind):
        if name in SKIP:
            continue
        field = Project._meta.get_field(name)
        value: Any = getattr(p, name)
        if getattr(field, "choices", None):
            value = getattr(p, f"get_{name}_display")()
        elif name in places:
            named = places[name]
            value = named.names.get(lang) if named is not None else value
        published = getattr(p, PUBLISHED[name]) if name in PUBLISHED else ""
        if name == "budget" and value is not None:
            value = f"{value:,.0f} {p.currency}"
        if value in (None, "") and not published:
            continue
        if name in SOURCE_TEXT and value:
            value = format_html('<span lang="en">{}</span>', value)
        out.append((str(field.verbose_name), value, published if published != value else ""))
    return out


def _form_page(request: HttpRequest, kind: str, project: Project | None) -> HttpResponse:
    form = ProjectForm(request.POST or None, kind=kind, instance=project)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit.record(
            request.user, "updated" if project else "created", saved, ", ".join(form.changed_data)
        )
        messages.success(request, _("Project saved."))
        return redirect("project-detail", code=saved.code)
    return render(
        request,
        "projects/project_form.html",
        {"form": form, "p": project, "kind_label": Kind(kind).label},
    )


@require(roles.can_edit_projects)
def project_create(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", Kind.INVESTMENT)
    if kind not in Kind.values:
        raise Http404
    return _form_page(request, kind, None)


@require(roles.can_edit_projects)
def project_edit(request: HttpRequest, code: str) -> HttpResponse:
    project = get_object_or_404(Project, code=code)
    return _form_page(request, project.kind, project)


@require(roles.can_read_projects)
def monitoring_page(request: HttpRequest) -> HttpResponse:
    on = day_param(request)
    try:
        year = int(request.GET.get("year", on.year))
    except ValueError:
        year = on.year
    qs = services.visible(request.user).filter(allocations__isnull=False).exclude(kind=Kind.POWER)
    qs = qs.distinct()
    found = services.positions(qs.order_by("kind", "code"), year, on)
    counts = {
        s: sum(1 for p in found if p.status == s)
        for s in (monitoring.BEHIND, monitoring.ON_SCHEDULE, monitoring.AHEAD, monitoring.NO_DATA)
    }
    return render(
        request,
        "projects/monitoring.html",
        {
            "positions": found,
            "year": year,
            "on": on,
            "counts": counts,
            "band": int(monitoring.SPI_BAND * 100),
            "pace_days": monitoring.PACE_DAYS,
        },
    )


@require(roles.can_read_projects)
def power_page(request: HttpRequest) -> HttpResponse:
    on = day_param(request)
    plants = list(Project.objects.filter(kind=Kind.POWER).order_by("code"))
    years = services.capacity_by_year(plants, 2013, 2030)
    statements = list(Statement.objects.filter(topic="power"))
    by_code = {s.code: s for s in statements}
    targets = [
        (year, mw, code)
        for code in TARGET_STATEMENTS
        if code in by_code
        for year, mw in reference.targets(by_code[code].figure)
    ]
    chart = charts.safe(
        charts.capacity_chart(
            years, targets, _("Lao capacity selling or committed to Viet Nam, MW")
        )
    )
    unplaced = [
        p
        for p in plants
        if p.status in services.COMMITTED and (p.installed_mw is None or not p.operation_year)
    ]
    evn = [by_code[c] for c in EVN_STATEMENTS if c in by_code]
    return render(
        request,
        "projects/power.html",
        {
            "chart": chart,
            "unplaced": unplaced,
            "statements": statements,
            "review": services.tariff_review(plants, on),
            "on": on,
            "evn": evn,
            "now": next((y for y in years if y.year == on.year), years[-1]),
        },
    )


@require(roles.can_read_aid)
def reallocation_list(request: HttpRequest) -> HttpResponse:
    funders = sorted(
        set(
            Project.objects.filter(kind=Kind.AID, allocations__isnull=False).values_list(
                "sponsor", flat=True
            )
        )
    )
    on = day_param(request)
    form = ReallocationForm(request.POST or None, funders=funders, initial={"year": on.year})
    context: dict[str, Any] = {
        "form": form,
        "proposals": Reallocation.objects.all()[:50],
        "can_propose": roles.can_propose_reallocation(request.user),
    }
    if request.method == "POST":
        if not context["can_propose"]:
            raise PermissionDenied
        if form.is_valid():
            fences = [allocation.Fence("funder", f) for f in form.cleaned_data["fence_funders"]]
            fences += [allocation.Fence("sector", s) for s in form.cleaned_data["fence_sectors"]]
            try:
                r = services.propose(form.cleaned_data["year"], request.user, on=on, fences=fences)
            except DataError as exc:
                context.update(errors=exc.errors, error_count=len(exc.errors))
                return render(request, "projects/reallocation_list.html", context, status=400)
            return redirect("reallocation-detail", pk=r.pk)
    return render(request, "projects/reallocation_list.html", context)


@require(roles.can_read_aid)
def reallocation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(Reallocation, pk=pk)
    lines = list(r.lines.select_related("project"))
    return render(
        request,
        "projects/reallocation_detail.html",
        {
            "r": r,
            "lines": lines,
            "form": DecisionForm(),
            "can_decide": roles.can_decide_reallocation(request.user, r)
            and r.status == ProposalStatus.PROPOSED,
            "own_proposal": roles.proposed_by(request.user, r),
            "gain": r.forecast_after - r.forecast_before,
            "history": audit.history(r)[:20],
            "fictional": any(line.project.fictional for line in lines),
        },
    )


@require_POST
@require(roles.can_approve_reallocation)
def reallocation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(Reallocation, pk=pk)
    form = DecisionForm(request.POST)
    approve = request.POST.get("action") == "approve"
    if not form.is_valid() or request.POST.get("action") not in ("approve", "reject"):
        raise PermissionDenied
    try:
        services.decide(r, approve, request.user, form.cleaned_data["note"])
    except services.OwnProposalError:
        raise PermissionDenied from None  # its own proposer, by the role table
    except services.StaleProposalError:
        messages.error(
            request,
            _(
                "This proposal can no longer be decided: it was decided "
                "already, or the allocations changed since. Propose again."
            ),
        )
        return redirect("reallocation-detail", pk=r.pk)
    messages.success(
        request,
        _("Approved: the new allocations are written.")
        if approve
        else _("Rejected: the allocations are unchanged."),
    )
    return redirect("reallocation-detail", pk=r.pk)


@require(roles.can_read_aid)
def rate_list(request: HttpRequest) -> HttpResponse:
    form = RateForm(request.POST or None)
    if request.method == "POST":
        if not roles.can_edit_rates(request.user):
            raise PermissionDenied
        if form.is_valid():
            rate = form.save(commit=False)
            rate.entered_by = request.user
            rate.save()
            audit.record(request.user, "created", rate, str(rate))
            messages.success(request, _("Rate saved."))
            return redirect("rate-list")
    return render(
        request,
        "projects/rates.html",
        {
            "rates": [(r, 1 / r.usd_per_unit) for r in ExchangeRate.objects.all()],
            "form": form,
            "can_edit": roles.can_edit_rates(request.user),
        },
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


@require(roles.can_read_projects)
def map_page(request: HttpRequest) -> HttpResponse:
    from lienket.projects.maps import projects_map

    qs = filtered(request)
    svg, unplaced = projects_map(list(qs), _("Projects"))
    return render(
        request,
        "projects/map.html",
        {
            "map": charts.safe(svg),
            "unplaced": unplaced,
            "params": request.GET,
            "kinds": _kinds(request.user),
        },
    )


@require(roles.can_read_registry)
def map_data(request: HttpRequest) -> HttpResponse:
    """The map's GeoJSON: reference layers (cached per language) and, for this reader, the
    enterprises and projects counted by province (here, on the floor that sees both)."""
    lang = labels.reader_lang()
    firms = Enterprise.objects.exclude(province_code="").values_list("country", "province_code")
    extra = geo.counted_by_province(list(firms), lang, "enterprise")
    if roles.can_read_projects(request.user):
        rows = services.visible(request.user).exclude(province_code="")
        extra += geo.counted_by_province(
            list(rows.values_list("country", "province_code")), lang, "project"
        )
    response = HttpResponse(geo.collection(lang, extra), content_type="application/geo+json")
    response["Cache-Control"] = "private, max-age=300"
    return response
