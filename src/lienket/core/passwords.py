"""Password rules of lienket beyond Django's own (issue 24): a password may not be the user
name repeated (with digits or punctuation around it) nor any password lienket publishes."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: the demo logins' password, printed by ``lienket demo``: public, so never a real password
DEMO_PASSWORD = "lienket-demo"  # noqa: S105 - published on purpose, refused as a real password
#: every password lienket has ever published (docs, demo, examples)
PUBLISHED = frozenset({DEMO_PASSWORD, "lienket", "lienket-admin", "admin-lienket"})

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def _letters(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


class NotNameNorPublished:
    """Refuse the user name repeated or padded with digits, and any published password."""

    def validate(self, password: str, user: Any = None) -> None:
        if password.strip().casefold() in PUBLISHED:
            raise ValidationError(
                _("This password is published (a demo or example password): choose another."),
                code="password_published",
            )
        name = _letters(getattr(user, "username", "") or "")
        rest = _letters(password).replace(name, "") if len(name) >= 3 else None
        if rest is not None and (rest == "" or rest.isdigit()):
            raise ValidationError(
                _("The password repeats the user name: choose another."),
                code="password_is_username",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot repeat your user name or be a published demo password.")
