"""Web imports in the background: one queue (the ``ImportJob`` table) and one worker thread per
process, on the same mechanism as the trade uploads and report builds (``core.worker``).

An app registers a runner per kind of file (``register``); the runner reads the stored file,
reports progress through the callback it is given and returns what the result page shows (a
JSON-able dict) or raises ``DataError``. Each job has a time limit
(``LIENKET_IMPORT_TIME_LIMIT_SECONDS``): a runner whose progress comes past it is stopped, and
as imports are all or nothing, nothing of it is kept. A refused file keeps its first problems
on the job and all kept ones (up to ``engine.errors.KEPT_ERRORS``) in an XLSX report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import re
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from lienket.core import audit
from lienket.core.models import ImportJob, JobState
from lienket.core.worker import Worker, claim_oldest, drain, once
from lienket.engine.errors import DataError, RowError

log = logging.getLogger(__name__)

#: how many problems a refused file keeps on its job for the page (the report has them all)
SHOWN_ERRORS = 200
#: the shortest interval between two progress writes, in seconds
PROGRESS_EVERY = 0.5

Progress = Callable[[str, int, int], None]
Runner = Callable[[ImportJob, Path, Progress], dict[str, Any]]
_RUNNERS: dict[str, Runner] = {}


class TimeLimitError(Exception):
    """The job ran past its time limit."""


def register(kind: str, runner: Runner) -> None:
    _RUNNERS[kind] = runner


def upload_dir() -> Path:
    return Path(settings.LIENKET_UPLOAD_DIR) / "imports"


def safe_name(name: str) -> str:
    """A file name that cannot leave the upload folder (the original is kept on the job)."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.\-]+", "_", base).strip("._")[:120] or "upload"


def save_upload(upload: Any, root: Path) -> Path:
    """Write an uploaded file, chunk by chunk, into a folder of its own under ``root``."""
    folder = root / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_name(upload.name)
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return target


def submit(upload: Any, kind: str, options: dict[str, Any], user: Any) -> ImportJob:
    """Save an uploaded file and queue its import; the worker starts after the commit."""
    target = save_upload(upload, upload_dir())
    job = ImportJob.objects.create(
        kind=kind,
        options=options,
        file_name=upload.name[:255],
        stored=str(target.relative_to(upload_dir())),
        size=target.stat().st_size,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if settings.LIENKET_IMPORT_WORKER == "thread":
        transaction.on_commit(WORKER.start)
    return job


def wait(job: ImportJob, seconds: float) -> ImportJob:
    """The job as it is once finished, or after ``seconds`` (small files answer at once).

    A caller inside a transaction (each test runs in one) cannot hand the job to the worker's
    own connection, which would not see it: the job then runs here, the same way.
    """
    if connection.in_atomic_block:
        if ImportJob.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
            state=JobState.RUNNING, started=timezone.now()
        ):
            job.refresh_from_db()
            run(job)
        job.refresh_from_db()
        return job
    end = time.monotonic() + seconds
    while True:
        job.refresh_from_db()
        if job.finished_or_failed or time.monotonic() >= end:
            return job
        time.sleep(0.1)


def claim() -> ImportJob | None:
    """Take the oldest queued job, or ``None``."""
    job: ImportJob | None = claim_oldest(
        ImportJob, JobState.QUEUED, JobState.RUNNING, started=timezone.now(), done=0
    )
    return job


def work(jobs: int | None = None) -> int:
    """Run queued jobs until the queue is empty (or ``jobs`` were run); returns how many."""
    return drain(work_once, jobs)


def work_once() -> bool:
    return once(claim, run)()


WORKER = Worker(
    "lienket-imports", work_once, lambda: ImportJob.objects.filter(state=JobState.QUEUED).exists()
)


def recover() -> int:
    """Queue again the jobs a stopped process left running (imports are all or nothing)."""
    return ImportJob.objects.filter(state=JobState.RUNNING).update(state=JobState.QUEUED, done=0)


def as_json(e: RowError) -> dict[str, Any]:
    return {"file": e.file, "row": e.row, "field": str(e.field), "message": str(e.message),
            "params": {k: str(v) for k, v in e.params.items()}, "place": e.place}  # fmt: skip


