"""WSGI entry point for any WSGI server (waitress, gunicorn, uwsgi, mod_wsgi)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
application = get_wsgi_application()

#: the headers a client could forge to pass for another address or scheme
FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
             "HTTP_X_FORWARDED_PORT", "HTTP_FORWARDED", "HTTP_X_REAL_IP")  # fmt: skip

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def behind_proxy(app: WSGIApp, trusted: str, count: int = 1) -> WSGIApp:
    """waitress's trusted-proxy rule for servers without it (gunicorn): from the peer
    ``trusted`` (``LIENKET_TRUSTED_PROXIES``; ``*`` for any) the client's address is the
    ``count``-th address from the right of X-Forwarded-For; from any other peer, and once
    read, the forwarding headers are dropped, so nothing downstream (the lock-out, the audit
    log, the rate limits) ever reads an address a client wrote itself."""

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        peer = environ.get("REMOTE_ADDR", "")
        if trusted and (trusted == "*" or peer == trusted):
            hops = [h.strip() for h in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
            hops = [h for h in hops if h]
            if len(hops) >= count:
                environ["REMOTE_ADDR"] = hops[-count]
        for key in FORWARDED:
            environ.pop(key, None)
        return app(environ, start_response)

    return wrapped
