"""Training courses, nominations, attendance and certificates."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lienket.cooperation import selectors, services
from lienket.cooperation.forms import (
    CourseForm,
    NominateForm,
    SessionForm,
    TraineeForm,
)
from lienket.cooperation.models import (
    Course,
    Nomination,
    TrainingProgramme,
)
from lienket.cooperation.views.plans import (
    _can_see_training,
)
from lienket.core import audit, roles
from lienket.core.decorators import require
from lienket.core.pages import today
from lienket.engine import collation


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
    lang = (get_language() or "en")[:2]
    nominations = collation.sorted_by(
        services.visible_nominations(user).filter(course=course)
        .select_related("trainee").prefetch_related("attended"),
        lambda n: selectors.person_name(n.trainee, lang), lang,
    )  # fmt: skip
    sessions = list(course.sessions.all())
    nominate_form = NominateForm(request.POST or None) if roles.can_nominate(user) else None
    trainee_form = TraineeForm() if roles.can_nominate(user) else None
    if nominate_form is not None:
        taken = set(course.nominations.values_list("trainee_id", flat=True))
        nominate_form.fields["trainees"].queryset = nominate_form.fields[
            "trainees"
        ].queryset.exclude(pk__in=taken)  # type: ignore[attr-defined]
        field = nominate_form.fields["trainees"]
        field.choices = [  # type: ignore[attr-defined]
            (t.pk, str(t))
            for t in selectors.in_reader_order(field.queryset, lang)  # type: ignore[attr-defined]
        ]
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
