"""What every trade page reads from the request, and its downloads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket.core.spreadsheet import csv_response, save, sheet, xlsx_response
from lienket.trade import services
from lienket.trade.tables import Table


def param_int(request: HttpRequest, name: str, default: int | None, allowed: Any = None) -> Any:
    """An integer query parameter; a malformed or unexpected one is a 400, not a crash."""
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(_("%(name)s must be a whole number") % {"name": name}) from None
    if allowed is not None and value not in allowed:
        raise BadRequest(_("%(name)s has no data for %(value)s") % {"name": name, "value": value})
    return value


def param_float(request: HttpRequest, name: str, default: float) -> float:
    raw = request.GET.get(name, "").replace(",", ".")
    if raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise BadRequest(_("%(name)s must be a number") % {"name": name}) from None


def download(request: HttpRequest, found: list[Table | None]) -> HttpResponse | None:
    """The table named by ``?table=`` as ``?format=csv`` or ``xlsx``, if asked for."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "xlsx"):
        return None
    wanted = request.GET.get("table", "")
    table = next((t for t in found if t is not None and t.name == wanted), None)
    if table is None:
        raise BadRequest(_("no table %(name)s on this page") % {"name": wanted})
    if fmt == "csv":
        return csv_response(
            table.download_labels(), table.download_values(), f"lienket-{table.name}.csv"
        )
    wb = Workbook()
    sheet(wb, table.name, table.download_labels(), table.download_values())
    return xlsx_response(save(wb), f"lienket-{table.name}.xlsx")


def _imports_used(years: list[int] | None = None) -> list[Any]:
    records = services.get_store().imports()
    return [r for r in records if years is None or set(r.years) & set(years)]
