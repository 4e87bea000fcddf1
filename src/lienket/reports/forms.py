"""The build form of the Reports page and the stewards' template form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lienket.reports.common import OFFICIAL
from lienket.reports.content import DEFAULT_COVER, SECTIONS, period_code
from lienket.reports.models import Format, Language
from lienket.reports.services import ReportError, parse_period

LOGO_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
LOGO_LIMIT = 512 * 1024


class BuildForm(forms.Form):
    period = forms.CharField(
        label=_("Period"), max_length=20,
        help_text=_("A year (2024), a half (2025-H1), a quarter (2025-Q3) or months (2025-01..10)"),
    )  # fmt: skip
    lang = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    fmt = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    dated = forms.DateField(label=_("Date of the report"), widget=forms.DateInput({"type": "date"}))
    session = forms.IntegerField(
        label=_("Implementation report of session"), required=False, min_value=1,
        max_value=999,
        help_text=_("Leave empty for the periodic report; give a session's number (47) for the "
                    "report on the implementation of its commitments."),
    )  # fmt: skip
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, max_length=20000,
        widget=forms.Textarea({"rows": 8}),
        help_text=_("Written by the focal points; kept with the report. Leave a blank line "
                    "between paragraphs."),
    )  # fmt: skip

    def clean_period(self) -> str:
        try:
            return period_code(parse_period(self.cleaned_data["period"]))
        except ReportError as exc:
            raise forms.ValidationError(str(exc)) from exc


class TemplateForm(forms.Form):
    """Section order and inclusion, the cover's words by language, and the logo."""

    logo = forms.FileField(label=_("Logo (PNG or JPEG, up to 512 KB)"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args: Any, template: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        order = template.order()
        for n, key in enumerate(list(order) + [k for k in SECTIONS if k not in order], start=1):
            self.fields[f"pos_{key}"] = forms.IntegerField(
                label=SECTIONS[key], min_value=1, max_value=99, initial=n
            )
            self.fields[f"use_{key}"] = forms.BooleanField(
                label=_("include"), required=False, initial=key in order
            )
        for lang, name in Language.choices:
            words = template.cover_for(lang)
            for key, default in DEFAULT_COVER.items():
                self.fields[f"{lang}_{key}"] = forms.CharField(
                    label=f"{COVER_LABELS[key]} ({name})", required=False, max_length=300,
                    initial=words.get(key, ""), help_text=_("blank: %(default)s") % {
                        "default": default},
                )  # fmt: skip
            for key, default in OFFICIAL[lang].items():
                multi = key in MULTILINE
                self.fields[f"{lang}_{key}"] = forms.CharField(
                    label=f"{COVER_LABELS[key]} ({name})", required=False, max_length=600,
                    initial=words.get(key, ""), widget=forms.Textarea(attrs={"rows": 3})
                    if multi else forms.TextInput, help_text=_("blank: %(default)s") % {
                        "default": default or "—"},
                )  # fmt: skip

    def section_rows(self) -> list[tuple[Any, Any]]:
        keys = list(SECTIONS)

        def position(key: str) -> int:
            # a bound form gives the text typed (or nothing), an unbound one the initial number
            raw = str(self[f"pos_{key}"].value() or "").strip()
            return int(raw) if raw.isdigit() else 99

        keys.sort(key=position)
        return [(self[f"pos_{k}"], self[f"use_{k}"]) for k in keys]

    def cover_fields(self) -> list[Any]:
        return [self[f"{lang}_{key}"] for lang, _n in Language.choices
                for key in [*DEFAULT_COVER, *OFFICIAL[lang]]]  # fmt: skip

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if not logo:
            return None
        if logo.size > LOGO_LIMIT:
            raise forms.ValidationError(_("the logo is larger than 512 KB"))
        head = logo.read(8)
        logo.seek(0)
        kind = next((t for t, magic in LOGO_TYPES.items() if head.startswith(magic)), None)
        if kind is None:
            raise forms.ValidationError(_("the logo must be a PNG or JPEG picture"))
        return (logo.read(), kind)

    def sections(self) -> list[str]:
        used = [k for k in SECTIONS if self.cleaned_data.get(f"use_{k}")]
        if not used:
            raise forms.ValidationError(_("a report needs at least one section"))
        return sorted(used, key=lambda k: (self.cleaned_data[f"pos_{k}"], list(SECTIONS).index(k)))

    def cover(self) -> dict[str, dict[str, str]]:
        return {
            lang: {k: self.cleaned_data[f"{lang}_{k}"].strip()
                   for k in [*DEFAULT_COVER, *OFFICIAL[lang]]
                   if self.cleaned_data[f"{lang}_{k}"].strip()}
            for lang, _n in Language.choices
        }  # fmt: skip


COVER_LABELS = {
    "title": _("Title"),
    "ministry_a": _("First ministry"),
    "ministry_b": _("Second ministry"),
    "note": _("Cover note"),
    "nation": _("National name"),
    "motto": _("Motto"),
    "issuer": _("Issuing body"),
    "number": _("Document number"),
    "place": _("Place of issue"),
    "subject": _("Subject"),
    "recipients_label": _("Recipients heading"),
    "recipients": _("Recipients (one a line)"),
    "signer_title": _("Signer's title"),
    "signer_name": _("Signer's name"),
}
#: the official parts written on several lines
MULTILINE = ("recipients", "signer_title")
