"""Who a user is in lienket: a role, and for focal points a country, for enterprise users a firm."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FOCAL = "focal", _("Focal point")
    READER = "reader", _("Ministry reader")
    ENTERPRISE = "enterprise", _("Enterprise user")
    #: a side's Cooperation Committee secretariat: reads what the government roles read,
    #: approves reallocations for its side and updates any commitment (issue 27)
    SECRETARIAT = "secretariat", _("Cooperation Committee secretariat")
    #: a line ministry's official: reads like a ministry reader and updates the commitments
    #: its organisation owns (issue 27)
    MINISTRY = "ministry", _("Line-ministry official")


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    country = models.CharField(
        _("country"),
        max_length=3,
        blank=True,
        help_text=_("ISO 3166-1 alpha-3; the country a focal point serves"),
    )
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    enterprise = models.ForeignKey(
        "registry.Enterprise",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
        verbose_name=_("enterprise"),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="focal") | ~models.Q(country=""),
                name="focal_point_has_country",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="enterprise") | models.Q(enterprise__isnull=False),
                name="enterprise_user_has_enterprise",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class AuditAction(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    IMPORTED = "imported", _("imported")
    MERGED = "merged", _("merged a duplicate into it")
    DISMISSED = "dismissed", _("marked as not a duplicate")
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    EXPORTED = "exported", _("exported")
    SUBMITTED = "submitted", _("submitted")
    DELETED = "deleted", _("deleted")
    LOGGED_IN = "logged_in", _("logged in")
    LOGIN_FAILED = "login_failed", _("login failed")
    LOGGED_OUT = "logged_out", _("logged out")
    PASSWORD_CHANGED = "password_changed", _("changed the password")
    TOKEN_ISSUED = "token_issued", _("issued an API token")
    TOKEN_REVOKED = "token_revoked", _("revoked the API token")


class AuditEvent(models.Model):
    """Who changed what, when: written by the services, never edited."""

    created = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_label = models.CharField(_("by"), max_length=150)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=40, db_index=True)
    object_id = models.CharField(_("object"), max_length=40, blank=True, db_index=True)
    summary = models.TextField(_("summary"), blank=True)
    #: the fields that changed, ``{"field": [before, after]}`` (see lienket.core.audit)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.summary}"


class JobState(models.TextChoices):
    """The one vocabulary of background work: every job (imports of every kind, trade files,
    report builds) is in one of these states."""

    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Job(models.Model):
    """What every background job has (``core.jobs``): its state, its progress (a stage, and
    ``done`` of ``total`` in the job's own unit: rows, bytes or report sections), who asked for
    it and when it was queued, started and finished. A concrete job adds what it works on and
    what it gives; ``core.jobs`` runs every kind the same way, through the task queue."""

    state = models.CharField(
        _("state"), max_length=8, choices=JobState.choices, default=JobState.QUEUED, db_index=True
    )
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    done = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("queued on"), auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created", "-pk"]

    @property
    def finished_or_failed(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def percent(self) -> int:
        if self.state == JobState.DONE:
            return 100
        if not self.total:
            return 0
        return min(99, int(100 * self.done / self.total))


class ImportJob(Job):
    """A file uploaded on the web, checked and imported in the background (``core.jobs``).

    Enterprise, relationship, project, IATI and work-plan files: progress while it runs (rows),
    a time limit, the result or the first problems on the job, every kept problem in a report.
    """

    kind = models.CharField(_("kind"), max_length=32)
    options = models.JSONField(default=dict, blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    stored = models.CharField(max_length=300)
    size = models.BigIntegerField(_("size (bytes)"), default=0)
    result = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    report = models.CharField(max_length=300, blank=True)

    class Meta(Job.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.state})"


class HsLaoText(models.Model):
    """A Lao description of an HS code added by a focal point; it takes precedence over the
    English or Vietnamese text a Lao page would otherwise show (no Lao nomenclature is bundled)."""

    edition = models.CharField(_("HS edition"), max_length=8)
    code = models.CharField(_("HS code"), max_length=6)
    text = models.CharField(_("Lao description"), max_length=500)
    source = models.CharField(_("source"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), auto_now=True)

    class Meta:
        verbose_name = _("Lao HS description")
        verbose_name_plural = _("Lao HS descriptions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="one_lao_text_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.edition} {self.code}: {self.text}"


class ApiToken(models.Model):
    """A user's personal API token, stored as its SHA-256 digest (``core.sensitive``): the token
    is shown once, when issued; afterwards only its first characters name it. It expires
    (``LIENKET_TOKEN_DAYS``) and a password change revokes it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token"
    )
    prefix = models.CharField(_("starts with"), max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(_("issued"), auto_now_add=True)
    expires = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"API token {self.prefix}… of {self.user}"


class TextTranslation(models.Model):
    """A translation of a text users entered (a meeting's title, a decision, a milestone) into
    one of the other languages; it answers only while the original text is still ``source``."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(_("field"), max_length=60)
    lang = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    text = models.TextField(_("translation"), max_length=8000)
    source = models.TextField(_("text translated"), max_length=8000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("translated"), auto_now=True)

    class Meta:
        verbose_name = _("translation of entered text")
        verbose_name_plural = _("translations of entered text")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "lang"], name="one_translation"
            )
        ]
        indexes = [models.Index(fields=["content_type", "lang"], name="translation_by_type")]

    def __str__(self) -> str:
        return f"{self.field} [{self.lang}]: {self.text[:60]}"


class Indicator(models.TextChoices):
    TRADE_GROWTH = "trade_growth", _("two-way trade growth on the year before")
    POWER_CAPACITY = "power_capacity", _("power capacity selling or committed to Viet Nam, MW")
    AID_DISBURSEMENT = "aid_disbursement", _("share of the year's aid allocation disbursed")
    TRAINING_COMPLETION = "training_completion", _("share of training places completed")


class Target(models.Model):
    """A target recorded for a year: a growth band, a number or a date, with the session or
    document that set it (issue 27). The trade band of a year is read from here."""

    indicator = models.CharField(_("indicator"), max_length=20, choices=Indicator.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    low = models.DecimalField(_("low"), max_digits=12, decimal_places=4, null=True, blank=True)
    high = models.DecimalField(_("high"), max_digits=12, decimal_places=4, null=True, blank=True)
    wording = models.CharField(_("as stated"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=400)
    session = models.PositiveSmallIntegerField(_("session"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=4000)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_target_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.low}–{self.high}"
