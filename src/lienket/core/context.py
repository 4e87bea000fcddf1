from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from lienket.core import roles


def role(request: Any) -> dict[str, Any]:
    """Template variables about the visitor's role and the configured country pair."""
    user = getattr(request, "user", None) or AnonymousUser()  # absent on bare error pages
    return {
        "role": roles.role_of(user),
        "can_read_registry": roles.can_read_registry(user),
        "can_import": roles.can_import(user),
        "can_read_reports": roles.can_read_reports(user),
        "can_translate": roles.can_translate(user),
        "can_add_lao_hs": user.is_authenticated
        and (roles.is_steward(user) or roles.focal_country(user) == "LAO"),
        "country_pair": settings.LIENKET_COUNTRIES,
    }
