"""Capacity: mixed pages and API calls as signed-in users against `lienket serve`, on loopback.

    .venv/bin/python benchmarks/load.py [--rate 100] [--seconds 60] [--users 6]

Prepares a throw-away installation with the fictional demo (`lienket setup --demo` in a
temporary LIENKET_VAR_DIR, or --var-dir to reuse one), starts `lienket serve` on a free port
of 127.0.0.1 with its default server (waitress, 8 threads, SQLite), signs in the demo users
(focal points, reader, enterprise users: pages by session, the API by token) and offers
requests at a fixed rate (an open loop: a slow answer does not slow the offer) for the given
time, then stops by itself. The mix: enterprise list and detail pages, the trade dashboard,
chains, matches, the enterprise, match and pilot APIs, and a 1-in-20 edit of a firm.

The named peer, measured in the same run on the same server: a static file served by
WhiteNoise (the floor of any answer of this server). The last line reads
`rps=... p95_ms=... errors=... peer_p95_ms=... ratio=...`; the goal on 2 cores is 100 req/s
held for 60 s with p95 under 300 ms and no error. Only 127.0.0.1 is ever addressed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "lienket-demo"  # noqa: S105 - the demo login, printed by lienket demo
USERS = ["vioit", "iice", "reader", "firm-vn", "firm-la", "admin"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(var_dir: Path) -> dict[str, str]:
    env = {**os.environ, "LIENKET_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE":
           "lienket.web.settings", "LIENKET_API_USER_RATE": "100000/minute"}  # fmt: skip
    if not (var_dir / "lienket.sqlite3").exists():
        print(f"preparing the demo in {var_dir} (lienket setup --demo) ...", flush=True)
        subprocess.run([str(BIN / "lienket"), "setup", "--demo"], env=env, check=True,  # noqa: S603
                       stdout=subprocess.DEVNULL)  # fmt: skip
    return env


def login(base: str, user: str) -> requests.Session:
    s = requests.Session()
    page = s.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, "no CSRF token on the login page"
    r = s.post(f"{base}/accounts/login/", timeout=30, allow_redirects=False,
               data={"username": user, "password": PASSWORD,
                     "csrfmiddlewaretoken": token.group(1)},
               headers={"Referer": f"{base}/accounts/login/"})  # fmt: skip
    assert r.status_code == 302, f"{user} could not sign in ({r.status_code})"
    return s


def targets(base: str, session: requests.Session) -> list[str]:
    api = session.get(f"{base}/api/enterprises/?limit=100", timeout=30).json()["results"]
    firms = [e["id"] for e in api]
    paths = ["/enterprises/", "/trade/", "/chains/", "/matches/", "/api/matches/",
             "/api/pilots/", "/api/enterprises/?limit=20", "/zones/", "/projects/"]  # fmt: skip
    paths += [f"/enterprises/{pk}/" for pk in firms[:20]]
    paths += [f"/api/enterprises/{pk}/" for pk in firms[:20]]
    return paths


def run(base: str, sessions: list[requests.Session], paths: list[str], rate: float,
        seconds: float, edit: int | None) -> tuple[list[float], int, int, float]:  # fmt: skip
    """Offer ``rate`` requests a second for ``seconds``; latencies (s), errors, sent, elapsed."""
    latencies: list[float] = []
    errors = [0]
    kinds: dict[str, int] = {}
    lock = threading.Lock()
    rng = random.Random(12)

    def one(i: int) -> None:
        s = sessions[i % len(sessions)]
        start = time.perf_counter()
        try:
            if edit is not None and i % 20 == 19:
                s = sessions[-1]  # a steward edits; other roles may not
                csrf = s.cookies.get("csrftoken", "")
                r = s.patch(
                    f"{base}/api/enterprises/{edit}/",
                    json={"capacity": f"{i} t"},
                    headers={"X-CSRFToken": csrf, "Referer": base},
                    timeout=30,
                )
            else:
                r = s.get(base + paths[rng.randrange(len(paths))], timeout=30)
            ok, kind = r.status_code < 400, str(r.status_code)
        except requests.RequestException as exc:
            ok, kind = False, type(exc).__name__
        took = time.perf_counter() - start
        with lock:
            latencies.append(took)
            errors[0] += not ok
            if not ok:
                kinds[kind] = kinds.get(kind, 0) + 1

    total = int(rate * seconds)
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(total):
            due = began + i / rate
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            pool.submit(one, i)
    if kinds:
        print("errors by kind:", ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())))
    return latencies, errors[0], total, time.perf_counter() - began


def p95_ms(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] * 1000 if len(values) > 1 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--var-dir", type=Path, default=None, help="reuse a prepared folder")
    args = parser.parse_args()
    var_dir = args.var_dir or Path(tempfile.mkdtemp(prefix="lienket-load-"))
    env = prepare(var_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(BIN / "lienket"), "serve", "--port", str(port)], env=env,  # noqa: S603
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(120):
            try:
                requests.get(f"{base}/", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.5)
        sessions = [login(base, u) for u in USERS]
        paths = targets(base, sessions[-1])
        edit = int(paths[-1].rstrip("/").rsplit("/", 1)[1])
        run(base, sessions, paths, 20, 3, None)  # warm the server's caches
        latencies, errors, sent, elapsed = run(base, sessions, paths, args.rate, args.seconds,
                                               edit)  # fmt: skip
        static = ["/static/css/lienket.css"]
        peer, peer_errors, _n, _t = run(base, sessions, static, args.rate, 10, None)
    finally:
        server.terminate()
        server.wait(30)
    done = len(latencies)
    print(f"offered {sent} requests in {args.seconds:.0f} s; answered {done} in {elapsed:.1f} s; "
          f"median {statistics.median(latencies) * 1000:.0f} ms")  # fmt: skip
    print(f"peer (a static file from WhiteNoise on the same server): p95 {p95_ms(peer):.0f} ms, "
          f"{peer_errors} errors")  # fmt: skip
    print(
        f"rps={done / elapsed:.1f} p95_ms={p95_ms(latencies):.0f} errors={errors} "
        f"peer_p95_ms={p95_ms(peer):.0f} ratio={p95_ms(latencies) / p95_ms(peer):.1f}"
    )


if __name__ == "__main__":
    main()
