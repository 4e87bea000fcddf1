"""The access policy of lienket, in one place. Views, the API and the CLI ask these functions.

| who                | registry pages and API | edit enterprises          | import, duplicates |
|--------------------|------------------------|---------------------------|--------------------|
| anonymous public   | published aggregates   | no                        | no                 |
| ministry reader    | read                   | no                        | no                 |
| enterprise user    | read                   | only its own enterprise   | no                 |
| focal point        | read                   | its own country's firms   | its own country    |
| steward (superuser)| read                   | all                       | all                |
| CC secretariat     | read                   | no                        | no                 |
| line ministry      | read                   | no                        | no                 |

The Committee (issue 27): documents, sessions and commitments are read by every government role
(readers, focal points, secretariats, line ministries, stewards). Each side's Cooperation
Committee secretariat adds and edits sessions, documents and commitments, links what delivers
them, imports the commitments sheet, records joint inspections, approves reallocations for its
side and builds the implementation report; a line ministry's official updates (page or sheet)
the commitments its organisation owns; focal points update any commitment and record joint
inspections.

Trade pages are open to everyone (official statistics); published figures are entered by
focal points (those their own country declared) and stewards (both sides); trade files are
uploaded by focal points (a customs table only as their own country's) and stewards, and the
upload queue is read by them alone. Chains, pilot
rankings and routes are read by every logged-in role. Partner suggestions and matches are
private to the two enterprises concerned and the focal points of their countries (and
stewards); only focal points and stewards change the pilot-ranking weights and select pilot
projects.

Projects (investment, power-trade, aid) are read by every logged-in role, except aid projects,
their money and the reallocation, which enterprise users do not see. Focal points and stewards
create, edit and import projects and propose a reallocation; only a focal point approves or
rejects one; only stewards keep the exchange-rate table.

Cooperation (working group, plans, meetings, training) is read by readers, focal points and
stewards; an enterprise user sees only its own staff's training; the public only whether a
certificate number is valid. Only focal points edit plans and meetings; only the Viet Nam focal
point runs courses (places, sessions, attendance); only the Lao focal point nominates trainees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lienket.core.models import Role


def profile(user: Any) -> Any:
    """The user's profile, or ``None`` (anonymous users and users without a role)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "profile", None)


