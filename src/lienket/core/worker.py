"""One background worker thread per queue, started on demand: the trade uploads and the report
builds use the same mechanism.

The queue is a table; ``work_once`` claims and runs one job (``False`` when none was waiting)
and ``pending`` says whether a job is waiting. The thread stops when the queue is empty, and
is started again when a job is queued (after the commit) or when the server starts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections, connection

log = logging.getLogger(__name__)
#: failures of the queue itself in a row after which a worker thread stops
MAX_FAILURES = 5


def claim_oldest(model: Any, queued: str, running: str, **update: Any) -> Any:
    """Take the oldest ``queued`` row of a queue table, or ``None``: an atomic update of its
    ``state`` to ``running`` makes it this worker's, so two workers never take one job."""
    waiting = model.objects.filter(state=queued).order_by("created", "pk")
    for pk in waiting.values_list("pk", flat=True)[:10]:
        if model.objects.filter(pk=pk, state=queued).update(state=running, **update):
            return model.objects.get(pk=pk)
    return None


def once(claim: Callable[[], Any], run: Callable[[Any], None]) -> Callable[[], bool]:
    """A worker's step: run the job ``claim`` takes; ``False`` when the queue was empty."""

    def work_once() -> bool:
        job = claim()
        if job is None:
            return False
        run(job)
        return True

    return work_once


def drain(work_once: Callable[[], bool], jobs: int | None = None) -> int:
    """Run queued jobs until the queue is empty (or ``jobs`` were run); returns how many."""
    n = 0
    while (jobs is None or n < jobs) and work_once():
        n += 1
    return n


class Worker:
    def __init__(self, name: str, work_once: Callable[[], bool], pending: Callable[[], bool]):
        self.name = name
        self.work_once = work_once
        self.pending = pending
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
                    if self.work_once():
                        failures = 0
                        continue
                    # stop only when, under the lock start() takes, the queue is still empty: a
                    # job queued meanwhile is either seen here or starts a new thread
                    with self._lock:
                        if not self.pending():
                            self._thread = None
                            return
                except Exception:
                    # a job's own failure is recorded on the job by its run(); this is the
                    # queue's (the database gone, say): go on with the next job after a pause,
                    # and stop after several in a row (the next submit starts the thread again)
                    failures += 1
                    log.exception("the %s worker failed (%s in a row)", self.name, failures)
                    if failures >= MAX_FAILURES:
                        with self._lock:
                            self._thread = None
                        return
                    time.sleep(min(2.0**failures, 30.0))
        finally:
            connection.close()


def run_queues(steps: list[tuple[str, Callable[[], bool]]], wait: float, once_only: bool,
               report: Callable[[str], None]) -> int:  # fmt: skip
    """The ``lienket work`` loop over every queue: each round runs one job of each queue that
    has one; a failing job is recorded by its queue's run() and the loop goes on, and so does
    it after a failure of the queue itself (logged). With ``wait`` it polls for ever, else it
    stops when every queue is empty. Returns how many jobs ran."""
    done = 0
    failures: dict[str, int] = {}
    while True:
        busy = False
        for name, work_once in steps:
            if failures.get(name, 0) >= MAX_FAILURES:
                continue  # that queue keeps failing: left until the next start (logged)
            close_old_connections()  # a worker that waits for hours needs a live connection
            try:
                if work_once():
                    busy = True
                    done += 1
                    failures[name] = 0
                    report(name)
            except Exception:
                failures[name] = failures.get(name, 0) + 1
                log.exception("the %s queue failed (%s in a row); going on", name, failures[name])
                busy = True  # try it again, and the other queues meanwhile
            if busy and once_only and done:
                return done
        if not busy:
            if wait <= 0:
                return done
            time.sleep(wait)
