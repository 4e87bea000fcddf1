"""HTML forms; their cleaning calls the same field rules as the importer and the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core import roles
from lienket.core.vocabulary import Stage
from lienket.engine import collation
from lienket.registry import validation as v
from lienket.registry.models import (
    FIGURE_FIELDS,
    NAME_FIELDS,
    PROFILE_FIELDS,
    Enterprise,
    Relationship,
    Zone,
)


def province_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    lang = (get_language() or "en")[:2]
    groups = []
    for iso3 in settings.LIENKET_COUNTRIES:
        country = refdata.countries()[iso3].names.get(lang)
        items = collation.sorted_by(
            ((p.code, p.names.get(lang)) for p in refdata.provinces_of(iso3)),
            lambda kv: kv[1],
            lang,
        )
        groups.append((country, items))
    return groups


class EnterpriseForm(forms.ModelForm):
    country = forms.ChoiceField(label=_("Country"))
    province_code = forms.ChoiceField(label=_("Province"))
    stages = forms.MultipleChoiceField(
        label=_("Value-chain stages"),
        choices=Stage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    products = forms.CharField(
        label=_("Products made (HS codes)"),
        required=False,
        help_text=_("4 or 6 digits, separated by spaces or commas"),
    )
    inputs = forms.CharField(
        label=_("Inputs needed (HS codes)"),
        required=False,
        help_text=_("4 or 6 digits, separated by spaces or commas"),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Enterprise
        fields = [
            "country", *NAME_FIELDS, "tax_id", "province_code", "zone", "sector", "stages",
            "hs_edition", "products", "inputs", *FIGURE_FIELDS, *PROFILE_FIELDS,
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        countries = [
            c
            for c in settings.LIENKET_COUNTRIES
            if self.instance.pk or roles.can_create_enterprise(user, c)
        ]
        lang = (get_language() or "en")[:2]
        self.fields["country"].choices = [
            (c, refdata.countries()[c].names.get(lang)) for c in countries
        ]
        if self.instance.pk:
            self.fields["country"].disabled = True
        if self.instance.pk and not roles.can_change_tax_id(user):
            # issue 24 - a firm setting its tax id to another's answered "already registered"
            self.fields["tax_id"].disabled = True
            self.fields["tax_id"].help_text = TAX_ID_LOCKED
        self.fields["province_code"].choices = province_choices()
        self.fields["hs_edition"] = forms.ChoiceField(
            label=_("HS edition"), choices=[(e, e) for e in refdata.HS_EDITIONS]
        )
        self.fields["zone"].queryset = Zone.objects.all()
        self.fields["zone"].required = False
        if self.instance.pk:
            # the version the editor starts from travels with the form: a save made by someone
            # else in between makes this edit stale (refused with what changed, issue 12)
            self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
            self.initial["version"] = self.instance.version
            self.initial["stages"] = self.instance.stage_list
            self.initial["products"] = " ".join(p.hs_code for p in self.instance.products_made())
            self.initial["inputs"] = " ".join(p.hs_code for p in self.instance.inputs_needed())

    def _parse(self, name: str, parse: Any, *args: Any) -> Any:
        try:
            return parse(*args, self.cleaned_data.get(name) or "")
        except v.FieldError as exc:
            self.add_error(name, exc.text())
            return None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        country = data.get("country") or self.instance.country
        if country:
            self._parse("province_code", v.parse_province, country)
            data["tax_id"] = self._parse("tax_id", v.parse_tax_id, country) or ""
            for field, message in v.check_enterprise(
                country, data, self.instance if self.instance.pk else None
            ).items():
                if field not in self.errors:
                    self.add_error(field, message)
            data["currency"] = v.default_currency(country)
        edition = data.get("hs_edition") or "HS2022"
        data["products"] = self._parse("products", v.parse_hs_list, edition) or []
        data["inputs"] = self._parse("inputs", v.parse_hs_list, edition) or []
        return data

    def save(self, commit: bool = True) -> Enterprise:
        ent = super().save(commit=False)
        ent.stages = refdata.stage_words(self.cleaned_data["stages"])
        ent.currency = self.cleaned_data.get("currency", ent.currency)
        from lienket.registry.services import save_enterprise

        if not ent.pk:
            return save_enterprise(
                ent, self.cleaned_data["products"], self.cleaned_data["inputs"], by=self.user
            )
        return save_enterprise(
            ent,
            self.cleaned_data["products"],
            self.cleaned_data["inputs"],
            by=self.user,
            version=self.cleaned_data["version"],
            fields=set(self.changed_data) - {"version", "country"},
        )


#: why an enterprise user cannot change its firm's tax id (no answer may tell whether another
#: firm's hidden tax id exists)
TAX_ID_LOCKED = _("A firm's tax identifier is changed by its country's focal point.")


class RelationshipForm(forms.ModelForm):
    class Meta:
        model = Relationship
        fields = [
            "supplier",
            "buyer",
            "hs_code",
            "hs_edition",
            "annual_value_usd",
            "since",
            "notes",
        ]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["hs_edition"] = forms.ChoiceField(
            label=_("HS edition"), choices=[(e, e) for e in refdata.HS_EDITIONS]
        )

    def save(self, commit: bool = True) -> Relationship:
        from lienket.registry.services import save_relationship

        return save_relationship(super().save(commit=False), by=self.user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        supplier, buyer = data.get("supplier"), data.get("buyer")
        if supplier and buyer:
            if supplier == buyer:
                self.add_error("buyer", _("Supplier and buyer must be different enterprises."))
            elif not roles.can_edit_relationship(self.user, supplier, buyer):
                self.add_error(
                    None, _("You may not record relationships between these enterprises.")
                )
        if data.get("hs_code"):
            try:
                data["hs_code"] = v.parse_hs_code(
                    data.get("hs_edition") or "HS2022", data["hs_code"]
                )
            except v.FieldError as exc:
                self.add_error("hs_code", exc.text())
        return data


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            ("enterprises", _("Enterprises")),
            ("relationships", _("Supplier-buyer relationships")),
        ],
    )
    file = forms.FileField(label=_("File (XLSX or CSV)"))

    def clean_file(self) -> Any:
        """Refuse a file over the size limit before anything reads it (issue 12)."""
        upload = self.cleaned_data["file"]
        limit = settings.LIENKET_IMPORT_MAX_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("The file has %(size)s MB; at most %(limit)s MB are accepted."),
                params={"size": f"{upload.size / 1024 / 1024:,.1f}", "limit": limit},
            )
        return upload

    update = forms.BooleanField(
        label=_("Update registered firms"),
        required=False,
        help_text=_(
            "Rows that carry a lienket id (an exported file) or the tax identifier of a "
            "registered firm update that firm. Check first to see every change."
        ),
    )
