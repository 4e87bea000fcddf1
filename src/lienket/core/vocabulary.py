"""The labels of the vocabulary every floor shares (issue 25): the value-chain stages and the
size classes of firms. Their codes are defined once, in ``lienket.engine.vocabulary``; a test
checks that these choices hold exactly those codes, in that order."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    RAW_MATERIAL = "raw_material", _("Raw material")
    PROCESSING = "processing", _("Production and processing")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    DESIGN = "design", _("Design")
    DISTRIBUTION = "distribution", _("Distribution")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")
    UNKNOWN = "unknown", _("Unknown")
