"""The signed-in user's own account: password change and the personal API token."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from lienket.core import sensitive, tokens
from lienket.core.audit import record_user
from lienket.core.models import AuditAction, Role
from lienket.core.roles import role_of

ROLE_NAMES: dict[str, Any] = {
    "steward": gettext_lazy("Steward (all rights)"),
    Role.FOCAL: Role.FOCAL.label,
    Role.READER: Role.READER.label,
    Role.ENTERPRISE: Role.ENTERPRISE.label,
    Role.SECRETARIAT: Role.SECRETARIAT.label,
    Role.MINISTRY: Role.MINISTRY.label,
    "public": gettext_lazy("No role yet: ask a steward"),
}


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """The account page; a POST issues a new API token (replacing the old one) or revokes it.

    The token is shown once, on the page that issued it; afterwards only its first characters.
    """
    user = request.user
    issued = None
    if request.method == "POST":
        if request.POST.get("action") == "issue":
            issued = tokens.issue(user)
            start = issued[: sensitive.PREFIX_LENGTH]
            record_user(user, AuditAction.TOKEN_ISSUED, f"token {start}… for {user.username}")
        else:
            tokens.revoke(user)
            record_user(user, AuditAction.TOKEN_REVOKED, f"API token of {user.username}")
            messages.info(request, _("Your API token was revoked."))
            return redirect("account")
    response = render(
        request,
        "registration/account.html",
        {"issued": issued, "token": tokens.current(user), "role_name": ROLE_NAMES[role_of(user)]},
    )
    response["Cache-Control"] = "no-store"  # the page that shows a new token is never cached
    return response


class PasswordChange(auth_views.PasswordChangeView):
    """Django's password change (old password, new one twice, every validator), audited."""

    success_url = reverse_lazy("account")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record_user(self.request.user, AuditAction.PASSWORD_CHANGED, self.request.user.username)
        messages.success(self.request, _("Your password was changed."))
        return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400 with the page's navigation and, for lienket's own refusals (``BadRequest``), the
    reason in the reader's language; other reasons (a forged host, say) are not echoed."""
    from django.core.exceptions import BadRequest

    reason = str(exception) if type(exception) is BadRequest else ""
    return render(request, "400.html", {"reason": reason}, status=400)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: JSON under /api/ (the API's documented content type), the styled page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 with the page's navigation; if the page itself cannot be drawn, a plain one."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        return HttpResponse(_("Something went wrong"), status=500, content_type="text/plain")
