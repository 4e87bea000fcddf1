"""Monitoring and power pages: positions and capacity by year."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import day_param
from lienket.engine import monitoring
from lienket.projects import charts, services
from lienket.projects.models import (
    Kind,
    Project,
    Statement,
)
from lienket.projects.views.projects import (
    EVN_STATEMENTS,
)


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
    targets = services.power_targets()
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
