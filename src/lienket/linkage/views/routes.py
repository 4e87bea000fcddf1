"""Routes between places and the linkage map."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket import refdata
from lienket.core import labels, roles
from lienket.core.decorators import require
from lienket.linkage import maps, services
from lienket.linkage.views.chains import (
    WEIGHT_LABELS,
)
from lienket.registry.models import Enterprise


def _place_choices() -> list[tuple[str, str]]:
    net = services.network()
    kinds = {
        "province": _("province"),
        "zone": _("zone"),
        "gate": _("border gate"),
        "port": _("seaport"),
    }
    lang = labels.reader_lang()

    def label(p: Any) -> str:
        return f"{refdata.place_name(p, lang)} ({kinds[p.kind]}, {labels.country_name(p.country)})"

    return sorted(((p.id, label(p)) for p in net.places.values()), key=lambda x: x[1])


@require(roles.can_read_registry)
def routes(request: HttpRequest) -> HttpResponse:
    net = services.network()
    origin = request.GET.get("from", "zone:savan-seno")
    dest = request.GET.get("to", "port:danang")
    weight = request.GET.get("weight", "usd")
    if origin not in net.places or dest not in net.places:
        raise BadRequest(_("unknown place"))
    if weight not in WEIGHT_LABELS:
        raise BadRequest(_("the route can be the shortest, the fastest or the cheapest"))
    route = net.route(origin, dest, weight)
    lang = labels.reader_lang()
    return render(
        request,
        "linkage/routes.html",
        {
            "places": _place_choices(),
            "origin": origin,
            "dest": dest,
            "weight": weight,
            "weights": WEIGHT_LABELS,
            "route": route,
            "stops": [refdata.place_name(p, lang) for p in route.places] if route else [],
            "gates": [refdata.place_name(g, lang) for g in route.gates] if route else [],
            "map": maps.svg_map(route, _("Route")),
            "config": map_config(route),
        },
    )


MAP_WORDS = {
    "province": gettext_lazy("province"),
    "zone": gettext_lazy("Zones"),
    "gate": gettext_lazy("Border gates"),
    "port": gettext_lazy("Seaports"),
    "enterprise": gettext_lazy("Enterprises"),
    "project": gettext_lazy("Projects"),
    "route": gettext_lazy("Route"),
    "archipelago": gettext_lazy("Archipelago of Viet Nam"),
    "legend": gettext_lazy("Legend"),
    "count": gettext_lazy("number in the province"),
    "vnm": gettext_lazy("Viet Nam"),
    "lao": gettext_lazy("Lao PDR"),
}


def map_config(route: Any = None) -> dict[str, Any]:
    """What the map's script needs: the data's address, the words of its legend and layers in
    the reader's language, and a route's stops as [lat, lon, name] when there is one."""
    lang = labels.reader_lang()
    config: dict[str, Any] = {
        "data": reverse("map-data"),
        "words": {k: str(v) for k, v in MAP_WORDS.items()},
    }
    if route is not None and len(route.places) > 1:
        config["route"] = [
            [p.latitude, p.longitude, refdata.place_name(p, lang)] for p in route.places
        ]
    return config


@require(roles.can_read_registry)
def map_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "linkage/map.html",
        {
            "map": maps.svg_map(None, _("Map")),
            "config": map_config(),
            "unplaced": Enterprise.objects.filter(province_code="").count(),
        },
    )
