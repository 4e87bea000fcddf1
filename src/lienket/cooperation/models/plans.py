"""Work plans, their activities and progress notes, meetings and their decisions."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.cooperation.models.group import (
    Member,
    Organisation,
    Side,
)
from lienket.registry.models import localized


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
