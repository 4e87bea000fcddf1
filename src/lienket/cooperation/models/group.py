"""The joint working group: its sides, organisations and members."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.registry.models import localized


class Side(models.TextChoices):
    VIET_NAM = "VNM", _("Viet Nam")
    LAO = "LAO", _("Lao PDR")
    JOINT = "joint", _("Joint")


class Organisation(models.Model):
    """A body that leads activities or sends members and trainees (VIOIT, IICE, ministries …)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200, blank=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["side", "code"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self)


class GroupRole(models.TextChoices):
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")
    SECRETARIAT = "secretariat", _("Secretariat")


class Member(models.Model):
    """A member of the joint working group."""

    name = models.CharField(_("name"), max_length=120)
    name_lo = models.CharField(_("name in Lao script"), max_length=120, blank=True)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices[:2])
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="members",
        verbose_name=_("organisation"),
    )  # fmt: skip
    group_role = models.CharField(_("role in the group"), max_length=12, choices=GroupRole.choices)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="jwg_members",
    )  # fmt: skip
    active = models.BooleanField(_("active"), default=True)
    fictional = models.BooleanField(_("fictional demo record"), default=False)

    class Meta:
        ordering = ["side", "group_role", "name"]
        verbose_name = _("working-group member")
        verbose_name_plural = _("working-group members")

    def __str__(self) -> str:
        return self.name
