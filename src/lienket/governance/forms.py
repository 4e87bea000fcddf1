"""The secretariats' forms for the Committee's records: sessions, framework documents and
commitments (issue 27, part 6). Every change is recorded in the audit log (``core.audit``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from lienket.governance.models import Commitment, Document, Session


def _in_order(form: forms.ModelForm, data: dict[str, Any], first: str, last: str) -> None:
    """An error on ``last`` when it comes before ``first`` (both given)."""
    start, end = data.get(first), data.get(last)
    if start is not None and end is not None and end < start:
        form.add_error(last, forms.ValidationError(_("The end comes before the start.")))


#: the largest document file a secretariat uploads
FILE_LIMIT_MB = 25


def _in_some_language(form: forms.ModelForm, data: dict[str, Any], base: str) -> None:
    """An error on the English field when ``base`` is given in none of the three languages."""
    if not any(data.get(f"{base}_{lang}") for lang in ("vi", "lo", "en")):
        form.add_error(
            f"{base}_en", forms.ValidationError(_("Give the text in at least one language."))
        )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["body", "number", "level", "starts", "ends", "state", "place", "chairs",
                  "minutes", "documents", "source", "source_date", "note"]  # fmt: skip
        widgets = {"starts": DATE, "ends": DATE, "source_date": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _in_order(self, data, "starts", "ends")
        return data


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["code", "kind", "title_vi", "title_lo", "title_en", "parties", "signatories",
                  "signed_on", "signing_state", "place", "valid_from", "valid_to", "file",
                  "source", "source_date", "note"]  # fmt: skip
        widgets = {"signed_on": DATE, "valid_from": DATE, "valid_to": DATE, "source_date": DATE}

    def clean_file(self) -> Any:
        """The signed text as published: a PDF or a Word/OpenDocument file, at most
        ``FILE_LIMIT_MB``; anything else is refused (the first bytes say what a file is)."""
        f = self.cleaned_data.get("file")
        if not f or not hasattr(f, "read") or getattr(f, "_committed", False):
            return f  # nothing new uploaded: the stored file stays
        if f.size > FILE_LIMIT_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(n)s MB.") % {"n": FILE_LIMIT_MB}
            )
        head = f.read(8)
        f.seek(0)
        if not head.startswith((b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            raise forms.ValidationError(_("The file must be a PDF, Word or OpenDocument file."))
        return f

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _in_some_language(self, data, "title")
        _in_order(self, data, "valid_from", "valid_to")
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
        _in_some_language(self, data, "text")
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
        _in_order(self, data, "target_low", "target_high")
        return data
