"""XLSX out: the import templates, the enterprise export and the error report."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket import refdata
from lienket.core.spreadsheet import dropdowns
from lienket.core.spreadsheet import save as _save
from lienket.core.spreadsheet import sheet as _sheet
from lienket.core.vocabulary import SizeClass, Stage
from lienket.registry.importers import (
    ENTERPRISE_HEADERS,
    ENTERPRISE_ID,
    ENTERPRISE_LABEL_COLUMNS,
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


def _choices() -> dict[str, list[str]]:
    """The values a coded column takes, written in the reader's language (the import reads
    labels in any of the three languages, and codes)."""
    from django.conf import settings

    from lienket.registry.models import Sector

    lang = (get_language() or "en")[:2]
    countries = [refdata.countries()[c].names.get(lang) for c in settings.LIENKET_COUNTRIES[:2]]
    provinces = [
        p.names.get(lang) for c in settings.LIENKET_COUNTRIES[:2] for p in refdata.provinces_of(c)
    ]
    yes_no = [_("yes"), _("no")]
    return {
        "country": countries, "supplier_country": countries, "buyer_country": countries,
        "province": sorted(provinces), "sector": [str(label) for _v, label in Sector.choices],
        "stages": [str(label) for _v, label in Stage.choices],
        "hs_edition": ["HS2022", "HS2017"], "currency": ["VND", "LAK", "USD"],
        "fictional": yes_no,
    }  # fmt: skip


def _example(row: dict[str, str]) -> dict[str, str]:
    """The example row with its coded values in the reader's language."""
    from lienket.registry.models import Sector

    lang = (get_language() or "en")[:2]
    out = dict(row)
    for key in ("country", "supplier_country", "buyer_country"):
        if key in out:
            out[key] = refdata.countries()[out[key]].names.get(lang)
    if "sector" in out:
        out["sector"] = str(Sector(out["sector"]).label)
    if "stages" in out:
        out["stages"] = ", ".join(str(Stage(s).label) for s in out["stages"].split())
    if "fictional" in out:
        out["fictional"] = _("yes")
    return out


def template(kind: str) -> bytes:
    """An empty import template with one fictional example row, drop-down lists for the coded
    columns and a notes sheet; its header and lists are in the reader's language (an import
    reads them in any of the three)."""

    wb = Workbook()
    if kind == "enterprises":
        cols = ENTERPRISE_REQUIRED + ENTERPRISE_OPTIONAL
        example = _example(EXAMPLE_ENTERPRISE)
        _sheet(
            wb,
            _("enterprises"),
            cols,
            [[example.get(c, "") for c in cols]],
            ENTERPRISE_REQUIRED,
            labels=_labels(cols, ENTERPRISE_HEADERS),
        )
    else:
        cols = RELATIONSHIP_REQUIRED + RELATIONSHIP_OPTIONAL
        example = _example(EXAMPLE_RELATIONSHIP)
        _sheet(
            wb,
            _("relationships"),
            cols,
            [[example.get(c, "") for c in cols]],
            RELATIONSHIP_REQUIRED,
            labels=_labels(cols, RELATIONSHIP_HEADERS),
        )
    choices = _choices()
    dropdowns(
        wb,
        wb.worksheets[0],
        {i: choices[c] for i, c in enumerate(cols, start=1) if c in choices},
    )
    if kind != "enterprises":
        _sheet(wb, _("notes"), [_("How to fill this template")], _relationship_notes())
        return _save(wb)
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


def _relationship_notes() -> list[list[str]]:
    return [
        [_("Keep the header row. Highlighted columns must be filled in every row.")],
        [_("The example row is fictional: replace it.")],
        [
            _(
                "Supplier and buyer: the country and the tax identifier of each firm, as "
                "registered in lienket (import the enterprises first)."
            )
        ],
        [
            _(
                "Product: the HS code (4 or 6 digits) of what the supplier sells to the buyer, "
                "in the stated edition (HS2022 or HS2017)."
            )
        ],
        [_("Annual value: in US dollars, digits only; since: the year the trade began.")],
        [_("An import is all or nothing: if any row has a problem, nothing is saved.")],
    ]


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
        **_enterprise_labels(e),
    }


def _enterprise_labels(e: Enterprise) -> dict[str, object]:
    """The coded columns of a firm in the reader's language, beside the codes."""
    from lienket.registry.models import Sector

    lang = (get_language() or "en")[:2]
    country = refdata.countries().get(e.country)
    province = refdata.province(e.country, e.province_code)
    chains = refdata.chains()
    return {
        "country_name": country.names.get(lang) if country else "",
        "province_name": province.names.get(lang) if province else "",
        "sector_name": str(dict(Sector.choices).get(e.sector, e.sector)),
        "stage_names": ", ".join(str(dict(Stage.choices).get(s, s)) for s in e.stage_list),
        "size_class_name": str(dict(SizeClass.choices).get(e.size_class, e.size_class)),
        "chain_names": ", ".join(chains[c].names.get(lang) for c in e.chain_list if c in chains),
    }


def enterprises_xlsx(queryset: Iterable[Enterprise]) -> bytes:
    """Enterprises in the import layout (so an export can be edited and imported elsewhere),
    with the coded columns' labels in the reader's language beside them (ignored on import)."""
    cols = ("id", *ENTERPRISE_REQUIRED, *ENTERPRISE_OPTIONAL, "size_class", "chains",
            *ENTERPRISE_LABEL_COLUMNS)  # fmt: skip
    rows = [[row[c] for c in cols] for row in map(_enterprise_row, queryset)]
    wb = Workbook()
    _sheet(wb, _("enterprises"), cols, rows, labels=_labels(cols, {**ENTERPRISE_HEADERS,
           "id": ENTERPRISE_HEADERS[ENTERPRISE_ID]}))  # fmt: skip
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
