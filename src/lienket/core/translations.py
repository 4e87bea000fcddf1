"""Texts users enter, in the reader's language (issue 26, part 5).

A meeting's title, a decision, a member's position or a project milestone is written once, in
whatever language its author wrote it; a focal point adds its versions in the other languages
(``TextTranslation``). A page shows the reader's version when there is one, else the original
with its language marked (``lang`` attribute and a visible mark), and the page
``/translations/`` lists what is missing so that a focal point can complete it. A translation
answers only while the original is unchanged: an edited original is listed again.

Each app registers its translatable fields from ``AppConfig.ready`` (core never imports an
app). The language of an original is read from its letters: Lao script is Lao, Vietnamese
letters (đ, ư, ơ, ă, â, ê, ô and the tone marks) are Vietnamese, anything else English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Model

# The models are imported where they are used: the apps register their fields from
# ``AppConfig.ready``, which imports this module before the models may be read.

LANGS = ("vi", "lo", "en")
#: model label ("cooperation.meeting") → the fields whose text users enter
REGISTRY: dict[str, tuple[str, ...]] = {}
LAO = re.compile("[\u0e80-\u0eff]")
VIETNAMESE = re.compile("[đĐưƯơƠăĂâÂêÊôÔ]|[\u0300\u0301\u0303\u0309\u0323]")


#: model label → base names of fields kept once per language on the model itself
#: (``name`` for ``name_en``, ``name_vi``, ``name_lo``): a missing one is written there
LOCALIZED: dict[str, tuple[str, ...]] = {}


def register(label: str, *fields: str) -> None:
    REGISTRY[label.lower()] = tuple(dict.fromkeys((*REGISTRY.get(label.lower(), ()), *fields)))


def register_localized(label: str, *bases: str) -> None:
    LOCALIZED[label.lower()] = tuple(dict.fromkeys((*LOCALIZED.get(label.lower(), ()), *bases)))


def own_version(obj: Model, base: str, lang: str) -> tuple[str, str]:
    """A per-language field's text for ``lang`` and its language: the reader's own version,
    else the first of English, Vietnamese, Lao that exists ("", "") when none."""
    for code in (lang, "en", "vi", "lo"):
        value = str(getattr(obj, f"{base}_{code}", "") or "")
        if value.strip():
            return value, code
    return "", ""


def language_of(text: str) -> str:
    """The language a text is written in, from its letters (see the module's note)."""
    if LAO.search(text):
        return "lo"
    if VIETNAMESE.search(unicodedata.normalize("NFD", text)):
        return "vi"
    return "en"


@dataclass(frozen=True)
class Shown:
    """A text as a reader sees it: ``lang`` is the language it is in; ``missing`` when it is
    the original because no translation into the reader's language exists yet."""

    text: str
    lang: str
    missing: bool


class Lookup:
    """Translations into one language, loaded once per content type (one query each), for a
    page that shows many objects. Not shared between requests."""

    def __init__(self, lang: str) -> None:
        self.lang = lang[:2]
        self._by_type: dict[int, dict[tuple[int, str], tuple[str, str]]] = {}

    def _table(self, ct: Any) -> dict[tuple[int, str], tuple[str, str]]:
        from lienket.core.models import TextTranslation

        if ct.pk not in self._by_type:
            rows = TextTranslation.objects.filter(content_type=ct, lang=self.lang)
            self._by_type[ct.pk] = {
                (r.object_id, r.field): (r.text, r.source)
                for r in rows.only("object_id", "field", "text", "source")
            }
        return self._by_type[ct.pk]

    def shown(self, obj: Model, field: str) -> Shown:
        from django.contrib.contenttypes.models import ContentType

        original = str(getattr(obj, field, "") or "")
        if not original.strip():
            return Shown(original, self.lang, False)
        lang = language_of(original)
        if lang == self.lang:
            return Shown(original, lang, False)
        found = self._table(ContentType.objects.get_for_model(obj)).get((obj.pk, field))
        if found and found[1] == original:
            return Shown(found[0], self.lang, False)
        return Shown(original, lang, True)


def save(obj: Model, field: str, lang: str, text: str, by: Any) -> Any:
    """Record (or replace) the translation of ``obj.field`` into ``lang``; a per-language
    field (``LOCALIZED``) is written on the record itself."""
    from django.contrib.contenttypes.models import ContentType

    from lienket.core.models import TextTranslation

    if field in LOCALIZED.get(obj._meta.label_lower, ()) and lang in LANGS:
        target = f"{field}_{lang}"
        limit = getattr(obj._meta.get_field(target), "max_length", None) or 8000
        setattr(obj, target, text.strip()[:limit])
        obj.save(update_fields=[target])
        return obj
    if field not in REGISTRY.get(obj._meta.label_lower, ()):
        raise ValueError(f"{obj._meta.label_lower}.{field} is not a translatable field")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    original = str(getattr(obj, field, "") or "")
    row, _created = TextTranslation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        lang=lang,
        defaults={"text": text.strip(), "source": original, "by": by},
    )
    return row


@dataclass(frozen=True)
class Missing:
    obj: Model
    field: str
    original: str
    original_lang: str
    stale: bool  # a translation exists but its original has changed since


def missing(lang: str, limit: int = 200) -> tuple[list[Missing], int]:
    """Registered texts without a current translation into ``lang`` (at most ``limit``, and
    how many there are in all)."""
    from django.contrib.contenttypes.models import ContentType

    from lienket.core.models import TextTranslation

    out: list[Missing] = []
    total = 0
    for label, bases in sorted(LOCALIZED.items()):
        model = apps.get_model(label)
        for obj in model.objects.all().order_by("pk"):
            for base in bases:
                text, code = own_version(obj, base, lang)
                if not text or code == lang:
                    continue
                total += 1
                if len(out) < limit:
                    out.append(Missing(obj, base, text, code, False))
    for label, fields in sorted(REGISTRY.items()):
        model = apps.get_model(label)
        ct = ContentType.objects.get_for_model(model)
        done = {
            (r.object_id, r.field): r.source
            for r in TextTranslation.objects.filter(content_type=ct, lang=lang)
        }
        for obj in model.objects.all().order_by("pk"):
            for field in fields:
                original = str(getattr(obj, field, "") or "")
                if not original.strip() or language_of(original) == lang:
                    continue
                source = done.get((obj.pk, field))
                if source == original:
                    continue
                total += 1
                if len(out) < limit:
                    out.append(Missing(obj, field, original, language_of(original),
                                       source is not None))  # fmt: skip
    return out, total
