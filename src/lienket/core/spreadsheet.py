"""XLSX and CSV out, shared by every download: bold headers, frozen first row, no formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from lienket.engine.cleantext import visible
from lienket.engine.errors import RowError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def sheet(
    wb: Workbook,
    title: str,
    columns: Iterable[str],
    rows: Iterable[Iterable[object]],
    required: Iterable[str] = (),
    labels: Iterable[str] | None = None,
) -> None:
    """Add a sheet (or fill the workbook's first, empty one) with a header and rows.

    ``labels`` are the header's words when they differ from the ``columns`` (an import
    template in the reader's language); ``required`` names columns.
    """
    fresh = wb.sheetnames == ["Sheet"] and wb.active is not None and wb.active.max_row == 1
    ws = wb.active if fresh and wb.active is not None else wb.create_sheet()
    ws.title = title[:31]
    cols = list(columns)
    header = list(labels) if labels is not None else cols
    ws.append(header)
    req = set(required)
    for i, (c, label) in enumerate(zip(cols, header, strict=True), start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = BOLD
        if c in req:
            cell.fill = REQUIRED_FILL
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, len(label) + 4))
    row = ws.max_row
    for r in rows:
        # a control character stored before the text rule existed is written out as [U+0007]:
        # the download never fails and nothing is dropped
        values = [("" if x is None else visible(x) if isinstance(x, str) else x) for x in r]
        ws.append(values)
        row += 1
        # the row just written, by its bounds (``ws[row]`` measured the whole sheet each time:
        # 6,600 rows took 35 s; issue 26)
        for cells in ws.iter_rows(min_row=row, max_row=row, max_col=max(len(values), 1)):
            for cell in cells:
                # A name such as "=HYPERLINK(...)" stays text: an export never carries formulas.
                if cell.data_type == "f":
                    cell.data_type = "s"
    ws.freeze_panes = "A2"


def save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(
    columns: list[str], rows: Iterable[Iterable[object]], filename: str
) -> HttpResponse:
    """UTF-8 CSV with a byte-order mark, so that Excel shows Vietnamese and Lao correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_csv_cell(x) for x in r])
    response = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


#: first characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV
#: Injection": = + - @ tab carriage return; line feed and the full-width forms too)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _csv_cell(x: object) -> object:
    if not isinstance(x, str):
        return "" if x is None else x
    # issue 24 - only = + @ were neutralised: "-2+3+cmd|' /C calc'!A0" went out as a formula
    text = visible(x)
    return "'" + text if text.startswith(FORMULA_START) else text


def choice_names(enum: Any) -> dict[str, str]:
    """A TextChoices' codes and its labels in English, Vietnamese and Lao (case-folded), each
    mapped to the code: an import file may give either."""
    names = {str(v).casefold(): str(v) for v in enum.values}
    for lang in ("en", "vi", "lo"):
        with translation.override(lang):
            names.update({str(label).casefold(): str(v) for v, label in enum.choices})
    return names


def dropdowns(wb: Workbook, ws: Any, lists: dict[int, list[str]], rows: int = 1000) -> None:
    """Drop-down lists (data validation) on columns of ``ws`` (1-based index -> values in the
    sheet's language). The values sit on a hidden sheet, so a list may be longer than Excel's
    255-character limit for a typed list. A value typed by hand is still allowed (with a
    warning): the import checks it and says what it accepts."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if not lists:
        return
    hidden = wb.create_sheet("lists")
    hidden.sheet_state = "hidden"
    for n, (column, values) in enumerate(sorted(lists.items()), start=1):
        letter = get_column_letter(n)
        for i, value in enumerate(values, start=1):
            hidden.cell(row=i, column=n, value=value)
        rule = DataValidation(
            type="list",
            formula1=f"=lists!${letter}$1:${letter}${len(values)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
        )
        target = get_column_letter(column)
        rule.add(f"{target}2:{target}{rows}")
        ws.add_data_validation(rule)


def errors_xlsx(errors: Iterable[RowError]) -> bytes:
    """The problems of a refused import, one line each (file, row, column, problem), in the
    reader's language: every importer's report."""
    _ = gettext
    wb = Workbook()
    sheet(
        wb,
        _("errors"),
        [_("file"), _("row"), _("column"), _("problem")],
        [[e.file, e.row, e.field, e.text(_)] for e in errors],
    )
    return save(wb)


def _header_words(text: str) -> str:
    return " ".join(str(text).split()).lower()


def headers_of(names: dict[str, Any]) -> tuple[Any, dict[str, str]]:
    """Column headers from their (lazy, translatable) names: a function giving the header row
    in the active language, and the aliases an import reads in any of the three languages
    (each language's name, lower-cased, mapped to the column's code).

    ``names`` maps each column's code to its name (a model field's verbose name, say)."""
    aliases: dict[str, str] = {}
    for lang in ("en", "vi", "lo"):
        with translation.override(lang):
            for column, name in names.items():
                aliases.setdefault(_header_words(str(name)), column)

    def row(columns: Iterable[str]) -> list[str]:
        out = []
        for c in columns:
            text = " ".join(str(names.get(c, c)).split())
            out.append(text[:1].upper() + text[1:])
        return out

    return row, aliases


def notes_sheet(wb: Workbook, title: str, lines: Iterable[str]) -> None:
    """A sheet of notes on how to fill the template, one line per row."""
    sheet(wb, title, [gettext("How to fill this template")], [[line] for line in lines])
