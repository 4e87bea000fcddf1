"""Issue 24: `lienket serve` in production mode behind Debian's nginx, configured as
docs/deployment.md says: 200 over the proxied https scheme, the real client address in the audit
log and the login lock-out, forged forwarding headers ignored; demo logins printed only when
asked, and a production server refuses to start while one still opens with the demo password.

Everything here is the real thing: a `lienket serve` process (waitress, and gunicorn with
`--workers 2`: issue 25), an nginx process with
a self-signed certificate, and clients bound to distinct loopback addresses (127.0.0.3 and
127.0.0.4 are two different people; nginx reaches lienket from 127.0.0.2, the trusted proxy).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from lienket.core.passwords import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
LIENKET = Path(sys.executable).with_name("lienket")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
PASSWORD = "a long local passphrase 42"

pytestmark = pytest.mark.xdist_group("serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def environment(var: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="lienket.web.settings",
        LIENKET_VAR_DIR=str(var),
        LIENKET_SECRET_KEY="test-" + "k" * 60,
        LIENKET_ALLOWED_HOSTS="localhost,127.0.0.1",
        **extra,
    )
    return env


def django(var: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "django", *args], env=environment(var),
                          capture_output=True, text=True, check=False, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def var(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An installation of its own: migrated, a reader with a real password, a demo steward."""
    var = tmp_path_factory.mktemp("served")
    django(var, "migrate", "--verbosity", "0")
    django(var, "createcachetable")  # as `lienket setup` does
    django(var, "shell", "-c", (
        "from django.contrib.auth.models import User\n"
        "from lienket.core.models import Profile\n"
        f"u = User.objects.create_user('reader', password={PASSWORD!r})\n"
        "Profile.objects.create(user=u, role='reader')\n"
        f"User.objects.create_superuser('admin', password={DEMO_PASSWORD!r})\n"
    ))  # fmt: skip
    return var


