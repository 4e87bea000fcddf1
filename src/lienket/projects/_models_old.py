"""Investment, power-trade and aid-funded projects in one registry, with their money and progress.

Real rows (loaded from cited public sources) keep every source, its date and the ``verified``
flag; a figure as the source printed it is kept beside the number lienket reads from it, so a
page shows both. Demo rows and figures carry ``fictional=True``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.registry.models import MAX_AMOUNT, localized


class Kind(models.TextChoices):
    INVESTMENT = "investment", _("Investment project")
    POWER = "power", _("Power-trade project")
    AID = "aid", _("Aid-funded project")


class Sector(models.TextChoices):
    # the four directions of the 47th Intergovernmental Committee's plan (January 2025)
    AGRICULTURE = "agriculture_processing", _("High-tech agriculture with processing")
    RENEWABLE = "renewable_energy", _("Renewable energy in border areas")
    MINING = "mining_processing", _("Mining with deep processing")
    TOURISM = "tourism", _("Tourism")
    # what the aid and corridor projects are about
    ENERGY = "energy", _("Energy (other)")
    FARMING = "agriculture", _("Agriculture and irrigation")
    TRANSPORT = "transport", _("Transport and logistics")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education and training")
    PUBLIC_BUILDINGS = "public_buildings", _("Public buildings and memorials")
    URBAN = "urban", _("Urban infrastructure")
    BORDER = "border", _("Border infrastructure")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed (MoU or study)")
    AGREED = "agreed", _("Agreement signed")
    UNDER_WAY = "under_way", _("Under construction or implementation")
    OPERATING = "operating", _("Operating")
    COMPLETED = "completed", _("Completed")
    UNCONFIRMED = "unconfirmed", _("Later status not confirmed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


class Technology(models.TextChoices):
    HYDRO = "hydro", _("Hydropower")
    WIND = "wind", _("Wind")
    SOLAR = "solar", _("Solar")
    COAL = "coal", _("Coal")
    OTHER = "other", _("Other")


class Verified(models.TextChoices):
    YES = "yes", _("Verified: every figure read in the cited page")
    PARTIAL = "partial", _("Partly verified: sources disagree (see the note)")
    NO = "", _("Not verified")


def money_field(label: str, **extra: object) -> models.DecimalField:
    return models.DecimalField(
        label, max_digits=20, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_AMOUNT)], **extra,
    )  # fmt: skip


class Project(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, db_index=True)
    name_en = models.CharField(_("name (English)"), max_length=255)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255, blank=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=255, blank=True)
    other_names = models.CharField(_("other names"), max_length=300, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    chain = models.CharField(_("value chain"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    status_as_published = models.CharField(_("status as published"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=3, help_text=_("where the project is"))
    province_code = models.CharField(_("province"), max_length=8, blank=True)
    location = models.CharField(_("location as published"), max_length=300, blank=True)
    zone = models.ForeignKey(
        "registry.Zone", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="projects", verbose_name=_("zone"),
    )  # fmt: skip
    investor = models.ForeignKey(
        "registry.Enterprise", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="projects", verbose_name=_("investor enterprise"),
    )  # fmt: skip
    sponsor = models.CharField(
        _("funder, investor or developer"), max_length=400, blank=True,
        help_text=_("as published; the investor enterprise links to the registry"),
    )  # fmt: skip
    funding_type = models.CharField(_("funding type"), max_length=200, blank=True)
    executing_agency = models.CharField(_("executing agency"), max_length=200, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    dates_as_published = models.CharField(_("dates as published"), max_length=400, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    budget = money_field(_("total budget or registered capital"))
    budget_as_published = models.CharField(_("budget as published"), max_length=200, blank=True)
    budget_usd_published = money_field(
        _("USD equivalent as published"),
        help_text=_("the source's own conversion, shown beside lienket's, never added"),
    )
    # power trade
    technology = models.CharField(_("technology"), max_length=10, choices=Technology.choices,
                                  blank=True)  # fmt: skip
    installed_mw = models.DecimalField(_("installed capacity (MW)"), max_digits=9,
                                       decimal_places=2, null=True, blank=True,
                                       validators=[MinValueValidator(Decimal(0))])  # fmt: skip
    contracted_mw = models.DecimalField(_("contracted capacity (MW)"), max_digits=9,
                                        decimal_places=2, null=True, blank=True,
                                        validators=[MinValueValidator(Decimal(0))])  # fmt: skip
    export_share = models.CharField(_("share exported to Viet Nam"), max_length=200, blank=True)
    operation_year = models.PositiveSmallIntegerField(
        _("commercial operation (year)"), null=True, blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )  # fmt: skip
    operation_as_published = models.CharField(_("commercial operation as published"),
                                              max_length=300, blank=True)  # fmt: skip
    agreement_status = models.CharField(_("purchase agreement"), max_length=300, blank=True)
    agreement_counterparty = models.CharField(_("agreement counterparty"), max_length=120,
                                              blank=True)  # fmt: skip
    agreement_signed = models.CharField(_("agreement signed"), max_length=200, blank=True)
    agreement_term_years = models.PositiveSmallIntegerField(
        _("agreement term (years)"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    agreement_start_year = models.PositiveSmallIntegerField(
        _("agreement start (year)"), null=True, blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )  # fmt: skip
    tariff_us_cents = models.DecimalField(
        _("tariff (US cents/kWh)"), max_digits=6, decimal_places=3, null=True, blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )  # fmt: skip
    tariff_valid_from = models.DateField(_("tariff valid from"), null=True, blank=True)
    tariff_valid_to = models.DateField(_("tariff valid to"), null=True, blank=True)
    tariff_as_published = models.CharField(_("tariff as published"), max_length=300, blank=True)
    transmission_kv = models.PositiveSmallIntegerField(
        _("transmission line (kV)"), null=True, blank=True, validators=[MaxValueValidator(1200)]
    )
    transmission_as_published = models.CharField(_("transmission as published"), max_length=300,
                                                 blank=True)  # fmt: skip
    transmission_route = models.CharField(_("transmission route"), max_length=300, blank=True)
    connection_substation = models.CharField(_("connection substation"), max_length=200,
                                             blank=True)  # fmt: skip
    annual_energy_gwh = models.DecimalField(
        _("expected annual energy (GWh)"), max_digits=10, decimal_places=1, null=True,
        blank=True, validators=[MinValueValidator(Decimal(0))],
    )  # fmt: skip
    annual_energy_as_published = models.CharField(_("annual energy as published"),
                                                  max_length=300, blank=True)  # fmt: skip
    # reallocation inputs a focal point sets
    priority = models.DecimalField(
        _("priority"), max_digits=4, decimal_places=2, default=Decimal(1),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(10))],
        help_text=_("tie-break between projects that can take more capital (higher first)"),
    )  # fmt: skip
    max_change = money_field(
        _("largest change of a year's allocation"),
        help_text=_("in the project's currency; empty: no limit"),
    )
    # provenance
    verified = models.CharField(_("verified"), max_length=8, choices=Verified.choices,
                                blank=True)  # fmt: skip
    note = models.TextField(_("note"), blank=True)
    sources = models.JSONField(_("sources"), default=list, blank=True,
                               help_text=_("list of {url, date}"))  # fmt: skip
    fictional = models.BooleanField(_("fictional demo record"), default=False, db_index=True)
    # IATI: the activity's identifier, and what lienket keeps of the activity beyond the fields
    # above (reporting and participating organisations, sectors, countries, dates, titles and
    # descriptions in other languages), as read by lienket.engine.io.iati
    iati_identifier = models.CharField(_("IATI identifier"), max_length=200, blank=True)
    iati = models.JSONField(_("IATI details"), default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~models.Q(iati_identifier=""),
                name="one_project_an_iati_identifier",
            )
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self)

    @property
    def province(self) -> refdata.Province | None:
        return refdata.province(self.country, self.province_code) if self.province_code else None

    @property
    def agreement_end_year(self) -> int | None:
        if self.agreement_start_year and self.agreement_term_years:
            return int(self.agreement_start_year + self.agreement_term_years)
        return None


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
