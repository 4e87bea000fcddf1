"""Lao HS descriptions: a focal point fills in the template and imports it (issue 13).

No Lao goods nomenclature is published in a form lienket can read, so a Lao page shows the
English description marked "EN" until a Lao text is added here. An import is checked whole and
saved whole: a code that is not in the edition, a code that lost its leading zero in Excel, or
a text with no Lao letter is a row error naming the file, row and column, and nothing is saved.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from openpyxl import Workbook

from lienket import refdata
from lienket.core import audit, labels, roles
from lienket.core.decorators import require
from lienket.core.models import HsLaoText
from lienket.core.spreadsheet import save, sheet, xlsx_response
from lienket.engine.errors import DataError, ErrorList, RowError
from lienket.engine.io.tabular import read_table

REQUIRED = ("code", "description_lo")
OPTIONAL = ("edition", "source")
IGNORED = ("description_en", "description_vi")
ALIASES = {
    "mã hs": "code", "mã": "code", "ລະຫັດ": "code", "ລະຫັດ hs": "code", "hs code": "code",
    "mô tả tiếng lào": "description_lo", "ຄຳອະທິບາຍພາສາລາວ": "description_lo",
    "lao description": "description_lo", "phiên bản": "edition", "ສະບັບ": "edition",
    "nguồn": "source", "ແຫຼ່ງຂໍ້ມູນ": "source", "english description": "description_en",
    "ຄຳອະທິບາຍພາສາອັງກິດ": "description_en", "mô tả tiếng anh": "description_en",
    "vietnamese description": "description_vi", "ຄຳອະທິບາຍພາສາຫວຽດນາມ": "description_vi",
    "mô tả tiếng việt": "description_vi",
}  # fmt: skip
LAO_LETTER = re.compile("[\u0e81-\u0eae\u0edc-\u0edf]")


def can_edit(user: Any) -> bool:
    return roles.is_steward(user) or roles.focal_country(user) == "LAO"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (XLSX or CSV)"))


def check(table: Any) -> list[tuple[str, str, str, str]]:
    """(edition, code, text, source) of every row, or :class:`DataError` with every problem."""
    errors = ErrorList()
    out = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in table.rows:
        edition = (row.get("edition") or "HS2017").strip().upper().replace(" ", "")
        code = (row.get("code") or "").strip().replace(".", "")
        text = " ".join((row.get("description_lo") or "").split())
        if not text:  # a template row left untranslated
            continue
        if edition not in refdata.HS_EDITIONS:
            message = gettext_noop("unknown HS edition %(value)s; use HS2017 or HS2022")
            errors.append(RowError(table.name, number, "edition", message, {"value": edition}))
            continue
        codes = refdata.hs_codes(edition)
        if code not in codes:
            if code.isdigit() and len(code) in (1, 3, 5) and ("0" + code) in codes:
                message = gettext_noop(
                    "%(value)s is not an HS code; did Excel drop a leading zero (0%(value)s)? "
                    "Format the column as text"
                )
            else:
                message = gettext_noop("%(value)s is not a 2-, 4- or 6-digit code of %(edition)s")
            errors.append(RowError(table.name, number, "code", message,
                                   {"value": code or "—", "edition": edition}))  # fmt: skip
            continue
        if not LAO_LETTER.search(text):
            message = gettext_noop("the Lao description has no Lao letter")
            errors.append(RowError(table.name, number, "description_lo", message))
            continue
        if (edition, code) in seen:
            errors.append(RowError(table.name, number, "code",
                                   gettext_noop("code %(value)s is already on row %(row)s"),
                                   {"value": code, "row": seen[(edition, code)]}))  # fmt: skip
            continue
        seen[(edition, code)] = number
        out.append((edition, code, text[:500], (row.get("source") or "").strip()[:300]))
    if not out and not errors:
        errors.append(RowError(table.name, 0, "description_lo",
                               gettext_noop("no row has a Lao description")))  # fmt: skip
    if errors:
        raise DataError(errors)
    return out


def import_file(upload: Any, name: str, user: Any) -> tuple[int, int]:
    """Save every row or none; (added, changed)."""
    table = read_table(upload, name, REQUIRED, OPTIONAL, IGNORED, ALIASES)
    rows = check(table)
    added = changed = 0
    with transaction.atomic(), audit.acting(user):
        for edition, code, text, source in rows:
            _obj, created = HsLaoText.objects.update_or_create(
                edition=edition,
                code=code,
                defaults={"text": text, "source": source, "added_by": user},
            )
            added += created
            changed += not created
    labels.forget_lao_texts()
    return added, changed


@require(can_edit)
def page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"form": UploadForm(), "count": HsLaoText.objects.count()}
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            f = form.cleaned_data["file"]
            try:
                context["result"] = import_file(f, f.name, request.user)
                context["count"] = HsLaoText.objects.count()
            except DataError as exc:
                context.update(errors=exc.errors[:500], error_count=exc.total,
                               more_errors=exc.total - min(len(exc.errors), 500))  # fmt: skip
                status = 400
        else:
            status = 400
    context["recent"] = HsLaoText.objects.order_by("-added_at")[:20]
    return render(request, "hs_lao.html", context, status=status)


@require(can_edit)
def template(request: HttpRequest) -> HttpResponse:
    """Every HS2017 heading and subheading with its English and Vietnamese text and the Lao text
    already added, for a focal point to fill in (headers in the reader's language)."""
    lao = labels.lao_texts()
    vi = refdata.hs_vi("HS2017")
    rows = [
        (code, "HS2017", h.description, vi[code].text if code in vi else "",
         lao.get(("HS2017", code), ""), "")
        for code, h in sorted(refdata.hs_codes("HS2017").items())
        if h.level in (4, 6)
    ]  # fmt: skip
    wb = Workbook()
    columns = ("code", "edition", "description_en", "description_vi", "description_lo", "source")
    header = (_("HS code"), _("HS edition"), _("English description"),
              _("Vietnamese description"), _("Lao description"), _("source"))  # fmt: skip
    sheet(wb, _("Lao HS descriptions"), columns, rows, required=REQUIRED, labels=header)
    for cell in wb.worksheets[0]["A"]:
        cell.number_format = "@"  # codes stay text: 0101 keeps its zero
    return xlsx_response(save(wb), "lienket-hs-lao.xlsx")
