"""Finding partners and following a match."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lienket.core import roles, throttle
from lienket.linkage import services
from lienket.linkage.models import (
    Match,
    MatchStatus,
)
from lienket.registry.models import Enterprise


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
