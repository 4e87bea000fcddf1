"""Bulk import of enterprises and relationships from XLSX or CSV: every row, or none.

The whole file is validated first and every problem is collected (file, row, column, reason);
only a file without problems is written, inside one transaction. Likely duplicates of existing
firms (similar name, same province) are flagged for a steward, never merged.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lienket.core import audit, roles
from lienket.engine.dedupe import DuplicatePair, NamedFirm, likely_duplicates
from lienket.engine.errors import DataError, ErrorList, RowError, len_all
from lienket.engine.io.tabular import Imported, Table, read_table
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
ENTERPRISE_EXPORT_ONLY = ("size_class", "chains")
#: columns an export adds for reading: the coded columns' labels in the reader's language
ENTERPRISE_LABEL_COLUMNS = ("country_name", "province_name", "sector_name", "stage_names",
                            "size_class_name", "chain_names")  # fmt: skip
#: The column an export carries so that the file can be imported back to update the firms.
ENTERPRISE_ID = "id"
RELATIONSHIP_EXPORT_ONLY = ("supplier_name", "buyer_name")
RELATIONSHIP_REQUIRED = ("supplier_country", "supplier_tax_id", "buyer_country", "buyer_tax_id")
RELATIONSHIP_OPTIONAL = ("hs_code", "hs_edition", "annual_value_usd", "since", "notes", "fictional")

#: Column names as a Vietnamese or Lao office writes them: (Vietnamese, Lao). The import
#: templates use them in those languages, and an import accepts them in any language.
ENTERPRISE_HEADERS = {
    ENTERPRISE_ID: ("mã lienket", "ລະຫັດ lienket"),
    "country": ("quốc gia", "ປະເທດ"),
    "name_vi": ("tên tiếng việt", "ຊື່ພາສາຫວຽດ"),
    "name_lo": ("tên tiếng lào", "ຊື່ພາສາລາວ"),
    "name_en": ("tên tiếng anh", "ຊື່ພາສາອັງກິດ"),
    "tax_id": ("mã số thuế", "ເລກປະຈຳຕົວຜູ້ເສຍອາກອນ"),
    "province": ("tỉnh/thành phố", "ແຂວງ"),
    "zone": ("khu công nghiệp/khu kinh tế", "ເຂດເສດຖະກິດ"),
    "sector": ("ngành", "ຂະແໜງ"),
    "stages": ("công đoạn", "ຂັ້ນຕອນ"),
    "hs_edition": ("phiên bản hs", "ສະບັບ hs"),
    "products": ("sản phẩm (mã hs)", "ຜະລິດຕະພັນ (ລະຫັດ hs)"),
    "inputs": ("nguyên liệu đầu vào (mã hs)", "ວັດຖຸດິບ (ລະຫັດ hs)"),
    "employees": ("số lao động", "ຈຳນວນພະນັກງານ"),
    "annual_revenue": ("doanh thu năm", "ລາຍຮັບປະຈຳປີ"),
    "total_capital": ("tổng vốn", "ທຶນທັງໝົດ"),
    "currency": ("tiền tệ", "ສະກຸນເງິນ"),
    "capacity": ("năng lực sản xuất", "ກຳລັງການຜະລິດ"),
    "certifications": ("chứng nhận", "ໃບຢັ້ງຢືນ"),
    "description": ("mô tả", "ລາຍລະອຽດ"),
    "contact_name": ("người liên hệ", "ຜູ້ຕິດຕໍ່"),
    "contact_email": ("email liên hệ", "ອີເມວຕິດຕໍ່"),
    "contact_phone": ("điện thoại liên hệ", "ເບີໂທຕິດຕໍ່"),
    "website": ("trang web", "ເວັບໄຊ"),
    "fictional": ("hư cấu", "ສົມມຸດ"),
    "size_class": ("quy mô", "ຂະໜາດ"),
    "chains": ("chuỗi giá trị", "ຕ່ອງໂສ້ມູນຄ່າ"),
    "country_name": ("tên quốc gia", "ຊື່ປະເທດ"),
    "province_name": ("tên tỉnh", "ຊື່ແຂວງ"),
    "sector_name": ("tên ngành", "ຊື່ຂະແໜງ"),
    "stage_names": ("tên công đoạn", "ຊື່ຂັ້ນຕອນ"),
    "size_class_name": ("tên quy mô", "ຊື່ຂະໜາດ"),
    "chain_names": ("tên chuỗi giá trị", "ຊື່ຕ່ອງໂສ້ມູນຄ່າ"),
}
RELATIONSHIP_HEADERS = {
    "supplier_country": ("quốc gia bên bán", "ປະເທດຜູ້ສະໜອງ"),
    "supplier_tax_id": ("mã số thuế bên bán", "ເລກອາກອນຜູ້ສະໜອງ"),
    "buyer_country": ("quốc gia bên mua", "ປະເທດຜູ້ຊື້"),
    "buyer_tax_id": ("mã số thuế bên mua", "ເລກອາກອນຜູ້ຊື້"),
    "hs_code": ("mã hs", "ລະຫັດ hs"),
    "hs_edition": ("phiên bản hs", "ສະບັບ hs"),
    "annual_value_usd": ("giá trị năm (usd)", "ມູນຄ່າປະຈຳປີ (usd)"),
    "since": ("từ năm", "ຕັ້ງແຕ່ປີ"),
    "notes": ("ghi chú", "ໝາຍເຫດ"),
    "fictional": ("hư cấu", "ສົມມຸດ"),
    "supplier_name": ("tên bên bán", "ຊື່ຜູ້ສະໜອງ"),
    "buyer_name": ("tên bên mua", "ຊື່ຜູ້ຊື້"),
}


def _aliases(headers: dict[str, tuple[str, str]]) -> dict[str, str]:
    return {name: column for column, names in headers.items() for name in names}


ENTERPRISE_ALIASES = _aliases(ENTERPRISE_HEADERS)
RELATIONSHIP_ALIASES = _aliases(RELATIONSHIP_HEADERS)

Progress = Callable[[str, int, int], None]
# Free-text columns, checked against the length their model field holds (never cut).
TEXT_COLUMNS = (*NAME_FIELDS, "capacity", "certifications", "description", "contact_name",
                "contact_phone")  # fmt: skip


@dataclass(frozen=True)
class Change:
    """One field of a registered firm that an import changes (or would change)."""

    row: int
    enterprise: int
    name: str
    field: str
    old: str
    new: str


@cache
def _takes_notes(parse: Callable[..., Any]) -> bool:
    """Whether a parse function reports what it did to a value it accepted."""
    return "notes" in inspect.signature(parse).parameters


class RowChecker:
    """Runs ``parse`` functions on one row, recording each failure as a RowError and what a
    parse function did to a value it accepted (its notes) as a notice."""

    def __init__(self, table: Table, line: int, row: dict[str, str], errors: list[RowError]):
        self.table, self.line, self.row, self.errors = table, line, row, errors

    def __call__(self, column: str, parse: Callable[..., Any], *args: Any) -> Any:
        notes: v.Notes = []
        options = {"notes": notes} if _takes_notes(parse) else {}
        try:
            value = parse(*args, self.row.get(column, ""), **options)
            for message, params in notes:
                self.table.notices.append(
                    RowError(self.table.name, self.line, column, message, params)
                )
            return value
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
        raise DataError(sorted(errors, key=lambda e: (e.row, e.field)), total=len_all(errors))
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
        notices=tuple(table.notices),
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
        raise DataError(sorted(errors, key=lambda e: (e.row, e.field)), total=len_all(errors))
    if dry_run:
        return Imported(checked=len(rels), dry_run=True, notices=tuple(table.notices))
    with transaction.atomic():
        Relationship.objects.bulk_create(rels)
        audit.record(user, "imported", None, f"{len(rels)} relationships from {name}")
    return Imported(checked=len(rels), created=len(rels), notices=tuple(table.notices))
