"""Trade files uploaded on the web, imported in the background with their progress (in bytes).

A trade file is one kind of job (``core.jobs``, queue "trade"): queued with the upload, run by
the one worker (``lienket work``, or the web server's thread in the single-process default),
one at a time and all or nothing (the trade store's rule), so a job interrupted by a restart is
safely queued again; the files a killed import left in the store are swept then (``tidy``).
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

from lienket.core import jobs
from lienket.core.jobs import TimeLimitError, save_upload
from lienket.core.models import JobState
from lienket.engine.errors import DataError
from lienket.engine.trade.store import ImportResult
from lienket.trade import services
from lienket.trade.models import TradeImport

log = logging.getLogger(__name__)

#: how many problems a refused file keeps for its page (the count keeps the total)
KEPT_ERRORS = 200
#: the shortest interval between two progress writes to the database, in seconds
PROGRESS_EVERY = 0.5
#: the queue of trade files (``lienket trade work`` runs only this one)
QUEUE = "trade"


def upload_dir() -> Path:
    return Path(settings.LIENKET_UPLOAD_DIR) / "trade"


def submit(upload: Any, options: dict[str, Any], user: Any) -> TradeImport:
    """Save an uploaded file and queue its import."""
    target = save_upload(upload, upload_dir())
    size = target.stat().st_size
    with transaction.atomic():
        job = TradeImport.objects.create(
            file_name=upload.name[:255],
            stored=str(target.relative_to(upload_dir())),
            size=size,
            total=size,
            created_by=user if getattr(user, "is_authenticated", False) else None,
            **options,
        )
        jobs.enqueue(job)
    return job


def work(count: int | None = None) -> int:
    """Import queued files until none is left (or ``count`` were done); returns how many."""
    return jobs.work([QUEUE], count)


def tidy() -> None:
    """Remove the temporary files a killed import left in the trade store (issue 24: a 3 GB
    unpacked folder stayed for good)."""
    for path in services.get_store().sweep():
        log.warning("removed %s, left by an import that was stopped", path)


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
            TradeImport.objects.filter(pk=job.pk).update(done=done, total=total)

    store = services.get_store()
    state, result, errors, count = JobState.FAILED, [], [], 0
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
        state, result = JobState.DONE, summarise(store, results)
    finally:
        path.unlink(missing_ok=True)
        _rmdir(path.parent)
    TradeImport.objects.filter(pk=job.pk).update(
        state=state,
        result=result,
        errors=errors,
        error_count=count,
        finished=timezone.now(),
        done=job.size if state == JobState.DONE else 0,
    )


def register() -> None:
    jobs.register_queue(TradeImport, QUEUE, run, tidy)


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
