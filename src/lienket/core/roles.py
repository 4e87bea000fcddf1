"""The access policy of lienket, in one place. Views, the API and the CLI ask these functions.

| who                | registry pages and API | edit enterprises          | import, duplicates |
|--------------------|------------------------|---------------------------|--------------------|
| anonymous public   | published aggregates   | no                        | no                 |
| ministry reader    | read                   | no                        | no                 |
| enterprise user    | read                   | only its own enterprise   | no                 |
| focal point        | read                   | its own country's firms   | its own country    |
| steward (superuser)| read                   | all                       | all                |
"""

from __future__ import annotations

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
