"""Training programmes, courses, sessions, trainees and nominations; calendar tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.cooperation.models.group import (
    Organisation,
)
from lienket.registry.models import localized


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
