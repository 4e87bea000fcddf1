"""Enterprises of both countries, the zones they sit in, and who supplies whom."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core import labels
from lienket.core.vocabulary import SizeClass
from lienket.engine.sme import classify_size
from lienket.engine.text import search_key


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("Agriculture, forestry and fishery")
    INDUSTRY = "industry", _("Industry")
    CONSTRUCTION = "construction", _("Construction")
    TRADE = "trade", _("Trade")
    SERVICES = "services", _("Services")


class ZoneKind(models.TextChoices):
    INDUSTRIAL_PARK = "industrial_park", _("Industrial park")
    ECONOMIC_ZONE = "economic_zone", _("Economic zone")
    SPECIAL_ECONOMIC_ZONE = "special_economic_zone", _("Special economic zone")
    SPECIFIC_ECONOMIC_ZONE = "specific_economic_zone", _("Specific economic zone")
    BORDER_ECONOMIC_ZONE = "border_economic_zone", _("Border economic zone")
    PILOT_PARK = "pilot_vn_la_park", _("Pilot Viet Nam - Lao industrial park")


def localized(obj: object, field: str = "name") -> str:
    """``obj.<field>_<lang>`` for the active language, falling back to English, Vietnamese, Lao."""
    lang = (get_language() or "en")[:2]
    for code in (lang, "en", "vi", "lo"):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


# Field groups of Enterprise that several layers list (form, API, import file, merge).
NAME_FIELDS = ("name_vi", "name_lo", "name_en")
#: The largest amount the money columns keep exactly on SQLite as on PostgreSQL (18 digits;
#: SQLite turns longer numbers into floats that cannot be read back, issue 8). The columns
#: declare 20 digits; these limits are what the form, the API and the import check.
MAX_AMOUNT = 10**18 - 1
#: The largest value of an integer column on both databases.
MAX_INTEGER = 2_147_483_647

FIGURE_FIELDS = ("employees", "annual_revenue", "total_capital")
PROFILE_FIELDS = ("capacity", "certifications", "description", "contact_name", "contact_email",
                  "contact_phone", "website")  # fmt: skip


class Zone(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    country = models.CharField(_("country"), max_length=3)
    province_code = models.CharField(_("province"), max_length=8, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=ZoneKind.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, default="operating")
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    coordinate_quality = models.CharField(_("coordinate quality"), max_length=40, blank=True)
    verified = models.BooleanField(_("verified against a source"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["country", "kind", "name_en"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self)

    @property
    def province(self) -> refdata.Province | None:
        return refdata.province(self.country, self.province_code)


class Enterprise(models.Model):
    country = models.CharField(_("country"), max_length=3, db_index=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255, blank=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=255, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    tax_id = models.CharField(_("tax identifier"), max_length=32, blank=True)
    province_code = models.CharField(_("province"), max_length=8, db_index=True)
    zone = models.ForeignKey(
        Zone,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
        verbose_name=_("zone"),
    )
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.INDUSTRY
    )
    stages = models.CharField(
        _("value-chain stages"),
        max_length=120,
        blank=True,
        help_text=_("space-separated stage codes"),
    )
    chains = models.CharField(
        _("priority chains"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("derived from products and inputs"),
    )
    hs_edition = models.CharField(_("HS edition"), max_length=6, default="HS2022")
    employees = models.PositiveIntegerField(
        _("employees"), null=True, blank=True, validators=[MaxValueValidator(MAX_INTEGER)]
    )
    annual_revenue = models.DecimalField(
        _("annual revenue"),
        max_digits=20,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AMOUNT)],
    )
    total_capital = models.DecimalField(
        _("total capital"),
        max_digits=20,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AMOUNT)],
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        help_text=_("of revenue and capital: the country's own currency"),
    )
    capacity = models.CharField(_("production capacity"), max_length=200, blank=True)
    size_class = models.CharField(
        _("size class"),
        max_length=10,
        choices=SizeClass.choices,
        default=SizeClass.UNKNOWN,
        editable=False,
        db_index=True,
    )
    size_basis = models.CharField(_("size basis"), max_length=200, blank=True, editable=False)
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    #: raised by one on every save; an edit made from an older version is refused (issue 12)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["country", "name_en", "name_vi", "name_lo", "pk"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "tax_id"],
                condition=~models.Q(tax_id=""),
                name="unique_tax_id_per_country",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self) or f"#{self.pk}"

    @property
    def province(self) -> refdata.Province | None:
        return refdata.province(self.country, self.province_code)

    @property
    def stage_list(self) -> list[str]:
        return self.stages.split()

    @property
    def chain_list(self) -> list[str]:
        return self.chains.split()

    @property
    def product_codes(self) -> list[str]:
        return [p.hs_code for p in self.products_made()]

    @property
    def input_codes(self) -> list[str]:
        return [p.hs_code for p in self.inputs_needed()]

    def products_made(self) -> list[EnterpriseProduct]:
        return [p for p in self.products.all() if p.role == ProductRole.MADE]

    def inputs_needed(self) -> list[EnterpriseProduct]:
        return [p for p in self.products.all() if p.role == ProductRole.NEEDED]

    def refresh_derived(self, hs_codes: list[str] | None = None) -> None:
        """Recompute size class, chains and search text (call before saving).

        ``hs_codes`` are the firm's product and input codes when they are not yet saved.
        """
        size, rule = classify_size(
            refdata.sme_rules(),
            self.country,
            self.sector,
            self.employees,
            self.annual_revenue,
            self.total_capital,
        )
        self.size_class = size
        self.size_basis = rule.source if rule else ""
        if hs_codes is None:
            hs_codes = [p.hs_code for p in self.products.all()] if self.pk else []
        chains: set[str] = set()
        for code in hs_codes:
            chains |= refdata.chains_of_hs(code)
        self.chains = " ".join(sorted(chains))
        # names only: the tax id is private and is searched apart, where the reader sees it
        self.search_text = search_key(self.name_vi, self.name_lo, self.name_en)


class ProductRole(models.TextChoices):
    MADE = "made", _("Product made")
    NEEDED = "needed", _("Input needed")


class EnterpriseProduct(models.Model):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="products")
    role = models.CharField(_("role"), max_length=8, choices=ProductRole.choices)
    hs_code = models.CharField(_("HS code"), max_length=6, db_index=True)

    class Meta:
        ordering = ["role", "hs_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "role", "hs_code"], name="unique_product_per_role"
            )
        ]

    def __str__(self) -> str:
        return self.hs_code

    @property
    def description(self) -> str:
        """The code's description in the active language (a Lao page may show English)."""

        return labels.hs_html(self.hs_code, self.enterprise.hs_edition)


