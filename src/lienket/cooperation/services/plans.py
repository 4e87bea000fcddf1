"""A work plan's agreement by both sides and its revisions."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lienket.cooperation.models import (
    PlanStatus,
    Side,
    WorkPlan,
)
from lienket.core import audit, roles
from lienket.core.audit import label


class PlanError(ValidationError):
    pass


@transaction.atomic
def agree(plan: WorkPlan, user: Any) -> WorkPlan:
    """A co-chair side's agreement (its focal point); both sides make the plan agreed."""
    side = roles.focal_country(user)
    if side is None:
        raise PermissionDenied
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise PlanError(_("Only a draft can be agreed."))
    now = timezone.now()
    if side == Side.VIET_NAM:
        plan.agreed_vn, plan.agreed_vn_by = now, label(user)
    else:
        plan.agreed_la, plan.agreed_la_by = now, label(user)
    if plan.agreed_vn and plan.agreed_la:
        plan.status = PlanStatus.AGREED
    plan.save()
    audit.record(user, "approved", plan, f"agreed ({side}) {plan}")
    return plan


@transaction.atomic
def revise(plan: WorkPlan, user: Any) -> WorkPlan:
    """A new draft version of an agreed plan, with its activities copied; the old version is
    kept, marked revised."""
    if not roles.can_edit_plans(user):
        raise PermissionDenied
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.AGREED:
        raise PlanError(_("Only an agreed plan can be revised."))
    new = WorkPlan.objects.create(
        code=plan.code, version=plan.version + 1, title_en=plan.title_en,
        title_vi=plan.title_vi, title_lo=plan.title_lo, start=plan.start, end=plan.end,
        revises=plan, note=plan.note, fictional=plan.fictional,
    )  # fmt: skip
    for a in plan.activities.all():
        notes = list(a.notes.all())
        a.pk = None
        a.plan = new
        a.save()
        for n in notes:
            n.pk = None
            n.activity = a
            n.save()
    plan.status = PlanStatus.REVISED
    plan.save(update_fields=["status"])
    audit.record(user, "created", new, f"revision v{new.version} of {plan.code}")
    return new
