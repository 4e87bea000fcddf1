"""Logins, logouts and failed logins go into the audit log, with the address they came from."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from lienket.core.audit import record_user
from lienket.core.models import AuditAction


def client_address(request: Any) -> str:
    """The address a request came from, as django-axes reads it (proxy settings included)."""
    if request is None:
        return "?"
    from axes.helpers import get_client_ip_address

    return str(get_client_ip_address(request) or "?")


def _user_event(user: Any, action: str, request: Any) -> None:
    record_user(user, action, f"{user.username} from {client_address(request)}")


@receiver(user_logged_in, dispatch_uid="lienket-audit-login")
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _user_event(user, AuditAction.LOGGED_IN, request)


@receiver(user_logged_out, dispatch_uid="lienket-audit-logout")
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        _user_event(user, AuditAction.LOGGED_OUT, request)


@receiver(user_login_failed, dispatch_uid="lienket-audit-login-failed")
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any) -> None:
    # the credentials Django passes here have the password already masked; only the user
    # name is kept, cut to the length of a user name
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).first()
    summary = f"wrong password for {username!r} from {client_address(request)}"
    record_user(user, AuditAction.LOGIN_FAILED, summary, actor_label=username or "?")
