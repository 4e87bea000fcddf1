"""Write-side use cases of the registry: each runs in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lienket import refdata
from lienket.core import audit
from lienket.registry.models import (
    NAME_FIELDS,
    PROFILE_FIELDS,
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


def save_enterprise(
    ent: Enterprise, products: list[str], inputs: list[str], by: Any = None
) -> Enterprise:
    """Save a firm with its products and inputs, recomputing size class, chains and search.

    The change is recorded in the audit log against ``by`` (a user, or None for the system).
    """
    action = "updated" if ent.pk else "created"
    with transaction.atomic():
        ent.refresh_derived(hs_codes=products + inputs)
        ent.save()
        ent.products.all().delete()
        EnterpriseProduct.objects.bulk_create(
            [EnterpriseProduct(enterprise=ent, role=ProductRole.MADE, hs_code=c) for c in products]
            + [
                EnterpriseProduct(enterprise=ent, role=ProductRole.NEEDED, hs_code=c)
                for c in inputs
            ]
        )
        audit.record(by, action, ent, ent.name)
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
