"""Meetings, their minutes and decisions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from lienket.cooperation.forms import (
    DecisionForm,
    MeetingForm,
)
from lienket.cooperation.models import (
    Activity,
    Decision,
    Meeting,
)
from lienket.cooperation.views.plans import (
    _current_plan,
)
from lienket.core import audit, roles
from lienket.core.decorators import require
from lienket.core.pages import day_param


@require(roles.can_read_cooperation)
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not roles.can_edit_plans(request.user):
            raise PermissionDenied
        if form.is_valid():
            m = form.save()
            audit.record(request.user, "created", m, str(m))
            return redirect("coop-meeting", pk=m.pk)
    return render(request, "cooperation/meetings.html",
                  {"meetings": Meeting.objects.prefetch_related("decisions"), "form": form,
                   "can_edit": roles.can_edit_plans(request.user)})  # fmt: skip


@require(roles.can_read_cooperation)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    m = get_object_or_404(Meeting, pk=pk)
    number = (m.decisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = DecisionForm(request.POST or None, initial={"number": number})
    if request.method == "POST":
        if not roles.can_edit_plans(request.user):
            raise PermissionDenied
        if form.is_valid():
            d = form.save(commit=False)
            d.meeting = m
            plan = _current_plan()
            if form.cleaned_data["new_activity"] and plan is not None:
                d.activity = Activity.objects.create(
                    plan=plan, number=f"D{m.pk}.{d.number}"[:12], title_en=d.text[:300],
                    lead=d.side, organisation=d.organisation, start=m.date,
                    due=max(d.due, m.date), fictional=m.fictional and plan.fictional,
                )  # fmt: skip
            d.save()
            audit.record(request.user, "created", d, f"decision {d}")
            return redirect("coop-meeting", pk=m.pk)
    can_edit = roles.can_edit_plans(request.user)
    return render(
        request, "cooperation/meeting_detail.html", {"m": m, "form": form, "can_edit": can_edit}
    )


@require(roles.can_read_cooperation)
def meeting_minutes(request: HttpRequest, pk: int) -> FileResponse:
    m = get_object_or_404(Meeting, pk=pk)
    if not m.minutes:
        raise Http404
    return FileResponse(
        m.minutes.open("rb"), as_attachment=True, filename=m.minutes.name.rsplit("/", 1)[-1]
    )


@require(roles.can_read_cooperation)
def decision_list(request: HttpRequest) -> HttpResponse:
    on = day_param(request)
    decisions = Decision.objects.select_related("meeting", "organisation", "activity")
    return render(request, "cooperation/decisions.html", {"decisions": decisions, "on": on})
