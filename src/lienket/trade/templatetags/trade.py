"""Formatting of trade table cells by kind, localised (grouping and decimal marks)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lienket.core import formats, labels
from lienket.trade.tables import STATUS

register = template.Library()


@register.simple_tag
def cell(value: Any, kind: str) -> str:
    if value is None or value == "":
        return format_html('<span class="muted" title="{}">—</span>', _("no data"))
    # rounded by core.formats (CLDR marks); Django's number_format cut 14.99999 to "14.9"
    lang = (get_language() or "en")[:2]
    if kind == "usd":
        return formats.number(round(value), lang) or ""
    if kind == "percent":
        return formats.percent(value, lang) or ""
    if kind == "ratio":
        return formats.number(value, lang, 2) or ""
    if kind == "number":
        return formats.number(value, lang, 2 if isinstance(value, float) else 0) or ""
    if kind == "status":
        return format_html('<span class="status {}">{}</span>', value, STATUS.get(value, value))
    if isinstance(value, str):
        text, lang = labels.unmark(value)  # a text not in the reader's language
        if lang:
            return format_html(
                '<span lang="{}">{}</span> <abbr class="langmark" title="{}">{}</abbr>',
                lang,
                text,
                labels.marker_title(lang),
                labels.LANGUAGE_NAMES[lang],
            )
    return str(value)


@register.filter
def get(row: dict[str, Any], key: str) -> Any:
    return row.get(key)
