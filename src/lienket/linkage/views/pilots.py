"""Pilot candidates, their weights and the pilot projects."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import formats, roles
from lienket.core.decorators import require
from lienket.linkage import services
from lienket.linkage.models import (
    PilotEvent,
    PilotProject,
    PilotStatus,
    PilotWeights,
)
from lienket.trade.tables import paginate


@require(roles.can_read_registry)
def pilots(request: HttpRequest) -> HttpResponse:
    weights = PilotWeights.current()
    if request.method == "POST":
        if not roles.can_manage_pilots(request.user):
            raise PermissionDenied
        if "select" in request.POST:
            return _select_pilot(request, weights)
        lang = (translation.get_language() or "en")[:2]
        for key in PilotWeights.CRITERIA:
            try:
                value = float(formats.parse_number(request.POST.get(key, ""), lang))
            except formats.AmbiguousNumberError:
                raise BadRequest(_(
                    "“%(text)s” could be a decimal or a thousands mark: write the weight with "
                    "a decimal comma (0,25), or without the point") % {
                    "text": request.POST.get(key, "")}) from None  # fmt: skip
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
        text = request.GET.get("min_score", "").strip()
        min_score = (
            float(formats.parse_number(text, (translation.get_language() or "en")[:2]))
            if text
            else 0.0
        )
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
