"""Issue 25: gunicorn takes the client's address from the trusted proxy only
(`web.wsgi.behind_proxy`, waitress's rule for a server without it)."""

from __future__ import annotations

from typing import Any

import pytest

from lienket.web.wsgi import behind_proxy


def seen(trusted: str, peer: str, count: int = 1, **headers: str) -> dict[str, Any]:
    got: dict[str, Any] = {}

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        got.update(environ)
        return []

    environ = {"REMOTE_ADDR": peer, **{f"HTTP_{k.upper()}": v for k, v in headers.items()}}
    behind_proxy(app, trusted, count)(environ, lambda *a: None)
    return got


def test_the_trusted_proxy_names_the_client():
    env = seen("127.0.0.2", "127.0.0.2", x_forwarded_for="6.6.6.6, 10.0.0.7")
    assert env["REMOTE_ADDR"] == "10.0.0.7"  # the address nginx appended, not the forged one
    assert "HTTP_X_FORWARDED_FOR" not in env


def test_two_proxies_in_a_row():
    env = seen("*", "127.0.0.2", count=2, x_forwarded_for="6.6.6.6, 10.0.0.7, 10.0.0.8")
    assert env["REMOTE_ADDR"] == "10.0.0.7"


@pytest.mark.parametrize("trusted", ["", "127.0.0.2"])
def test_any_other_peer_cannot_pass_for_another_address_or_scheme(trusted):
    env = seen(trusted, "127.0.0.9", x_forwarded_for="6.6.6.6", x_forwarded_proto="https",
               forwarded="for=6.6.6.6", x_real_ip="6.6.6.6")  # fmt: skip
    assert env["REMOTE_ADDR"] == "127.0.0.9"
    assert not [k for k in env if "FORWARDED" in k or k == "HTTP_X_REAL_IP"]


def test_a_short_header_keeps_the_peer():
    env = seen("127.0.0.2", "127.0.0.2", count=2, x_forwarded_for="10.0.0.7")
    assert env["REMOTE_ADDR"] == "127.0.0.2"
