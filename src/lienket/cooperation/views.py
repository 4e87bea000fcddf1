"""Cooperation pages: thin views that check the role, call a service and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket.cooperation import services, sheets
from lienket.cooperation.forms import (
    ActivityForm,
    CourseForm,
    DecisionForm,
    ImportForm,
    MeetingForm,
    NominateForm,
    NoteForm,
    SessionForm,
    TraineeForm,
)
from lienket.cooperation.models import (
    Activity,
    CalendarToken,
    Course,
    Decision,
    Meeting,
    Member,
    Nomination,
    PlanStatus,
    Side,
    TrainingProgramme,
    WorkPlan,
)
from lienket.core import audit, jobs, roles
from lienket.core.decorators import require
from lienket.core.models import JobState
from lienket.core.pages import day_param, safe_svg, today
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
    people = Member.objects.filter(active=True).select_related("organisation")
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


@require(_can_see_training)
def training(request: HttpRequest) -> HttpResponse:
    courses = services.visible_courses(request.user)
    return render(
        request,
        "cooperation/training.html",
        {
            "programmes": TrainingProgramme.objects.all()
            if roles.can_read_cooperation(request.user)
            else [],
            "courses": courses,
            "can_run": roles.can_run_courses(request.user),
            "form": CourseForm() if roles.can_run_courses(request.user) else None,
        },
    )


@require(roles.can_run_courses)
def course_form(request: HttpRequest, code: str | None = None) -> HttpResponse:
    course = get_object_or_404(Course, code=code) if code else None
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit.record(request.user, "updated" if course else "created", saved, str(saved))
        return redirect("coop-course", code=saved.code)
    return render(request, "cooperation/form.html", {"form": form, "title": _("Course")})


@require(_can_see_training)
def course_detail(request: HttpRequest, code: str) -> HttpResponse:
    course = get_object_or_404(services.visible_courses(request.user), code=code)
    user = request.user
    nominations = (
        services.visible_nominations(user).filter(course=course).prefetch_related("attended")
    )
    sessions = list(course.sessions.all())
    nominate_form = NominateForm(request.POST or None) if roles.can_nominate(user) else None
    trainee_form = TraineeForm() if roles.can_nominate(user) else None
    if nominate_form is not None:
        taken = set(course.nominations.values_list("trainee_id", flat=True))
        nominate_form.fields["trainees"].queryset = nominate_form.fields[
            "trainees"
        ].queryset.exclude(pk__in=taken)  # type: ignore[attr-defined]
    return render(
        request,
        "cooperation/course_detail.html",
        {
            "course": course,
            "sessions": sessions,
            "nominations": [(n, {s.pk for s in n.attended.all()}) for n in nominations],
            "free": course.capacity - course.nominations.count(),
            "nominate_form": nominate_form,
            "trainee_form": trainee_form,
            "session_form": SessionForm() if roles.can_run_courses(user) else None,
            "can_run": roles.can_run_courses(user),
            "can_nominate": roles.can_nominate(user),
        },
    )


@require_POST
@require(roles.can_nominate)
def course_nominate(request: HttpRequest, code: str) -> HttpResponse:
    course = get_object_or_404(Course, code=code)
    if request.POST.get("action") == "new_trainee":
        tform = TraineeForm(request.POST)
        if tform.is_valid():
            t = tform.save(commit=False)
            t.fictional = False
            t.save()
            audit.record(request.user, "created", t, str(t))
            messages.success(request, _("Trainee added: you can now nominate them."))
        else:
            messages.error(
                request, " ".join(str(e) for errs in tform.errors.values() for e in errs)
            )
        return redirect("coop-course", code=code)
    form = NominateForm(request.POST)
    if form.is_valid():
        try:
            made = services.nominate(course, list(form.cleaned_data["trainees"]), request.user)
            messages.success(request, _("%(n)s trainees nominated.") % {"n": len(made)})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Choose at least one trainee."))
    return redirect("coop-course", code=code)


@require_POST
@require(roles.can_run_courses)
def course_attendance(request: HttpRequest, code: str) -> HttpResponse:
    course = get_object_or_404(Course, code=code)
    if request.POST.get("action") == "session":
        sform = SessionForm(request.POST)
        if sform.is_valid():
            s = sform.save(commit=False)
            s.course = course
            s.save()
        return redirect("coop-course", code=code)
    present: dict[int, set[int]] = {}
    for key in request.POST:
        if key.startswith("att-"):
            try:
                _p, n, s = key.split("-")
                present.setdefault(int(n), set()).add(int(s))
            except ValueError:
                continue
    completed = {int(v) for v in request.POST.getlist("completed") if v.isdigit()}
    services.record_attendance(course, present, completed, request.user, today())
    messages.success(request, _("Attendance saved."))
    return redirect("coop-course", code=code)


def _certificate_nomination(request: HttpRequest, number: str) -> Nomination:
    n = (
        Nomination.objects.select_related("course__programme__organiser", "trainee")
        .filter(certificate=number)
        .first()
    )
    if n is None or not services.visible_nominations(request.user).filter(pk=n.pk).exists():
        raise Http404
    return n


@require(_can_see_training)
def certificate(request: HttpRequest, number: str) -> HttpResponse:
    n = _certificate_nomination(request, number)
    response = HttpResponse(services.certificate_pdf(n), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{n.certificate}.pdf"'
    return response


def verify(request: HttpRequest, number: str = "") -> HttpResponse:
    """Public: whether a certificate number is valid, with its course and date, nothing else."""
    number = (number or request.GET.get("number", "")).strip().upper()[:20]
    n = None
    if number:
        n = Nomination.objects.select_related("course").filter(certificate=number).first()
    return render(request, "cooperation/verify.html", {"number": number, "n": n},
                  status=200 if n or not number else 404)  # fmt: skip


@require(roles.can_read_cooperation)
def reminders_page(request: HttpRequest) -> HttpResponse:
    try:
        days = max(0, min(int(request.GET.get("days", "30")), 366))
    except ValueError:
        days = 30
    on = day_param(request)
    found = services.reminders(days, on)
    return render(request, "cooperation/reminders.html",
                  {"days": days, "on": on,
                   "sides": [(label, found.get(v, [])) for v, label in Side.choices]})  # fmt: skip


@require(_can_see_training)
def calendar_page(request: HttpRequest) -> HttpResponse:
    url = None
    if request.method == "POST":
        had = CalendarToken.objects.filter(user=request.user).exists()
        url = request.build_absolute_uri(f"/calendar/{services.calendar_token(request.user)}.ics")
        if had:
            messages.success(request, _("A new address is made; the old one no longer works."))
    token = CalendarToken.objects.filter(user=request.user).first()
    response = render(request, "cooperation/calendar.html", {"url": url, "token": token})
    response["Cache-Control"] = "no-store"  # the page that shows the address is never cached
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    owner = services.calendar_owner(token)
    if owner is None or not owner.is_active or not _can_see_training(owner):
        raise Http404
    return HttpResponse(services.calendar(owner), content_type="text/calendar; charset=utf-8")
