"""Forms of the cooperation pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.cooperation.models import (
    Activity,
    Course,
    Decision,
    Meeting,
    ProgressNote,
    Session,
    Trainee,
)
from lienket.registry.models import Enterprise

DATE = forms.DateInput(attrs={"type": "date"})


def _chains() -> list[tuple[str, str]]:
    """The value chains in the reader's language (called on every render)."""
    lang = (get_language() or "en")[:2]
    return [("", "—"), *[(c.code, c.names.get(lang)) for c in refdata.chains().values()]]


class ActivityForm(forms.ModelForm):
    chain = forms.ChoiceField(label=_("value chain"), required=False, choices=_chains)

    class Meta:
        model = Activity
        fields = ["number", "title_en", "title_vi", "title_lo", "lead", "organisation", "start",
                  "due", "status", "done_on", "chain", "project", "pilot", "programme"]  # fmt: skip
        widgets = {"start": DATE, "due": DATE, "done_on": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, due = data.get("start"), data.get("due")
        if start and due and due < start:
            self.add_error("due", _("The due date is before the start."))
        if data.get("status") == "done" and not data.get("done_on"):
            self.add_error("done_on", _("A done activity needs the day it was done."))
        return data


class NoteForm(forms.ModelForm):
    class Meta:
        model = ProgressNote
        fields = ["date", "percent", "text"]
        widgets = {"date": DATE, "text": forms.Textarea(attrs={"rows": 2})}


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "place", "title", "participants", "other_participants", "agenda",
                  "minutes"]  # fmt: skip
        widgets = {
            "date": DATE,
            "participants": forms.CheckboxSelectMultiple,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "other_participants": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_minutes(self) -> Any:
        f = self.cleaned_data.get("minutes")
        if f and getattr(f, "size", 0) > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The minutes file is larger than 20 MB."))
        if f and not str(f.name).lower().endswith((".pdf", ".docx", ".doc", ".odt")):
            raise forms.ValidationError(_("Minutes are a PDF, DOCX, DOC or ODT file."))
        return f


class DecisionForm(forms.ModelForm):
    new_activity = forms.BooleanField(
        label=_("create an activity in the current work plan from this decision"), required=False
    )

    class Meta:
        model = Decision
        fields = ["number", "text", "side", "organisation", "due", "activity"]
        widgets = {"due": DATE, "text": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("new_activity") and not (data.get("due") and data.get("organisation")):
            self.add_error("due", _("A new activity needs a due date and an organisation."))
        return data


class CourseForm(forms.ModelForm):
    chain = forms.ChoiceField(label=_("value chain"), required=False, choices=_chains)

    class Meta:
        model = Course
        fields = ["programme", "code", "title_vi", "title_lo", "title_en", "topic", "chain",
                  "place", "language", "start", "end", "capacity"]  # fmt: skip
        widgets = {"start": DATE, "end": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end is before the start."))
        taken = self.instance.nominations.count() if self.instance.pk else 0
        if data.get("capacity") is not None and data["capacity"] < taken:
            self.add_error(
                "capacity",
                _("%(n)s trainees are already nominated: the places cannot be fewer.")
                % {"n": taken},
            )
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["date", "topic", "place"]
        widgets = {"date": DATE}


class TraineeForm(forms.ModelForm):
    class Meta:
        model = Trainee
        fields = ["name", "name_lo", "kind", "organisation", "enterprise", "position"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        field = self.fields["enterprise"]
        field.queryset = Enterprise.objects.filter(country="LAO")  # type: ignore[attr-defined]
        field.required = False


class NominateForm(forms.Form):
    trainees = forms.ModelMultipleChoiceField(
        label=_("trainees"), queryset=Trainee.objects.all(), widget=forms.CheckboxSelectMultiple
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX or CSV file"))
