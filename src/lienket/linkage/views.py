"""Chains, partner finder, match workflow, pilot ranking, routes and the map."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket import refdata
from lienket.core import labels, roles, throttle
from lienket.core.decorators import require
from lienket.core.vocabulary import Stage
from lienket.linkage import graphs, maps, services
from lienket.linkage.models import (
    Match,
    MatchStatus,
    PilotEvent,
    PilotProject,
    PilotStatus,
    PilotWeights,
)
from lienket.registry.models import Enterprise
from lienket.trade.tables import paginate

WEIGHT_LABELS = {
    "km": gettext_lazy("shortest"),
    "hours": gettext_lazy("fastest"),
    "usd": gettext_lazy("cheapest"),
}


@require(roles.can_read_registry)
def chains(request: HttpRequest) -> HttpResponse:
    rows = services.chain_summary()
    return render(request, "linkage/chains.html", {"rows": rows})


@require(roles.can_read_registry)
def chain_detail(request: HttpRequest, code: str) -> HttpResponse:
    chain = refdata.chains().get(code)
    if chain is None:
        raise BadRequest(_("unknown chain %(code)s") % {"code": code})
    view, firms = services.chain_view(code)
    a, b = view.countries
    matrix = [
        {
            "stage": st,
            "counts": [view.coverage[(st, a)], view.coverage[(st, b)]],
            "firms": [
                [f for f in firms.values() if f.country == c and st in _stages(view, f.pk)]
                for c in (a, b)
            ],
        }
        for st in chain.stages
    ]
    paths = []
    for (origin, dest), found in view.paths.items():
        paths.append(
            {
                "origin": origin,
                "dest": dest,
                "paths": [[firms[i] for i in p] for p in found],
                "critical": [firms[i] for i in view.critical[(origin, dest)]],
            }
        )
    gaps = [{"gap": g, "description": labels.hs_html(g.code, "HS2022")} for g in view.gaps]
    names = {st: str(dict(Stage.choices).get(st, st)) for st in chain.stages}
    names.update({c: labels.country_name(c) for c in (a, b)})
    words = {
        "title": _("Firms of the chain by stage and country, and who supplies whom"),
        "gap": _("gap: no firm here"),
        "no firm": _("no firm on either side"),
        "more": _("more"),
        "drawn earlier": _("firms, drawn at their first stage"),
        "across the border": _("supplies across the border"),
        "within a country": _("supplies within a country"),
    }
    graph = graphs.chain_svg(
        view, chain.stages, names, lambda pk: reverse("enterprise-detail", args=[pk]), words
    )
    return render(
        request,
        "linkage/chain_detail.html",
        {
            "graph": graph,
            "code": code,
            "chain": chain,
            "a": a,
            "b": b,
            "matrix": matrix,
            "gaps": gaps,
            "paths": paths,
        },
    )


def _stages(view: Any, firm_id: int) -> tuple[str, ...]:
    return tuple(view.graph.nodes[firm_id].get("stages", ()))


@login_required
def partner_home(request: HttpRequest) -> HttpResponse:
    """Enterprise users go to their own firm's finder; others choose a firm."""
    p = roles.profile(request.user)
    if p is not None and p.enterprise_id:
        return redirect("partner-finder", pk=p.enterprise_id)
    if not (roles.is_steward(request.user) or roles.focal_country(request.user)):
        raise PermissionDenied
    country = roles.focal_country(request.user)
    qs = Enterprise.objects.all() if country is None else Enterprise.objects.filter(country=country)
    return render(
        request,
        "linkage/partner_home.html",
        {"firms": qs.order_by("name_en", "name_vi", "pk")[:500]},
    )


