"""Forms of the published-figures page; rows are checked by :func:`figures.check_row`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lienket.trade.models import Flow, Qualifier, Unit


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
    qualifier = forms.ChoiceField(
        label=_("As worded"),
        choices=Qualifier.choices,
        required=False,
        help_text=_("as the release words it: “more than 2 billion”"),
    )
    stated_growth_pct = forms.CharField(
        label=_("Growth stated by the release, %"), required=False, max_length=20,
        help_text=_("as printed, e.g. 32.8; it is checked against the computed growth"),
    )  # fmt: skip
    source_title = forms.CharField(label=_("Source"), max_length=300)
    source_url = forms.CharField(label=_("Source address"), required=False, max_length=500)
    published = forms.DateField(label=_("Publication date"),
                                widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    confirm = forms.BooleanField(
        label=_("Keep it although it fails a plausibility check"), required=False,
        help_text=_("asked for when the figure is far from its previous release, the partner's "
                    "figure or the year before, or its unit differs from its series"),
    )  # fmt: skip

    def __init__(self, *args: object, declarants: list[str], pair: list[str], **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.fields["declarant"].choices = [(c, c) for c in declarants]
        self.fields["partner"].choices = [(c, c) for c in pair]


class FigureImportForm(forms.Form):
    file = forms.FileField(label=_("File (XLSX or CSV)"))
    confirm = forms.BooleanField(
        label=_("Keep rows that fail a plausibility check"), required=False
    )


EDITIONS = ["HS2022", "HS2017", "HS2012", "HS2007", "HS2002", "HS1996", "HS1992"]
UPLOAD_SUFFIXES = (".csv", ".txt", ".gz", ".zip", ".xlsx")


class TradeUploadForm(forms.Form):
    """A trade statistics file and what the file itself may not say."""

    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Comtrade+ download (CSV, tab-separated .txt or .gz), BACI release (the zip as "
            "published, or one year's CSV) or a customs table (XLSX or CSV)"
        ),
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            ("comtrade", _("UN Comtrade+")),
            ("baci", _("CEPII BACI")),
            ("customs", _("national customs table")),
        ],
    )
    reporter = forms.ChoiceField(
        label=_("Reporter"), required=False,
        help_text=_("whose customs declared the table (customs tables only)"),
    )  # fmt: skip
    partner = forms.ChoiceField(label=_("Partner"), required=False,
                                help_text=_("when the table has no partner column"))  # fmt: skip
    flow = forms.ChoiceField(
        label=_("Flow"), required=False,
        choices=[("", "—"), ("exports", _("exports")), ("imports", _("imports"))],
        help_text=_("when the table has no flow column"),
    )  # fmt: skip
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1988, max_value=2100,
                              help_text=_("when the table has no year column"))  # fmt: skip
    edition = forms.ChoiceField(
        label=_("HS edition"), required=False,
        choices=[("", _("as the file says"))] + [(e, e) for e in EDITIONS],
        help_text=_("customs tables, and BACI files not named BACI_HSxx_…"),
    )  # fmt: skip
    first_month = forms.TypedChoiceField(label=_("First month"), coerce=int, initial=1,
                                         choices=[(m, m) for m in range(1, 13)])  # fmt: skip
    last_month = forms.TypedChoiceField(
        label=_("Last month"), coerce=int, initial=12, choices=[(m, m) for m in range(1, 13)],
        help_text=_("a part year (January to October: 1 and 10); monthly files say it themselves"),
    )  # fmt: skip
    replace = forms.BooleanField(
        label=_("Replace earlier imports of the same source, reporter, year and flow"),
        required=False,
    )

    def __init__(self, *args: object, reporters: list[str], pair: list[str], **kw: object):
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.fields["reporter"].choices = [("", "—")] + [(c, c) for c in reporters]
        self.fields["partner"].choices = [("", "—")] + [(c, c) for c in pair]

    def clean_file(self) -> object:
        f = self.cleaned_data["file"]
        limit = settings.LIENKET_TRADE_UPLOAD_MAX_MB
        if f.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB, the most this page accepts; "
                  "import it on the command line."), params={"limit": limit},
            )  # fmt: skip
        if not f.name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError(
                _("A trade file ends in %(suffixes)s."),
                params={"suffixes": ", ".join(UPLOAD_SUFFIXES)},
            )
        return f

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("source") == "customs" and not data.get("reporter"):
            self.add_error("reporter", _("A customs table needs its reporter."))
        if data.get("source") == "customs" and not data.get("edition"):
            self.add_error("edition", _("A customs table needs its HS edition."))
        first, last = data.get("first_month"), data.get("last_month")
        if isinstance(first, int) and isinstance(last, int) and first > last:
            self.add_error("last_month", _("The last month comes before the first."))
        return data

    def options(self) -> dict[str, object]:
        """The job's fields from the form."""
        d = self.cleaned_data
        return {
            "source": d["source"],
            "reporter": d.get("reporter") or "",
            "partner": d.get("partner") or "",
            "flow": d.get("flow") or "",
            "year": d.get("year"),
            "edition": d.get("edition") or "",
            "first_month": d["first_month"],
            "last_month": d["last_month"],
            "replace": bool(d.get("replace")),
        }
