"""A project's money: allocations, transactions, budgets and planned disbursements."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.projects.models.project import (
    Project,
    money_field,
)


class Allocation(models.Model):
    """The capital allocated to a project for one year (its planned disbursement)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="allocations")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    amount = money_field(_("amount"), default=Decimal(0))
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["project", "year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="one_allocation_a_year")
        ]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")

    def __str__(self) -> str:
        return f"{self.project_id} {self.year}: {self.amount}"


class TransactionKind(models.TextChoices):
    # in the order of IATI's TransactionType codes 1 to 13 (lienket.projects.iati maps them)
    INCOMING_FUNDS = "incoming_funds", _("Incoming funds")
    COMMITMENT = "commitment", _("Commitment")
    DISBURSEMENT = "disbursement", _("Disbursement")
    EXPENDITURE = "expenditure", _("Expenditure")
    INTEREST = "interest", _("Interest payment")
    LOAN_REPAYMENT = "loan_repayment", _("Loan repayment")
    REIMBURSEMENT = "reimbursement", _("Reimbursement")
    EQUITY_PURCHASE = "equity_purchase", _("Purchase of equity")
    EQUITY_SALE = "equity_sale", _("Sale of equity")
    CREDIT_GUARANTEE = "credit_guarantee", _("Credit guarantee")
    INCOMING_COMMITMENT = "incoming_commitment", _("Incoming commitment")
    OUTGOING_PLEDGE = "outgoing_pledge", _("Outgoing pledge")
    INCOMING_PLEDGE = "incoming_pledge", _("Incoming pledge")


class Transaction(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transactions")
    kind = models.CharField(_("type"), max_length=20, choices=TransactionKind.choices,
                            default=TransactionKind.DISBURSEMENT)  # fmt: skip
    date = models.DateField(_("date"))
    amount = money_field(_("amount"), default=Decimal(0))
    description = models.CharField(_("description"), max_length=300, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)
    #: IATI details: value date, reference, description in every language, provider, receiver
    iati = models.JSONField(_("IATI details"), default=dict, blank=True)

    class Meta:
        ordering = ["project", "date", "pk"]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")

    def __str__(self) -> str:
        return f"{self.project_id} {self.date} {self.kind} {self.amount}"


class BudgetKind(models.TextChoices):
    # IATI BudgetType 1 and 2
    ORIGINAL = "original", _("Original")
    REVISED = "revised", _("Revised")


class BudgetStatus(models.TextChoices):
    # IATI BudgetStatus 1 and 2
    INDICATIVE = "indicative", _("Indicative")
    COMMITTED = "committed", _("Committed")


class Budget(models.Model):
    """A budget for a period of at most a year, as an IATI activity reports it.

    A budget for exactly one calendar year is also that year's allocation (the revised budget
    where there is one); budgets for other periods (a fiscal year from April) are kept and
    shown, not turned into allocations.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budgets")
    kind = models.CharField(_("type"), max_length=10, choices=BudgetKind.choices,
                            default=BudgetKind.ORIGINAL)  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=BudgetStatus.choices,
                              default=BudgetStatus.INDICATIVE)  # fmt: skip
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    amount = money_field(_("amount"), default=Decimal(0))
    value_date = models.DateField(_("value date"))
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["project", "period_start", "kind"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")

    def __str__(self) -> str:
        return f"{self.project_id} {self.period_start}–{self.period_end}: {self.amount}"


class PlannedDisbursement(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="planned_disbursements"
    )
    kind = models.CharField(_("type"), max_length=10, choices=BudgetKind.choices, blank=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"), null=True, blank=True)
    amount = money_field(_("amount"), default=Decimal(0))
    value_date = models.DateField(_("value date"))
    #: IATI details: provider and receiver organisations
    iati = models.JSONField(_("IATI details"), default=dict, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["project", "period_start"]
        verbose_name = _("planned disbursement")
        verbose_name_plural = _("planned disbursements")

    def __str__(self) -> str:
        return f"{self.project_id} {self.period_start}: {self.amount}"
