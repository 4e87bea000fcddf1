"""Issue 25: `lienket work` runs every queue in external mode — a queued report is built — and the
one worker goes on after a failing job (marked failed with its error)."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core import jobs, worker
from lienket.core.models import JobState
from lienket.reports import services
from lienket.reports.models import Report
from tests.reports.test_pages import FORM

runner = CliRunner()


@pytest.mark.django_db(transaction=True)
def test_external_mode_builds_a_queued_report(demo, client_for, la_focal, settings):
    settings.LIENKET_IMPORT_WORKER = "external"  # nothing runs in the web process
    client_for(la_focal).post("/reports/", FORM)
    report = Report.objects.get()
    assert report.state == JobState.QUEUED
    result = runner.invoke(app, ["work"])
    assert result.exit_code == 0, result.output
    assert "done: " in result.output and "1 job(s) done; 0 waiting" in result.output
    report.refresh_from_db()
    assert report.state == JobState.DONE and report.size > 0
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_the_worker_goes_on_after_a_failing_job(demo, client_for, la_focal, settings, monkeypatch):
    settings.LIENKET_IMPORT_WORKER = "external"
    for _ in range(2):
        client_for(la_focal).post("/reports/", FORM)
    first, second = Report.objects.order_by("pk")
    real = services.run

    def flaky(report: Report) -> None:
        if report.pk == first.pk:
            raise RuntimeError("a job that fails outside its own error handling")
        real(report)

    monkeypatch.setitem(jobs._QUEUES, "reports.Report",
                        jobs.Queue(Report, "reports", flaky))  # fmt: skip
    assert jobs.work() == 2
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == JobState.FAILED and first.finished is not None
    assert second.state == JobState.DONE
    statuses = DBTaskResult.objects.values_list("status", flat=True)
    assert sorted(statuses) == ["FAILED", "SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_the_server_thread_builds_a_report_and_stops_when_the_queue_is_empty(
    demo, client_for, la_focal, settings
):
    settings.LIENKET_IMPORT_WORKER = "thread"
    client_for(la_focal).post("/reports/", FORM)
    assert worker.THREAD.wait_idle(120)
    assert Report.objects.get().state == JobState.DONE
    assert not worker.pending()


@pytest.mark.django_db(transaction=True)
def test_a_job_left_running_by_a_stopped_worker_is_queued_again_once(
    demo, client_for, la_focal, settings
):
    settings.LIENKET_IMPORT_WORKER = "external"
    client_for(la_focal).post("/reports/", FORM)
    # a worker claimed it and was killed: the job and its task stay "running"
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")
    Report.objects.update(state=JobState.RUNNING)
    assert jobs.work() == 0  # nothing is ready
    assert jobs.recover() == 1
    assert DBTaskResult.objects.get(pk=task.pk).status == "FAILED"
    assert jobs.work() == 1
    assert Report.objects.get().state == JobState.DONE
    assert jobs.recover() == 0
