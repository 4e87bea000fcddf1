"""The one runner of background work: django-tasks' database worker (``django_tasks_db``).

Every job (a web import of any kind, a trade file, a report build) is a task in one table,
claimed by one worker at a time (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, an
exclusive transaction on SQLite), so any number of processes may run it. Two ways to run it:

- ``lienket work`` (``LIENKET_IMPORT_WORKER=external``): one process of its own, next to as
  many app servers as wanted (``docs/deployment.md``);
- the single-process default (``thread``): a thread of the web server, started when a job is
  queued (after the commit) or when the server starts, that stops when the queue is empty.

A failing job is recorded on the job (``core.jobs.run_job``) and on its task; the worker goes
on with the next one.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)
#: failures of the queue itself in a row after which a worker thread stops
MAX_FAILURES = 5
#: every queue (``TASKS["default"]["QUEUES"]``)
ALL = ("*",)


def worker_id() -> str:
    """Who runs a task, as the task table records it: host, process and thread."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{threading.get_ident() % 10_000}"


class _Counting(DatabaseWorker):
    """django-tasks' worker, telling its caller of each task it ran."""

    def __init__(self, done: Callable[[Any], None] | None, **options: Any) -> None:
        super().__init__(**options)
        self.ran = 0
        self._done = done

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        self.ran += 1
        if self._done is not None:
            self._done(db_task_result)


def make(queues: Sequence[str] = ALL, *, batch: bool = True, interval: float = 1.0,
         max_tasks: int | None = None,
         done: Callable[[Any], None] | None = None) -> _Counting:  # fmt: skip
    """A worker over ``queues``: with ``batch`` it stops when none of them has a job."""
    return _Counting(
        done,
        queue_names=list(queues),
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id(),
        excluded_queue_names=[],
    )


def drain(queues: Sequence[str] = ALL, jobs: int | None = None,
          done: Callable[[Any], None] | None = None) -> int:  # fmt: skip
    """Run the waiting jobs of ``queues`` until none is left (or ``jobs`` ran); how many ran."""
    worker = make(queues, batch=True, interval=0, max_tasks=jobs, done=done)
    if not connection.in_atomic_block:
        worker.run()
        return worker.ran
    # inside the caller's transaction (a test): django-tasks' loop would close the connection
    # between tasks (``close_old_connections``), so take them here, one by one, the same way
    while jobs is None or worker.ran < jobs:
        task = _ready(queues).get_locked()
        if task is None:
            break
        task.claim(worker.worker_id)
        worker.run_task(task)
    return worker.ran


def _ready(queues: Sequence[str]) -> Any:
    ready = DBTaskResult.objects.ready().filter(backend_name="default")
    if tuple(queues) != ALL:
        ready = ready.filter(queue_name__in=list(queues))
    return ready


def pending(queues: Sequence[str] = ALL) -> bool:
    return bool(_ready(queues).exists())


def abandon_running() -> int:
    """Mark failed the tasks a stopped process left running (their jobs are queued again by
    ``core.jobs.recover`` as new tasks). Only the one worker does this at its start."""
    return DBTaskResult.objects.running().update(status="FAILED", finished_at=timezone.now())


class Worker:
    """This process's worker thread (the single-process default)."""

    def __init__(self, name: str = "lienket-worker") -> None:
        self.name = name
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start this process's worker thread unless it is running."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self._thread.start()

    def wait_idle(self, timeout: float) -> bool:
        """Wait for the thread to finish the queue (tests, shutdown)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _loop(self) -> None:
        failures = 0
        try:
            while True:
                close_old_connections()  # this thread's own connection, never the caller's
                try:
                    drain()
                    failures = 0
                    # stop only when, under the lock start() takes, the queue is still empty: a
                    # job queued meanwhile is either seen here or starts a new thread
                    with self._lock:
                        if not pending():
                            self._thread = None
                            return
                except DatabaseError:
                    # the queue's own failure (the database gone, say): a job's failure is
                    # recorded on the job. Go on after a pause, stop after several in a row
                    # (the next submit starts the thread again)
                    failures += 1
                    log.exception("the %s worker failed (%s in a row)", self.name, failures)
                    if failures >= MAX_FAILURES:
                        with self._lock:
                            self._thread = None
                        return
                    time.sleep(min(2.0**failures, 30.0))
        finally:
            connection.close()


#: this process's worker thread
THREAD = Worker()
