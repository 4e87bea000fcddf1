"""Template helpers: localized reference names and query-string building."""

from typing import Any

from django import template
from django.utils.translation import get_language, gettext, gettext_lazy

from lienket import refdata
from lienket.core import datalabels, formats, labels
from lienket.core.vocabulary import Stage

register = template.Library()


def _lang() -> str:
    return (get_language() or "en")[:2]


@register.filter
def num(value: Any, places: Any = None) -> str:
    """A number in the reader's marks with the precision it needs (``core.formats.auto``), or
    with ``places`` decimals: 1.300 and 641,8 in Vietnamese, 1,300 and 641.8 in English."""
    if value is None or value == "":
        return ""
    try:
        shown = formats.auto(value, _lang(), None if places is None else int(places))
    except (TypeError, ValueError, ArithmeticError):
        return str(value)
    return shown or ""


@register.filter
def usd_million(value: Any) -> str:
    """US dollars written in millions in the reader's marks (the unit is said beside it)."""
    return "" if value is None else formats.usd_million(value, _lang()) or ""


@register.filter
def pct(value: Any) -> str:
    """A share or growth rate (0.125) as a percentage in the reader's marks."""
    return "" if value is None else formats.percent(float(value), _lang()) or ""


@register.filter
def data_label(text: str) -> str:
    """A label that came with the bundled data (a status, a sector, a note) in the reader's
    language."""
    return datalabels.label(text)


@register.filter
def row_text(error: Any) -> str:
    """A file problem or notice in the reader's language, with its values filled in."""
    return str(error.text(gettext))


@register.filter
def translate_text(message: str) -> str:
    """A message stored in English (a reason kept in the trade store) in the reader's language."""
    return str(gettext(message)) if message else ""


@register.filter
def country_name(iso3: str) -> str:
    return labels.country_name(iso3)


@register.filter
def side_name(code: str) -> str:
    """A side of the cooperation in the reader's language: a country, or both sides ("joint")."""
    if code == "joint":
        return gettext("both sides")
    return labels.country_name(code)


@register.filter
def province_name(obj: Any) -> str:
    p = refdata.province(obj.country, obj.province_code)
    return p.names.get(_lang()) if p else obj.province_code


@register.filter
def province_in(code: str, country: str) -> str:
    """A province code of ``country`` as its name in the reader's language."""
    p = refdata.province(country, code)
    return p.names.get(_lang()) if p else code


@register.filter
def chain_name(code: str) -> str:
    c = refdata.chains().get(code)
    return c.names.get(_lang()) if c else code


@register.filter
def hs_description(code: str, edition: str = "HS2022") -> str:
    """An HS code's description in the reader's language, marked where it is not."""
    return labels.hs_html(code, edition)


@register.simple_tag(takes_context=True)
def query(context: Any, **changes: Any) -> str:
    """The current query string with some parameters replaced (``None`` removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def stage_name(code: str) -> str:
    """A value-chain stage in the current language."""
    return str(dict(Stage.choices).get(code, code))


PART_NAMES = {
    "relationship": gettext_lazy("existing relationship"),
    "product": gettext_lazy("product fit"),
    "logistics": gettext_lazy("logistics"),
    "chain": gettext_lazy("priority chain"),
    "text": gettext_lazy("description"),
    "trade": gettext_lazy("trade evidence"),
    "size": gettext_lazy("size"),
    "certifications": gettext_lazy("certifications"),
}
NOTES = {
    "trade evidence absent": gettext_lazy("trade evidence absent: load trade data to use it"),
    "logistics cost unknown": gettext_lazy(
        "logistics cost unknown: the firm has no place on the map"
    ),
}


@register.filter
def part_name(key: str) -> str:
    return str(PART_NAMES.get(key, key))


@register.filter
def note_text(note: str) -> str:
    return str(NOTES.get(note, note))


@register.filter
def attr(obj: Any, name: str) -> Any:
    return getattr(obj, name, "")


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key, key)


#: labels of the codes the engine's monitoring and optimiser return
CODE_LABELS = {
    "behind": gettext_lazy("behind schedule"),
    "on_schedule": gettext_lazy("on schedule"),
    "ahead": gettext_lazy("ahead of schedule"),
    "no_data": gettext_lazy("no data"),
    "capacity": gettext_lazy("what it can disburse this year"),
    "floor": gettext_lazy("what it has disbursed or committed"),
    "max_change": gettext_lazy("the largest change allowed"),
    "fence": gettext_lazy("a ring-fence"),
    "funds": gettext_lazy("no more money to move (higher priorities served first)"),
    "no_receiver": gettext_lazy("no project could take its surplus"),
}


@register.filter
def status_label(code: str) -> str:
    """A monitoring status or binding-constraint code in the reader's language."""
    label = CODE_LABELS.get(code)
    return str(label) if label is not None else ("" if not code else str(code))


