"""Joint inspections of aid-funded projects (issue 27: the 47th session asks the two Cooperation
Committees to inspect aid projects together): who inspected, what they found, and the follow-up
actions, each recorded as a commitment with its owner and deadline so that it is tracked like the
session's own directions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from lienket.core import audit
from lienket.core.translations import language_of
from lienket.governance.models import Area, Commitment, Inspection
from lienket.projects.models import Project

#: how many follow-up actions the form offers
ACTIONS = 3


class InspectionError(ValueError):
    """What the inspection form is missing, in the reader's language."""


def _date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise InspectionError(_("%(what)s: %(value)r is not a date (YYYY-MM-DD)")
                              % {"what": what, "value": text}) from None  # fmt: skip


def record(data: Mapping[str, Any], by: Any) -> Inspection:
    """Record an inspection from the form's fields (``project``, ``on``, ``team_vnm``,
    ``team_lao``, ``findings``; ``action_N``, ``owner_N`` (VNM, LAO or joint), ``due_N``)."""
    project = Project.objects.filter(code=str(data.get("project", "")).strip()[:40]).first()
    if project is None or project.kind != "aid":
        raise InspectionError(_("Choose an aid-funded project."))
    on = _date(str(data.get("on", "")), _("date"))
    teams = {k: str(data.get(k, "")).strip()[:1000] for k in ("team_vnm", "team_lao")}
    if not all(teams.values()):
        raise InspectionError(_("A joint inspection names the team of each side."))
    findings = str(data.get("findings", "")).strip()[:8000]
    if not findings:
        raise InspectionError(_("Write what the inspection found."))
    actions = []
    for n in range(1, ACTIONS + 1):
        text = str(data.get(f"action_{n}", "")).strip()[:2000]
        if not text:
            continue
        owner = str(data.get(f"owner_{n}", "joint"))
        if owner not in ("VNM", "LAO", "joint"):
            raise InspectionError(_("The owner of an action is VNM, LAO or joint."))
        due_text = str(data.get(f"due_{n}", "")).strip()
        due = _date(due_text, _("due")) if due_text else None
        actions.append((text, owner, due))
    with transaction.atomic():
        i = Inspection.objects.create(project=project, on=on, findings=findings,
                                      recorded_by_label=audit.label(by), **teams)  # fmt: skip
        audit.record(by, "created", i, f"joint inspection of {project.code} on {on}")
        parent = Commitment.objects.filter(code="c47-aid-inspection").first()
        for n, (text, owner, due) in enumerate(actions, start=1):
            c = Commitment.objects.create(
                code=f"insp-{i.pk}-{n}", area=Area.AID, owner_side=owner, due=due,
                **{f"text_{language_of(text) or 'en'}": text}, inspection=i, parent=parent,
                source=_("Joint inspection of %(project)s on %(day)s")
                % {"project": project.code, "day": on.isoformat()},
            )  # fmt: skip
            audit.record(by, "created", c, f"follow-up action {c.code}")
    return i
