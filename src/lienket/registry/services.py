"""Write-side use cases of the registry: each runs in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lienket import refdata
from lienket.core import audit
from lienket.registry.models import (
    NAME_FIELDS,
    PROFILE_FIELDS,
    Disclosure,
    DuplicateFlag,
    DuplicateStatus,
    Enterprise,
    EnterpriseProduct,
    ProductRole,
    Relationship,
    Zone,
)


def load_reference_zones() -> tuple[int, int]:
    """Create or update the zones of the bundled reference data; returns (created, updated)."""
    created = updated = 0
    with transaction.atomic():
        for z in refdata.zones():
            values = {
                "country": z.country,
                "province_code": z.province,
                "kind": z.kind,
                "name_en": z.names.en,
                "name_vi": z.names.vi,
                "name_lo": z.names.lo,
                "status": z.status,
                "latitude": z.latitude,
                "longitude": z.longitude,
                "coordinate_quality": z.coordinate_quality,
                "verified": z.verified,
                "notes": z.notes,
            }
            obj, was_created = Zone.objects.get_or_create(code=z.code, defaults=values)
            if was_created:
                created += 1
            elif any(getattr(obj, k) != val for k, val in values.items()):
                Zone.objects.filter(pk=obj.pk).update(**values)
                updated += 1
    return created, updated


class StaleEditError(Exception):
    """An edit started from an older version of a firm than the one stored.

    ``changes`` are the saves made since, oldest first, each as (who, when, field, before,
    after), read from the audit log; ``current`` is the stored firm.
    """

    def __init__(self, current: Enterprise, changes: list[tuple[str, Any, str, Any, Any]]):
        super().__init__(f"enterprise {current.pk} is at version {current.version}")
        self.current = current
        self.changes = changes


def changes_since(ent: Enterprise, version: int) -> list[tuple[str, Any, str, Any, Any]]:
    """What was saved to a firm after ``version``, field by field, oldest first."""
    out = []
    for event in reversed(list(audit.history(ent)[:200])):
        after = (event.changes or {}).get("version", [None, None])[1]
        if isinstance(after, int) and after > version:
            out.extend(
                (event.actor_label, event.created, field_label(field), before, new)
                for field, (before, new) in event.changes.items()
                if field != "version"
            )
    return out


def field_label(name: str) -> str:
    """A firm's field as the reader knows it (its form label), never the internal name."""
    extra = {"products": _("Products made (HS codes)"), "inputs": _("Inputs needed (HS codes)")}
    if name in extra:
        return str(extra[name])
    try:
        return str(Enterprise._meta.get_field(name).verbose_name)
    except Exception:  # a field since removed from the model
        return name


#: what a save recomputes from the firm's other fields (written when it changed)
DERIVED = ("size_class", "size_basis", "chains", "search_text")


def save_enterprise(
    ent: Enterprise,
    products: list[str],
    inputs: list[str],
    by: Any = None,
    *,
    version: int | None = None,
    fields: set[str] | None = None,
) -> Enterprise:
    """Save a firm with its products and inputs, recomputing size class, chains and search.

    For a firm already stored, ``version`` is the version the edit started from: if the stored
    firm has moved on, :class:`StaleEditError` is raised and nothing is written. ``fields`` names
    what the edit changes (model fields, ``products``, ``inputs``): only those are written over
    the stored row, read again under a lock, so two edits of different fields both survive.
    ``None`` writes every field. The change is recorded in the audit log against ``by``, with
    its values before and after.
    """
    with transaction.atomic(), audit.acting(by):
        old_codes: tuple[list[str], list[str]] = ([], [])
        if ent.pk is None:
            action, target = "created", ent
        else:
            action = "updated"
            stored = Enterprise.objects.select_for_update().get(pk=ent.pk)
            if version is not None and stored.version != version:
                raise StaleEditError(stored, changes_since(stored, version))
            if fields is None:
                target = ent
            else:
                target = stored
                sent = fields - {"products", "inputs"}
                # what the edit really changes: a field sent with its stored value is not one
                fields = {n for n in sent if getattr(ent, n) != getattr(stored, n)} | (
                    fields & {"products", "inputs"}
                )
                for name in fields - {"products", "inputs"}:
                    setattr(target, name, getattr(ent, name))
                if "products" not in fields:
                    products = stored.product_codes
                if "inputs" not in fields:
                    inputs = stored.input_codes
            target.version = stored.version + 1
            old_codes = (stored.product_codes, stored.input_codes)
        before = {name: getattr(target, name) for name in DERIVED}
        target.refresh_derived(hs_codes=products + inputs)
        if fields is None or action == "created":
            target.save()
        else:  # only what the edit changes, so a note on a firm stays a note (core.datacache)
            moved = {name for name in DERIVED if getattr(target, name) != before[name]}
            target.save(update_fields=sorted((fields - {"products", "inputs"}) | moved
                                             | {"version", "updated"}))  # fmt: skip
        if (sorted(products), sorted(inputs)) != tuple(sorted(c) for c in old_codes):
            target.products.all().delete()
            EnterpriseProduct.objects.bulk_create(
                [EnterpriseProduct(enterprise=target, role=ProductRole.MADE, hs_code=c)
                 for c in products]
                + [EnterpriseProduct(enterprise=target, role=ProductRole.NEEDED, hs_code=c)
                   for c in inputs]
            )  # fmt: skip
        if hasattr(target, "_prefetched_objects_cache"):
            target._prefetched_objects_cache.clear()
        event = getattr(target, "_audit_event", None)
        if event is not None:
            for key, old, new in (("products", old_codes[0], products),
                                  ("inputs", old_codes[1], inputs)):  # fmt: skip
                if sorted(old) != sorted(new):
                    event.changes[key] = [" ".join(old), " ".join(new)]
            event.save(update_fields=["changes"])
        audit.record(by, action, target, target.name)
    if target is not ent:  # the caller's object shows what was saved
        for f in Enterprise._meta.concrete_fields:
            setattr(ent, f.attname, getattr(target, f.attname))
        if hasattr(ent, "_prefetched_objects_cache"):
            ent._prefetched_objects_cache.clear()
    return ent


