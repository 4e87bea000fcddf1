"""Formatting of trade table cells by kind, localised (grouping and decimal marks)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lienket.core import labels
from lienket.trade.tables import STATUS

register = template.Library()


@register.simple_tag
def cell(value: Any, kind: str) -> str:
    if value is None or value == "":
        return format_html('<span class="muted" title="{}">—</span>', _("no data"))
    if kind == "usd":
        return number_format(round(value), 0, force_grouping=True)
    if kind == "percent":
        return number_format(value * 100, 1) + " %"
    if kind == "ratio":
        return number_format(value, 2)
    if kind == "number":
        return number_format(value, 2 if isinstance(value, float) else 0, force_grouping=True)
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
