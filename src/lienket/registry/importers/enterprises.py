"""Importing enterprises: new firms, updates of registered ones, and likely duplicates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lienket.core import audit, roles
from lienket.engine.dedupe import DuplicatePair, NamedFirm, likely_duplicates
from lienket.engine.errors import DataError, ErrorList, RowError, len_all
from lienket.engine.io.tabular import Imported, Table, read_table
from lienket.registry import validation as v
from lienket.registry.importers.columns import (
    ENTERPRISE_ALIASES,
    ENTERPRISE_EXPORT_ONLY,
    ENTERPRISE_ID,
    ENTERPRISE_LABEL_COLUMNS,
    ENTERPRISE_OPTIONAL,
    ENTERPRISE_REQUIRED,
    TEXT_COLUMNS,
    Change,
    Progress,
    RowChecker,
)
from lienket.registry.models import (
    NAME_FIELDS,
    DuplicateFlag,
    Enterprise,
    EnterpriseProduct,
    ProductRole,
    Zone,
)


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


Parsed = tuple[int, Enterprise, list[str], list[str]]


def _registered(
    table: Table, parsed: list[Parsed], update: bool, user: Any, errors: list[RowError]
) -> dict[int, Enterprise]:
    """The registered firm each row updates, by line: found by lienket id, else by tax id.

    Without ``update`` a registered tax id is an error that says how to update instead, and
    lienket ids (from another installation's export, say) are not read.
    """
    by_line = dict(table.rows)
    ids = {}
    for line, _ent, _p, _i in parsed:
        raw = by_line[line].get(ENTERPRISE_ID, "").strip()
        if update and raw:
            if raw.isdigit():
                ids[line] = int(raw)
            else:
                message = str(_("%(value)r is not a lienket enterprise number"))
                errors.append(RowError(table.name, line, ENTERPRISE_ID, message, {"value": raw}))
    firms = Enterprise.objects.prefetch_related("products").select_related("zone")
    by_pk = firms.in_bulk(list(ids.values()))
    wanted: dict[str, set[str]] = {}
    for _line, ent, _p, _i in parsed:
        if ent.tax_id:
            wanted.setdefault(ent.country, set()).add(ent.tax_id)
    by_tax = {
        (e.country, e.tax_id): e
        for country, tax_ids in wanted.items()
        for e in firms.filter(country=country, tax_id__in=tax_ids)
    }
    found: dict[int, Enterprise] = {}
    targets: dict[int, int] = {}
    for line, ent, _p, _i in parsed:
        same_tax = by_tax.get((ent.country, ent.tax_id)) if ent.tax_id else None
        if line in ids:
            target = by_pk.get(ids[line])
            if target is None:
                message = str(_("no registered enterprise has the number %(pk)s"))
                errors.append(RowError(table.name, line, ENTERPRISE_ID, message,
                                       {"pk": ids[line]}))  # fmt: skip
                continue
        elif same_tax is not None and update:
            target = same_tax
        elif same_tax is not None:
            message = str(
                _(
                    "tax identifier %(value)s is already registered (enterprise #%(pk)s); "
                    "to update registered firms, import with “update registered firms”"
                )
            )
            errors.append(RowError(table.name, line, "tax_id", message,
                                   {"value": ent.tax_id, "pk": same_tax.pk}))  # fmt: skip
            continue
        else:
            continue
        if same_tax is not None and same_tax.pk != target.pk:
            message = str(_("tax identifier %(value)s belongs to enterprise #%(pk)s"))
            errors.append(RowError(table.name, line, "tax_id", message,
                                   {"value": ent.tax_id, "pk": same_tax.pk}))  # fmt: skip
        elif target.country != ent.country:
            message = str(_("enterprise #%(pk)s is registered in %(country)s"))
            errors.append(RowError(table.name, line, "country", message,
                                   {"pk": target.pk, "country": target.country}))  # fmt: skip
        elif not roles.can_edit_enterprise(user, target):
            message = str(_("you may not change enterprise #%(pk)s"))
            errors.append(RowError(table.name, line, "country", message, {"pk": target.pk}))
        elif (first := targets.setdefault(target.pk, line)) != line:
            message = str(_("enterprise #%(pk)s is already updated by row %(row)s"))
            errors.append(RowError(table.name, line, ENTERPRISE_ID, message,
                                   {"pk": target.pk, "row": first}))  # fmt: skip
        else:
            found[line] = target
    return found


#: File columns and the model fields they set, for the fields an update compares.
UPDATE_FIELDS = {
    **{c: c for c in TEXT_COLUMNS},
    "tax_id": "tax_id", "province": "province_code", "zone": "zone", "sector": "sector",
    "stages": "stages", "hs_edition": "hs_edition", "employees": "employees",
    "annual_revenue": "annual_revenue", "total_capital": "total_capital", "currency": "currency",
    "contact_email": "contact_email", "website": "website", "fictional": "fictional",
}  # fmt: skip


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Zone):
        return value.code
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def _changes(
    table: Table, line: int, target: Enterprise, ent: Enterprise, codes: dict[str, list[str]]
) -> list[Change]:
    """What the row changes in ``target``: only columns the file has are compared."""
    present = set(table.columns)
    out = []
    registered_currency = target.currency or v.default_currency(target.country)
    for column, attr in UPDATE_FIELDS.items():
        old_value = registered_currency if column == "currency" else getattr(target, attr)
        if column in present and old_value != getattr(ent, attr):
            old, new = _shown(old_value), _shown(getattr(ent, attr))
            out.append(Change(line, target.pk, target.name, column, old, new))
    registered = {"products": target.product_codes, "inputs": target.input_codes}
    for column, new_codes in codes.items():
        if column in present and sorted(registered[column]) != sorted(new_codes):
            old, new = _shown(registered[column]), _shown(new_codes)
            out.append(Change(line, target.pk, target.name, column, old, new))
    return out


def import_enterprises(
    stream: BinaryIO,
    name: str,
    user: Any,
    progress: Progress | None = None,
    dry_run: bool = False,
    update: bool = False,
) -> Imported:
    """Validate and import an enterprise file; raises DataError listing every problem.

    With ``dry_run`` the file is checked (and duplicates counted) but nothing is written.
    With ``update`` a row that carries a lienket id (an exported file) or the tax id of a
    registered firm updates that firm: the columns the file has replace its values, and every
    change is listed in the result (also in a dry run) and in the audit log.
    """
    table = read_table(
        stream,
        name,
        ENTERPRISE_REQUIRED,
        (*ENTERPRISE_OPTIONAL, ENTERPRISE_ID),
        ignored=ENTERPRISE_EXPORT_ONLY + ENTERPRISE_LABEL_COLUMNS,
        aliases=ENTERPRISE_ALIASES,
    )
    allowed = roles.importable_countries(user, settings.LIENKET_COUNTRIES)
    errors: list[RowError] = ErrorList()
    parsed = []
    for i, item in enumerate(_enterprise_rows(table, allowed, errors), start=1):
        parsed.append(item)
        if progress and (i % 250 == 0 or i == len(table.rows)):
            progress("validate", i, len(table.rows))
    targets = _registered(table, parsed, update, user, errors)
    if errors:
        raise DataError(sorted(table.as_written(errors), key=lambda e: (e.row, e.field)),
                        total=len_all(errors))  # fmt: skip
    changes: list[Change] = []
    for line, ent, products, inputs in parsed:
        ent.refresh_derived(hs_codes=products + inputs)
        if line in targets:
            codes = {"products": products, "inputs": inputs}
            changes += _changes(table, line, targets[line], ent, codes)
    fresh = [p for p in parsed if p[0] not in targets]
    new = [p[1] for p in fresh]
    pairs = _likely_duplicates(new, [f"n{i}" for i in range(len(new))])
    by_row: dict[int, list[Change]] = defaultdict(list)
    for change in changes:
        by_row[change.row].append(change)
    result = Imported(
        checked=len(parsed),
        duplicates_flagged=len(pairs),
        dry_run=dry_run,
        notices=tuple(table.as_written(table.notices)),
        updated=len(by_row),
        changes=tuple(changes),
    )
    if dry_run:
        return result
    with transaction.atomic():
        created = _write_enterprises(fresh, progress)
        _save_flags(pairs, created)
        audit.record_many(user, "imported", created, [f"{name}, row {p[0]}" for p in fresh])
        _write_updates([p for p in parsed if p[0] in by_row], targets, by_row)
        audit.record_many(
            user,
            "updated",
            [targets[line] for line in sorted(by_row)],
            [_change_summary(name, line, by_row[line]) for line in sorted(by_row)],
        )
    return replace(result, created=len(created))


def _change_summary(name: str, line: int, changes: list[Change]) -> str:
    fields = ", ".join(f"{c.field}: {c.old!r} → {c.new!r}" for c in changes)
    return f"{name}, row {line}: {fields}"[:2000]


def _write_updates(
    rows: list[Parsed], targets: dict[int, Enterprise], by_row: dict[int, list[Change]]
) -> None:
    """Apply the changed columns of each row to its registered firm."""
    for line, ent, products, inputs in rows:
        target = targets[line]
        changed = {c.field for c in by_row[line]}
        for column in changed & UPDATE_FIELDS.keys():
            setattr(target, UPDATE_FIELDS[column], getattr(ent, UPDATE_FIELDS[column]))
        for column, role, codes in (
            ("products", ProductRole.MADE, products),
            ("inputs", ProductRole.NEEDED, inputs),
        ):
            if column in changed:
                target.products.filter(role=role).delete()
                EnterpriseProduct.objects.bulk_create(
                    EnterpriseProduct(enterprise=target, role=role, hs_code=c) for c in codes
                )
        if hasattr(target, "_prefetched_objects_cache"):  # re-read the codes just written
            target._prefetched_objects_cache.clear()
        target.refresh_derived()
        target.save()


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
