"""Request-wide protections: the Content-Security-Policy header and the session idle timeout."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lienket.core.throttle import RateLimitError

SEEN_KEY = "lienket_seen"
#: when the session's user logged in (epoch seconds): the session ends SESSION_COOKIE_AGE later,
#: however active it is (issue 24 - the limit used to slide with every request)
STARTED_KEY = "lienket_started"


class ServerTiming:
    """With ``LIENKET_SERVER_TIMING`` on, a ``Server-Timing: app;dur=…`` header on every answer:
    the milliseconds lienket spent on it (``benchmarks/load.py`` reads it to break the server's
    time down by page). Off by default: a precise timing would help a reader guess at what a
    search compared that they may not see."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.on = bool(settings.LIENKET_SERVER_TIMING)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.on:
            return self.get_response(request)
        began = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - began) * 1000:.1f}"
        return response


class ContentSecurityPolicy:
    """Send ``settings.LIENKET_CSP`` on every response that has none of its own.

    lienket's pages load scripts only from its own static files (no inline script, no event
    attribute), so ``script-src 'self'`` holds everywhere; a test checks the templates for it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = "; ".join(f"{k} {v}" for k, v in settings.LIENKET_CSP.items())

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.header
        return response


class IdleTimeout:
    """End a signed-in session ``SESSION_COOKIE_AGE`` after login however active it is, and
    after ``LIENKET_SESSION_IDLE_MINUTES`` without a request, measured to the second."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.idle_s = settings.LIENKET_SESSION_IDLE_MINUTES * 60
        self.max_s = settings.SESSION_COOKIE_AGE

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request, int(time.time()))
        return self.get_response(request)

    def _check(self, request: HttpRequest, now: int) -> None:
        session = request.session
        started = session.get(STARTED_KEY)
        if not isinstance(started, int):  # the first request after login
            started = now
            session[STARTED_KEY] = now
            # the cookie and the stored session expire at a fixed time, not a sliding one
            session.set_expiry(datetime.fromtimestamp(now + self.max_s, tz=UTC))
        seen = session.get(SEEN_KEY)
        if now - started >= self.max_s:
            logout(request)
            messages.info(request, _("Your session ended: sign in again."))
        elif self.idle_s > 0 and isinstance(seen, int) and now - seen > self.idle_s:
            logout(request)
            messages.info(request, _("You were logged out after a time without activity."))
        elif seen != now:
            session[SEEN_KEY] = now


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means "another writer holds the lock" (SQLite)."""
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


class DatabaseBusy:
    """A write that waited past the busy timeout is a 503 that says "try again", not a 500.

    Nothing was saved: the transaction that could not start was rolled back whole. An action
    over its rate limit (:class:`lienket.core.throttle.RateLimitError`) is a 429 the same way.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, RateLimitError):
            message = _("Too many requests of this kind: wait a moment and try again.")
            return _refusal(request, message, 429, exc.wait)
        if not is_busy(exc):
            return None
        message = _("The database is busy with another change. Nothing was saved: try again.")
        return _refusal(request, message, 503, 2)


def _refusal(request: HttpRequest, message: str, status: int, wait: int) -> HttpResponse:
    """A "try again" answer: JSON for the API, else the page with its navigation."""
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        response = TemplateResponse(request, "503.html", {"message": message}, status=status)
        response.render()
    response["Retry-After"] = str(wait)
    return response


class RefuseNul:
    """A query string holding a NUL character is a 400, before any view reads it.

    Forms refuse NUL already (Django's validator, and lienket's text rule); a filter read
    straight from the query string would reach the database, where PostgreSQL refuses NUL in
    a text with an error (a 500). SQLite would accept it; both now answer the same.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            message = _("The address holds a NUL character; it was refused.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
