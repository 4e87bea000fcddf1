"""The working group's overview, members, work plans and their activities."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket.cooperation import selectors, services, sheets
from lienket.cooperation.forms import (
    ActivityForm,
    ImportForm,
    NoteForm,
)
from lienket.cooperation.models import (
    Activity,
    GroupRole,
    Meeting,
    Member,
    PlanStatus,
    Side,
    WorkPlan,
)
from lienket.core import audit, jobs, roles
from lienket.core.decorators import require
from lienket.core.models import JobState
from lienket.core.pages import day_param, safe_svg
from lienket.core.spreadsheet import xlsx_response
from lienket.engine import workplan


def _current_plan() -> WorkPlan | None:
    return (
        WorkPlan.objects.exclude(status=PlanStatus.REVISED).order_by("-start", "-version").first()
    )


def _can_see_training(user: Any) -> bool:
    return roles.can_read_cooperation(user) or roles.trainee_enterprise(user) is not None


@require(_can_see_training)
def overview(request: HttpRequest) -> HttpResponse:
    if not roles.can_read_cooperation(request.user):
        return redirect("coop-training")
    on = day_param(request)
    plan = _current_plan()
    plan_rows = services.rows(plan, on) if plan else []
    found = services.reminders(30, on)
    return render(
        request,
        "cooperation/overview.html",
        {
            "plan": plan,
            "plans": WorkPlan.objects.all(),
            "summaries": services.progress(plan_rows, on) if plan else [],
            "on": on,
            "meetings": Meeting.objects.all()[:5],
            "due_count": sum(len(v) for v in found.values()),
            "courses": services.visible_courses(request.user)[:6],
        },
    )


@require(roles.can_read_cooperation)
def members(request: HttpRequest) -> HttpResponse:
    lang = (get_language() or "en")[:2]
    roles_order = list(GroupRole.values)
    people = selectors.in_reader_order(
        Member.objects.filter(active=True).select_related("organisation"), lang,
        first=lambda m: roles_order.index(m.group_role) if m.group_role in roles_order else 99,
    )  # fmt: skip
    return render(
        request,
        "cooperation/members.html",
        {"sides": [(label, [m for m in people if m.side == v]) for v, label in Side.choices[:2]]},
    )


@require(roles.can_read_cooperation)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    on = day_param(request)
    plan_rows = services.rows(plan, on)
    side = roles.focal_country(request.user)
    return render(
        request,
        "cooperation/plan_detail.html",
        {
            "plan": plan,
            "rows": [(r, services.state_label(r.state)) for r in plan_rows],
            "summaries": services.progress(plan_rows, on),
            "gantt": safe_svg(services.gantt(plan, plan_rows, on, _("Work plan timeline"))),
            "on": on,
            "can_edit": roles.can_edit_plans(request.user) and plan.status != PlanStatus.REVISED,
            "can_agree": side is not None
            and plan.status == PlanStatus.DRAFT
            and not (plan.agreed_vn if side == Side.VIET_NAM else plan.agreed_la),
            "can_revise": roles.can_edit_plans(request.user) and plan.status == PlanStatus.AGREED,
            "versions": WorkPlan.objects.filter(code=plan.code).order_by("version"),
            "lag": int(workplan.LAG),
        },
    )


@require_POST
@require(roles.can_edit_plans)
def plan_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    try:
        if action == "agree":
            plan = services.agree(plan, request.user)
            messages.success(request, _("Your side's agreement is recorded."))
        elif action == "revise":
            plan = services.revise(plan, request.user)
            messages.success(request, _("A new draft version is open for changes."))
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("coop-plan", pk=plan.pk)


@require(roles.can_read_cooperation)
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    on = day_param(request)
    states = {r.activity.pk: r.state for r in services.rows(plan, on)}
    audit.record(request.user, "exported", plan, f"work plan XLSX {plan}")
    return xlsx_response(
        sheets.export_xlsx(plan, states), f"lienket-plan-{plan.code}-v{plan.version}.xlsx"
    )


@require(roles.can_edit_plans)
def plan_import(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(WorkPlan, pk=pk)
    if plan.status == PlanStatus.REVISED:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "plan": plan}
    if request.method == "POST" and form.is_valid():
        options = {"plan": plan.pk, "dry_run": request.POST.get("action") == "check"}
        job = jobs.upload_and_wait(request, form.cleaned_data["file"], "plan", options)
        if not job.finished_or_failed:
            return redirect("import-job-page", pk=job.pk)
        if job.state == JobState.FAILED:
            context.update(jobs.refused_context(job))
            return render(request, "cooperation/plan_import.html", context, status=400)
        context["result"] = jobs.result_view(job.result)
    return render(request, "cooperation/plan_import.html", context)


@require(roles.can_edit_plans)
def activity_form(
    request: HttpRequest, pk: int | None = None, plan: int | None = None
) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk) if pk else None
    the_plan = activity.plan if activity else get_object_or_404(WorkPlan, pk=plan)
    if the_plan.status == PlanStatus.REVISED:
        raise PermissionDenied
    form = ActivityForm(request.POST or None, instance=activity or Activity(plan=the_plan))
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit.record(request.user, "updated" if activity else "created", saved, str(saved))
        return redirect("coop-activity", pk=saved.pk)
    return render(request, "cooperation/form.html",
                  {"form": form, "title": _("Activity"), "back": the_plan})  # fmt: skip


@require(roles.can_read_cooperation)
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(Activity.objects.select_related("plan", "organisation"), pk=pk)
    on = day_param(request)
    form = NoteForm(request.POST or None, initial={"date": on})
    if request.method == "POST":
        if not roles.can_edit_plans(request.user):
            raise PermissionDenied
        if form.is_valid():
            note = form.save(commit=False)
            note.activity, note.author = a, audit.label(request.user)
            note.save()
            audit.record(request.user, "updated", a, f"progress note {note.date}")
            return redirect("coop-activity", pk=a.pk)
    state = workplan.state(services.item_of(a, on), on)
    return render(
        request,
        "cooperation/activity_detail.html",
        {"a": a, "state": services.state_label(state), "form": form, "on": on,
         "can_edit": roles.can_edit_plans(request.user),
         "decisions": a.decisions.select_related("meeting")},
    )  # fmt: skip
