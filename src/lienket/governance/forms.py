"""The secretariats' forms for the Committee's records: sessions, framework documents and
commitments (issue 27, part 6). Every change is recorded in the audit log (``core.audit``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from lienket.governance.models import Commitment, Document, Session

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["body", "number", "level", "starts", "ends", "state", "place", "chairs",
                  "minutes", "documents", "source", "source_date", "note"]  # fmt: skip
        widgets = {"starts": DATE, "ends": DATE, "source_date": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("ends") and data.get("starts") and data["ends"] < data["starts"]:
            self.add_error("ends", forms.ValidationError(_("The end comes before the start.")))
        return data


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["code", "kind", "title_vi", "title_lo", "title_en", "parties", "signatories",
                  "signed_on", "signing_state", "place", "valid_from", "valid_to", "source",
                  "source_date", "note"]  # fmt: skip
        widgets = {"signed_on": DATE, "valid_from": DATE, "valid_to": DATE, "source_date": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("title_vi") or data.get("title_lo") or data.get("title_en")):
            self.add_error(
                "title_en", forms.ValidationError(_("Give the text in at least one language."))
            )
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", forms.ValidationError(_("The end comes before the start.")))
        return data


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["code", "session", "parent", "area", "text_vi", "text_lo", "text_en",
                  "owner_side", "owner_body", "partners", "due", "indicator", "target_low",
                  "target_high", "status", "source", "note"]  # fmt: skip
        widgets = {"due": DATE, "owner_side": forms.Select(choices=[
            ("joint", "joint"), ("VNM", "VNM"), ("LAO", "LAO")])}  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("text_vi") or data.get("text_lo") or data.get("text_en")):
            self.add_error(
                "text_en", forms.ValidationError(_("Give the text in at least one language."))
            )
        parent = data.get("parent")
        if parent is not None and self.instance.pk is not None:
            seen = parent
            while seen is not None:  # a commitment cannot be part of itself, however deep
                if seen.pk == self.instance.pk:
                    self.add_error(
                        "parent", forms.ValidationError(_("A commitment cannot be part of itself."))
                    )
                    break
                seen = seen.parent
        low, high = data.get("target_low"), data.get("target_high")
        if low is not None and high is not None and high < low:
            self.add_error(
                "target_high", forms.ValidationError(_("The end comes before the start."))
            )
        return data
