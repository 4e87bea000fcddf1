"""Framework documents (strategy, agreements, annual plan agreements, MoUs, minutes) and the
sessions of the bodies that sign them. Loaded from cited data (``reference``); each row keeps
its source and what the source did not say stays empty."""

from __future__ import annotations

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