def is_steward(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def role_of(user: Any) -> str:
    """``steward``, ``focal``, ``reader``, ``enterprise`` or ``public``."""
    if is_steward(user):
        return "steward"
    p = profile(user)
    return p.role if p else "public"


#: the roles that read what governments read (the registry's private fields, aid, reports)
GOVERNMENT = ("steward", Role.FOCAL, Role.READER, Role.SECRETARIAT, Role.MINISTRY)


def can_update_commitment(user: Any, commitment: Any) -> bool:
    """Stewards, focal points and the Committee secretariats update any commitment; a
    line-ministry official those its organisation owns (issue 27)."""
    if is_steward(user):
        return True
    p = profile(user)
    if p is None:
        return False
    if p.role in (Role.FOCAL, Role.SECRETARIAT):
        return True
    if p.role == Role.MINISTRY and p.organisation.strip():
        owner = (commitment.owner_body or "").casefold()
        side_ok = commitment.owner_side in (p.country, "joint") or not p.country
        return side_ok and p.organisation.strip().casefold() in owner
    return False


def focal_country(user: Any) -> str | None:
    p = profile(user)
    return p.country if p and p.role == Role.FOCAL else None


def can_read_registry(user: Any) -> bool:
    return role_of(user) != "public"


def can_create_enterprise(user: Any, country: str | None = None) -> bool:
    if is_steward(user):
        return True
    mine = focal_country(user)
    return mine is not None and (country is None or country == mine)


def can_edit_enterprise(user: Any, enterprise: Any) -> bool:
    if is_steward(user):
        return True
    p = profile(user)
    if p is None:
        return False
    if p.role == Role.FOCAL:
        return bool(enterprise.country == p.country)
    if p.role == Role.ENTERPRISE:
        return bool(p.enterprise_id == enterprise.pk)
    return False


def can_change_tax_id(user: Any) -> bool:
    """A registered firm's tax id is changed by focal points and stewards, who see every tax id:
    an enterprise user's change would be answered "already registered" for another firm's hidden
    one (issue 24)."""
    return role_of(user) in ("steward", Role.FOCAL)


#: what an enterprise user sees of another firm only once both firms of a match between them
#: have consented to disclose it (issue 24): its tax id, figures and contacts; its public profile
#: (names, products, needs, province, size class) is always visible. No search, sort, filter,
#: export, score or error message may depend on these fields for a reader who cannot see them.
PRIVATE_FIELDS = ("tax_id", "employees", "annual_revenue", "total_capital", "contact_name",
                  "contact_email", "contact_phone")  # fmt: skip


def private_visible(user: Any, disclosed_to: Callable[[int], Iterable[int]]) -> set[int] | None:
    """The firms whose private fields ``user`` sees: ``None`` for all (stewards, focal
    points, ministry readers), else the user's own firm and the firms ``disclosed_to(firm)``
    names (those that disclosed to the user's firm by mutual consent: the registry's
    ``selectors.disclosed_to``, passed in because the registry sits on a higher floor)."""
    role = role_of(user)
    if role in GOVERNMENT:
        return None
    p = profile(user)
    if p is None or p.role != Role.ENTERPRISE or p.enterprise_id is None:
        return set()
    return {p.enterprise_id} | set(disclosed_to(p.enterprise_id))


def speaks_for(user: Any, firm: Any) -> bool:
    """Whether ``user`` acts for ``firm`` in what needs the firm's own word (consent to
    disclose its data, confirming an agreement): the firm's own users, or, for a firm that has
    no user of its own, a focal point of its country or a steward."""
    p = profile(user)
    if p is not None and p.role == Role.ENTERPRISE:
        return bool(p.enterprise_id == firm.pk)
    behalf = is_steward(user) or focal_country(user) == firm.country
    return behalf and not firm.users.exists()


def sees_private(user: Any, enterprise: Any, disclosed_to: Callable[[int], Iterable[int]]) -> bool:
    visible = private_visible(user, disclosed_to)
    return visible is None or enterprise.pk in visible


def can_read_private_trade(user: Any) -> bool:
    """Trade files not marked public (customs files): focal points, readers and stewards."""
    return role_of(user) in GOVERNMENT


def can_export_registry(user: Any) -> bool:
    """Downloads of the whole registry: focal points, ministry readers and stewards."""
    return role_of(user) in GOVERNMENT


def can_import(user: Any) -> bool:
    return is_steward(user) or focal_country(user) is not None


def importable_countries(user: Any, pair: list[str]) -> list[str]:
    """Countries whose rows this user may import."""
    if is_steward(user):
        return list(pair)
    mine = focal_country(user)
    return [mine] if mine else []


def can_edit_relationship(user: Any, supplier: Any, buyer: Any) -> bool:
    """Stewards, and focal points of either party's country."""
    if is_steward(user):
        return True
    mine = focal_country(user)
    return mine is not None and mine in (supplier.country, buyer.country)


def can_manage_duplicates(user: Any) -> bool:
    return can_import(user)


def can_find_partners(user: Any, enterprise: Any) -> bool:
    """Suggestions for a firm: the same people who may edit it (its own users, its country's
    focal point, stewards)."""
    return can_edit_enterprise(user, enterprise)


def can_see_match(user: Any, match: Any) -> bool:
    """A match is visible to (and acted on by) its two enterprises and their focal points."""
    return can_find_partners(user, match.supplier) or can_find_partners(user, match.buyer)


def visible_match_filter(user: Any) -> Any:
    """A queryset filter (Q) of the matches ``user`` may see."""
    from django.db.models import Q

    if is_steward(user):
        return Q()
    p = profile(user)
    if p is None or p.role not in (Role.FOCAL, Role.ENTERPRISE):
        return Q(pk__in=[])
    if p.role == Role.FOCAL:
        return Q(supplier__country=p.country) | Q(buyer__country=p.country)
    return Q(supplier_id=p.enterprise_id) | Q(buyer_id=p.enterprise_id)


def can_manage_pilots(user: Any) -> bool:
    return is_steward(user) or focal_country(user) is not None


def figure_declarants(user: Any, pair: list[str]) -> list[str]:
    """Declarants whose published figures ``user`` may enter: a focal point its own country's,
    a steward both; everyone else none."""
    return importable_countries(user, pair)


def can_verify_figure(user: Any, figure: Any, pair: list[str]) -> bool:
    """A published figure is verified against its release by a focal point of its declarant or
    a steward, never by the one who entered it (duties separated, issue 24)."""
    return figure.declarant in figure_declarants(user, pair) and not proposed_by(user, figure)


def can_upload_trade(user: Any) -> bool:
    """Upload trade files and read the upload queue: focal points and stewards."""
    return can_import(user)


def customs_reporters(user: Any, pair: list[str]) -> list[str]:
    """Whose customs tables ``user`` may upload: a focal point its own country's, a steward
    either side's."""
    return importable_countries(user, pair)


def can_read_projects(user: Any) -> bool:
    return role_of(user) != "public"


def can_read_aid(user: Any) -> bool:
    """Aid projects, allocations and reallocations: not enterprise users."""
    return role_of(user) in GOVERNMENT


def can_edit_projects(user: Any) -> bool:
    return is_steward(user) or focal_country(user) is not None


def can_propose_reallocation(user: Any) -> bool:
    return can_edit_projects(user)


def deciding_side(user: Any) -> str | None:
    """The side a user approves reallocations for: a focal point's or a Cooperation Committee
    secretariat's country (issue 27: each side's authorised bodies decide)."""
    p = profile(user)
    if p and p.role in (Role.FOCAL, Role.SECRETARIAT) and p.country:
        return str(p.country)
    return None


def can_approve_reallocation(user: Any) -> bool:
    """A focal point or a Committee secretariat decides on a reallocation for its side."""
    return deciding_side(user) is not None


def proposed_by(user: Any, thing: Any) -> bool:
    """Whether ``user`` proposed or entered ``thing`` (its ``created_by``): duties are separated,
    so that user never approves, verifies or closes it (issue 24)."""
    author = getattr(thing, "created_by_id", None)
    return bool(author is not None and getattr(user, "pk", None) == author)


def can_decide_reallocation(user: Any, reallocation: Any) -> bool:
    """A focal point other than the one who proposed it approves or rejects a reallocation."""
    return can_approve_reallocation(user) and not proposed_by(user, reallocation)


def can_edit_rates(user: Any) -> bool:
    return is_steward(user)


# --- cooperation -------------------------------------------------------------------------
# Plans, meetings, decisions, members and all training: read by readers, focal points and
# stewards; an enterprise user sees only its own staff's training; the public only a
# certificate's validity. Plans, activities, meetings and decisions: edited by the focal points
# of both sides (no one else). Courses, places, sessions, attendance and completion: the Viet Nam
# focal point (the side that trains). Nominations: the Lao focal point alone.


def can_read_cooperation(user: Any) -> bool:
    """Work plans, meetings, decisions, the member list and every training: government roles."""
    return role_of(user) in GOVERNMENT


def can_edit_plans(user: Any) -> bool:
    """Plans, activities, meetings and decisions: the focal points of both sides only."""
    return focal_country(user) is not None


def can_run_courses(user: Any) -> bool:
    """Courses, their places and sessions, attendance and completion: the Viet Nam side, which
    trains."""
    return focal_country(user) == "VNM"


def can_nominate(user: Any) -> bool:
    """Trainees are nominated only by the Lao focal point."""
    return focal_country(user) == "LAO"


def trainee_enterprise(user: Any) -> int | None:
    """For an enterprise user, the firm whose staff's training it may see."""
    p = profile(user)
    return p.enterprise_id if p and p.role == Role.ENTERPRISE else None


# --- reports ---------------------------------------------------------------------------------
# The periodic report to the ministers: read by the government roles; built (with its "next
# steps") and marked submitted by the focal points, who write it; built by stewards too (to
# check a template). The report template (section order, cover, logo) is the stewards'.


def can_read_reports(user: Any) -> bool:
    return role_of(user) in GOVERNMENT


def can_manage_governance(user: Any) -> bool:
    """The Committee's records (sessions, documents, commitments, their links and imports) are
    kept by the secretariats and stewards (issue 27)."""
    return is_steward(user) or role_of(user) == Role.SECRETARIAT


def can_update_any_commitment(user: Any) -> bool:
    """Whether the user may update some commitment (then ``can_update_commitment`` decides
    which)."""
    return is_steward(user) or role_of(user) in (Role.FOCAL, Role.SECRETARIAT, Role.MINISTRY)


def can_record_inspection(user: Any) -> bool:
    """A joint inspection is recorded by a secretariat, a focal point or a steward."""
    return is_steward(user) or role_of(user) in (Role.SECRETARIAT, Role.FOCAL)


def can_build_reports(user: Any) -> bool:
    """Focal points and stewards build the periodic report; a Committee secretariat builds the
    implementation report of its sessions' commitments (the same form; issue 27)."""
    return role_of(user) in ("steward", "focal", Role.SECRETARIAT)


def can_submit_reports(user: Any) -> bool:
    return focal_country(user) is not None


def can_edit_report_template(user: Any) -> bool:
    return is_steward(user)


def can_translate(user: Any) -> bool:
    """Translations of entered texts: the focal points, the Committee secretariats, stewards."""
    return (
        is_steward(user) or focal_country(user) is not None or (role_of(user) == Role.SECRETARIAT)
    )