def start(var: Path, port: int, *args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(LIENKET), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
        env=environment(var, **extra), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


def wait_for(proc: subprocess.Popen[str], port: int, host: str = "127.0.0.1") -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"exited {proc.returncode}: {proc.stdout.read() if proc.stdout else ''}"
            )
        try:
            socket.create_connection((host, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out or ""


def test_serve_prints_demo_logins_only_when_asked(var: Path) -> None:
    port = free_port()
    quiet = start(var, port)
    wait_for(quiet, port)
    out = stop(quiet)
    assert DEMO_PASSWORD not in out and "--show-logins" in out
    port = free_port()
    asked = start(var, port, "--show-logins")
    wait_for(asked, port)
    assert DEMO_PASSWORD in stop(asked)


def test_production_refuses_to_start_with_a_demo_login(var: Path) -> None:
    done = subprocess.run(
        [str(LIENKET), "serve", "--port", str(free_port())],
        env=environment(var, LIENKET_HTTPS="1", LIENKET_TRUSTED_PROXIES="127.0.0.2",
                        LIENKET_PUBLIC_URL="https://lienket.example.gov.vn"),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "admin" in done.stderr and "demo" in done.stderr


def nginx_config(tmp: Path, tls: int, plain: int, upstream: int) -> Path:
    """The server blocks of docs/deployment.md, on test ports, reaching lienket from 127.0.0.2."""
    docs = (ROOT / "docs" / "deployment.md").read_text()
    block = re.search(r"```nginx\n(.*?)```", docs, re.S)
    assert block, "docs/deployment.md has no nginx configuration"
    servers = block.group(1)
    servers = servers.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{tls} ssl;")
    servers = servers.replace("listen 80;", f"listen 127.0.0.1:{plain};")
    servers = servers.replace("/etc/ssl/lienket.crt", str(tmp / "cert.pem"))
    servers = servers.replace("/etc/ssl/lienket.key", str(tmp / "key.pem"))
    servers = servers.replace("lienket.example.gov.vn", "localhost")
    assert "proxy_pass http://127.0.0.1:8000;" in servers
    servers = servers.replace(
        "proxy_pass http://127.0.0.1:8000;",
        f"proxy_pass http://127.0.0.1:{upstream};\n        proxy_bind 127.0.0.2;",
    )
    temp = "".join(f"    {kind}_temp_path {tmp / kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    conf = tmp / "nginx.conf"
    conf.write_text(
        f"user root;\nworker_processes 1;\ndaemon off;\npid {tmp / 'nginx.pid'};\n"
        f"error_log {tmp / 'error.log'};\nevents {{}}\n"
        f"http {{\n    access_log off;\n{temp}{servers}}}\n"
    )
    return conf


def request(port: int, method: str, path: str, source: str, body: dict[str, str] | None = None,
            headers: dict[str, str] | None = None, tls: bool = True) -> http.client.HTTPResponse:  # fmt: skip
    if tls:
        context = ssl._create_unverified_context()  # noqa: S323 - the test's own certificate
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            "localhost", port, source_address=(source, 0), context=context, timeout=30
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, source_address=(source, 0), timeout=30)
    data = urlencode(body) if body is not None else None
    all_headers = dict(headers or {})
    if data is not None:
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=data, headers=all_headers)
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def login(port: int, source: str, username: str, password: str, forged: str = "") -> int:
    page = request(port, "GET", "/accounts/login/", source)
    assert page.status == 200
    cookie = page.getheader("Set-Cookie") or ""
    csrf = re.search(r"csrftoken=([^;]+)", cookie)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)  # type: ignore[attr-defined]
    assert csrf and token
    headers = {"Cookie": f"csrftoken={csrf.group(1)}",
               "Referer": f"https://localhost:{port}/accounts/login/"}  # fmt: skip
    if forged:
        headers["X-Forwarded-For"] = forged
    answer = request(port, "POST", "/accounts/login/", source,
                     {"csrfmiddlewaretoken": token.group(1).decode(), "username": username,
                      "password": password}, headers)  # fmt: skip
    return answer.status


def audit(var: Path, action: str) -> list[str]:
    with sqlite3.connect(var / "lienket.sqlite3") as db:
        rows = db.execute("SELECT summary FROM core_auditevent WHERE action = ?", (action,))
        return [r[0] for r in rows]


@pytest.mark.parametrize("server_args", [[], ["--workers", "2", "--threads", "2"]],
                         ids=["waitress", "gunicorn"])  # fmt: skip
def test_production_behind_nginx(var: Path, tmp_path: Path, server_args: list[str]) -> None:
    assert Path(NGINX).exists(), "nginx is missing: run `make test`, which installs Debian's nginx"
    django(var, "axes_reset")  # each server starts with no lock-out
    django(var, "shell", "-c", (
        "from django.contrib.auth.models import User\n"
        "u = User.objects.get(username='admin'); u.set_password('deployment passphrase 7'); u.save()"
    ))  # fmt: skip
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    upstream, tls, plain = free_port(), free_port(), free_port()
    server = start(var, upstream, *server_args, LIENKET_HTTPS="1", LIENKET_TRUSTED_PROXIES="127.0.0.2",
                   LIENKET_PUBLIC_URL="https://lienket.example.gov.vn",
                   LIENKET_LOGIN_FAILURE_LIMIT="3",
                   LIENKET_CSRF_TRUSTED_ORIGINS=f"https://localhost:{tls}")  # fmt: skip
    nginx = subprocess.Popen([NGINX, "-c", str(nginx_config(tmp_path, tls, plain, upstream)),
                              "-p", str(tmp_path)], stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        wait_for(server, upstream)
        wait_for(nginx, tls)
        # over the proxied https scheme: 200, not a redirect loop
        assert request(tls, "GET", "/accounts/login/", "127.0.0.3").status == 200
        assert request(plain, "GET", "/", "127.0.0.3", tls=False).status == 301
        # the real client address reaches the audit log, whatever X-Forwarded-For it forged
        assert login(tls, "127.0.0.3", "reader", "wrong one", forged="6.6.6.6") == 200
        failed = audit(var, "login_failed")
        assert failed and "127.0.0.3" in failed[-1] and "6.6.6.6" not in failed[-1]
        # the lock-out holds one client's user name, not everyone's
        for _ in range(3):
            login(tls, "127.0.0.3", "reader", "wrong again")
        assert login(tls, "127.0.0.3", "reader", PASSWORD) in (403, 429)  # locked out
        assert login(tls, "127.0.0.4", "reader", PASSWORD) == 302  # another client logs in
        assert "127.0.0.4" in audit(var, "logged_in")[-1]
        # an untrusted peer's forwarding headers are ignored: still plain http to lienket
        direct = request(upstream, "GET", "/accounts/login/", "127.0.0.1", tls=False,
                         headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "6.6.6.6"})  # fmt: skip
        assert direct.status == 301
    finally:
        nginx.terminate()
        nginx.wait(timeout=20)
        stop(server)


def test_several_processes_serve_and_the_worker_runs_beside_them(var: Path) -> None:
    """`lienket serve --workers 2` answers from two processes (gunicorn), and with
    LIENKET_IMPORT_WORKER=external nothing is run in them: `lienket work` does it."""
    port = free_port()
    server = start(var, port, "--workers", "2", "--threads", "2",
                   LIENKET_IMPORT_WORKER="external")  # fmt: skip
    try:
        wait_for(server, port)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        deadline = time.monotonic() + 30
        while len(children.read_text().split()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(children.read_text().split()) == 2  # gunicorn's two worker processes
        for _ in range(6):
            assert request(port, "GET", "/accounts/login/", "127.0.0.1", tls=False).status == 200
    finally:
        out = stop(server)
    assert "serving on" in out
    done = subprocess.run([str(LIENKET), "work"], env=environment(var), capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0 and "job(s) done; 0 waiting" in done.stdout, done.stdout
