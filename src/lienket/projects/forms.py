"""Forms of the projects pages: a project by kind, a rate, a reallocation and its decision."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.engine.io.iati import MAX_BYTES
from lienket.projects.models import ExchangeRate, Kind, Project, Sector
from lienket.registry.forms import province_choices

COMMON = (
    "code",
    "name_en",
    "name_vi",
    "name_lo",
    "other_names",
    "sector",
    "chain",
    "status",
    "country",
    "province_code",
    "location",
    "zone",
    "sponsor",
    "start_date",
    "end_date",
    "currency",
    "budget",
    "note",
    "fictional",
)
BY_KIND = {
    Kind.INVESTMENT: ("investor",),
    Kind.AID: ("funding_type", "executing_agency", "priority", "max_change"),
    Kind.POWER: (
        "technology",
        "installed_mw",
        "contracted_mw",
        "export_share",
        "operation_year",
        "agreement_status",
        "agreement_counterparty",
        "agreement_signed",
        "agreement_start_year",
        "agreement_term_years",
        "tariff_us_cents",
        "tariff_valid_from",
        "tariff_valid_to",
        "transmission_kv",
        "transmission_route",
        "connection_substation",
        "annual_energy_gwh",
    ),
}
CURRENCIES = (
    *("USD", "VND", "LAK", "JPY", "EUR", "CNY", "KRW", "THB"),
    # other currencies of donors active in the two countries (IATI files use them)
    *("GBP", "AUD", "CHF", "SEK", "CAD", "NZD", "SGD", "DKK", "NOK"),
)


def fields_of(kind: str) -> tuple[str, ...]:
    return (*COMMON, *BY_KIND.get(Kind(kind), ()))


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = sorted({f for fields in BY_KIND.values() for f in fields} | set(COMMON))
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "tariff_valid_from": forms.DateInput(attrs={"type": "date"}),
            "tariff_valid_to": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in list(self.fields):
            if name not in fields_of(kind):
                del self.fields[name]
        lang = (get_language() or "en")[:2]
        countries = refdata.countries()
        self.fields["country"] = forms.ChoiceField(
            label=_("country"),
            choices=[
                (c, countries[c].names.get(lang) if c in countries else c)
                for c in settings.LIENKET_COUNTRIES
            ],
        )
        self.fields["province_code"] = forms.ChoiceField(
            label=_("province"),
            required=False,
            choices=[("", "—"), *province_choices()],
        )
        self.fields["chain"] = forms.ChoiceField(
            label=_("value chain"),
            required=False,
            choices=[("", "—"), *[(c.code, c.names.get(lang)) for c in refdata.chains().values()]],
        )
        self.fields["currency"] = forms.ChoiceField(
            label=_("currency"), required=False, choices=[("", "—"), *[(c, c) for c in CURRENCIES]]
        )
        if self.instance.pk:
            self.fields["code"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        province = data.get("province_code")
        if province and refdata.province(data.get("country", ""), province) is None:
            self.add_error("province_code", _("This province is not in the chosen country."))
        if data.get("budget") is not None and not data.get("currency"):
            self.add_error("currency", _("An amount needs its currency."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end is before the start."))
        valid_from, valid_to = data.get("tariff_valid_from"), data.get("tariff_valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("tariff_valid_to", _("The end is before the start."))
        return data

    def save(self, commit: bool = True) -> Project:
        self.instance.kind = self.kind
        return super().save(commit)


class RateForm(forms.ModelForm):
    currency = forms.ChoiceField(
        label=_("currency"), choices=[(c, c) for c in CURRENCIES if c != "USD"]
    )

    class Meta:
        model = ExchangeRate
        fields = ["currency", "valid_from", "usd_per_unit", "source"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"})}


class ReallocationForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)
    fence_funders = forms.MultipleChoiceField(
        label=_("Keep each of these funders' money among its own projects"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fence_sectors = forms.MultipleChoiceField(
        label=_("Keep each of these sectors' money among its own projects"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=Sector.choices,
    )

    def __init__(self, *args: Any, funders: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fence_funders"].choices = [(f, f) for f in funders]


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX or CSV file"))


class IatiImportForm(forms.Form):
    file = forms.FileField(
        label=_("IATI activity file (XML, version 2.03)"),
        help_text=_("at most 60 MB"),
    )

    def clean_file(self) -> Any:

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 60 MB."))
        return upload
