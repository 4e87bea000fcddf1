"""Reallocations of aid money between projects, proposed and decided."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.projects.models.project import (
    Project,
)


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting a decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Superseded")


class Reallocation(models.Model):
    """A proposal to move one year's allocations, and the decision on it (kept for ever)."""

    year = models.PositiveSmallIntegerField(_("year"))
    as_of = models.DateField(_("as of"))
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    fences = models.JSONField(_("ring-fences"), default=list, blank=True)
    total = models.DecimalField(_("total allocation"), max_digits=20, decimal_places=2)
    forecast_before = models.DecimalField(_("forecast before"), max_digits=20, decimal_places=2)
    forecast_after = models.DecimalField(_("forecast after"), max_digits=20, decimal_places=2)
    moved = models.DecimalField(_("moved"), max_digits=20, decimal_places=2)
    rates = models.JSONField(_("exchange rates used"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ProposalStatus.choices,
                              default=ProposalStatus.PROPOSED)  # fmt: skip
    created = models.DateTimeField(_("proposed at"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("proposed by"))  # fmt: skip
    created_by_label = models.CharField(_("proposed by"), max_length=150)
    decided = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("decided by"))  # fmt: skip
    decided_by_label = models.CharField(_("decided by"), max_length=150, blank=True)
    decision_note = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("reallocation proposal")
        verbose_name_plural = _("reallocation proposals")

    def __str__(self) -> str:
        return f"{self.year} #{self.pk} ({self.status})"


class ReallocationLine(models.Model):
    reallocation = models.ForeignKey(Reallocation, on_delete=models.CASCADE, related_name="lines")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="+")
    #: amounts in the project's own currency (what approval writes) and in the proposal's
    before = models.DecimalField(max_digits=20, decimal_places=2)
    after = models.DecimalField(max_digits=20, decimal_places=2)
    before_converted = models.DecimalField(max_digits=20, decimal_places=2)
    after_converted = models.DecimalField(max_digits=20, decimal_places=2)
    floor = models.DecimalField(max_digits=20, decimal_places=2)
    capacity = models.DecimalField(max_digits=20, decimal_places=2)
    forecast_before = models.DecimalField(max_digits=20, decimal_places=2)
    forecast_after = models.DecimalField(max_digits=20, decimal_places=2)
    behind = models.BooleanField(default=False)
    binding = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["reallocation", "pk"]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.before} -> {self.after}"

    @property
    def change(self) -> Decimal:
        return self.after - self.before


class Verdict(models.TextChoices):
    APPROVE = "approve", _("approved")
    REFUSE = "refuse", _("refused")
    COMMENT = "comment", _("commented")


class ReallocationDecision(models.Model):
    """One side's approval or refusal of a proposal, or a comment on it (issue 27: the two
    sides' authorised bodies approve together; every step is kept)."""

    reallocation = models.ForeignKey(
        Reallocation, on_delete=models.CASCADE, related_name="decisions"
    )
    side = models.CharField(_("side"), max_length=3)
    verdict = models.CharField(_("decision"), max_length=8, choices=Verdict.choices)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    by_label = models.CharField(_("by"), max_length=150)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("decision on a reallocation")
        verbose_name_plural = _("decisions on reallocations")

    def __str__(self) -> str:
        return f"#{self.reallocation_id} {self.side}: {self.verdict}"
