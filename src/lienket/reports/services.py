"""Building a report: from the command line at once, from the page in the background.

A build takes the data snapshot first, then assembles the document from it and writes the
format. The page queues a :class:`Report` (a job of the queue "reports", :mod:`lienket.core.jobs`);
the one worker builds it and records its progress (sections) for the page to poll.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lienket.core import audit, jobs
from lienket.core.models import AuditAction, JobState
from lienket.engine.trade.turnover import Period
from lienket.reports import snapshot, writers
from lienket.reports.content import Builder, Progress, period_code
from lienket.reports.document import Document
from lienket.reports.models import Report, Template

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.3


class ReportError(ValueError):
    """A request for a report that cannot be built (a bad period, a frozen report)."""


def parse_period(text: str) -> Period:
    try:
        return Period.parse(text)
    except ValueError as exc:
        raise ReportError(
            _("%(value)r is not a period (2024, 2025-H1, 2025-Q3, 2025-01..10)") % {"value": text}
        ) from exc


def template_hash(tpl: Template) -> str:
    body = json.dumps({"sections": tpl.order(), "cover": tpl.cover}, sort_keys=True)
    digest = hashlib.sha256(body.encode("utf-8"))
    digest.update(bytes(tpl.logo or b""))
    return digest.hexdigest()


def take_snapshot() -> dict[str, Any]:
    """The data snapshot with the report template's hash beside it."""
    snap = snapshot.take()
    snap["template"] = template_hash(Template.current())
    return snap


def document(
    period: Period,
    lang: str,
    dated: date,
    next_steps: str = "",
    snap: dict[str, Any] | None = None,
    progress: Progress | None = None,
    session: int | None = None,
) -> tuple[Document, dict[str, Any]]:
    """The report's content, and the snapshot it was built from; with ``session``, the report
    on the implementation of that session's commitments (issue 27)."""
    snap = snap or take_snapshot()
    tpl = Template.current()
    builder = Builder(
        period,
        lang,
        dated,
        next_steps,
        cover=tpl.cover_for(lang),
        order=tpl.order(),
        logo=tpl.logo_pair(),
        snapshot=snap["hash"],
        progress=progress,
        session=session,
    )
    return builder.build(), snap


def render(
    period: Period,
    lang: str,
    fmt: str,
    dated: date,
    next_steps: str = "",
    progress: Progress | None = None,
    session: int | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The report's file in ``fmt`` (html, pdf, docx), and its snapshot."""
    doc, snap = document(period, lang, dated, next_steps, progress=progress, session=session)
    return writers.write(doc, fmt), snap


def keep_built(period: Period, lang: str, fmt: str, dated: date, next_steps: str, data: bytes,
               snap: dict[str, Any], by: Any, session: int | None = None) -> Report:  # fmt: skip
    """Record a report built outside the queue (``lienket report``) as the page's builds are:
    listed on the Reports page with who built it and from which data snapshot."""
    with transaction.atomic():
        now = timezone.now()
        report = Report.objects.create(
            period=period_code(period), lang=lang, fmt=fmt, dated=dated, next_steps=next_steps,
            state=JobState.DONE, content=data, size=len(data),
            sha256=hashlib.sha256(data).hexdigest(), snapshot=snap, snapshot_hash=snap["hash"],
            created_by=by if getattr(by, "pk", None) else None,
            created_by_label=audit.label(by), started=now, finished=now, done=1, total=1,
            session=session,
        )  # fmt: skip
        audit.record(by, AuditAction.CREATED, report, str(report))
    return report


# --- background builds ---------------------------------------------------------------------


def queue(period_text: str, lang: str, fmt: str, dated: date, next_steps: str, user: Any,
          session: int | None = None) -> Report:  # fmt: skip
    period = parse_period(period_text)
    with transaction.atomic():
        report = Report.objects.create(
            period=period_code(period),
            lang=lang,
            fmt=fmt,
            dated=dated,
            next_steps=next_steps,
            created_by=user if getattr(user, "pk", None) else None,
            created_by_label=audit.label(user),
            session=session,
        )
        audit.record(user, AuditAction.CREATED, report, str(report))
        jobs.enqueue(report)
    return report


def run(report: Report) -> None:
    """Build a claimed report, recording its progress, then the file or the failure."""
    last = [0.0]

    def progress(step: int, steps: int, stage: str) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY or step == steps:
            last[0] = now
            # the writing of the file is one more step after the sections
            Report.objects.filter(pk=report.pk).update(done=step, total=steps + 1, stage=stage)

    try:
        data, snap = render(
            Period.parse(report.period),
            report.lang,
            report.fmt,
            report.dated,
            report.next_steps,
            progress,
            report.session,
        )
    except Exception as exc:  # a bug must not leave the report "running" for ever
        log.exception("report %s failed", report.pk)
        Report.objects.filter(pk=report.pk).update(
            state=JobState.FAILED, error=type(exc).__name__, finished=timezone.now()
        )
        return
    Report.objects.filter(pk=report.pk).update(
        state=JobState.DONE,
        content=data,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        snapshot=snap,
        snapshot_hash=snap["hash"],
        finished=timezone.now(),
        done=1,
        total=1,
        stage="",
    )


def register() -> None:
    jobs.register_queue(Report, "reports", run)


def submit(report: Report, user: Any) -> Report:
    """Mark a built report as submitted to the ministers: from then on it is frozen."""
    with transaction.atomic():
        done = Report.objects.filter(pk=report.pk, state=JobState.DONE, submitted__isnull=True)
        if not done.update(submitted=timezone.now(), submitted_by_label=audit.label(user)):
            raise ReportError(_("only a built report that is not yet submitted can be submitted"))
        report.refresh_from_db()
        audit.record(user, AuditAction.SUBMITTED, report, str(report))
    return report


def delete(report: Report, user: Any) -> None:
    if report.frozen:
        raise ReportError(_("a submitted report is kept as it was submitted"))
    audit.record(user, AuditAction.DELETED, report, str(report))
    report.delete()
