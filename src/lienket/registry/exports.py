"""XLSX out: the import templates, the enterprise export and the error report."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket.core.spreadsheet import save as _save
from lienket.core.spreadsheet import sheet as _sheet
from lienket.engine.errors import RowError
from lienket.registry.importers import (
    ENTERPRISE_HEADERS,
    ENTERPRISE_OPTIONAL,
    ENTERPRISE_REQUIRED,
    RELATIONSHIP_EXPORT_ONLY,
    RELATIONSHIP_HEADERS,
    RELATIONSHIP_OPTIONAL,
    RELATIONSHIP_REQUIRED,
)
from lienket.registry.models import Enterprise, Relationship

EXAMPLE_ENTERPRISE = {
    "country": "VNM",
    "name_vi": "Công ty TNHH Ví Dụ",
    "name_lo": "",
    "name_en": "Example Co., Ltd",
    "tax_id": "0100000000",
    "province": "Hà Tĩnh",
    "zone": "vungang-ez",
    "sector": "industry",
    "stages": "processing manufacturing",
    "hs_edition": "HS2022",
    "products": "252329 6810",
    "inputs": "2521 2701",
    "employees": "120",
    "annual_revenue": "45000000000",
    "total_capital": "18000000000",
    "currency": "VND",
    "fictional": "yes",
}
EXAMPLE_RELATIONSHIP = {
    "supplier_country": "LAO",
    "supplier_tax_id": "123456789000",
    "buyer_country": "VNM",
    "buyer_tax_id": "0100000000",
    "hs_code": "2521",
    "hs_edition": "HS2022",
    "annual_value_usd": "250000",
    "since": "2022",
    "fictional": "yes",
}


def _labels(cols: tuple[str, ...], headers: dict[str, tuple[str, str]]) -> list[str]:
    """The header in the reader's language: Vietnamese and Lao names, lienket's otherwise."""
    language = (get_language() or "en")[:2]
    if language not in ("vi", "lo"):
        return list(cols)
    index = 0 if language == "vi" else 1
    return [headers[c][index][:1].upper() + headers[c][index][1:] for c in cols]


def template(kind: str) -> bytes:
    """An empty import template with one fictional example row and a notes sheet; its
    header is in the reader's language (an import reads it in any of the three)."""
    wb = Workbook()
    if kind == "enterprises":
        cols = ENTERPRISE_REQUIRED + ENTERPRISE_OPTIONAL
        _sheet(
            wb,
            _("enterprises"),
            cols,
            [[EXAMPLE_ENTERPRISE.get(c, "") for c in cols]],
            ENTERPRISE_REQUIRED,
            labels=_labels(cols, ENTERPRISE_HEADERS),
        )
    else:
        cols = RELATIONSHIP_REQUIRED + RELATIONSHIP_OPTIONAL
        _sheet(
            wb,
            _("relationships"),
            cols,
            [[EXAMPLE_RELATIONSHIP.get(c, "") for c in cols]],
            RELATIONSHIP_REQUIRED,
            labels=_labels(cols, RELATIONSHIP_HEADERS),
        )
    notes = [
        [
            _(
                "Keep the header row. Highlighted columns must be present; values may be blank "
                "except country, province and sector."
            )
        ],
        [_("The example row is fictional: replace it.")],
        [
            _(
                "HS codes: 4 or 6 digits of the stated edition (HS2017 or HS2022), separated by "
                "spaces or commas."
            )
        ],
        [
            _(
                "Provinces: code or name in any language; former Vietnamese provinces (before "
                "1 July 2025) are mapped to the new units."
            )
        ],
        [_("Revenue and capital are in the country's own currency (VND, LAK).")],
        [_("An import is all or nothing: if any row has a problem, nothing is saved.")],
    ]
    _sheet(wb, _("notes"), [_("How to fill this template")], notes)
    return _save(wb)


def _enterprise_row(e: Enterprise) -> dict[str, object]:
    """One firm as the import file's columns (plus the derived, export-only ones)."""
    direct = ("country", "name_vi", "name_lo", "name_en", "tax_id", "sector", "stages",
              "hs_edition", "employees", "annual_revenue", "total_capital", "currency",
              "capacity", "certifications", "description", "contact_name", "contact_email",
              "contact_phone", "website", "size_class", "chains")  # fmt: skip
    return {
        **{field: getattr(e, field) for field in direct},
        "id": e.pk,
        "province": e.province_code,
        "zone": e.zone.code if e.zone else "",
        "products": " ".join(e.product_codes),
        "inputs": " ".join(e.input_codes),
        "fictional": "yes" if e.fictional else "no",
    }


def enterprises_xlsx(queryset: Iterable[Enterprise]) -> bytes:
    """Enterprises in the import layout (so an export can be edited and imported elsewhere)."""
    cols = ("id", *ENTERPRISE_REQUIRED, *ENTERPRISE_OPTIONAL, "size_class", "chains")
    rows = [[row[c] for c in cols] for row in map(_enterprise_row, queryset)]
    wb = Workbook()
    _sheet(wb, _("enterprises"), cols, rows)
    return _save(wb)


def relationships_xlsx(queryset: Iterable[Relationship]) -> bytes:
    """Relationships in the import layout, with both parties' names for reading."""
    cols = (*RELATIONSHIP_REQUIRED, *RELATIONSHIP_OPTIONAL, *RELATIONSHIP_EXPORT_ONLY)
    rows = [
        [
            r.supplier.country,
            r.supplier.tax_id,
            r.buyer.country,
            r.buyer.tax_id,
            r.hs_code,
            r.hs_edition,
            r.annual_value_usd,
            r.since,
            r.notes,
            "yes" if r.fictional else "no",
            r.supplier.name,
            r.buyer.name,
        ]
        for r in queryset
    ]
    wb = Workbook()
    _sheet(wb, _("relationships"), cols, rows)
    return _save(wb)


def errors_xlsx(errors: Iterable[RowError]) -> bytes:
    """The import error report: one line per problem."""
    wb = Workbook()
    _sheet(
        wb,
        _("errors"),
        [_("file"), _("row"), _("column"), _("problem")],
        [[e.file, e.row, e.field, e.text(_)] for e in errors],
    )
    return _save(wb)