class Relationship(models.Model):
    supplier = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="sales", verbose_name=_("supplier")
    )
    buyer = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="purchases", verbose_name=_("buyer")
    )
    hs_code = models.CharField(_("HS code"), max_length=6, blank=True)
    hs_edition = models.CharField(_("HS edition"), max_length=6, default="HS2022")
    annual_value_usd = models.DecimalField(
        _("annual value (USD)"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    since = models.PositiveSmallIntegerField(_("since (year)"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-annual_value_usd", "pk"]
        verbose_name = _("supplier-buyer relationship")
        verbose_name_plural = _("supplier-buyer relationships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(supplier=models.F("buyer")), name="relationship_not_with_itself"
            ),
            models.UniqueConstraint(
                fields=["supplier", "buyer", "hs_code"], name="unique_relationship_per_product"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supplier} → {self.buyer}"

    @property
    def cross_border(self) -> bool:
        return self.supplier.country != self.buyer.country


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MERGED = "merged", _("Merged")
    DISMISSED = "dismissed", _("Not a duplicate")


class DuplicateFlag(models.Model):
    """Two enterprises that look like one; a steward merges or dismisses, never the machine."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("name similarity"))
    status = models.CharField(
        _("status"), max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-score"]
        verbose_name = _("likely duplicate")
        verbose_name_plural = _("likely duplicates")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "other"], name="unique_duplicate_flag")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} ≈ {self.other} ({self.score:.0f})"


class Disclosure(models.Model):
    """A firm's consent to show another firm its private fields (tax id, workforce, figures,
    contacts): given for the firm by one of its users (or, for a firm without a user, by its
    country's focal point or a steward), revocable by deleting it. The other firm sees them only
    while both have consented to each other (issue 24)."""

    firm = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="disclosures",
                             verbose_name=_("enterprise"))  # fmt: skip
    to = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+",
                           verbose_name=_("disclosed to"))  # fmt: skip
    by = models.CharField(_("consented by"), max_length=150)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("disclosure consent")
        verbose_name_plural = _("disclosure consents")
        constraints = [
            models.UniqueConstraint(fields=["firm", "to"], name="one_disclosure_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(firm=models.F("to")), name="disclosure_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.firm} → {self.to}"
