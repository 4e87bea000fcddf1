"""Power trade: statements of the purchase agreements and the tariff ceilings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.projects.models.project import (
    Technology,
    Verified,
)


class Topic(models.TextChoices):
    POWER = "power", _("Power trade")
    AID = "aid", _("Aid")


class Statement(models.Model):
    """A published aggregate statement (MW under agreements, price ceilings, aid envelopes)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    topic = models.CharField(_("topic"), max_length=8, choices=Topic.choices)
    statement_date = models.CharField(_("date of the statement"), max_length=20, blank=True)
    statement = models.TextField(_("statement"))
    figure = models.CharField(_("figure"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    scope = models.CharField(_("scope"), max_length=200, blank=True)
    speaker = models.CharField(_("speaker or body"), max_length=200, blank=True)
    verified = models.CharField(_("verified"), max_length=8, choices=Verified.choices,
                                blank=True)  # fmt: skip
    note = models.TextField(_("note"), blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("published statement")
        verbose_name_plural = _("published statements")

    def __str__(self) -> str:
        return f"{self.code} {self.statement[:60]}"


class TariffCeiling(models.Model):
    """The highest price Viet Nam pays for Lao power of one technology, from a date on."""

    technology = models.CharField(_("technology"), max_length=10, choices=Technology.choices)
    us_cents = models.DecimalField(_("ceiling (US cents/kWh)"), max_digits=6, decimal_places=3)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.SET_NULL,
        verbose_name=_("source statement"),
    )  # fmt: skip

    class Meta:
        ordering = ["technology", "-valid_from"]
        verbose_name = _("tariff ceiling")
        verbose_name_plural = _("tariff ceilings")

    def __str__(self) -> str:
        return f"{self.technology} {self.us_cents}"
