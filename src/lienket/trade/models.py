"""Published trade figures: a ministry's or customs office's printed total, entered by users.

Trade flows by product live in the Parquet store (never in the ORM); a published figure is a
single number from a release, with its period, declarant, unit and source, and it takes
precedence over any file when the turnover is chosen (see ``engine.trade.turnover``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.core.models import Job
from lienket.engine.trade.turnover import Period


class Flow(models.TextChoices):
    EXPORTS = "exports", _("exports")
    IMPORTS = "imports", _("imports")
    TOTAL = "total", _("two-way total")


class Unit(models.TextChoices):
    USD = "USD", _("USD")
    THOUSAND = "USD thousand", _("USD thousand")
    MILLION = "USD million", _("USD million")
    BILLION = "USD billion", _("USD billion")


class Qualifier(models.TextChoices):
    """How the release worded the figure ("more than USD 2 billion")."""

    EXACT = "", _("as printed")
    MORE_THAN = "more_than", _("more than")
    AT_LEAST = "at_least", _("at least")
    ABOUT = "about", _("about")
    LESS_THAN = "less_than", _("less than")


UNIT_FACTOR = {
    Unit.USD: Decimal(1),
    Unit.THOUSAND: Decimal(10**3),
    Unit.MILLION: Decimal(10**6),
    Unit.BILLION: Decimal(10**9),
}


class PublishedFigure(models.Model):
    """One figure as a release printed it: ``declarant``'s ``flow`` with ``partner``."""

    year = models.PositiveSmallIntegerField(_("year"))
    first_month = models.PositiveSmallIntegerField(_("first month"), default=1)
    last_month = models.PositiveSmallIntegerField(_("last month"), default=12)
    declarant = models.CharField(
        _("declared by"), max_length=3, help_text=_("ISO 3166-1 alpha-3 of the reporting side")
    )
    partner = models.CharField(_("partner"), max_length=3)
    flow = models.CharField(_("flow"), max_length=8, choices=Flow.choices)
    product_group = models.CharField(
        _("product group"), max_length=120, blank=True, help_text=_("empty for all products")
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.MILLION)
    qualifier = models.CharField(
        _("as worded"), max_length=10, choices=Qualifier.choices, blank=True, default=""
    )
    stated_growth_pct = models.DecimalField(
        _("growth stated by the release, %"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
    )
    source_title = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    published = models.DateField(_("publication date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    #: checked against its release by someone other than who entered it (issue 24); a change
    #: to the figure clears it
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("verified by"),
    )  # fmt: skip
    verified_by_label = models.CharField(_("verified by"), max_length=150, blank=True)
    verified = models.DateTimeField(_("verified on"), null=True, blank=True)
    #: what the person entering it confirmed (issue 27): the checks it failed when entered
    confirmation = models.TextField(_("confirmed despite"), blank=True)
    confirmed_by_label = models.CharField(_("confirmed by"), max_length=150, blank=True)
    confirmed = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "declarant", "first_month", "last_month", "flow", "product_group"]
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(first_month__gte=1)
                & models.Q(last_month__lte=12)
                & models.Q(first_month__lte=models.F("last_month")),
                name="published_figure_months_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="published_figure_value_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.declarant} {self.flow} {self.value} {self.unit}"

    @property
    def period(self) -> Period:
        return Period(self.year, self.first_month, self.last_month)

    @property
    def value_usd(self) -> float:
        return float(self.value * UNIT_FACTOR[Unit(self.unit)])


class TradeImport(Job):
    """A trade file uploaded on the web, imported in the background (see ``trade.jobs``).

    Its progress is counted in bytes of the file; a worker claims it by an atomic update from
    ``queued`` to ``running`` (``core.jobs``), so one file is never imported twice.
    """

    file_name = models.CharField(_("file"), max_length=255)
    stored = models.CharField(max_length=500, help_text="path of the upload under the upload dir")
    size = models.BigIntegerField(_("size in bytes"), default=0)
    source = models.CharField(_("source"), max_length=16)
    reporter = models.CharField(_("reporter"), max_length=3, blank=True)
    partner = models.CharField(_("partner"), max_length=3, blank=True)
    flow = models.CharField(_("flow"), max_length=8, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    edition = models.CharField(_("HS edition"), max_length=8, blank=True)
    first_month = models.PositiveSmallIntegerField(_("first month"), default=1)
    last_month = models.PositiveSmallIntegerField(_("last month"), default=12)
    replace = models.BooleanField(_("replace earlier imports"), default=False)
    #: what the import did: one entry per stored file (a BACI zip gives one per year)
    result = models.JSONField(default=list, blank=True)
    #: the first problems found (file, row, field, message template, params)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)

    class Meta(Job.Meta):
        verbose_name = _("trade file import")
        verbose_name_plural = _("trade file imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.state})"
