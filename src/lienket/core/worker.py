"""One background worker thread per queue, started on demand: the trade uploads and the report
builds use the same mechanism.

The queue is a table; ``work_once`` claims and runs one job (``False`` when none was waiting)
and ``pending`` says whether a job is waiting. The thread stops when the queue is empty, and
is started again when a job is queued (after the commit) or when the server starts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections, connection

log = logging.getLogger(__name__)


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
        try:
            while True:
                close_old_connections()  # this thread's own connection, never the caller's
                if self.work_once():
                    continue
                # stop only when, under the lock start() takes, the queue is still empty: a job
                # queued meanwhile is either seen here or starts a new thread
                with self._lock:
                    if not self.pending():
                        self._thread = None
                        return
        except Exception:  # the thread must never die silently
            log.exception("the %s worker stopped", self.name)
            with self._lock:
                self._thread = None
        finally:
            connection.close()
