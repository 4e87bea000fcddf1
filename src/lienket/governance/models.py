"""Framework documents (strategy, agreements, annual plan agreements, MoUs, minutes) and the
sessions of the bodies that sign them. Loaded from cited data (``reference``); each row keeps
its source and what the source did not say stays empty."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.registry.models import localized


class DocumentKind(models.TextChoices):
    STRATEGY = "strategy", _("strategy")
    AGREEMENT = "agreement", _("cooperation agreement")
    ANNUAL_PLAN = "annual_plan", _("annual cooperation plan agreement")
    MOU = "mou", _("memorandum of understanding")
    MINUTES = "minutes", _("minutes")


class SigningState(models.TextChoices):
    SIGNED = "signed", _("signed")
    EXCHANGED = "exchanged", _("exchanged")
    EXPECTED = "expected", _("expected to be signed")
    UNKNOWN = "", _("not stated")


class Document(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=400, blank=True)
    title_lo = models.CharField(_("title (Lao)"), max_length=400, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=400, blank=True)
    parties = models.CharField(_("parties"), max_length=400, blank=True)
    signatories = models.CharField(_("signatories"), max_length=400, blank=True)
    signed_on = models.DateField(_("signing date"), null=True, blank=True)
    signing_state = models.CharField(
        _("signing"), max_length=10, choices=SigningState.choices, blank=True
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="governance/", blank=True)
    source = models.CharField(_("source"), max_length=400, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)

    class Meta:
        ordering = ["valid_from", "signed_on", "code"]
        verbose_name = _("framework document")
        verbose_name_plural = _("framework documents")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title") or self.code


class Level(models.TextChoices):
    EXPERT = "expert", _("expert level")
    PLENARY = "plenary", _("plenary")


class SessionState(models.TextChoices):
    HELD = "held", _("held")
    PLANNED = "planned", _("planned")


class Session(models.Model):
    body = models.CharField(_("body"), max_length=200)
    number = models.PositiveSmallIntegerField(_("session number"))
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    starts = models.DateField(_("starts"))
    ends = models.DateField(_("ends"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=8, choices=SessionState.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    chairs = models.CharField(_("chaired by"), max_length=300, blank=True)
    minutes = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("minutes"),
    )  # fmt: skip
    documents = models.ManyToManyField(
        Document, blank=True, related_name="sessions", verbose_name=_("documents signed there")
    )
    source = models.CharField(_("source"), max_length=400, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)

    class Meta:
        ordering = ["-number", "starts"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["body", "number", "level"], name="one_session_level")
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.get_level_display()})"


class Area(models.TextChoices):
    POLITICS = "politics", _("political and diplomatic relations")
    DEFENCE = "defence_security", _("defence and security")
    INVESTMENT = "investment", _("investment")
    TRADE = "trade", _("trade")
    ENERGY = "energy", _("energy and power trade")
    EDUCATION = "education", _("education and human resources")
    AID = "aid", _("aid")


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    LATE = "late", _("late")
    MET = "met", _("met")
    NOT_MET = "not_met", _("not met")
    NOT_TRACKED = "not_tracked", _("not tracked")


class ComputedIndicator(models.TextChoices):
    NONE = "", _("none (progress reported)")
    TRADE_GROWTH = "trade_growth", _("two-way trade growth on the year before")
    POWER_CAPACITY = "power_capacity", _("power capacity against the next target")
    AID_DISBURSEMENT = "aid_disbursement", _("aid disbursed against the year's allocation")
    TRAINING_PLACES = "training_places", _("training places completed")


class Commitment(models.Model):
    """What a session or document asks someone to do, with its owner, deadline, indicator and
    target; its status comes from the data where lienket computes the indicator, else from the
    updates its owner records (issue 27)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="commitments", verbose_name=_("session"))  # fmt: skip
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children", verbose_name=_("part of"))  # fmt: skip
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    text_vi = models.TextField(_("text (Vietnamese)"), blank=True, max_length=2000)
    text_lo = models.TextField(_("text (Lao)"), blank=True, max_length=2000)
    text_en = models.TextField(_("text (English)"), blank=True, max_length=2000)
    owner_side = models.CharField(_("owner's side"), max_length=5)
    owner_body = models.CharField(_("owner"), max_length=200, blank=True)
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    indicator = models.CharField(_("indicator computed by lienket"), max_length=20,
                                 choices=ComputedIndicator.choices, blank=True)  # fmt: skip
    target_low = models.DecimalField(_("target, low"), max_digits=14, decimal_places=4,
                                     null=True, blank=True)  # fmt: skip
    target_high = models.DecimalField(_("target, high"), max_digits=14, decimal_places=4,
                                      null=True, blank=True)  # fmt: skip
    status = models.CharField(_("status"), max_length=12, choices=CommitmentStatus.choices,
                              default=CommitmentStatus.NOT_STARTED)  # fmt: skip
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=400, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    #: the joint inspection whose follow-up action this is, if any
    inspection = models.ForeignKey(
        "Inspection", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions",
        verbose_name=_("from the inspection"),
    )  # fmt: skip

    class Meta:
        ordering = ["session__number", "code"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return localized(self, "text") or self.code


class CommitmentUpdate(models.Model):
    """A dated step in a commitment's timeline: its status and progress then, and the
    evidence."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=CommitmentStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    note = models.TextField(_("what was done"), max_length=4000)
    evidence = models.URLField(_("evidence (address)"), blank=True, max_length=500)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    by_label = models.CharField(_("by"), max_length=150)
    at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["commitment", "on", "pk"]
        verbose_name = _("commitment update")
        verbose_name_plural = _("commitment updates")

    def __str__(self) -> str:
        return f"{self.commitment_id} {self.on}: {self.status}"


class CommitmentLink(models.Model):
    """What delivers a commitment: a project, a work-plan activity, a training course or a pilot
    linkage project (exactly one of them)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="links")
    project = models.ForeignKey("projects.Project", null=True, blank=True,
                                on_delete=models.CASCADE, related_name="+")  # fmt: skip
    activity = models.ForeignKey("cooperation.Activity", null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="+")  # fmt: skip
    course = models.ForeignKey("cooperation.Course", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")  # fmt: skip
    pilot = models.ForeignKey("linkage.PilotProject", null=True, blank=True,
                              on_delete=models.CASCADE, related_name="+")  # fmt: skip
    added_by_label = models.CharField(_("added by"), max_length=150, blank=True)

    class Meta:
        ordering = ["commitment", "pk"]
        verbose_name = _("what delivers a commitment")
        verbose_name_plural = _("what delivers the commitments")

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.target}"

    @property
    def target(self) -> Any:
        """The project, activity, course or pilot linked."""
        return self.project or self.activity or self.course or self.pilot


class Inspection(models.Model):
    """A joint inspection of an aid-funded project by a team of both sides (issue 27): its date,
    team, findings; its follow-up actions are commitments (``Commitment.inspection``)."""

    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT,
                                related_name="inspections", verbose_name=_("project"))  # fmt: skip
    on = models.DateField(_("date"))
    team_vnm = models.TextField(_("team of the Vietnamese side"), max_length=1000)
    team_lao = models.TextField(_("team of the Lao side"), max_length=1000)
    findings = models.TextField(_("findings"), max_length=8000)
    recorded_by_label = models.CharField(_("recorded by"), max_length=150, blank=True)
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "pk"]
        verbose_name = _("joint inspection")
        verbose_name_plural = _("joint inspections")

    def __str__(self) -> str:
        return f"{self.project_id} {self.on}"
