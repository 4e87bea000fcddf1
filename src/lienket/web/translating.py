"""``/translations/``: the texts users entered that have no version in a language yet, for a
focal point or a steward to complete (issue 26, part 5); each saved translation is audited."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lienket.core import audit, roles, translations
from lienket.core.decorators import require

LIMIT = 200


@require(roles.can_translate)
def page(request: HttpRequest) -> HttpResponse:
    lang = request.GET.get("lang") or (get_language() or "en")[:2]
    if lang not in translations.LANGS:
        raise BadRequest(_("unknown language"))
    if request.method == "POST":
        return _save(request, lang)
    found, total = translations.missing(lang, LIMIT)
    items = [
        {
            "label": m.obj._meta.label_lower,
            "kind": m.obj._meta.verbose_name,
            "field": _field_name(m.obj, m.field),
            "field_code": m.field,
            "pk": m.obj.pk,
            "about": str(m.obj)[:120],
            "original": m.original,
            "original_lang": m.original_lang,
            "stale": m.stale,
        }
        for m in found
    ]
    return render(
        request,
        "translations.html",
        {"lang": lang, "items": items, "total": total, "langs": translations.LANGS},
    )


def _field_name(obj: object, field: str) -> str:
    """A field's name for the page (a per-language field by its English one: "name")."""
    meta = obj._meta  # type: ignore[attr-defined]
    try:
        return str(meta.get_field(field).verbose_name)
    except Exception:  # a per-language base: name -> name_en's
        return str(meta.get_field(f"{field}_en").verbose_name)


def _save(request: HttpRequest, lang: str) -> HttpResponse:
    label = request.POST.get("label", "")
    field = request.POST.get("field", "")
    text = request.POST.get("text", "").strip()
    known = (*translations.REGISTRY.get(label, ()), *translations.LOCALIZED.get(label, ()))
    if field not in known:
        raise BadRequest(_("this text cannot be translated here"))
    if not text or len(text) > 8000:
        raise BadRequest(_("write the translation (at most 8,000 characters)"))
    pk = request.POST.get("pk", "")
    obj = apps.get_model(label).objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if obj is None:
        raise BadRequest(_("no such record"))
    translations.save(obj, field, lang, text, request.user)
    audit.record(request.user, "updated", obj, f"translation of {field} into {lang}")
    return redirect(reverse("translations") + f"?lang={lang}")
