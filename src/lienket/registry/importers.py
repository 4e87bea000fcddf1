"""Bulk import of enterprises and relationships from XLSX or CSV: every row, or none.

The whole file is validated first and every problem is collected (file, row, column, reason);
only a file without problems is written, inside one transaction. Likely duplicates of existing
firms (similar name, same province) are flagged for a steward, never merged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lienket.core import audit, roles
from lienket.engine.dedupe import DuplicatePair, NamedFirm, likely_duplicates
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Table, read_table
from lienket.registry import validation as v
from lienket.registry.models import (
    FIGURE_FIELDS,
    NAME_FIELDS,
    PROFILE_FIELDS,
    DuplicateFlag,
    Enterprise,
    EnterpriseProduct,
    ProductRole,
    Relationship,
    Zone,
)

ENTERPRISE_REQUIRED = ("country", *NAME_FIELDS, "tax_id", "province", "sector")
ENTERPRISE_OPTIONAL = (
    "zone", "stages", "hs_edition", "products", "inputs", *FIGURE_FIELDS, "currency",
    *PROFILE_FIELDS, "fictional",
)  # fmt: skip
ENTERPRISE_EXPORT_ONLY = ("id", "size_class", "chains")
RELATIONSHIP_EXPORT_ONLY = ("supplier_name", "buyer_name")
RELATIONSHIP_REQUIRED = ("supplier_country", "supplier_tax_id", "buyer_country", "buyer_tax_id")
RELATIONSHIP_OPTIONAL = ("hs_code", "hs_edition", "annual_value_usd", "since", "notes", "fictional")

Progress = Callable[[str, int, int], None]
# Free-text columns, checked against the length their model field holds (never cut).
TEXT_COLUMNS = (*NAME_FIELDS, "capacity", "certifications", "description", "contact_name",
                "contact_phone")  # fmt: skip


@dataclass
class ImportResult:
    checked: int = 0
    created: int = 0
    duplicates_flagged: int = 0
    dry_run: bool = False
    #: changes made while reading (invisible characters removed), stated to the user
    notices: list[RowError] = field(default_factory=list)


class RowChecker:
    """Runs ``parse`` functions on one row, recording each failure as a RowError."""

    def __init__(self, table: Table, line: int, row: dict[str, str], errors: list[RowError]):
        self.table, self.line, self.row, self.errors = table, line, row, errors

    def __call__(self, column: str, parse: Callable[..., Any], *args: Any) -> Any:
        try:
            return parse(*args, self.row.get(column, ""))
        except v.FieldError as exc:
            self.errors.append(
                RowError(self.table.name, self.line, column, str(exc.message), exc.params)
            )
            return None


def _enterprise_rows(
    table: Table, allowed: list[str], errors: list[RowError]
) -> Iterator[tuple[int, Enterprise, list[str], list[str]]]:
    zones = list(Zone.objects.all())
    seen_tax: dict[tuple[str, str], int] = {}
    for line, row in table.rows:
        check = RowChecker(table, line, row, errors)
        country = check("country", v.parse_country)
        if country is None:
            continue
        if country not in allowed:
            errors.append(
                RowError(
                    table.name,
                    line,
                    "country",
                    str(_("you may not import firms of %(country)s")),
                    {"country": country},
                )
            )
            continue
        texts = {
            c: check(c, v.parse_text, Enterprise._meta.get_field(c).max_length) or ""
            for c in TEXT_COLUMNS
        }
        if not v.has_a_name(texts):
            errors.append(RowError(table.name, line, "name_en", str(v.NAME_REQUIRED)))
        edition = check("hs_edition", v.parse_edition) or "HS2022"
        tax_id = check("tax_id", v.parse_tax_id, country) or ""
        if tax_id:
            first = seen_tax.setdefault((country, tax_id), line)
            if first != line:
                errors.append(
                    RowError(
                        table.name,
                        line,
                        "tax_id",
                        str(_("tax identifier %(value)s repeats row %(row)s")),
                        {"value": tax_id, "row": first},
                    )
                )
        ent = Enterprise(
            **texts,
            country=country,
            tax_id=tax_id,
            province_code=check("province", v.parse_province, country) or "",
            zone=check("zone", v.parse_zone, country, zones) if row.get("zone") else None,
            sector=check("sector", v.parse_sector) or "industry",
            stages=check("stages", v.parse_stages) or "",
            hs_edition=edition,
            employees=check("employees", v.parse_int),
            annual_revenue=check("annual_revenue", v.parse_money),
            total_capital=check("total_capital", v.parse_money),
            currency=check("currency", v.parse_currency, country) or "",
            contact_email=check("contact_email", v.parse_email) or "",
            website=check("website", v.parse_url) or "",
            fictional=bool(check("fictional", v.parse_bool)),
        )
        products = check("products", v.parse_hs_list, edition) or []
        inputs = check("inputs", v.parse_hs_list, edition) or []
        yield line, ent, products, inputs


def _existing_tax_ids(
    table: Table, parsed: list[tuple[int, Enterprise, list[str], list[str]]], errors: list[RowError]
) -> None:
    by_country: dict[str, dict[str, int]] = {}
    for line, ent, _p, _i in parsed:
        if ent.tax_id:
            by_country.setdefault(ent.country, {})[ent.tax_id] = line
    for country, ids in by_country.items():
        taken = Enterprise.objects.filter(country=country, tax_id__in=list(ids))
        for tax_id, pk in taken.values_list("tax_id", "pk"):
            errors.append(
                RowError(
                    table.name,
                    ids[tax_id],
                    "tax_id",
                    str(_("tax identifier %(value)s is already registered (enterprise #%(pk)s)")),
                    {"value": tax_id, "pk": pk},
                )
            )


def import_enterprises(
    stream: BinaryIO,
    name: str,
    user: Any,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Validate and import an enterprise file; raises DataError listing every problem.

    With ``dry_run`` the file is checked (and duplicates counted) but nothing is written.
    """
    table = read_table(
        stream, name, ENTERPRISE_REQUIRED, ENTERPRISE_OPTIONAL, ignored=ENTERPRISE_EXPORT_ONLY
    )
    allowed = roles.importable_countries(user, settings.LIENKET_COUNTRIES)
    errors: list[RowError] = []
    parsed = []
    for i, item in enumerate(_enterprise_rows(table, allowed, errors), start=1):
        parsed.append(item)
        if progress and (i % 250 == 0 or i == len(table.rows)):
            progress("validate", i, len(table.rows))
    _existing_tax_ids(table, parsed, errors)
    if errors:
        raise DataError(sorted(errors, key=lambda e: (e.row, e.field)))
    for _line, ent, products, inputs in parsed:
        ent.refresh_derived(hs_codes=products + inputs)
    new = [p[1] for p in parsed]
    pairs = _likely_duplicates(new, [f"n{i}" for i in range(len(new))])
    if dry_run:
        return ImportResult(
            checked=len(parsed), duplicates_flagged=len(pairs), dry_run=True, notices=table.notices
        )
    with transaction.atomic():
        created = _write_enterprises(parsed, progress)
        _save_flags(pairs, created)
        audit.record_many(user, "imported", created, [f"{name}, row {p[0]}" for p in parsed])
    return ImportResult(len(parsed), len(created), len(pairs), notices=table.notices)