@login_required
def partner_finder(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = get_object_or_404(Enterprise, pk=pk)
    if not roles.can_find_partners(request.user, enterprise):
        raise PermissionDenied
    found = services.suggestions(enterprise, 20)
    if request.method == "POST":
        throttle.check(request.user, "match")
        try:
            partner = int(request.POST.get("partner", ""))
        except ValueError:
            raise BadRequest(_("no partner given")) from None
        chosen = next((s for s in found if s.partner == partner), None)
        if chosen is None:
            raise BadRequest(_("that firm is not among the current suggestions"))
        match = services.shortlist(enterprise, chosen, request.user)
        messages.success(
            request, _("Shortlisted. Both enterprises and their focal points can follow it here.")
        )
        return redirect("match-detail", pk=match.pk)
    partners = Enterprise.objects.in_bulk([s.partner for s in found])
    existing = {
        (m.supplier_id, m.buyer_id): m
        for m in Match.objects.filter(supplier_id__in=[pk, *partners], buyer_id__in=[pk, *partners])
    }
    rows = []
    for s in found:
        pair = (s.partner, pk) if s.role == "supplier" else (pk, s.partner)
        rows.append({"s": s, "firm": partners[s.partner], "match": existing.get(pair)})
    return render(request, "linkage/partner_finder.html", {"enterprise": enterprise, "rows": rows})


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    qs = Match.objects.filter(roles.visible_match_filter(request.user)).select_related(
        "supplier", "buyer"
    )
    status = request.GET.get("status", "")
    if status:
        if status not in MatchStatus.values:
            raise BadRequest(_("unknown status"))
        qs = qs.filter(status=status)
    return render(
        request,
        "linkage/match_list.html",
        {"matches": qs[:500], "statuses": MatchStatus.choices, "status": status},
    )


@login_required
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_object_or_404(Match.objects.select_related("supplier", "buyer"), pk=pk)
    if not roles.can_see_match(request.user, match):
        raise PermissionDenied  # a third enterprise neither sees nor changes it
    if request.method == "POST":
        throttle.check(request.user, "match")
        if "disclose" in request.POST:
            try:
                services.set_disclosure(match, request.user, request.POST["disclose"] == "share")
            except services.TransitionError as exc:
                messages.error(request, str(exc))
            return redirect("match-detail", pk=match.pk)
        status = request.POST.get("status", "")
        try:
            when = date.fromisoformat(request.POST.get("date") or timezone.localdate().isoformat())
        except ValueError:
            raise BadRequest(_("the date must be written YYYY-MM-DD")) from None
        try:
            services.advance(match, status, request.POST.get("note", "")[:4000], when, request.user)
        except services.TransitionError as exc:
            messages.error(request, str(exc))
        return redirect("match-detail", pk=match.pk)
    choices = dict(MatchStatus.choices)
    disclosure = services.disclosure(match)
    mine = services.agreement_sides(match, request.user)
    return render(
        request,
        "linkage/match_detail.html",
        {
            "match": match,
            "disclosure": disclosure,
            "my_sides": mine,
            "shared_by_me": bool(mine) and all(disclosure[side] for side in mine),
            "events": match.events.select_related("by"),
            "next": [(s, choices[s]) for s in match.next_statuses],
            "today": timezone.localdate().isoformat(),
        },
    )


@require(roles.can_read_registry)
def pilots(request: HttpRequest) -> HttpResponse:
    weights = PilotWeights.current()
    if request.method == "POST":
        if not roles.can_manage_pilots(request.user):
            raise PermissionDenied
        if "select" in request.POST:
            return _select_pilot(request, weights)
        for key in PilotWeights.CRITERIA:
            try:
                value = float(request.POST.get(key, "").replace(",", "."))
            except ValueError:
                raise BadRequest(_("every weight must be a number")) from None
            if not 0 <= value <= 10:
                raise BadRequest(_("weights run from 0 to 10"))
            setattr(weights, key, value)
        weights.updated_by = request.user
        weights.save()
        messages.success(request, _("Weights saved; the ranking below uses them."))
        return redirect("pilots")
    ranked = list(enumerate(services.pilot_candidates(weights.as_dict()), start=1))
    chain = request.GET.get("chain", "")
    country = request.GET.get("country", "")
    try:
        min_score = float(request.GET.get("min_score", "").replace(",", ".") or 0)
    except ValueError:
        raise BadRequest(_("the lowest score must be a number")) from None
    shown = [
        (rank, c)
        for rank, c in ranked
        if (not chain or c.chain == chain)
        and (not country or c.country == country)
        and c.score >= min_score
    ]
    page = paginate(shown, request.GET.get("page"), size=20)
    criteria = {
        f.name: f.verbose_name
        for f in PilotWeights._meta.get_fields()
        if f.name in PilotWeights.CRITERIA
    }
    return render(
        request,
        "linkage/pilots.html",
        {
            "candidates": [c for _rank, c in page.rows],
            "ranked_rows": page.rows,
            "page": page,
            "ranked": len(ranked),
            "chains": refdata.chains(),
            "countries": settings.LIENKET_COUNTRIES[:2],
            "params": request.GET,
            "weights": weights,
            "labels": criteria,
            "can_manage": roles.can_manage_pilots(request.user),
            "projects": PilotProject.objects.all()[:50],
        },
    )


def _select_pilot(request: HttpRequest, weights: PilotWeights) -> HttpResponse:
    key = request.POST.get("select", "")
    candidate = next(
        (c for c in services.pilot_candidates(weights.as_dict()) if c.key == key), None
    )
    if candidate is None:
        raise BadRequest(_("that candidate is no longer in the ranking"))
    project = PilotProject.objects.create(
        chain=candidate.chain,
        zone=candidate.zone,
        province_code=candidate.province,
        country=candidate.country,
        products=" ".join(candidate.products)[:400],
        score=candidate.score,
        explanation=[
            {"criterion": c.key, "value": c.value, "weight": c.weight, "evidence": c.evidence}
            for c in candidate.criteria
        ],
        created_by=request.user,
    )
    project.enterprises.set(candidate.enterprises)
    PilotEvent.objects.create(project=project, status=PilotStatus.SELECTED, by=request.user)
    return redirect("pilot-project", pk=project.pk)


@require(roles.can_read_registry)
def pilot_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(PilotProject, pk=pk)
    if request.method == "POST":
        if not roles.can_manage_pilots(request.user):
            raise PermissionDenied
        status = request.POST.get("status", "")
        if status not in PilotStatus.values:
            raise BadRequest(_("unknown status"))
        project.status = status
        project.save(update_fields=["status"])
        PilotEvent.objects.create(
            project=project,
            status=status,
            note=request.POST.get("note", "")[:4000],
            by=request.user,
        )
        return redirect("pilot-project", pk=pk)
    return render(
        request,
        "linkage/pilot_project.html",
        {
            "project": project,
            "events": project.events.select_related("by"),
            "statuses": PilotStatus.choices,
            "can_manage": roles.can_manage_pilots(request.user),
        },
    )


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
