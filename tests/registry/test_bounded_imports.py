"""Bounded work (issue 12): a file that would exhaust the server is refused before it is read,
with a clear reason, in bounded memory; a refused file's problems are kept in bounded number."""

from __future__ import annotations

import io
import zipfile

import pytest

from lienket.core.models import ImportJob, JobState
from lienket.engine.errors import KEPT_ERRORS, DataError
from lienket.engine.io.tabular import Limits, read_table
from lienket.registry.models import Enterprise

MB = 1024 * 1024
HEADER = "country,name_vi,name_lo,name_en,tax_id,province,sector"


def _rss_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))


def _peak(work) -> tuple[int, object]:
    """How far the process's resident memory rose while ``work`` ran (bytes), and its outcome.

    Linux's peak-RSS counter is reset first (``clear_refs`` 5), so the peak is this call's.
    """
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    before = _rss_kb("VmRSS:")
    try:
        outcome = work()
    except DataError as exc:
        outcome = exc
    return (_rss_kb("VmHWM:") - before) * 1024, outcome


def _zip_bomb(unpacked_mb: int) -> bytes:
    """An XLSX-shaped zip whose sheet unpacks to ``unpacked_mb`` MB of one repeated row."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"<row><c><v>1</v></c></row>" * (MB // 26)
            for _ in range(unpacked_mb):
                sheet.write(chunk)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_opened():
    bomb = _zip_bomb(300)
    assert len(bomb) < 2 * MB
    peak, outcome = _peak(lambda: read_table(io.BytesIO(bomb), "firms.xlsx", ("country",)))
    assert isinstance(outcome, DataError)
    assert "unpacks to" in str(outcome) and "times its size" in str(outcome)
    assert peak < 20 * MB  # the 300 MB inside were never unpacked


def test_a_file_over_the_size_limit_is_refused_unread():
    big = io.BytesIO(b"country,name_en\n" + b"VNM,A firm\n" * (3 * MB // 11))
    limits = Limits(max_bytes=1 * MB)
    peak, outcome = _peak(lambda: read_table(big, "firms.csv", ("country",), limits=limits))
    assert isinstance(outcome, DataError) and "at most 1.0 MB" in str(outcome)
    assert peak < 3 * MB  # one megabyte and a byte were read, not the three


def test_too_many_rows_are_refused_with_the_limit_named():
    rows = b"country,name_en\n" + b"VNM,A firm\n" * 1_001
    with pytest.raises(DataError, match="more than 1000 rows"):
        read_table(io.BytesIO(rows), "firms.csv", ("country",), limits=Limits(max_rows=1_000))
    # the same in a workbook
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["country", "name_en"])
    for _ in range(1_001):
        wb.active.append(["VNM", "A firm"])
    data = io.BytesIO()
    wb.save(data)
    with pytest.raises(DataError, match="more than 1000 rows"):
        read_table(io.BytesIO(data.getvalue()), "firms.xlsx", ("country",),
                   limits=Limits(max_rows=1_000))  # fmt: skip


def test_a_huge_field_is_a_row_error_not_a_crash():
    text = "country,name_en\nVNM," + "x" * 200_000 + "\n"
    with pytest.raises(DataError) as caught:
        read_table(io.BytesIO(text.encode()), "firms.csv", ("country",))
    (error,) = caught.value.errors
    assert (error.row, error.field) == (2, "name_en") and "200000" in error.text()


def test_a_million_errors_are_counted_but_only_the_first_are_kept():
    # 100,000 rows of ten cells, each holding a control character: a million problems
    row = ",".join(["a\x07"] * 10) + "\n"
    text = ",".join(f"c{i}" for i in range(10)) + "\n" + row * 100_000
    columns = tuple(f"c{i}" for i in range(10))
    peak, outcome = _peak(lambda: read_table(io.BytesIO(text.encode()), "bad.csv", columns))
    assert isinstance(outcome, DataError)
    assert outcome.total == 1_000_000 and len(outcome.errors) == KEPT_ERRORS
    assert outcome.errors[0].row == 2 and outcome.cut == 1_000_000 - KEPT_ERRORS
    # the rows and the problems kept cost some tens of MB; a million RowError objects would
    # cost hundreds more
    assert peak < 250 * MB


def test_the_web_refuses_an_oversized_upload_before_queueing_it(client_for, registry, steward,
                                                                 settings):  # fmt: skip
    settings.LIENKET_IMPORT_MAX_MB = 1
    upload = io.BytesIO(b"country,name_en\n" + b"VNM,A firm\n" * (2 * MB // 11))
    upload.name = "big.csv"
    response = client_for(steward).post("/import/", {"kind": "enterprises", "file": upload})
    assert response.status_code == 200 and "at most 1 MB are accepted" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_refused_import_keeps_its_problems_on_the_job_not_in_the_session(
    client_for, registry, steward
):
    lines = [HEADER] + [f"VNM,Công ty {i},,,,Atlantis,industry" for i in range(600)]
    upload = io.BytesIO("\n".join(lines).encode())
    upload.name = "bad.csv"
    client = client_for(steward)
    response = client.post("/import/", {"kind": "enterprises", "file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "600 problems found" in page and "and 400 more problems" in page
    job = ImportJob.objects.get()
    assert (job.state, job.error_count, len(job.errors)) == (JobState.FAILED, 600, 200)
    assert "import_errors" not in client.session
    # the report has every problem, in the reader's language
    from openpyxl import load_workbook

    report = client.get(f"/import/jobs/{job.pk}/errors.xlsx")
    rows = list(load_workbook(io.BytesIO(report.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 600 and rows[1][:3] == ("bad.csv", 2, "province")
    assert Enterprise.objects.count() == 3


def test_a_job_is_shown_to_its_owner_only(client_for, registry, steward, vn_focal, la_focal):
    upload = io.BytesIO(f"{HEADER}\nVNM,A,,,,Atlantis,industry\n".encode())
    upload.name = "bad.csv"
    client_for(vn_focal).post("/import/", {"kind": "enterprises", "file": upload})
    job = ImportJob.objects.get()
    assert client_for(la_focal).get(f"/import/jobs/{job.pk}/").status_code == 404
    assert client_for(la_focal).get(f"/import/jobs/{job.pk}/errors.xlsx").status_code == 404
    assert client_for(steward).get(f"/import/jobs/{job.pk}/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_web_import_runs_in_the_worker_thread_with_progress(client, settings):
    from django.contrib.auth.models import User

    from lienket.core import worker
    from lienket.registry.services import load_reference_zones

    load_reference_zones()
    settings.LIENKET_IMPORT_WAIT_SECONDS = 0  # show the progress page at once
    user = User.objects.create_superuser("root", password="x-long-password-1")
    client.force_login(user)
    lines = [HEADER] + [f"VNM,Công ty Số {i},,,,Hà Tĩnh,industry" for i in range(2_000)]
    upload = io.BytesIO("\n".join(lines).encode())
    upload.name = "many.csv"
    response = client.post("/import/", {"kind": "enterprises", "file": upload})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/import/jobs/{job.pk}/"
    assert worker.THREAD.wait_idle(120)
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.result["created"] == 2_000
    assert Enterprise.objects.count() == 2_000
    page = client.get(f"/import/jobs/{job.pk}/").content.decode()
    assert "2000 rows imported" in page
