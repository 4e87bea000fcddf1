"""The project list, a project's page and its form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import audit, formats, roles
from lienket.core.decorators import require
from lienket.core.pages import day_param
from lienket.core.spreadsheet import xlsx_response
from lienket.engine import monitoring
from lienket.projects import charts, iati, services, sheets
from lienket.projects.forms import (
    ProjectForm,
    fields_of,
)
from lienket.projects.models import (
    Kind,
    Project,
    Sector,
    Status,
)

PAGE = 50
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
            value = f"{formats.number(value, lang)} {p.currency}"
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            value = formats.auto(value, lang)
        if published and str(published) != str(value):  # the source's words, as printed
            published = format_html('<span class="as-published">{}</span>', published)
        else:
            published = ""
        if value in (None, "") and not published:
            continue
        if name in SOURCE_TEXT and value:
            value = format_html('<span lang="en">{}</span>', value)
        out.append((str(field.verbose_name), value, published))
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
