"""A project of any kind (investment, power, aid), with its vocabulary."""

from __future__ import annotations

from decimal import Decimal

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
