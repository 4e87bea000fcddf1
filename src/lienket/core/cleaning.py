"""The text rule of :mod:`lienket.engine.cleantext` on every web way in.

:func:`install` (called once at start-up) adds :func:`validate_clean_text` to every text field of
lienket's models, which ModelForms and DRF ModelSerializers both run, and to Django's form
``CharField``, which every other form uses; TextFields without a length get the default limit.
The table reader applies the same rule to imported files (``engine.io.tabular``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lienket.engine.cleantext import DEFAULT_MAX_CHARS, first_unsafe

LIENKET_APPS = ("core", "registry", "trade", "linkage", "projects", "cooperation", "reports")


def validate_clean_text(value: Any) -> None:
    """Refuse a text holding a control, bidirectional-override or surrogate character."""
    if not isinstance(value, str):
        return
    unsafe = first_unsafe(value)
    if unsafe is not None:
        raise ValidationError(
            _("The text holds the control character %(char)s (character %(at)s): remove it."),
            code="unsafe_character",
            params={"char": unsafe.codepoint, "at": unsafe.position},
        )


def _add(field: models.Field[Any, Any], validator: Any) -> None:
    if validator not in field._validators:
        field._validators.append(validator)
        field.__dict__.pop("validators", None)  # drop a cached copy


def install() -> None:
    """Put the rule on every text field of lienket's models and on every form CharField."""
    limit = MaxLengthValidator(DEFAULT_MAX_CHARS)
    for label in LIENKET_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.CharField | models.TextField):
                    _add(field, validate_clean_text)
                if isinstance(field, models.TextField) and not field.max_length:
                    _add(field, limit)
    if validate_clean_text not in forms.CharField.default_validators:
        forms.CharField.default_validators = [
            *forms.CharField.default_validators,
            validate_clean_text,
        ]
