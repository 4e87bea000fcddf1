"""The map of firms and projects, and its data."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lienket.core import labels, roles
from lienket.core.decorators import require
from lienket.linkage import geo
from lienket.projects import charts, services
from lienket.projects.views.projects import (
    _kinds,
    filtered,
)
from lienket.registry.models import Enterprise


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
