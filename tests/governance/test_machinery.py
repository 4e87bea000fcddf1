"""Issue 27, parts 2, 5 and 7: commitments rolled up from their parts, linked to what delivers
them, reported through a spreadsheet in the sheet's language, joint inspections whose follow-up
actions become commitments, and the implementation report for the next session."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.utils import translation
from openpyxl import load_workbook
from typer.testing import CliRunner

from lienket.cli import app
from lienket.core.models import Role
from lienket.engine.errors import DataError
from lienket.engine.trade.turnover import Period
from lienket.governance import commitments, reference, sheets
from lienket.governance.models import Commitment, Inspection
from lienket.reports import services
from lienket.reports.document import Table
from lienket.reports.models import Report
from tests.conftest import _user
from tests.projects.conftest import cited, portfolio  # noqa: F401 - fixtures used by name

pytestmark = pytest.mark.django_db
runner = CliRunner()
ON = date(2025, 9, 30)


def _entry(code: str, on: date = ON) -> commitments.Entry:
    return next(e for e in commitments.entries(on) if e.c.code == code)


def test_a_parent_rolls_up_its_parts_progress_and_worst_status(steward):
    reference.load()
    inspection = Commitment.objects.get(code="c47-aid-inspection")
    reallocation = Commitment.objects.get(code="c47-aid-reallocation")
    commitments.record_update(inspection, date(2025, 6, 1), "on_track", 40, "two visits", "",
                              steward)  # fmt: skip
    commitments.record_update(reallocation, date(2025, 6, 1), "at_risk", 60, "one proposal", "",
                              steward)  # fmt: skip
    parent = _entry("c47-aid-efficiency")
    assert [p.c.code for p in parent.children] == ["c47-aid-inspection", "c47-aid-reallocation"]
    assert parent.progress == 50 and parent.rolled_up
    assert parent.status == "at_risk"  # the worst part; no aid data measures it
    # after the deadline, what is not met is late
    assert _entry("c47-aid-reallocation", date(2026, 2, 1)).status == "late"
    listed = {r["code"]: r for r in commitments.rows(ON)}
    assert listed["c47-aid-reallocation"]["parent"] == "c47-aid-efficiency"
    assert listed["c47-aid-efficiency"]["progress_rolled_up"] is True


@pytest.mark.usefixtures("cited")
def test_a_commitment_is_linked_to_the_project_that_delivers_it(client_for, steward, reader):
    reference.load()
    from lienket.projects.models import Project

    code = Project.objects.filter(kind="aid").values_list("code", flat=True).first()
    url = "/governance/commitments/c47-aid-reallocation/"
    assert client_for(reader).post(url, {"action": "link", "kind": "project",
                                         "ref": code}).status_code == 403  # fmt: skip
    client = client_for(steward)
    assert client.post(url, {"action": "link", "kind": "project", "ref": "nothing"}).status_code \
        == 400  # fmt: skip
    assert client.post(url, {"action": "link", "kind": "project", "ref": code}).status_code == 302
    page = client.get(url).content.decode()
    assert f"/projects/{code}/" in page


def test_the_sheet_round_trips_in_vietnamese_and_refuses_what_a_ministry_does_not_own(steward):
    reference.load()
    with translation.override("vi"):
        data = sheets.export_xlsx(ON)
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[0] == "Mã" and "Tình trạng" in header  # the sheet's language
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    wind = rows["c47-wind"]
    assert wind[1].value == "chưa bắt đầu"  # statuses in words of the sheet's language
    wind[1].value = "đúng tiến độ"
    wind[2].value = 30
    wind[3].value = "Hai dự án điện gió biên giới được cấp phép"
    wind[4].value = "https://example.org/gio"
    out = io.BytesIO()
    wb.save(out)
    ministry = _user("moh", Role.MINISTRY, country="VNM", organisation="Ministry of Health (VN)")
    from lienket.core import roles

    with pytest.raises(DataError) as refused:
        sheets.import_xlsx(io.BytesIO(out.getvalue()), "cam_ket.xlsx", ministry, False, ON,
                           may_update=lambda c: roles.can_update_commitment(ministry, c))  # fmt: skip
    assert refused.value.errors[0].field == "Mã" and "c47-wind" in refused.value.errors[0].text()
    result = sheets.import_xlsx(io.BytesIO(out.getvalue()), "cam_ket.xlsx", steward, True, ON)
    assert (result.created, result.updated) == (0, 1)
    wind = Commitment.objects.get(code="c47-wind")
    assert (wind.status, wind.progress) == ("on_track", 30)
    (update,) = wind.updates.all()
    assert update.evidence == "https://example.org/gio"
    # a bad row: nothing saved, the row and column named as the file writes them
    ws.cell(row=2, column=2).value = "xong rồi"
    ws.cell(row=2, column=4).value = "should not be saved"
    bad = io.BytesIO()
    wb.save(bad)
    with pytest.raises(DataError) as caught:
        sheets.import_xlsx(io.BytesIO(bad.getvalue()), "cam_ket.xlsx", steward, True, ON)
    assert (caught.value.errors[0].row, caught.value.errors[0].field) == (2, "Tình trạng")
    assert Commitment.objects.get(code="c47-wind").updates.count() == 1


def test_commitments_export_and_import_on_the_command_line(tmp_path):
    reference.load()
    path = tmp_path / "commitments.xlsx"
    exported = runner.invoke(app, ["commitments", "export", str(path), "--lang", "lo"])
    assert exported.exit_code == 0, exported.output
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws.append(["c47-new-1", "ຍັງບໍ່ເລີ່ມ", None, None, None, None, "aid", "joint", "",
               "2026-06-30", "A new direction", "", "", "c47-aid-efficiency", 47])  # fmt: skip
    wb.save(path)
    checked = runner.invoke(app, ["commitments", "import", str(path), "--check-only"])
    assert checked.exit_code == 0, checked.output
    assert not Commitment.objects.filter(code="c47-new-1").exists()
    imported = runner.invoke(app, ["commitments", "import", str(path)])
    assert imported.exit_code == 0, imported.output
    assert "1 commitment(s) added" in imported.output
    new = Commitment.objects.get(code="c47-new-1")
    assert new.parent.code == "c47-aid-efficiency" and new.session.number == 47


@pytest.mark.usefixtures("portfolio")
def test_a_joint_inspection_records_its_follow_up_actions_as_commitments(
    client_for, reader, la_focal
):
    reference.load()
    from lienket.projects.models import Project

    aid = Project.objects.filter(kind="aid").first()
    form = {"project": aid.code, "on": "2025-05-20", "team_vnm": "MPI, Embassy",
            "team_lao": "MPI Laos, province", "findings": "Works 3 months late.",
            "action_1": "Submit a revised schedule", "owner_1": "LAO", "due_1": "2025-07-31",
            "action_2": "", "owner_2": "joint", "due_2": ""}  # fmt: skip
    assert client_for(reader).post("/governance/inspections/", form).status_code == 403
    client = client_for(la_focal)
    assert client.post("/governance/inspections/", {**form, "team_lao": ""}).status_code == 400
    assert client.post("/governance/inspections/", form).status_code == 302
    (inspection,) = Inspection.objects.all()
    (action,) = inspection.actions.all()
    assert (action.owner_side, action.due, action.parent.code) == (
        "LAO",
        date(2025, 7, 31),
        "c47-aid-inspection",
    )
    page = client.get("/governance/inspections/").content.decode()
    assert "Works 3 months late." in page and "Submit a revised schedule" in page
    assert client.get(f"/governance/commitments/{action.code}/").status_code == 200


def test_the_implementation_report_shows_the_updates_and_is_listed(steward, tmp_path):
    reference.load()
    wind = Commitment.objects.get(code="c47-wind")
    commitments.record_update(wind, date(2025, 11, 3), "met", 100, "Two wind projects licensed",
                              "https://example.org/wind", steward)  # fmt: skip
    doc, _snap = services.document(Period(2025), "en", date(2026, 1, 5), session=47)
    assert [s.key for s in doc.sections] == ["commitments", "next_steps"]
    assert "session 47" in doc.title
    (table,) = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    row = next(r for r in table.rows if "wind" in r[0].lower())
    assert row[3] == "met" and row[4] == pytest.approx(1.0)
    assert "Two wind projects licensed" in row[5] and "https://example.org/wind" in row[5]
    assert any(r[3] == "not_tracked" for r in table.rows)  # defence: recorded, not left out
    # on the report's date (5 January 2026) what was due on 31 December 2025 and not met is late
    grid = next(r for r in table.rows if "transmission" in r[0].lower())
    assert grid[3] == "late"
    out = tmp_path / "impl.docx"
    built = runner.invoke(app, ["report", "--period", "2025", "--session", "47", "--lang", "lo",
                                "--format", "docx", "--out", str(out), "--date", "2026-01-05"])  # fmt: skip
    assert built.exit_code == 0, built.output
    report = Report.objects.get()
    assert report.session == 47 and report.file_name == "lienket-implementation-47-lo.docx"


def test_the_secretariat_adds_and_corrects_the_committees_records(client_for, reader):
    reference.load()
    secretariat = _user("cc-vn", Role.SECRETARIAT, country="VNM", organisation="CC")
    assert client_for(reader).get("/governance/session/new/").status_code == 403
    client = client_for(secretariat)
    assert client.get("/governance/nothing/new/").status_code == 400
    form = {"body": "Viet Nam - Lao PDR Intergovernmental Committee", "number": "48",
            "level": "plenary", "starts": "2026-01-20", "ends": "2026-01-10", "state": "planned",
            "place": "Hà Nội", "source": "Invitation letter"}  # fmt: skip
    refused = client.post("/governance/session/new/", form)
    assert refused.status_code == 400 and "The end comes before the start." in refused.text
    saved = client.post("/governance/session/new/", {**form, "ends": "2026-01-21"})
    assert saved.status_code == 302
    from lienket.core.models import AuditEvent
    from lienket.governance.models import Session

    session = Session.objects.get(number=48)
    assert AuditEvent.objects.filter(object_type__icontains="session",
                                     object_id=str(session.pk)).exists()  # fmt: skip
    wind = Commitment.objects.get(code="c47-wind")
    edit = f"/governance/commitment/{wind.code}/edit/"
    page = client.get(edit)
    assert page.status_code == 200 and wind.text_en in page.text
    data = {"code": wind.code, "area": wind.area, "text_en": wind.text_en, "owner_side": "joint",
            "status": "not_started", "parent": str(wind.pk)}  # fmt: skip
    assert "cannot be part of itself" in client.post(edit, data).text
    no_text = {**data, "text_en": "", "parent": ""}
    assert "Give the text in at least one language." in client.post(edit, no_text).text
    data.update(parent="", session=str(session.pk), due="2026-12-31")
    assert client.post(edit, data).status_code == 302
    wind.refresh_from_db()
    assert wind.session_id == session.pk and str(wind.due) == "2026-12-31"
    assert client.get(f"/governance/sessions/{session.pk}/").status_code == 200


def test_a_hostile_sheet_or_form_is_refused_with_its_reason(client_for, steward):
    from django.core.files.uploadedfile import SimpleUploadedFile

    reference.load()
    client = client_for(steward)
    for name, data in (("junk.xlsx", b"PK\x03\x04 not a workbook"), ("empty.csv", b""),
                       ("bad.csv", b"code,status\n=cmd|' /C calc'!A0,met\n")):  # fmt: skip
        response = client.post("/governance/commitments/import/",
                               {"file": SimpleUploadedFile(name, data), "action": "import"})  # fmt: skip
        assert response.status_code == 400, name
        assert name in response.text  # the error names the file
    assert not Commitment.objects.filter(code__startswith="=").exists()
    assert client.post("/governance/commitments/import/", {}).status_code == 400
    bad_date = {"project": "nothing", "on": "2025-13-40", "team_vnm": "a", "team_lao": "b",
                "findings": "c"}  # fmt: skip
    assert client.post("/governance/inspections/", bad_date).status_code == 400
    assert (
        client.post(
            "/governance/commitments/c47-wind/",
            {"action": "link", "kind": "pilot", "ref": "x" * 500},
        ).status_code
        == 400
    )


def test_a_documents_file_is_uploaded_by_the_secretariat_and_read_by_government_roles(
    client_for, reader, settings, tmp_path, client
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lienket.governance.models import Document

    settings.MEDIA_ROOT = tmp_path / "media"
    reference.load()
    doc = Document.objects.filter(kind="mou").first()
    secretariat = _user("cc-la", Role.SECRETARIAT, country="LAO", organisation="CC")
    edit = f"/governance/document/{doc.code}/edit/"
    fields = {"code": doc.code, "kind": doc.kind, "title_en": doc.title_en,
              "title_vi": doc.title_vi, "title_lo": doc.title_lo, "source": doc.source}  # fmt: skip
    sc = client_for(secretariat)
    refused = sc.post(edit, {**fields, "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00exe")})
    assert refused.status_code == 400 and "must be a PDF" in refused.text
    pdf = b"%PDF-1.7\n% the signed text\n"
    assert sc.post(edit, {**fields, "file": SimpleUploadedFile("mou.pdf", pdf)}).status_code == 302
    doc.refresh_from_db()
    assert doc.file and doc.title_en == fields["title_en"]
    got = client_for(reader).get(f"/governance/documents/{doc.code}/file")
    assert got.status_code == 200 and b"".join(got.streaming_content) == pdf
    assert f'filename="{doc.code}.pdf"' in got["Content-Disposition"]
    client.logout()
    assert client.get(f"/governance/documents/{doc.code}/file").status_code == 302  # to login


def test_an_unchanged_sheet_records_nothing_even_when_statuses_are_derived(steward):
    # after the deadline most commitments show "late" and the aid parent its parts' progress;
    # importing the export unchanged must not turn those shown values into updates
    reference.load()
    part = Commitment.objects.get(code="c47-aid-inspection")
    commitments.record_update(part, date(2025, 6, 1), "on_track", 40, "two visits", "", steward)
    later = date(2026, 3, 1)
    assert _entry("c47-wind", later).status == "late"
    data = sheets.export_xlsx(later)
    result = sheets.import_xlsx(io.BytesIO(data), "same.xlsx", steward, True, later)
    assert (result.created, result.updated) == (0, 0)
    assert Commitment.objects.get(code="c47-wind").updates.count() == 0


def test_a_computed_commitment_without_data_is_late_after_its_deadline():
    reference.load()
    assert _entry("c47-trade-growth", date(2025, 6, 1)).status == "not_started"
    assert _entry("c47-trade-growth", date(2026, 1, 5)).status == "late"


def test_a_figure_from_the_demo_is_marked_fictional(client_for, steward):
    from lienket.trade import figures

    reference.load()
    figures.add_figure(figures.check_row({"period": "2024", "declarant": "VNM", "partner": "LAO",
                                          "flow": "total", "value": "2200", "unit": "USD million",
                                          "source_title": "demo", "fictional": "yes"}).values,
                       None)  # fmt: skip
    figures.add_figure(figures.check_row({"period": "2025", "declarant": "VNM", "partner": "LAO",
                                          "flow": "total", "value": "2450", "unit": "USD million",
                                          "source_title": "demo", "fictional": "yes"}).values,
                       None)  # fmt: skip
    entry = _entry("c47-trade-growth", date(2026, 1, 5))
    assert entry.status == "met" and entry.actual.fictional
    page = client_for(steward).get("/governance/commitments/").text
    row = page[page.index("c47-trade-growth") :]
    assert 'class="badge fictional"' in row[: row.index("</tr>")]
    assert next(r for r in commitments.rows(date(2026, 1, 5))
                if r["code"] == "c47-trade-growth")["actual_fictional"] is True  # fmt: skip


def test_the_api_lists_the_commitments_for_government_roles(client_for, reader, enterprise_user):
    reference.load()
    client = client_for(reader)
    found = client.get("/api/governance/commitments/?session=47").json()
    codes = {r["code"] for r in found["commitments"]}
    assert "c47-trade-growth" in codes and len(codes) == 13
    row = next(r for r in found["commitments"] if r["code"] == "c47-defence")
    assert row["status"] == "not_tracked" and row["source"]
    assert client.get("/api/governance/commitments/?session=x").status_code == 400
    assert client.post("/api/governance/commitments/", {}).status_code in (403, 405)
    client.logout()
    assert client_for(enterprise_user).get("/api/governance/commitments/").status_code == 403
