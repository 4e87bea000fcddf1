"""Trade files uploaded on the web, imported in the background with their progress.

The queue is the ``TradeImport`` table, so nothing beyond the web server is needed: by default
(``LIENKET_IMPORT_WORKER = "thread"``) the server starts one worker thread when a file is
queued and when it starts, and the thread stops when the queue is empty. A deployment that
prefers a separate process sets ``LIENKET_IMPORT_WORKER = "external"`` and runs
``lienket trade work``. Either way a worker claims a job by an atomic update from ``queued``
to ``running``, so two workers never import the same file; jobs are imported one at a time,
each all or nothing (the trade store's rule), so a job interrupted by a restart is safely
queued again (:func:`recover`).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from lienket.core.jobs import TimeLimitError, save_upload
from lienket.core.worker import Worker, claim_oldest, drain, once
from lienket.engine.errors import DataError
from lienket.engine.trade.store import ImportResult
from lienket.trade import services
from lienket.trade.models import ImportState, TradeImport

log = logging.getLogger(__name__)

#: how many problems a refused file keeps for its page (the count keeps the total)
KEPT_ERRORS = 200
#: the shortest interval between two progress writes to the database, in seconds
PROGRESS_EVERY = 0.5


def upload_dir() -> Path:
    return Path(settings.LIENKET_UPLOAD_DIR) / "trade"


def submit(upload: Any, options: dict[str, Any], user: Any) -> TradeImport:
    """Save an uploaded file and queue its import; the worker starts after the commit."""
    target = save_upload(upload, upload_dir())
    size = target.stat().st_size
    job = TradeImport.objects.create(
        file_name=upload.name[:255],
        stored=str(target.relative_to(upload_dir())),
        size=size,
        total_bytes=size,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **options,
    )
    if settings.LIENKET_IMPORT_WORKER == "thread":
        transaction.on_commit(start_worker)
    return job


def start_worker() -> None:
    """Start the worker thread of this process unless it is running."""
    WORKER.start()


def wait_idle(timeout: float) -> bool:
    """Wait for this process's worker thread to finish the queue (tests, shutdown)."""
    return WORKER.wait_idle(timeout)


def claim() -> TradeImport | None:
    """Take the oldest queued job, or ``None``; an atomic update makes it this worker's."""
    job: TradeImport | None = claim_oldest(
        TradeImport, ImportState.QUEUED, ImportState.RUNNING, started=timezone.now(), done_bytes=0
    )
    return job


def work_once() -> bool:
    """Import the oldest queued file; ``False`` when the queue was empty."""
    return once(claim, run)()


def work(jobs: int | None = None) -> int:
    """Import queued files until the queue is empty (or ``jobs`` were done); returns how many."""
    return drain(work_once, jobs)


WORKER = Worker(
    "lienket-trade-imports",
    work_once,
    lambda: TradeImport.objects.filter(state=ImportState.QUEUED).exists(),
)


def recover() -> int:
    """Queue again the jobs a stopped process left ``running`` (imports are all or nothing),
    and remove the temporary files a killed import left in the trade store (issue 24: a
    3 GB unpacked folder stayed for good)."""
    for path in services.get_store().sweep():
        log.warning("removed %s, left by an import that was stopped", path)
    return TradeImport.objects.filter(state=ImportState.RUNNING).update(
        state=ImportState.QUEUED, done_bytes=0
    )


def _options(job: TradeImport) -> dict[str, Any]:
    return {
        "reporter": job.reporter or None,
        "edition": job.edition or None,
        "replace": job.replace,
        "months": (job.first_month, job.last_month),
        "partner": job.partner or None,
        "flow": job.flow or None,
        "year": job.year,
    }


def run(job: TradeImport) -> None:
    """Import a claimed job's file, recording progress, then the result or the problems."""
    path = upload_dir() / job.stored
    last = [0.0]

    limit = settings.LIENKET_TRADE_TIME_LIMIT_SECONDS
    deadline = time.monotonic() + limit

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now > deadline:  # the store's import is all or nothing: stopping here keeps nothing
            raise TimeLimitError
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            TradeImport.objects.filter(pk=job.pk).update(done_bytes=done, total_bytes=total)

    store = services.get_store()
    state, result, errors, count = ImportState.FAILED, [], [], 0
    try:
        results = services.import_trade_file(
            store, path, job.source, progress=progress, by=job.created_by, **_options(job)
        )
    except DataError as exc:
        count = len(exc.errors)
        errors = [
            {"file": e.file, "row": e.row, "field": e.field, "message": e.message,
             "params": {k: str(v) for k, v in e.params.items()}}
            for e in exc.errors[:KEPT_ERRORS]
        ]  # fmt: skip
    except TimeLimitError:
        count = 1
        errors = [{"file": job.file_name, "row": 0, "field": "",
                   "message": gettext_noop("the import took longer than %(seconds)s seconds and "
                                           "was stopped; nothing was saved. Split the file, or "
                                           "ask the steward to import it from the command line"),
                   "params": {"seconds": str(limit)}}]  # fmt: skip
    except Exception as exc:  # a bug must not leave the job "running" for ever
        log.exception("trade import %s failed", job.pk)
        count = 1
        errors = [{"file": job.file_name, "row": 0, "field": "",
                   "message": gettext_noop("the import stopped on an unexpected error (%(error)s)"),
                   "params": {"error": type(exc).__name__}}]  # fmt: skip
    else:
        state, result = ImportState.DONE, summarise(store, results)
    finally:
        path.unlink(missing_ok=True)
        _rmdir(path.parent)
    TradeImport.objects.filter(pk=job.pk).update(
        state=state,
        result=result,
        errors=errors,
        error_count=count,
        finished=timezone.now(),
        done_bytes=job.size if state == ImportState.DONE else 0,
    )


def _rmdir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def summarise(store: Any, results: Iterable[ImportResult]) -> list[dict[str, Any]]:
    """What a page needs to say about each stored file (JSON, kept on the job)."""
    out = []
    for res in results:
        r = res.record
        out.append(
            {
                "id": r.id,
                "file": r.file,
                "already": res.already,
                "source": r.source,
                "source_edition": r.source_edition,
                "edition": r.edition,
                "rows": r.rows,
                "level": r.level,
                "years": r.years,
                "months": list(r.months),
                "reporters": r.reporters,
                "value_usd": r.value_usd,
                "skipped": r.skipped,
                "notices": r.notices,
                "replaced": res.replaced,
                "others": [f"{o.source} ({o.file})" for o in store.other_sources(r)],
            }
        )
    return out
