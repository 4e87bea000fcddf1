"""Capacity: mixed pages and API calls as signed-in users against `lienket serve`, on loopback.

    .venv/bin/python benchmarks/load.py [--rate 100] [--seconds 60] [--workers 2] [--threads 4]

Prepares a throw-away installation with the fictional demo (`lienket setup --demo` in a
temporary LIENKET_VAR_DIR, or --var-dir to reuse one), starts `lienket serve --workers N` on a
free port of 127.0.0.1 (gunicorn, N processes; `--workers 1` is waitress in one process; SQLite;
the background worker is external, as docs/deployment.md says for several processes), signs in
the demo users
(focal points, reader, enterprise users: pages by session, the API by token) and offers
requests at a fixed rate (an open loop: a slow answer does not slow the offer) for the given
time, then stops by itself. The mix: enterprise list and detail pages, the trade dashboard,
chains, matches, the enterprise, match and pilot APIs, and a 1-in-20 edit of a firm.

The named peer, measured in the same run on the same server: a static file served by
WhiteNoise (the floor of any answer of this server). Before the last line, the breakdown of the
server's own time (its Server-Timing header) and the client's latency by page type. The last
line reads
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
           "lienket.web.settings", "LIENKET_API_USER_RATE": "100000/minute",
           "LIENKET_SERVER_TIMING": "1", "LIENKET_IMPORT_WORKER": "external"}  # fmt: skip
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


#: each answer's page type: (client latency in s, server time in ms)
BY_TYPE: dict[str, list[tuple[float, float]]] = {}


def page_type(path: str) -> str:
    return re.sub(r"/\d+/", "/<id>/", path.split("?")[0])


def run(base: str, sessions: list[requests.Session], paths: list[str], rate: float,
        seconds: float, edit: int | None, record: bool = False,
        ) -> tuple[list[float], int, int, float]:  # fmt: skip
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
                s, path = sessions[-1], "PATCH /api/enterprises/<id>/"  # a steward edits
                csrf = s.cookies.get("csrftoken", "")
                r = s.patch(
                    f"{base}/api/enterprises/{edit}/",
                    json={"capacity": f"{i} t"},
                    headers={"X-CSRFToken": csrf, "Referer": base},
                    timeout=30,
                )
            else:
                path = paths[rng.randrange(len(paths))]
                kind_of = page_type(path)
                r = s.get(base + path, timeout=30)
                path = kind_of
            ok, kind = r.status_code < 400, str(r.status_code)
            timing = re.search(r"dur=([\d.]+)", r.headers.get("Server-Timing", ""))
            server = float(timing.group(1)) if timing else float("nan")
        except requests.RequestException as exc:
            ok, kind, server = False, type(exc).__name__, float("nan")
        took = time.perf_counter() - start
        with lock:
            latencies.append(took)
            if record and not ok:
                path = page_type(path)
            if record:
                BY_TYPE.setdefault(path, []).append((took, server))
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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its children, waited for or not."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(c) for c in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def p95_ms(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] * 1000 if len(values) > 1 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--var-dir", type=Path, default=None, help="reuse a prepared folder")
    parser.add_argument("--workers", type=int, default=2, help="server processes (1: waitress)")
    parser.add_argument("--threads", type=int, default=4, help="threads per server process")
    args = parser.parse_args()
    var_dir = args.var_dir or Path(tempfile.mkdtemp(prefix="lienket-load-"))
    env = prepare(var_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "lienket"), "serve", "--port", str(port), "--workers",
               str(args.workers), "--threads", str(args.threads)]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                              stderr=subprocess.DEVNULL)  # fmt: skip
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
        # warm up: every process computes each analytical page once per data version; a new
        # connection for each request, so that the server's processes all take some
        for path in paths:
            for _ in range(4 * args.workers):
                sessions[0].get(base + path, timeout=60, headers={"Connection": "close"})
        run(base, sessions, paths, 20, 3, None)
        server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
        latencies, errors, sent, elapsed = run(base, sessions, paths, args.rate, args.seconds,
                                               edit, record=True)  # fmt: skip
        server_cpu = cpu_seconds(server.pid) - server_cpu
        own_cpu = time.process_time() - own_cpu
        static = ["/static/css/lienket.css"]
        peer, peer_errors, _n, _t = run(base, sessions, static, args.rate, 10, None)
    finally:
        server.terminate()
        server.wait(30)
    done = len(latencies)
    print(f"server: lienket serve --workers {args.workers} --threads {args.threads}; CPU "
          f"{server_cpu:.0f} s of the server's processes, {own_cpu:.0f} s of this load "
          f"generator, in {elapsed:.0f} s on {os.cpu_count()} cores")  # fmt: skip
    print(f"{'page type':36} {'answers':>7} {'server ms (median / p95)':>25} {'client p95 ms':>14}")
    for kind, values in sorted(BY_TYPE.items(), key=lambda kv: -len(kv[1])):
        server = sorted(v[1] for v in values if v[1] == v[1])
        client = [v[0] for v in values]
        med = statistics.median(server) if server else float("nan")
        p95s = server[int(0.95 * (len(server) - 1))] if server else float("nan")
        print(f"{kind:36} {len(values):7} {med:12.1f} / {p95s:9.1f} {p95_ms(client):14.0f}")
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