def _write_enterprises(
    parsed: list[tuple[int, Enterprise, list[str], list[str]]], progress: Progress | None
) -> list[Enterprise]:
    created: list[Enterprise] = []
    batch = 1000
    for start in range(0, len(parsed), batch):
        chunk = parsed[start : start + batch]
        ents = Enterprise.objects.bulk_create([p[1] for p in chunk])
        EnterpriseProduct.objects.bulk_create(
            EnterpriseProduct(enterprise=e, role=role, hs_code=code)
            for e, (_l, _e, products, inputs) in zip(ents, chunk, strict=True)
            for role, codes in ((ProductRole.MADE, products), (ProductRole.NEEDED, inputs))
            for code in codes
        )
        created.extend(ents)
        if progress:
            progress("write", len(created), len(parsed))
    return created


def _named(ent: Enterprise, key: str) -> NamedFirm:
    return NamedFirm(
        key,
        f"{ent.country}:{ent.province_code}",
        tuple(n for n in (getattr(ent, f) for f in NAME_FIELDS) if n),
    )


def _likely_duplicates(firms: list[Enterprise], keys: list[str]) -> list[DuplicatePair]:
    """Pairs among ``firms`` (named by ``keys``) and the other firms of their provinces."""
    existing = (
        Enterprise.objects.filter(province_code__in={e.province_code for e in firms})
        .exclude(pk__in=[e.pk for e in firms if e.pk])
        .only("pk", "country", "province_code", *NAME_FIELDS)
    )
    return likely_duplicates(
        [_named(e, k) for e, k in zip(firms, keys, strict=True)],
        [_named(e, str(e.pk)) for e in existing],
    )


