"""Importing supplier-buyer relationships between registered firms."""

from __future__ import annotations

from typing import Any, BinaryIO

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lienket.core import audit, roles
from lienket.engine.errors import DataError, ErrorList, RowError, len_all
from lienket.engine.io.tabular import Imported, read_table
from lienket.registry import validation as v
from lienket.registry.importers.columns import (
    RELATIONSHIP_ALIASES,
    RELATIONSHIP_EXPORT_ONLY,
    RELATIONSHIP_OPTIONAL,
    RELATIONSHIP_REQUIRED,
    Progress,
    RowChecker,
)
from lienket.registry.models import (
    NAME_FIELDS,
    Enterprise,
    Relationship,
)


def import_relationships(
    stream: BinaryIO,
    name: str,
    user: Any,
    progress: Progress | None = None,
    dry_run: bool = False,
) -> Imported:
    """Validate and import supplier-buyer relationships identified by country and tax id."""
    table = read_table(
        stream,
        name,
        RELATIONSHIP_REQUIRED,
        RELATIONSHIP_OPTIONAL,
        ignored=RELATIONSHIP_EXPORT_ONLY,
        aliases=RELATIONSHIP_ALIASES,
    )
    errors: list[RowError] = ErrorList()
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
        raise DataError(sorted(table.as_written(errors), key=lambda e: (e.row, e.field)),
                        total=len_all(errors))  # fmt: skip
    if dry_run:
        return Imported(
            checked=len(rels), dry_run=True, notices=tuple(table.as_written(table.notices))
        )
    with transaction.atomic():
        Relationship.objects.bulk_create(rels)
        audit.record(user, "imported", None, f"{len(rels)} relationships from {name}")
    return Imported(
        checked=len(rels), created=len(rels), notices=tuple(table.as_written(table.notices))
    )
