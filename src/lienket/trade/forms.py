"""Forms of the published-figures page; rows are checked by :func:`figures.check_row`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lienket.trade.models import Flow, Unit


class FigureForm(forms.Form):
    period = forms.CharField(
        label=_("Period"), help_text=_("2025, 2025-Q3, 2025-H1 or 2025-01..10"), max_length=20
    )
    declarant = forms.ChoiceField(label=_("Declared by"))
    partner = forms.ChoiceField(label=_("Partner"))
    flow = forms.ChoiceField(label=_("Flow"), choices=Flow.choices)
    product_group = forms.CharField(label=_("Product group"), required=False, max_length=120,
                                    help_text=_("empty for all products"))  # fmt: skip
    value = forms.CharField(label=_("Value"), max_length=40,
                            help_text=_("as printed, e.g. 2300 or 2,300.5"))  # fmt: skip
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices, initial=Unit.MILLION)
    source_title = forms.CharField(label=_("Source"), max_length=300)
    source_url = forms.CharField(label=_("Source address"), required=False, max_length=500)
    published = forms.DateField(label=_("Publication date"),
                                widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip

    def __init__(self, *args: object, declarants: list[str], pair: list[str], **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.fields["declarant"].choices = [(c, c) for c in declarants]
        self.fields["partner"].choices = [(c, c) for c in pair]


class FigureImportForm(forms.Form):
    file = forms.FileField(label=_("File (XLSX or CSV)"))
