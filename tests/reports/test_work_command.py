"""Issue 25: `lienket work` runs every queue in external mode — a queued report is built — and a
worker goes on after a failing job."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core.worker import Worker, run_queues
from lienket.reports.models import Report, State
from tests.reports.test_pages import FORM

runner = CliRunner()


@pytest.mark.django_db(transaction=True)
def test_external_mode_builds_a_queued_report(demo, client_for, la_focal, settings):
    settings.LIENKET_IMPORT_WORKER = "external"  # nothing runs in the web process
    client_for(la_focal).post("/reports/", FORM)
    report = Report.objects.get()
    assert report.state == State.QUEUED
    result = runner.invoke(app, ["work"])
    assert result.exit_code == 0, result.output
    assert "done: a report" in result.output and "1 job(s) done" in result.output
    report.refresh_from_db()
    assert report.state == State.DONE and report.size > 0


@pytest.mark.django_db  # the loop closes stale database connections between jobs
def test_the_work_loop_goes_on_after_a_failing_job():
    ran: list[str] = []
    jobs = iter(["boom", "ok", None])

    def flaky() -> bool:
        job = next(jobs)
        if job == "boom":
            raise RuntimeError("a queue that failed")
        if job is None:
            return False
        ran.append(job)
        return True

    done = run_queues([("flaky", flaky)], wait=0, once_only=False, report=lambda name: None)
    assert ran == ["ok"] and done == 1


@pytest.mark.django_db(transaction=True)
def test_a_worker_thread_survives_a_failing_job(monkeypatch):
    monkeypatch.setattr("lienket.core.worker.time.sleep", lambda s: None)
    calls = iter([RuntimeError("first job's queue failed"), True, False])
    seen = []

    def work_once() -> bool:
        step = next(calls)
        if isinstance(step, Exception):
            raise step
        seen.append(step)
        return step

    worker = Worker("test", work_once, pending=lambda: False)
    worker.start()
    assert worker.wait_idle(10)
    assert seen == [True, False]  # the job after the failure ran