def _save_flags(pairs: list[DuplicatePair], created: list[Enterprise]) -> None:
    def pk(key: str) -> int:
        return created[int(key[1:])].pk if key.startswith("n") else int(key)

    DuplicateFlag.objects.bulk_create(
        [DuplicateFlag(enterprise_id=pk(p.a), other_id=pk(p.b), score=p.score) for p in pairs],
        ignore_conflicts=True,
    )


def flag_duplicates_of(firms: list[Enterprise]) -> int:
    """Flag likely duplicates of saved firms among all firms of their provinces."""
    pairs = _likely_duplicates(firms, [str(e.pk) for e in firms])
    _save_flags(pairs, [])
    return len(pairs)


def import_relationships(
    stream: BinaryIO,
    name: str,
    user: Any,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Validate and import supplier-buyer relationships identified by country and tax id."""
    table = read_table(
        stream, name, RELATIONSHIP_REQUIRED, RELATIONSHIP_OPTIONAL, ignored=RELATIONSHIP_EXPORT_ONLY
    )
    errors: list[RowError] = []
    registered = Enterprise.objects.exclude(tax_id="").only("pk", "country", "tax_id", *NAME_FIELDS)
    firms = {(e.country, e.tax_id): e for e in registered}
    existing = set(Relationship.objects.values_list("supplier_id", "buyer_id", "hs_code"))
    seen: dict[tuple[int, int, str], int] = {}
    rels = []
    for line, row in table.rows:
        check = RowChecker(table, line, row, errors)
        parties = []
        for side in ("supplier", "buyer"):
            country = check(f"{side}_country", v.parse_country)
            tax_id = row.get(f"{side}_tax_id", "").strip()
            firm = firms.get((country, tax_id)) if country else None
            if country and firm is None:
                errors.append(
                    RowError(
                        table.name,
                        line,
                        f"{side}_tax_id",
                        str(
                            _(
                                "no registered enterprise of %(country)s has tax "
                                "identifier %(value)r"
                            )
                        ),
                        {"country": country, "value": tax_id},
                    )
                )
            parties.append(firm)
        supplier, buyer = parties
        edition = check("hs_edition", v.parse_edition) or "HS2022"
        hs = check("hs_code", v.parse_hs_code, edition) if row.get("hs_code") else ""
        rel = Relationship(
            supplier=supplier,
            buyer=buyer,
            hs_code=hs or "",
            hs_edition=edition,
            annual_value_usd=check("annual_value_usd", v.parse_money),
            since=check("since", v.parse_year),
            notes=row.get("notes", ""),
            fictional=bool(check("fictional", v.parse_bool)),
        )
        if supplier and buyer:
            if supplier.pk == buyer.pk:
                errors.append(
                    RowError(
                        table.name,
                        line,
                        "buyer_tax_id",
                        str(_("supplier and buyer are the same enterprise")),
                    )
                )
            elif not roles.can_edit_relationship(user, supplier, buyer):
                errors.append(
                    RowError(
                        table.name,
                        line,
                        "supplier_country",
                        str(_("you may not record relationships between these enterprises")),
                    )
                )
            key = (supplier.pk, buyer.pk, rel.hs_code)
            if (first := seen.setdefault(key, line)) != line:
                errors.append(
                    RowError(
                        table.name,
                        line,
                        "hs_code",
                        str(_("this relationship repeats row %(row)s")),
                        {"row": first},
                    )
                )
            elif key in existing:
                errors.append(
                    RowError(
                        table.name,
                        line,
                        "hs_code",
                        str(_("this relationship is already registered")),
                    )
                )
        rels.append(rel)
        if progress and line % 250 == 0:
            progress("validate", line - 1, len(table.rows))
    if errors:
        raise DataError(sorted(errors, key=lambda e: (e.row, e.field)))
    if dry_run:
        return ImportResult(checked=len(rels), dry_run=True, notices=table.notices)
    with transaction.atomic():
        Relationship.objects.bulk_create(rels)
        audit.record(user, "imported", None, f"{len(rels)} relationships from {name}")
    return ImportResult(checked=len(rels), created=len(rels), notices=table.notices)
