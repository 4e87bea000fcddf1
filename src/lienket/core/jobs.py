"""Background work: one abstract job (``core.models.Job``), one task that runs any of them, one
runner (``core.worker``), and the web imports' own queue.

An app registers each kind of job it has (``register_queue``: its model, the queue's name, the
function that does the work, and what a restart must tidy); ``enqueue`` puts a job on the task
queue in the same transaction that created it. ``run_job`` claims the job by an atomic update
from ``queued`` to ``running`` (so a job never runs twice, whoever picks the task), runs it,
and marks it failed if the work raised; the work records its own result or problems.

Web imports: an app registers a runner per kind of file (``register``); the runner reads the
stored file, reports progress through the callback it is given and returns what the result
page shows (a JSON-able dict) or raises ``DataError``. Each import has a time limit
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

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from lienket.core import audit, worker
from lienket.core.models import ImportJob, Job, JobState
from lienket.engine.errors import DataError, RowError

log = logging.getLogger(__name__)

#: how many problems a refused file keeps on its job for the page (the report has them all)
SHOWN_ERRORS = 200
#: the shortest interval between two progress writes, in seconds
PROGRESS_EVERY = 0.5


# --- every kind of job --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Queue:
    """One kind of job: its model, its queue's name, its work, and its tidying after a stop."""

    model: type[Job]
    name: str
    run: Callable[[Any], None]
    tidy: Callable[[], None] | None = None

    @property
    def label(self) -> str:
        return str(self.model._meta.label)


_QUEUES: dict[str, Queue] = {}


def register_queue(model: type[Job], name: str, run: Callable[[Any], None],
                   tidy: Callable[[], None] | None = None) -> None:  # fmt: skip
    queue = Queue(model, name, run, tidy)
    _QUEUES[queue.label] = queue


def queues() -> list[Queue]:
    return list(_QUEUES.values())


def enqueue(job: Job) -> None:
    """Put a just-created job on the task queue (in the caller's transaction: both are kept or
    neither); this process's worker thread starts after the commit in the default mode."""
    queue = _QUEUES[job._meta.label]
    run_job.using(queue_name=queue.name).enqueue(queue.label, job.pk)
    if settings.LIENKET_IMPORT_WORKER == "thread":
        transaction.on_commit(worker.THREAD.start)


@task(queue_name="imports")  # each kind of job goes to its own queue: see enqueue()
def run_job(label: str, pk: int) -> str:
    """The one task: claim the job, do its work, and never leave it ``running``."""
    queue = _QUEUES[label]
    model = apps.get_model(label)
    claimed = model.objects.filter(pk=pk, state=JobState.QUEUED).update(
        state=JobState.RUNNING, started=timezone.now(), done=0
    )
    if not claimed:
        return "taken"  # run already (inline, or by a worker before a restart)
    job = model.objects.get(pk=pk)
    try:
        queue.run(job)
    except BaseException:
        log.exception("%s %s failed", label, pk)
        model.objects.filter(pk=pk, state=JobState.RUNNING).update(
            state=JobState.FAILED, finished=timezone.now()
        )
        raise
    return str(model.objects.values_list("state", flat=True).get(pk=pk))


def job_of(task: Any) -> Job | None:
    """The job a task of the queue ran (for the worker's report), or ``None``."""
    label, pk = task.task_result.args[:2]
    queue = _QUEUES.get(label)
    return queue.model.objects.filter(pk=pk).first() if queue else None


def waiting(names: list[str] | None = None) -> int:
    """How many jobs wait (in the queues ``names``, or all)."""
    return sum(q.model.objects.filter(state=JobState.QUEUED).count() for q in queues()
               if not names or q.name in names)  # fmt: skip


def run_now(job: Job) -> None:
    """Run a queued job here and now (a caller inside a transaction, which the worker's own
    connection would not see: each test runs in one)."""
    run_job.call(job._meta.label, job.pk)


def wait(job: Job, seconds: float) -> Any:
    """The job as it is once finished, or after ``seconds`` (small files answer at once).

    A caller inside a transaction cannot hand the job to the worker's own connection, which
    would not see it: the job then runs here, the same way.
    """
    if connection.in_atomic_block:
        if job.state == JobState.QUEUED:
            run_now(job)
        job.refresh_from_db()
        return job
    end = time.monotonic() + seconds
    while True:
        job.refresh_from_db()
        if job.finished_or_failed or time.monotonic() >= end:
            return job
        time.sleep(0.1)


def work(names: list[str] | None = None, jobs: int | None = None) -> int:
    """Run the waiting jobs (of the queues ``names``, or all) until none is left, or until
    ``jobs`` ran; returns how many ran."""
    return worker.drain(names or worker.ALL, jobs)


def recover(names: list[str] | None = None) -> int:
    """After a stop: the jobs a stopped process left ``running`` are queued again (imports are
    all or nothing, builds start over) as new tasks, and each queue tidies what it left."""
    worker.abandon_running()
    again = 0
    for queue in queues():
        if names and queue.name not in names:
            continue
        if queue.tidy is not None:
            queue.tidy()
        left = list(queue.model.objects.filter(state=JobState.RUNNING).values_list("pk", flat=True))
        for pk in left:
            with transaction.atomic():
                if queue.model.objects.filter(pk=pk, state=JobState.RUNNING).update(
                    state=JobState.QUEUED, done=0
                ):
                    job = queue.model.objects.get(pk=pk)
                    enqueue(job)
                    again += 1
    return again


# --- web imports ----------------------------------------------------------------------------

Progress = Callable[[str, int, int], None]
Runner = Callable[[ImportJob, Path, Progress], dict[str, Any]]
_RUNNERS: dict[str, Runner] = {}


class TimeLimitError(Exception):
    """The job ran past its time limit."""


def register_kind(kind: str, runner: Runner) -> None:
    """A kind of file the web imports take, and the function that imports it."""
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
    """Save an uploaded file and queue its import."""
    target = save_upload(upload, upload_dir())
    with transaction.atomic():
        job = ImportJob.objects.create(
            kind=kind,
            options=options,
            file_name=upload.name[:255],
            stored=str(target.relative_to(upload_dir())),
            size=target.stat().st_size,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        enqueue(job)
    return job


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


def register() -> None:
    """The web imports' queue (apps add their kinds of file with ``register``)."""
    register_queue(ImportJob, "imports", run)


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
