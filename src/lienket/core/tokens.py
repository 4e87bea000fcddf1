"""Personal API tokens: issued once, stored hashed, expiring, revoked by a password change."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from lienket.core import sensitive
from lienket.core.models import ApiToken


@transaction.atomic
def issue(user: Any) -> str:
    """A new token for ``user`` (replacing any other); the only time its text is known."""
    ApiToken.objects.filter(user=user).delete()
    secret = sensitive.new_secret()
    expires = timezone.now() + timedelta(days=settings.LIENKET_TOKEN_DAYS)
    ApiToken.objects.create(user=user, expires=expires, **sensitive.stored_form(secret))
    return secret


def revoke(user: Any) -> bool:
    """Remove the user's token; whether there was one."""
    return ApiToken.objects.filter(user=user).delete()[0] > 0


def current(user: Any) -> ApiToken | None:
    return ApiToken.objects.filter(user=user).first()


class HashedTokenAuthentication(authentication.TokenAuthentication):
    """``Authorization: Token <secret>``, checked against the stored digest and expiry."""

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        # the digest is the lookup: only a secret that hashes to a stored digest finds a token
        found = ApiToken.objects.select_related("user").filter(digest=sensitive.digest(key[:200]))
        token = found.first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if token.expires <= timezone.now():
            raise exceptions.AuthenticationFailed(_("The token has expired: issue a new one."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return token.user, token


def revoke_on_password_change(sender: Any, instance: Any, raw: bool = False, **kw: Any) -> None:
    """pre_save of the user: a new password revokes the API token (whoever changes it: the
    account page, the admin, ``changepassword``)."""
    fields = kw.get("update_fields")
    if raw or instance.pk is None or (fields is not None and "password" not in fields):
        return  # a login's last_login update reads nothing more
    stored = type(instance)._base_manager.filter(pk=instance.pk).values_list("password", flat=True)
    before = stored.first()
    if before is not None and before != instance.password:
        ApiToken.objects.filter(user_id=instance.pk).delete()
