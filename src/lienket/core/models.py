"""Who a user is in lienket: a role, and for focal points a country, for enterprise users a firm."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FOCAL = "focal", _("Focal point")
    READER = "reader", _("Ministry reader")
    ENTERPRISE = "enterprise", _("Enterprise user")


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
