"""A match's life: its steps, both sides' agreement and their consent to disclose."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lienket.core import audit, roles
from lienket.core.models import AuditAction
from lienket.linkage.models import TRANSITIONS, Match, MatchEvent, MatchStatus
from lienket.registry import selectors as registry_selectors
from lienket.registry import services as registry_services
from lienket.registry.models import Relationship


class TransitionError(ValueError):
    pass


class ConflictError(TransitionError):
    """Someone else moved the match first: this step was made from a status it no longer has."""


def agreement_sides(match: Match, user: Any) -> list[str]:
    """The sides (``supplier``, ``buyer``) for which ``user`` may confirm an agreement or consent
    to disclosure: a firm's own users speak for it; a focal point of the firm's country (or a
    steward) speaks for a firm that has no user of its own (``roles.speaks_for``)."""
    return [side for side in ("supplier", "buyer") if roles.speaks_for(user, getattr(match, side))]


def disclosure(match: Match) -> dict[str, bool]:
    """Whether each side consented to show the other its private fields."""
    supplier, buyer = registry_selectors.consents(match.supplier, match.buyer)
    return {"supplier": supplier, "buyer": buyer}


def set_disclosure(match: Match, user: Any, share: bool) -> list[str]:
    """Give (``share``) or revoke, for the sides ``user`` speaks for, the consent to show the
    other firm of the match its tax id, workforce, figures and contacts (issue 24). The other
    firm sees them once both sides consented. Returns the sides changed."""
    sides = agreement_sides(match, user)
    if not sides:
        raise TransitionError(
            _("only the enterprise itself (or, for a firm without a user, its country's focal "
              "point) consents to disclose its data")
        )  # fmt: skip
    if share and match.status == MatchStatus.DECLINED:
        raise TransitionError(_("this match was declined"))
    changed = []
    for side in sides:
        firm, other = (
            (match.supplier, match.buyer) if side == "supplier" else (match.buyer, match.supplier)
        )
        if registry_services.disclose(firm, other, user, share):
            changed.append(side)
    return changed


def advance(match: Match, status: str, note: str, date: Any, user: Any) -> Match:
    """Move a match along the workflow, as one conditional step.

    The step is written only if the match still has the status it was read with; otherwise
    :class:`ConflictError` (two people stepping one match at once: exactly one wins). An agreement
    needs both sides' confirmation (see :func:`agreement_sides`); the second one makes it an
    agreement and a registry relationship.
    """
    with transaction.atomic(), audit.acting(user):
        return _advance(match, status, note, date, user)


def _advance(match: Match, status: str, note: str, date: Any, user: Any) -> Match:
    if status not in TRANSITIONS[match.status]:
        # a step the match has already taken (someone else was first) or a step asked of a
        # closed match conflicts with its current state (409); skipping ahead or a status the
        # workflow does not know is a bad request
        taken = (
            status == match.status
            or not TRANSITIONS[match.status]
            or match.events.filter(status=status).exists()
        )
        raise (ConflictError if taken else TransitionError)(
            _("a match cannot go from %(old)s to %(new)s")
            % {"old": match.get_status_display(), "new": status}
        )
    last = match.events.order_by("-date").first()
    if last is not None and date is not None and date < last.date:
        raise TransitionError(
            _("the date cannot be before the previous step (%(date)s)") % {"date": last.date}
        )
    old = match.status
    fresh = Match.objects.filter(pk=match.pk, status=old)
    if status == MatchStatus.AGREEMENT:
        sides = agreement_sides(match, user)
        if not sides:
            raise TransitionError(
                _("an agreement is confirmed by each of the two enterprises (or, for a firm "
                  "without a user, by its country's focal point)")
            )  # fmt: skip
        who = audit.label(user)
        if who in (match.supplier_agreed, match.buyer_agreed):
            raise TransitionError(
                _("you confirmed this agreement already: the other side confirms it")
            )
        # duties separated (issue 24): one person confirms one side, never both
        sides = [s for s in sides if not getattr(match, f"{s}_agreed")][:1]
        for side in sides:
            field = f"{side}_agreed"
            if fresh.filter(**{field: ""}).update(**{field: who}) == 0 and not fresh.exists():
                raise ConflictError(_("someone else changed this match first; reload it"))
            audit.record(user, AuditAction.UPDATED, match,
                         f"confirmed the agreement for the {side}",
                         {field: ["", who]})  # fmt: skip
        match.refresh_from_db()
        if not (match.supplier_agreed and match.buyer_agreed):
            return match  # waiting for the other side
    taken = fresh.update(status=status, updated=timezone.now())
    if taken == 0:
        raise ConflictError(_("someone else changed this match first; reload it"))
    match.refresh_from_db()
    audit.record(user, AuditAction.UPDATED, match, f"status {old} → {status}",
                 {"status": [old, status]})  # fmt: skip
    if status == MatchStatus.AGREEMENT and match.relationship_id is None:
        match.relationship = _agreed_relationship(match, date, user)
        match.save(update_fields=["relationship"])
    if status == MatchStatus.DECLINED:  # a declined match discloses nothing any more
        for firm, other in ((match.supplier, match.buyer), (match.buyer, match.supplier)):
            registry_services.disclose(firm, other, user, consent=False)
    MatchEvent.objects.create(match=match, status=status, note=note, date=date, by=user)
    return match


def _agreed_relationship(match: Match, date: Any, user: Any) -> Relationship:
    """The relationship an agreement stands for: the pair's existing one, confirmed, if they
    already trade (the one for the matched product first), else a new one."""
    # issue 8 - an agreement between firms that already trade used to add a second relationship
    code = match.codes[0][0] if match.codes else ""
    code = code if len(code) == 6 else ""
    existing = Relationship.objects.filter(supplier=match.supplier, buyer=match.buyer)
    rel = existing.filter(hs_code=code).first() or existing.order_by("pk").first()
    if rel is not None:
        audit.record(
            user, AuditAction.UPDATED, rel, f"confirmed by the agreement of match {match.pk}"
        )
        return rel
    rel = Relationship.objects.create(
        supplier=match.supplier,
        buyer=match.buyer,
        hs_code=code,
        notes=_("agreed through a lienket match"),
        since=date.year if date else None,
        fictional=match.supplier.fictional or match.buyer.fictional,
    )
    audit.record(user, AuditAction.CREATED, rel, f"agreement of match {match.pk}")
    return rel
