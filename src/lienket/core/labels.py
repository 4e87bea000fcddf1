"""Data labels in the reader's language: HS descriptions with the language they are in.

Vietnamese readers get Viet Nam's own nomenclature (Circular 31/2022/TT-BTC, bundled), English
readers the UN's. No Lao nomenclature exists in a form lienket can read, so a Lao reader sees the
Lao description a focal point has added (:class:`lienket.core.models.HsLaoText`) or else the
English text with a visible marker saying it is English.

The Lao texts are read once into an immutable mapping shared by every thread, and read again
when an import changes them here, or after :data:`REFRESH_SECONDS` (another process's import).
"""

from __future__ import annotations

import threading
import time
from types import MappingProxyType

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.refdata import HsText

REFRESH_SECONDS = 60.0
_lock = threading.Lock()
_lao: tuple[float, MappingProxyType[tuple[str, str], str]] = (0.0, MappingProxyType({}))


def reader_lang(lang: str | None = None) -> str:
    return (lang or get_language() or "en")[:2]


def lao_texts() -> MappingProxyType[tuple[str, str], str]:
    """(edition, code) -> Lao description, as focal points have added them."""
    global _lao
    read_at, mapping = _lao
    if time.monotonic() - read_at < REFRESH_SECONDS:
        return mapping
    from lienket.core.models import HsLaoText

    with _lock:
        fresh = MappingProxyType(
            {(e, c): t for e, c, t in HsLaoText.objects.values_list("edition", "code", "text")}
        )
        _lao = (time.monotonic(), fresh)
    return fresh


def forget_lao_texts() -> None:
    """Read the Lao texts again on next use (called after an import)."""
    global _lao
    _lao = (0.0, _lao[1])


def country_name(iso3: str, lang: str | None = None) -> str:
    """A country's name in the reader's language (its code when unknown)."""
    c = refdata.countries().get(iso3)
    return c.names.get(reader_lang(lang)) if c else iso3


def hs(code: str, edition: str = "HS2017", lang: str | None = None) -> HsText | None:
    """The description of an HS code for a reader of ``lang`` (default: the active language)."""
    lang = reader_lang(lang)
    if lang == "lo":
        texts = lao_texts()
        text = texts.get((edition, code))
        other = "HS2022" if edition == "HS2017" else "HS2017"
        if not text and (other, code) in texts and _same_in_both(code):
            text = texts[(other, code)]
        if text:
            return HsText(text, "lo", "added by a focal point")
    return refdata.hs_text(code, edition, lang)


def _same_in_both(code: str) -> bool:
    """Whether a code means the same in HS2017 and HS2022 (a heading or chapter present in
    both, or a subheading the concordance maps to itself)."""
    if len(code) < 6:
        return code in refdata.hs_codes("HS2017") and code in refdata.hs_codes("HS2022")
    return refdata.hs_concordance("HS2022", "HS2017").get(code) == code


LANGUAGE_NAMES = {"en": "EN", "vi": "VI", "lo": "LO"}


def marker_title(text_lang: str) -> str:
    return {
        "en": _("English text: no description in your language yet"),
        "vi": _("Vietnamese text: no description in your language yet"),
    }.get(text_lang, "")


def hs_plain(code: str, edition: str = "HS2017", lang: str | None = None) -> str:
    """The description as plain text for downloads and charts, with " [EN]" (or " [VI]") after
    a text that is not in the reader's language; :func:`unmark` reads the mark back."""
    found = hs(code, edition, lang)
    if found is None:
        return ""
    if found.lang != reader_lang(lang):
        return plain_mark(found.text, found.lang)
    return found.text


def plain_mark(text: str, text_lang: str) -> str:
    """A text in another language than the reader's, for plain-text output (downloads, charts,
    documents): followed by its language's mark, " [EN]"; :func:`unmark` reads it back."""
    return f"{text} [{LANGUAGE_NAMES[text_lang]}]"


def unmark(text: str) -> tuple[str, str]:
    """(text, language code) of a text :func:`hs_plain` marked as another language's, or
    (text, "") for an unmarked one."""
    for lang, mark in LANGUAGE_NAMES.items():
        if text.endswith(f" [{mark}]"):
            return text[: -len(mark) - 3], lang
    return text, ""


def hs_html(code: str, edition: str = "HS2017", lang: str | None = None) -> SafeString:
    """The description for a page: a text in another language carries its ``lang`` attribute
    and a small visible marker."""
    found = hs(code, edition, lang)
    if found is None:
        return SafeString("")
    if found.lang != reader_lang(lang):
        return format_html(
            '<span lang="{}">{}</span> <abbr class="langmark" title="{}">{}</abbr>',
            found.lang,
            found.text,
            marker_title(found.lang),
            LANGUAGE_NAMES[found.lang],
        )
    return format_html("{}", found.text)
