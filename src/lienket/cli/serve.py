"""``lienket serve`` (the web application) and ``lienket work`` (the one background worker).

Two servers: waitress (one process, threads; the default and what Windows can run) and
gunicorn (``--workers N``: N processes, so N cores render pages at once; the GIL keeps one
process on one core). gunicorn is the pre-fork server Django's deployment guide names first,
kept by a large community for fifteen years; its ``gthread`` workers keep the threads each
process needs for slow clients. It does not take the client's address from a proxy's
``X-Forwarded-For`` itself, so ``web.wsgi.behind_proxy`` does (the same rule as waitress's).
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from lienket.cli import app, console, django_setup, err, trade_app
from lienket.cli.setup import _print_login, demo_logins_active


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    threads: Annotated[int, typer.Option(help="threads per process")] = 8,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="processes (more than 1: gunicorn, else waitress)")
    ] = 1,
    show_logins: Annotated[
        bool, typer.Option(help="Print the demo logins and their password, if they still work")
    ] = False,
) -> None:
    """Serve the web application: waitress in one process, or gunicorn with --workers N (static
    files by WhiteNoise either way)."""
    django_setup()
    from django.conf import settings
    from django.core import checks
    from django.db import connections

    problems = [p for p in checks.run_checks() if p.is_serious()]
    if problems:
        for problem in problems:
            err.print(f"{problem.id}: {problem.msg} ({problem.hint})")
        raise typer.Exit(1)
    demo_logins = demo_logins_active()
    if demo_logins and settings.LIENKET_HTTPS:
        err.print(
            "refused: production mode (LIENKET_HTTPS=1) with demo logins that open with the "
            f"published demo password: {', '.join(demo_logins)}. Change their passwords or "
            "deactivate them first.",
            style="red",
        )
        raise typer.Exit(1)
    if demo_logins and show_logins:
        _print_login()
    elif demo_logins:
        console.print("demo logins are active: 'lienket serve --show-logins' prints them")

    thread_worker = settings.LIENKET_IMPORT_WORKER == "thread"
    if thread_worker:
        from django.db import DatabaseError

        from lienket.core import jobs

        try:
            if again := jobs.recover():
                console.print(f"{again} job(s) interrupted by the last stop are queued again")
        except DatabaseError as exc:
            err.print(f"the database is not ready ({exc}); run 'lienket setup' first", style="red")
            raise typer.Exit(1) from None
    console.print(f"serving on http://{host}:{port}/  (Ctrl+C to stop)")
    if workers > 1:
        connections.close_all()  # never share the master's connection with the forked workers
        _gunicorn(host, port, workers, threads, thread_worker, settings)
        return
    from waitress import serve as waitress_serve

    from lienket.core import worker
    from lienket.web.wsgi import application

    if thread_worker:
        worker.THREAD.start()
    waitress_serve(application, host=host, port=port, threads=threads, ident="lienket",
                   **proxy_options(settings))  # fmt: skip


def proxy_options(settings: Any) -> dict[str, Any]:
    """waitress's trusted-proxy options from ``LIENKET_TRUSTED_PROXIES``: from that peer only,
    the client address and scheme of X-Forwarded-For/-Proto; every other peer's are dropped."""
    proxy = settings.LIENKET_TRUSTED_PROXIES
    options: dict[str, Any] = {"clear_untrusted_proxy_headers": True}
    if proxy:
        options |= {
            "trusted_proxy": proxy,
            "trusted_proxy_count": settings.LIENKET_PROXY_COUNT,
            "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
        }
    return options


def gunicorn_options(host: str, port: int, workers: int, threads: int,
                     settings: Any) -> dict[str, Any]:  # fmt: skip
    """gunicorn's settings: ``gthread`` workers, the scheme trusted from the proxy only."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,  # a report or an export may take a while; imports run in the worker
        "graceful_timeout": 30,
        "forwarded_allow_ips": settings.LIENKET_TRUSTED_PROXIES or "127.0.0.2",  # none by default
        "secure_scheme_headers": {"X-FORWARDED-PROTO": "https"},
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "lienket",
    }


def _gunicorn(host: str, port: int, workers: int, threads: int, thread_worker: bool,
              settings: Any) -> None:  # fmt: skip
    from gunicorn.app.base import BaseApplication

    from lienket.core import worker
    from lienket.web.wsgi import application, behind_proxy

    wsgi = behind_proxy(application, settings.LIENKET_TRUSTED_PROXIES, settings.LIENKET_PROXY_COUNT)

    def post_worker_init(_worker: Any) -> None:
        if thread_worker:
            worker.THREAD.start()  # the jobs a stop left, and any queued while none ran

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = gunicorn_options(host, port, workers, threads, settings)
            options["post_worker_init"] = post_worker_init
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return wsgi

    Server().run()


@app.command()
def work(
    once: Annotated[bool, typer.Option(help="run one job, then stop")] = False,
    wait: Annotated[
        float, typer.Option(help="keep polling the queues every N seconds (0: stop when empty)")
    ] = 0.0,
) -> None:
    """Run every background queue: files uploaded on the web (enterprises, projects, IATI, work
    plans, trade files) and report builds. The one worker of LIENKET_IMPORT_WORKER=external; a
    failing job is recorded on the job and the worker goes on."""
    _run_worker(None, once, wait)


def _run_worker(names: list[str] | None, once: bool, wait: float) -> None:
    django_setup()
    from lienket.core import jobs, worker

    if again := jobs.recover(names):
        console.print(f"{again} interrupted job(s) queued again")

    def done(task: Any) -> None:
        job = jobs.job_of(task)
        if job is None:
            return
        problems = getattr(job, "error_count", 0)
        console.print(f"done: {job} — {job.get_state_display()}"
                      + (f", {problems} problem(s)" if problems else ""))  # fmt: skip

    queues = names or list(worker.ALL)
    if wait <= 0:
        ran = worker.drain(queues, 1 if once else None, done)
    else:
        runner = worker.make(queues, batch=False, interval=wait,
                             max_tasks=1 if once else None, done=done)  # fmt: skip
        runner.configure_signals()  # Ctrl+C or SIGTERM: finish the running job, then stop
        try:
            runner.run()
        except SystemExit:  # the signal handler's way of stopping the loop
            console.print("stopped")
        ran = runner.ran
    console.print(f"{ran} job(s) done; {jobs.waiting(names)} waiting")


@trade_app.command("work")
def trade_work(
    once: Annotated[bool, typer.Option(help="import one queued file, then stop")] = False,
    wait: Annotated[
        float, typer.Option(help="keep polling the queue every N seconds (0: stop when empty)")
    ] = 0.0,
) -> None:
    """Import only the trade files uploaded on the web that wait (``lienket work`` runs every
    queue, reports and other imports included)."""
    _run_worker(["trade"], once, wait)
