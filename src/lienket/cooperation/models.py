"""The joint working group, its work plans and meetings, and training the Lao side nominates for.

Organisations, members, plans, meetings, programmes and trainees invented for the demo carry
``fictional=True`` and the badge on every page.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.registry.models import localized


class Side(models.TextChoices):
    VIET_NAM = "VNM", _("Viet Nam")
    LAO = "LAO", _("Lao PDR")
    JOINT = "joint", _("Joint")


class Organisation(models.Model):
    """A body that leads activities or sends members and trainees (VIOIT, IICE, ministries …)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["side", "code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self)


class GroupRole(models.TextChoices):
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")


class Member(models.Model):
    """A member of the joint working group."""

    name = models.CharField(_("name"), max_length=120)
    name_lo = models.CharField(_("name in Lao script"), max_length=120, blank=True)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices[:2])
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="members",
        verbose_name=_("organisation"),
    )  # fmt: skip
    group_role = models.CharField(_("role in the group"), max_length=12, choices=GroupRole.choices)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="jwg_members",
    )  # fmt: skip
    active = models.BooleanField(_("active"), default=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["side", "group_role", "name"]
        verbose_name = _("working-group member")
        verbose_name_plural = _("working-group members")

    def __str__(self) -> str:
        return self.name


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AGREED = "agreed", _("Agreed by both co-chairs")
    REVISED = "revised", _("Revised (a newer version replaces it)")


class WorkPlan(models.Model):
    """An annual or two-year work plan; each revision is a new version of the same plan."""

    code = models.SlugField(_("code"), max_length=30)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    title_lo = models.CharField(_("title (Lao)"), max_length=200, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices,
                              default=PlanStatus.DRAFT)  # fmt: skip
    agreed_vn = models.DateTimeField(_("agreed by the Viet Nam co-chair"), null=True, blank=True)
    agreed_vn_by = models.CharField(max_length=150, blank=True)
    agreed_la = models.DateTimeField(_("agreed by the Lao co-chair"), null=True, blank=True)
    agreed_la_by = models.CharField(max_length=150, blank=True)
    revises = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="revision",
        verbose_name=_("revises"),
    )  # fmt: skip
    note = models.TextField(_("note"), blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start", "code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="one_plan_version"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="plan_ends_after_start"),
        ]  # fmt: skip
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        return localized(self, "title")


class ActivityStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="activities")
    number = models.CharField(_("number"), max_length=12)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300, blank=True)
    title_lo = models.CharField(_("title (Lao)"), max_length=300, blank=True)
    lead = models.CharField(_("lead side"), max_length=5, choices=Side.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="activities",
        verbose_name=_("responsible organisation"),
    )  # fmt: skip
    start = models.DateField(_("start"))
    due = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=ActivityStatus.choices,
                              default=ActivityStatus.OPEN)  # fmt: skip
    done_on = models.DateField(_("done on"), null=True, blank=True)
    # what the activity is about
    chain = models.CharField(_("value chain"), max_length=40, blank=True)
    pilot = models.ForeignKey(
        "linkage.PilotProject", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("pilot project"),
    )  # fmt: skip
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("project"),
    )  # fmt: skip
    programme = models.ForeignKey(
        "TrainingProgramme", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="activities", verbose_name=_("training programme"),
    )  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["plan", "start", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_activity_number"),
            models.CheckConstraint(condition=models.Q(due__gte=models.F("start")),
                                   name="activity_due_after_start"),
        ]  # fmt: skip
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class ProgressNote(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="notes")
    date = models.DateField(_("date"))
    percent = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )  # fmt: skip
    text = models.TextField(_("note"), max_length=4000)
    author = models.CharField(_("by"), max_length=150, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["activity", "date", "pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"


class Meeting(models.Model):
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    participants = models.ManyToManyField(Member, blank=True, verbose_name=_("participants"))
    other_participants = models.TextField(_("other participants"), blank=True, max_length=4000)
    agenda = models.TextField(_("agenda"), blank=True, max_length=8000)
    minutes = models.FileField(_("minutes"), upload_to="minutes/%Y/", blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"), max_length=4000)
    side = models.CharField(_("who must act"), max_length=5, choices=Side.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("organisation that must act"),
    )  # fmt: skip
    due = models.DateField(_("due"), null=True, blank=True)
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
        verbose_name=_("activity created or updated"),
    )  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_decision_number")
        ]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.meeting.date} #{self.number}"


class TrainingProgramme(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200, blank=True)
    title_lo = models.CharField(_("title (Lao)"), max_length=200, blank=True)
    chain = models.CharField(_("value chain"), max_length=40, blank=True)
    organiser = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organiser")
    )
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Language(models.TextChoices):
    VI = "vi", _("Vietnamese")
    LO = "lo", _("Lao")
    EN = "en", _("English")
    VI_LO = "vi+lo", _("Vietnamese with Lao interpretation")


class Course(models.Model):
    programme = models.ForeignKey(
        TrainingProgramme, on_delete=models.CASCADE, related_name="courses"
    )
    code = models.SlugField(_("code"), max_length=30, unique=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=200)
    title_lo = models.CharField(_("title (Lao)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    chain = models.CharField(_("value chain"), max_length=40, blank=True)
    place = models.CharField(_("place"), max_length=200)
    language = models.CharField(_("language"), max_length=6, choices=Language.choices)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("set by the Viet Nam side"),
    )  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["start", "code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="course_ends_after_start"),
        ]  # fmt: skip
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Session(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["course", "date", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.date} {self.topic}"


class TraineeKind(models.TextChoices):
    OFFICIAL = "official", _("Government official")
    ENTERPRISE = "enterprise", _("Enterprise staff")


class Trainee(models.Model):
    name = models.CharField(_("name (Latin script)"), max_length=120)
    name_lo = models.CharField(_("name in Lao script"), max_length=120, blank=True)
    kind = models.CharField(_("trainee is"), max_length=10, choices=TraineeKind.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="trainees", verbose_name=_("enterprise"),
    )  # fmt: skip
    position = models.CharField(_("position"), max_length=200, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")

    def __str__(self) -> str:
        return self.name_lo or self.name


def certificate_number() -> str:
    return "LK-" + secrets.token_hex(4).upper()


class Nomination(models.Model):
    """A trainee nominated for a course by the Lao focal point; attendance and completion."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="nominations")
    trainee = models.ForeignKey(Trainee, on_delete=models.PROTECT, related_name="nominations")
    nominated_by = models.CharField(_("nominated by"), max_length=150)
    nominated = models.DateTimeField(_("nominated on"), auto_now_add=True)
    attended = models.ManyToManyField(Session, blank=True, verbose_name=_("sessions attended"))
    completed = models.DateField(_("completed on"), null=True, blank=True)
    certificate = models.CharField(_("certificate number"), max_length=20, unique=True,
                                   null=True, blank=True)  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["course", "trainee__name"]
        constraints = [
            models.UniqueConstraint(fields=["course", "trainee"], name="one_nomination_a_course")
        ]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self) -> str:
        return f"{self.trainee} → {self.course.code}"


class CalendarToken(models.Model):
    """The secret in a user's calendar-feed address (calendar applications cannot log in),
    stored as its SHA-256 digest (``core.sensitive``): the address is shown once, when made."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    prefix = models.CharField(_("starts with"), max_length=8, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar of {self.user}"
