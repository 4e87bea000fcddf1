"""Progress reports, milestones and the exchange rates amounts are converted at."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.projects.models.project import (
    Project,
)


class ProgressReport(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("reporting date"))
    percent = models.DecimalField(
        _("physical progress (%)"), max_digits=5, decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )  # fmt: skip
    note = models.CharField(_("note"), max_length=300, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["project", "date"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.project_id} {self.date}: {self.percent} %"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    planned = models.DateField(_("planned date"))
    done = models.DateField(_("done on"), null=True, blank=True)
    weight = models.DecimalField(
        _("weight (%)"), max_digits=5, decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("the share of the project's work the milestone stands for"),
    )  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["project", "planned"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ExchangeRate(models.Model):
    """US dollars per unit of a currency from a date on; the steward keeps this table."""

    currency = models.CharField(_("currency"), max_length=3)
    valid_from = models.DateField(_("valid from"))
    usd_per_unit = models.DecimalField(
        _("US dollars per unit"), max_digits=20, decimal_places=12,
        validators=[MinValueValidator(Decimal("1e-12"))],
    )  # fmt: skip
    source = models.CharField(_("source"), max_length=300)
    fictional = models.BooleanField(_("fictional demo record"), default=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="one_rate_a_day")
        ]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self) -> str:
        return f"{self.currency} {self.valid_from}: {self.usd_per_unit} USD"
