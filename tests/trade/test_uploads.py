"""Trade files uploaded on the web: queued, imported in the background, progress on the page."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lienket.core import worker
from lienket.core.models import JobState
from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference
from lienket.trade import jobs
from lienket.trade.models import TradeImport

HEADER = "refYear,reporterISO,partnerISO,flowCode,cmdCode,classificationCode,primaryValue"
GOOD = "\n".join([
    HEADER,
    "2023,VNM,LAO,X,720711,H5,1000",
    "2023,VNM,LAO,X,10121,H5,250",  # Excel dropped the leading zero: read with a notice
    "2023,VNM,LAO,M,080111,H5,300",
]) + "\n"  # fmt: skip
BAD = "\n".join([HEADER, "2023,VNM,LAO,X,720711,H5,1000", "2023,VNM,XXX,X,720711,H5,12"]) + "\n"


@pytest.fixture
def queue(settings, tmp_path):
    """An empty store and upload folder; files wait for the worker unless a test starts it."""
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    settings.LIENKET_UPLOAD_DIR = tmp_path / "uploads"
    settings.LIENKET_IMPORT_WORKER = "external"
    return TradeStore(tmp_path / "store", reference=trade_reference())


def upload(client, text: str, name: str = "comtrade_2023.csv", **fields):
    data = {"source": "comtrade", "first_month": 1, "last_month": 12, **fields,
            "file": SimpleUploadedFile(name, text.encode())}  # fmt: skip
    return client.post(reverse("trade-imports"), data)


def test_a_focal_point_uploads_a_file_that_is_imported_in_the_background(
    client_for, vn_focal, queue
):
    client = client_for(vn_focal)
    response = upload(client, GOOD)
    job = TradeImport.objects.get()
    assert response.status_code == 302 and response.url == reverse("trade-import", args=[job.pk])
    assert job.state == JobState.QUEUED and job.created_by == vn_focal
    assert queue.imports() == []  # nothing read yet: the worker has not run
    waiting = client.get(response.url)
    assert b"<progress" in waiting.content and b"data-poll" in waiting.content
    status = client.get(reverse("api-trade-import", args=[job.pk])).json()
    assert status["state"] == "queued" and status["finished"] is False

    assert jobs.work() == 1
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.percent == 100
    assert not (jobs.upload_dir() / job.stored).exists()  # the upload is not kept
    [stored] = queue.imports()
    assert stored.rows == 3 and stored.value_usd == 1550.0
    assert queue.query("SELECT hs6 FROM flows WHERE hs6 = '010121'").num_rows == 1
    from lienket.core.models import AuditEvent

    event = AuditEvent.objects.get(action="imported", summary__startswith="trade file")
    assert event.actor == vn_focal and stored.id in event.summary  # trade imports are audited

    page = client.get(reverse("trade-import", args=[job.pk])).content.decode()
    assert "3 lines stored from comtrade" in page
    assert "lost their leading zero" in page  # the notice, stated
    assert b"data-poll" not in page.encode()
    status = client.get(reverse("api-trade-import", args=[job.pk])).json()
    assert status["finished"] is True and status["result"][0]["rows"] == 3


def test_a_refused_file_lists_its_problems_and_stores_nothing(client_for, steward, queue):
    client = client_for(steward)
    upload(client, BAD, name="bad.csv")
    jobs.work()
    job = TradeImport.objects.get()
    assert job.state == JobState.FAILED and job.error_count >= 1
    assert queue.imports() == []
    page = client.get(reverse("trade-import", args=[job.pk])).content.decode()
    assert "nothing was imported" in page and "XXX" in page and "partnerISO" in page


def test_the_page_speaks_vietnamese_and_lao(client_for, la_focal, queue):
    client = client_for(la_focal)
    upload(client, GOOD)
    jobs.work()
    job = TradeImport.objects.get()
    lao = client.get(reverse("trade-import", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="lo")
    vi = client.get(reverse("trade-imports"), HTTP_ACCEPT_LANGUAGE="vi")
    assert "ບັນທຶກ 3 ແຖວຈາກ comtrade" in lao.content.decode()  # "3 lines stored"
    assert "ເສຍເລກສູນນຳໜ້າ" in lao.content.decode()  # the notice, translated
    assert "Tải lên tệp thương mại" in vi.content.decode()


def test_a_same_file_twice_changes_nothing_and_an_overlap_is_refused(client_for, steward, queue):
    client = client_for(steward)
    upload(client, GOOD)
    upload(client, GOOD)
    upload(client, GOOD.replace("1000", "1100"), name="revised.csv")
    assert jobs.work() == 3
    first, again, revised = TradeImport.objects.order_by("id")
    assert first.state == again.state == JobState.DONE
    assert again.result[0]["already"] is True
    assert revised.state == JobState.FAILED
    assert "already holds" in revised.errors[0]["message"]
    upload(client, GOOD.replace("1000", "1100"), name="revised.csv", replace="on")
    jobs.work()
    assert TradeImport.objects.latest("id").state == JobState.DONE
    [stored] = queue.imports()
    assert stored.value_usd == 1650.0  # replaced, never added


def test_a_customs_table_needs_reporter_and_edition_and_a_focal_point_gives_only_its_own(
    client_for, vn_focal, queue
):
    client = client_for(vn_focal)
    response = upload(client, GOOD, source="customs")
    assert response.status_code == 400 and not TradeImport.objects.exists()
    text = response.content.decode()
    assert "needs its reporter" in text and "needs its HS edition" in text
    response = upload(client, GOOD, source="customs", reporter="LAO", edition="HS2017")
    assert response.status_code == 400  # a Vietnamese focal point declares no Lao table
    response = upload(client, GOOD, name="notes.docx")
    assert response.status_code == 400 and "A trade file ends in" in response.content.decode()


def test_a_file_over_the_limit_is_refused_before_it_is_stored(client_for, steward, queue, settings):
    settings.LIENKET_TRADE_UPLOAD_MAX_MB = 0
    response = upload(client_for(steward), GOOD)
    assert response.status_code == 400 and not TradeImport.objects.exists()
    assert not jobs.upload_dir().exists() or not any(jobs.upload_dir().iterdir())


@pytest.mark.parametrize("who", [None, "reader", "enterprise_user"])
def test_only_focal_points_and_stewards_upload_or_follow_uploads(
    client_for, who, request, queue, steward
):
    job = TradeImport.objects.create(file_name="x.csv", stored="x/x.csv", source="comtrade")
    client = client_for(request.getfixturevalue(who) if who else None)
    refused = 302 if who is None else 403  # anonymous visitors are sent to the login page
    for url in (reverse("trade-imports"), reverse("trade-import", args=[job.pk])):
        assert client.get(url).status_code == refused
    assert upload(client, GOOD).status_code == refused
    assert TradeImport.objects.count() == 1
    assert client.get(reverse("api-trade-import", args=[job.pk])).status_code == 403
    page = client.get(reverse("trade-data")).content.decode()
    assert reverse("trade-imports") not in page


def test_a_claimed_job_is_never_run_twice_and_a_stopped_one_is_queued_again(db, queue):
    from lienket.core import jobs as every

    a = TradeImport.objects.create(file_name="a.csv", stored="a/a.csv", source="comtrade")
    TradeImport.objects.create(file_name="b.csv", stored="b/b.csv", source="comtrade")
    TradeImport.objects.update(state=JobState.RUNNING)  # claimed by a worker
    assert every.run_job.call("trade.TradeImport", a.pk) == "taken"
    assert TradeImport.objects.get(pk=a.pk).state == JobState.RUNNING
    assert every.recover(["trade"]) == 2  # a server stopped while both were running
    assert set(TradeImport.objects.values_list("state", flat=True)) == {JobState.QUEUED}
    assert jobs.work() == 2 and not TradeImport.objects.filter(state=JobState.QUEUED).exists()


def test_a_missing_upload_ends_as_a_refusal_not_a_job_running_for_ever(db, queue):
    from lienket.core import jobs as every

    every.enqueue(TradeImport.objects.create(file_name="gone.csv", stored="gone/gone.csv",
                                             source="comtrade"))  # fmt: skip
    jobs.work()
    job = TradeImport.objects.get()
    assert job.state == JobState.FAILED and job.finished is not None
    assert "file not found" in json.dumps(job.errors)


@pytest.mark.django_db(transaction=True)
def test_the_server_thread_imports_an_upload_without_a_separate_worker(
    client_for, steward, queue, settings
):
    settings.LIENKET_IMPORT_WORKER = "thread"
    response = upload(client_for(steward), GOOD)
    assert response.status_code == 302
    assert worker.THREAD.wait_idle(60)
    job = TradeImport.objects.get()
    assert job.state == JobState.DONE, job.errors
    assert queue.imports()[0].rows == 3


def test_a_separate_worker_takes_the_queue_on_the_command_line(client_for, steward, queue):
    from typer.testing import CliRunner

    from lienket.cli import app

    upload(client_for(steward), GOOD)
    upload(client_for(steward), BAD, name="bad.csv")
    result = CliRunner().invoke(app, ["trade", "work"])
    assert result.exit_code == 0, result.output
    assert "comtrade_2023.csv" in result.output and "bad.csv" in result.output
    assert "failed, 1 problem(s)" in result.output
    assert "2 job(s) done; 0 waiting" in result.output
    assert [j.state for j in TradeImport.objects.order_by("id")] == ["done", "failed"]