def merge_enterprises(flag: DuplicateFlag, keep: Enterprise, by: Any = None) -> Enterprise:
    """Merge the flagged pair into ``keep``: relationships, products and users move over.

    Blank fields of the kept firm are filled from the other; the other is deleted.
    """
    drop = flag.other if keep.pk == flag.enterprise_id else flag.enterprise
    if keep.pk not in (flag.enterprise_id, flag.other_id):
        raise ValueError("the firm to keep must be one of the flagged pair")
    with transaction.atomic():
        for field in (*NAME_FIELDS, "tax_id", *PROFILE_FIELDS):
            if not getattr(keep, field) and getattr(drop, field):
                setattr(keep, field, getattr(drop, field))
        if drop.tax_id == keep.tax_id or not keep.tax_id:
            Enterprise.objects.filter(pk=drop.pk).update(tax_id="")
        for side in ("supplier", "buyer"):
            for rel in Relationship.objects.filter(**{side: drop}):
                other = rel.buyer if side == "supplier" else rel.supplier
                clash = Relationship.objects.filter(
                    **{
                        side: keep,
                        ("buyer" if side == "supplier" else "supplier"): other,
                        "hs_code": rel.hs_code,
                    }
                ).exists()
                if clash or other.pk == keep.pk:
                    rel.delete()
                else:
                    setattr(rel, side, keep)
                    rel.save()
        products = {(p.role, p.hs_code) for p in keep.products.all()}
        products |= {(p.role, p.hs_code) for p in drop.products.all()}
        drop.users.update(enterprise=keep)
        audit.record(by, "merged", keep, f"#{drop.pk} {drop.name} (tax id {drop.tax_id or '-'})")
        drop.delete()  # its duplicate flags go with it
        return save_enterprise(
            keep,
            sorted(c for r, c in products if r == ProductRole.MADE),
            sorted(c for r, c in products if r == ProductRole.NEEDED),
            by,
        )


def dismiss_duplicate(flag: DuplicateFlag, by: Any = None) -> None:
    """Record that a flagged pair is two different firms."""
    flag.status = DuplicateStatus.DISMISSED
    flag.save(update_fields=["status"])
    audit.record(by, "dismissed", flag.enterprise, f"#{flag.other_id} {flag.other.name}")


def save_relationship(rel: Relationship, by: Any = None) -> Relationship:
    """Save a supplier-buyer relationship and record it in the audit log."""
    with transaction.atomic():
        action = "updated" if rel.pk else "created"
        rel.save()
        audit.record(by, action, rel, str(rel))
    return rel


@transaction.atomic
def disclose(firm: Enterprise, to: Enterprise, by: Any, consent: bool) -> bool:
    """Record (``consent``) or revoke a firm's consent to show ``to`` its private fields; the
    caller has checked that ``by`` speaks for ``firm``. Returns whether anything changed."""
    with audit.acting(by):
        if consent:
            _, created = Disclosure.objects.get_or_create(
                firm=firm, to=to, defaults={"by": audit.label(by)}
            )
            return created
        found = list(Disclosure.objects.filter(firm=firm, to=to))
        for row in found:
            row.delete()
        return bool(found)
