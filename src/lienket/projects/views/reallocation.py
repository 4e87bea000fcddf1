"""Reallocation proposals, their decision, and the exchange rates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket.core import audit, roles
from lienket.core.decorators import require
from lienket.core.pages import day_param
from lienket.engine import allocation
from lienket.engine.errors import DataError
from lienket.projects import services
from lienket.projects.forms import (
    DecisionForm,
    RateForm,
    ReallocationForm,
)
from lienket.projects.models import (
    ExchangeRate,
    Kind,
    Project,
    ProposalStatus,
    Reallocation,
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
            and r.status == ProposalStatus.PROPOSED
            and roles.deciding_side(request.user) not in services.decided_sides(r),
            "can_comment": roles.can_approve_reallocation(request.user),
            "sides": [(side, services.decided_sides(r).get(side)) for side in services.sides()],
            "decisions": list(r.decisions.all()),
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
    except services.SideDecidedError:
        messages.error(request, _("Your side has already decided on this proposal."))
        return redirect("reallocation-detail", pk=r.pk)
    except services.StaleProposalError:
        messages.error(
            request,
            _(
                "This proposal can no longer be decided: it was decided "
                "already, or the allocations changed since. Propose again."
            ),
        )
        return redirect("reallocation-detail", pk=r.pk)
    r.refresh_from_db()
    if approve and r.status == ProposalStatus.PROPOSED:
        messages.success(
            request, _("Approved for your side; the other side's approval is awaited.")
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


@require_POST
@require(roles.can_approve_reallocation)
def reallocation_comment(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(Reallocation, pk=pk)
    note = request.POST.get("note", "").strip()
    if not note or len(note) > 4000:
        raise BadRequest(_("write a comment (at most 4,000 characters)"))
    services.comment(r, request.user, note)
    return redirect("reallocation-detail", pk=r.pk)