@register.filter
def state_count(summary: Any, state: str) -> int:
    """How many activities of a work-plan summary are in ``state``."""
    return int(summary.count(state))


@register.filter
def minutes(span: Any) -> int:
    """A ``timedelta`` in whole minutes (rounded up), for "try again in N minutes"."""
    return -(-int(span.total_seconds()) // 60)


#: the visible mark of a text shown in another language than the reader's
ORIGINAL_MARK = {
    "en": gettext_lazy("English original: no translation in your language yet"),
    "vi": gettext_lazy("Vietnamese original: no translation in your language yet"),
    "lo": gettext_lazy("Lao original: no translation in your language yet"),
}


def _lookup(context: Any) -> Any:
    """The page's translations into the reader's language (one per request)."""
    from lienket.core import translations

    lang = (get_language() or "en")[:2]
    request = context.get("request")
    lookup = getattr(request, "_entered_lookup", None) if request is not None else None
    if lookup is None or lookup.lang != lang:
        lookup = translations.Lookup(lang)
        if request is not None:
            request._entered_lookup = lookup
    return lookup


def _in_its_language(body: Any, lang: str) -> Any:
    """A text shown in another language than the reader's: its ``lang`` and a visible mark."""
    from django.utils.html import format_html

    return format_html(
        '<span lang="{}">{}</span> <abbr class="langmark" title="{}">{}</abbr>',
        lang,
        body,
        ORIGINAL_MARK[lang],
        labels.LANGUAGE_NAMES[lang],
    )


@register.simple_tag(takes_context=True)
def entered(context: Any, obj: Any, field: str, lines: bool = False) -> Any:
    """A text a user entered, in the reader's language when a translation exists, else the
    original with its language marked (``core.translations``)."""
    from django.template.defaultfilters import linebreaksbr
    from django.utils.html import escape

    shown = _lookup(context).shown(obj, field)
    body = linebreaksbr(shown.text, autoescape=True) if lines else escape(shown.text)
    return _in_its_language(body, shown.lang) if shown.missing else body


@register.simple_tag(takes_context=True)
def entered_plain(context: Any, obj: Any, field: str) -> str:
    """The same text without markup (a page title): the translation, else the original."""
    return str(_lookup(context).shown(obj, field).text)


@register.filter
def language_name(code: str) -> str:
    """A language's name in the reader's language (vi → "Tiếng Việt" on a Vietnamese page)."""
    from django.conf import settings

    return str(dict(settings.LANGUAGES).get(code, code))


@register.filter
def marked(obj: Any, base: str = "name") -> Any:
    """A per-language field (``name_vi``, ``name_lo``, ``name_en``) in the reader's language, else
    the first version that exists with its language marked (``lang`` and a visible mark)."""
    from django.utils.html import escape

    from lienket.core import translations

    lang = (get_language() or "en")[:2]
    text, code = translations.own_version(obj, base, lang)
    if not text or code == lang:
        return escape(text)
    return _in_its_language(escape(text), code)


@register.filter
def long_date(value: Any) -> str:
    """A date written out in the reader's language ("ngày 8 tháng 1 năm 2025")."""
    return formats.long_date(value, _lang()) or "" if value else ""


@register.filter
def commitment_status(code: str) -> str:
    """A commitment's status in words (``governance.CommitmentStatus``)."""
    from django.apps import apps

    model = apps.get_model("governance", "Commitment")
    return str(dict(model._meta.get_field("status").choices).get(code, code))