def row_errors(items: list[dict[str, Any]]) -> list[RowError]:
    """Problems or notices kept as JSON, as the row errors templates show."""
    return [RowError(d["file"], d["row"], d["field"], d["message"], d.get("params", {}),
                     d.get("place", "cell")) for d in items]  # fmt: skip


def run(job: ImportJob) -> None:
    """Run a claimed job: progress while it runs, then its result or its problems."""
    path = upload_dir() / job.stored
    limit = settings.LIENKET_IMPORT_TIME_LIMIT_SECONDS
    deadline = time.monotonic() + limit
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now > deadline:
            raise TimeLimitError
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            ImportJob.objects.filter(pk=job.pk).update(stage=stage, done=done, total=total)

    state, result, errors, count, report = JobState.FAILED, {}, [], 0, ""
    try:
        runner = _RUNNERS[job.kind]
        with audit.acting(job.created_by):
            result = runner(job, path, progress)
        state = JobState.DONE
    except DataError as exc:
        count = exc.total
        errors = [as_json(e) for e in exc.errors[:SHOWN_ERRORS]]
        report = _write_report(job, exc.errors)
    except TimeLimitError:
        count = 1
        errors = [as_json(RowError(job.file_name, 0, "", gettext_noop(
            "the import took longer than %(seconds)s seconds and was stopped; nothing was "
            "saved. Split the file, or ask the steward to import it from the command line"),
            {"seconds": limit}))]  # fmt: skip
    except Exception as exc:  # a bug must not leave the job "running" for ever
        log.exception("import job %s failed", job.pk)
        count = 1
        errors = [as_json(RowError(job.file_name, 0, "", gettext_noop(
            "the import stopped on an unexpected error (%(error)s)"),
            {"error": type(exc).__name__}))]  # fmt: skip
    finally:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    ImportJob.objects.filter(pk=job.pk).update(
        state=state, result=result, errors=errors, error_count=count, report=report,
        finished=timezone.now(), done=job.total if state == JobState.DONE else 0,
    )  # fmt: skip


def _write_report(job: ImportJob, errors: list[RowError]) -> str:
    """Every kept problem of a refused file, as JSON beside it (the download writes it as XLSX
    in the reader's language); its path under the queue."""
    target = (upload_dir() / job.stored).with_name("problems.json")
    target.write_text(json.dumps([as_json(e) for e in errors], ensure_ascii=False))
    return str(target.relative_to(upload_dir()))


def report(job: ImportJob) -> list[RowError]:
    """Every kept problem of a refused job (the page shows the first ones)."""
    path = upload_dir() / job.report if job.report else None
    if path is None or not path.is_file():
        return row_errors(job.errors)
    return row_errors(json.loads(path.read_text()))


def remove_files(job: ImportJob) -> None:
    shutil.rmtree((upload_dir() / job.stored).parent, ignore_errors=True)


# --- the pages' side: any app's import page queues its file the same way -----------------


def result_json(result: Any) -> dict[str, Any]:
    """An importer's result dataclass as JSON for its job (problems and notices as dicts)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(result):
        value = getattr(result, f.name)
        if isinstance(value, list | tuple) and value and isinstance(value[0], RowError):
            out[f.name] = [as_json(e) for e in value[:1000]]
        elif isinstance(value, list | tuple):
            out[f.name] = [str(v) for v in value]
        else:
            out[f.name] = value
    return out


def result_view(data: dict[str, Any]) -> SimpleNamespace:
    """A finished job's result as its page shows it (attributes, notices as row errors)."""
    shown = dict(data)
    for key in ("notices",):
        if key in shown:
            shown[key] = row_errors(shown[key])
    return SimpleNamespace(**shown)


def refused_context(job: ImportJob) -> dict[str, Any]:
    """What `_row_errors.html` shows of a refused job."""
    return {
        "errors": row_errors(job.errors),
        "error_count": job.error_count,
        "more_errors": max(0, job.error_count - len(job.errors)),
        "job": job,
    }


def upload_and_wait(request: Any, upload: Any, kind: str, options: dict[str, Any]) -> ImportJob:
    """Queue an uploaded file and wait a few seconds for its result (small files)."""
    job = submit(upload, kind, options, request.user)
    return wait(job, settings.LIENKET_IMPORT_WAIT_SECONDS)
