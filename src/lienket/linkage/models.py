"""Matches between enterprises and their workflow; pilot linkage projects and their weights."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lienket.registry.models import Enterprise, Relationship, Zone


class MatchStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    CONTACTED = "contacted", _("Contacted")
    MET = "met", _("Met")
    AGREEMENT = "agreement", _("Agreement")
    DECLINED = "declined", _("Declined")


#: The workflow: each status and the statuses it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    MatchStatus.SUGGESTED: (MatchStatus.SHORTLISTED, MatchStatus.DECLINED),
    MatchStatus.SHORTLISTED: (MatchStatus.CONTACTED, MatchStatus.DECLINED),
    MatchStatus.CONTACTED: (MatchStatus.MET, MatchStatus.DECLINED),
    MatchStatus.MET: (MatchStatus.AGREEMENT, MatchStatus.DECLINED),
    MatchStatus.AGREEMENT: (),
    MatchStatus.DECLINED: (),
}


class Match(models.Model):
    """A supplier and a buyer across the border, followed from suggestion to agreement."""

    supplier = models.ForeignKey(
        Enterprise,
        on_delete=models.CASCADE,
        related_name="supply_matches",
        verbose_name=_("supplier"),
    )
    buyer = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="buy_matches", verbose_name=_("buyer")
    )
    status = models.CharField(_("status"), max_length=12, choices=MatchStatus.choices)
    score = models.FloatField(_("score"), default=0.0)
    parts = models.JSONField(_("score parts"), default=dict, blank=True)
    codes = models.JSONField(_("matched HS codes"), default=list, blank=True)
    relationship = models.ForeignKey(
        Relationship, null=True, blank=True, on_delete=models.SET_NULL, related_name="matches"
    )
    #: an agreement needs both sides: who confirmed it for each (a user of the firm, or a focal
    #: point on behalf of a firm that has no user), empty until then
    supplier_agreed = models.CharField(_("agreement confirmed for the supplier by"),
                                       max_length=200, blank=True)  # fmt: skip
    buyer_agreed = models.CharField(_("agreement confirmed for the buyer by"),
                                    max_length=200, blank=True)  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["supplier", "buyer"], name="one_match_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(supplier=models.F("buyer")), name="match_not_with_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supplier} → {self.buyer}"

    @property
    def next_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS[self.status]


class DatedEvent(models.Model):
    """A dated step of something followed over time: its new status, a note and who did it."""

    note = models.TextField(_("note"), blank=True)
    date = models.DateField(_("date"), default=timezone.localdate)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["date", "created", "pk"]

    def __str__(self) -> str:
        return f"{self.date} {getattr(self, 'status', '')}"


class MatchEvent(DatedEvent):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=MatchStatus.choices)


class PilotWeights(models.Model):
    """The weights of the pilot-project ranking criteria (one row, editable by focal points)."""

    relationships = models.FloatField(_("existing relationships"), default=0.25)
    advantage = models.FloatField(_("competitive advantage"), default=0.20)
    potential = models.FloatField(_("untapped potential"), default=0.15)
    completeness = models.FloatField(_("completeness of the chain"), default=0.15)
    region = models.FloatField(_("priority region"), default=0.15)
    specialisation = models.FloatField(_("specialisation"), default=0.10)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return ", ".join(f"{k} {v:g}" for k, v in self.as_dict().items())

    CRITERIA = (
        "relationships",
        "advantage",
        "potential",
        "completeness",
        "region",
        "specialisation",
    )

    def as_dict(self) -> dict[str, float]:
        return {c: float(getattr(self, c)) for c in self.CRITERIA}

    @classmethod
    def current(cls) -> PilotWeights:
        found = cls.objects.order_by("pk").first()
        return found or cls.objects.create()


class PilotStatus(models.TextChoices):
    SELECTED = "selected", _("Selected")
    PREPARING = "preparing", _("Preparing")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped")


class PilotProject(models.Model):
    """A pilot linkage project selected from the ranked candidates."""

    chain = models.CharField(_("chain"), max_length=20)
    zone = models.ForeignKey(Zone, null=True, blank=True, on_delete=models.SET_NULL)
    province_code = models.CharField(_("province"), max_length=8, blank=True)
    country = models.CharField(_("country"), max_length=3, blank=True)
    enterprises = models.ManyToManyField(Enterprise, related_name="pilot_projects", blank=True)
    products = models.CharField(_("products (HS)"), max_length=400, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PilotStatus.choices, default=PilotStatus.SELECTED
    )
    score = models.FloatField(_("score when selected"), default=0.0)
    explanation = models.JSONField(_("ranking when selected"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "pk"]

    def __str__(self) -> str:
        return f"{self.chain} · {self.zone or self.province_code}"


class PilotEvent(DatedEvent):
    project = models.ForeignKey(PilotProject, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=PilotStatus.choices)
