from typing import Any

from django.conf import settings

from lienket.core import roles


def role(request: Any) -> dict[str, Any]:
    """Template variables about the visitor's role and the configured country pair."""
    user = request.user
    return {
        "role": roles.role_of(user),
        "can_read_registry": roles.can_read_registry(user),
        "can_import": roles.can_import(user),
        "country_pair": settings.LIENKET_COUNTRIES,
    }
