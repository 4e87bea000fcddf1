"""The Reports page: who builds, previews, downloads, submits; builds in the background with
their progress; submitted reports frozen; the stewards' template."""

from __future__ import annotations

import io

import pytest
from docx import Document as Word

from lienket.core import jobs
from lienket.core.models import AuditAction, AuditEvent, JobState
from lienket.reports import services
from lienket.reports.models import Report, Template

pytestmark = pytest.mark.django_db
FORM = {"period": "2022", "lang": "lo", "fmt": "docx", "dated": "2025-03-01",
        "next_steps": "ຈັດກອງປະຊຸມ.\n\nລົງນາມ."}  # fmt: skip


@pytest.fixture(autouse=True)
def _external_worker(settings):
    settings.LIENKET_IMPORT_WORKER = "external"  # the test runs the queue itself


def test_roles(client_for, steward, vn_focal, reader, enterprise_user, client):
    assert client.get("/reports/").status_code == 302  # to the login page
    assert client_for(enterprise_user).get("/reports/").status_code == 403
    page = client_for(reader).get("/reports/")
    assert page.status_code == 200 and b'name="next_steps"' not in page.content
    assert client_for(reader).post("/reports/", FORM).status_code == 403
    assert b'name="next_steps"' in client_for(vn_focal).get("/reports/").content
    assert client_for(vn_focal).get("/reports/template/").status_code == 403
    assert client_for(steward).get("/reports/template/").status_code == 200


def test_build_poll_download_submit(demo, client_for, la_focal, reader):
    c = client_for(la_focal)
    response = c.post("/reports/", FORM)
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert report.state == JobState.QUEUED and report.created_by_label
    status = c.get(f"/reports/{report.pk}/status.json").json()
    assert status == {**status, "finished": False, "percent": 0}
    assert jobs.work() == 1
    report.refresh_from_db()
    assert (
        report.state == JobState.DONE and report.snapshot_hash == services.take_snapshot()["hash"]
    )
    assert c.get(f"/reports/{report.pk}/status.json").json()["finished"] is True
    page = c.get(f"/reports/{report.pk}/")
    assert report.snapshot_hash.encode() in page.content
    download = client_for(reader).get(f"/reports/{report.pk}/download/")
    assert download["Content-Disposition"].startswith("attachment")
    word = Word(io.BytesIO(download.content))
    assert "ລົງນາມ." in [p.text for p in word.paragraphs]
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()
    # the next steps are offered again for the same period
    c = client_for(la_focal)  # one test client: log the focal point in again
    assert "ລົງນາມ." in c.get("/reports/?period=2022").content.decode()
    # submitted: frozen, kept, cannot be deleted or submitted twice
    assert client_for(reader).post(f"/reports/{report.pk}/submit/").status_code == 403
    c = client_for(la_focal)
    c.post(f"/reports/{report.pk}/submit/")
    report.refresh_from_db()
    assert report.frozen and report.submitted_by_label
    c.post(f"/reports/{report.pk}/delete/")
    assert Report.objects.filter(pk=report.pk).exists()
    with pytest.raises(services.ReportError):
        services.submit(report, la_focal)


def test_preview_is_html_and_is_not_kept(demo, client_for, vn_focal):
    response = client_for(vn_focal).post("/reports/", {**FORM, "lang": "vi", "preview": "1"})
    assert response["Content-Type"].startswith("text/html")
    assert "Tóm tắt các chỉ số chính" in response.content.decode()
    assert not Report.objects.exists()


def test_a_bad_period_is_refused_on_the_form(client_for, vn_focal):
    response = client_for(vn_focal).post("/reports/", {**FORM, "period": "2025-H3"})
    assert response.status_code == 200 and "2025-H3" in response.content.decode()
    assert not Report.objects.exists()


def test_a_failed_build_says_so_and_never_stays_running(demo, client_for, vn_focal, monkeypatch):
    client_for(vn_focal).post("/reports/", FORM)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services.writers, "write", broken)
    jobs.work()
    report = Report.objects.get()
    assert report.state == JobState.FAILED and report.error == "RuntimeError"
    assert client_for(vn_focal).get(f"/reports/{report.pk}/download/").status_code == 404


def test_the_template_reorders_sections_and_takes_a_logo(demo, client_for, steward):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
        b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {f"pos_{k}": n for n, k in enumerate(
        ["next_steps", "summary", "glance", "trade", "opportunities", "chains", "pilots", "investment",
         "aid", "workplan", "training", "commitments"], start=1)}  # fmt: skip
    data.update({"use_next_steps": "on", "use_summary": "on", "vi_title": "Báo cáo sáu tháng"})
    data["logo"] = SimpleUploadedFile("logo.png", png, "image/png")
    response = client_for(steward).post("/reports/template/", data)
    assert response.status_code == 302
    tpl = Template.current()
    assert tpl.order() == ["next_steps", "summary"] and tpl.logo_type == "image/png"
    assert tpl.cover_for("vi") == {"title": "Báo cáo sáu tháng"}
    html = client_for(steward).post("/reports/", {**FORM, "lang": "vi", "preview": "1"})
    text = html.content.decode()
    assert "Báo cáo sáu tháng" in text and "data:image/png;base64," in text
    assert text.index("1. Các bước tiếp theo") < text.index("2. Tóm tắt")
    # a file that is not a picture is refused, and the template is unchanged
    bad = {**data, "logo": SimpleUploadedFile("logo.png", b"MZ\x90\x00", "image/png")}
    response = client_for(steward).post("/reports/template/", bad)
    assert response.status_code == 200 and Template.current().logo_type == "image/png"
    # a form missing a section's position (or giving a word) is shown again, not a server error
    partial = {k: v for k, v in data.items() if k not in ("pos_commitments", "logo")}
    partial["pos_trade"] = "first"
    again = client_for(steward).post("/reports/template/", partial)
    assert again.status_code == 200 and Template.current().order() == ["next_steps", "summary"]
