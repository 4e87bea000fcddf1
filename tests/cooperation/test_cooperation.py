"""Cooperation for each role: plans, agreement, meetings, nominations within capacity,
attendance, certificates, reminders, the calendar feed, and the plan in XLSX."""

import io
import os
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.core import mail
from icalendar import Calendar
from openpyxl import Workbook
from typer.testing import CliRunner

from lienket.cli import app
from lienket.cooperation import services, sheets
from lienket.cooperation.models import (
    Activity,
    Course,
    Meeting,
    Nomination,
    PlanStatus,
    Trainee,
    WorkPlan,
)
from lienket.core.models import AuditEvent, Role
from lienket.engine.errors import DataError
from tests.conftest import _user
from tests.cooperation.conftest import ON

ARTEFACTS = Path(os.environ.get("LIENKET_TEST_ARTEFACTS", "var/test-artefacts"))
READ = ["/cooperation/", "/cooperation/group/", "/cooperation/meetings/",
        "/cooperation/decisions/", "/cooperation/reminders/"]  # fmt: skip


@pytest.fixture
def lao_firm_user(coop, registry):
    firm = Trainee.objects.exclude(enterprise=None).first().enterprise
    return _user("firm-la", Role.ENTERPRISE, enterprise=firm)


def _plan():
    return WorkPlan.objects.get(code="jwg-2025-2026")


@pytest.mark.parametrize("page", [*READ, "/cooperation/training/", "/cooperation/calendar/"])
def test_anonymous_visitors_are_sent_to_log_in(client, coop, page):
    response = client.get(page)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["steward", "vn_focal", "la_focal", "reader"])
def test_government_roles_read_everything(client_for, coop, request, persona):
    c = client_for(request.getfixturevalue(persona))
    pages = [*READ, f"/cooperation/plans/{_plan().pk}/", "/cooperation/training/",
             "/cooperation/courses/fs-2025-coffee/"]  # fmt: skip
    for page in pages:
        assert c.get(page).status_code == 200, page


def test_an_enterprise_user_sees_only_its_own_staffs_training(
    client_for, coop, lao_firm_user, enterprise_user
):
    c = client_for(lao_firm_user)
    assert c.get("/cooperation/").status_code == 302
    for page in READ[1:]:
        assert c.get(page).status_code == 403, page
    training = c.get("/cooperation/training/").content.decode()
    assert "fs-2025-coffee" in training and "ts-2026-hs" not in training
    course = c.get("/cooperation/courses/fs-2025-coffee/").content.decode()
    assert "Souksavanh" in course and "Phonesavanh" not in course  # an official of another body
    assert c.get("/cooperation/certificates/LK-DEMO-0001.pdf").status_code == 200
    assert c.get("/cooperation/certificates/LK-DEMO-0002.pdf").status_code == 404
    other = client_for(enterprise_user)  # a Vietnamese firm with no trainees
    assert "fs-2025-coffee" not in other.get("/cooperation/training/").content.decode()
    assert other.get("/cooperation/courses/fs-2025-coffee/").status_code == 404


def test_anonymous_sees_only_a_certificates_validity(client, coop):
    page = client.get("/verify/LK-DEMO-0001/").content.decode()
    assert "is valid" in page and "Chế biến cà phê" in page
    assert "Souksavanh" not in page and "ສຸກສະຫວັນ" not in page
    assert client.get("/verify/LK-NOPE/").status_code == 404
    assert client.get("/cooperation/certificates/LK-DEMO-0001.pdf").status_code == 302


@pytest.mark.parametrize(("persona", "status"), [("steward", 403), ("reader", 403),
                                                 ("vn_focal", 302), ("la_focal", 302)])  # fmt: skip
def test_only_focal_points_edit_plans(client_for, coop, request, persona, status):
    c = client_for(request.getfixturevalue(persona))
    a = Activity.objects.get(number="2.1")
    response = c.post(f"/cooperation/activities/{a.pk}/", {"date": "2025-12-01", "percent": 80,
                                                           "text": "Report drafted."})  # fmt: skip
    assert response.status_code == status
    assert a.notes.filter(text="Report drafted.").exists() == (status == 302)
    assert c.get(f"/cooperation/plans/{_plan().pk}/import/").status_code == (
        200 if status == 302 else 403
    )


def test_two_co_chairs_agree_and_a_revision_is_a_new_version(client_for, coop, vn_focal, la_focal):
    plan = _plan()
    WorkPlan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT, agreed_vn=None,
                                               agreed_la=None)  # fmt: skip
    client_for(vn_focal).post(f"/cooperation/plans/{plan.pk}/agree/")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.agreed_vn and not plan.agreed_la
    client_for(la_focal).post(f"/cooperation/plans/{plan.pk}/agree/")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED and plan.agreed_la_by == "iice"
    client_for(la_focal).post(f"/cooperation/plans/{plan.pk}/revise/")
    plan.refresh_from_db()
    new = plan.revision
    assert plan.status == PlanStatus.REVISED and new.version == 2 and new.status == PlanStatus.DRAFT
    assert new.activities.count() == plan.activities.count() == 10
    assert AuditEvent.objects.filter(action="approved").count() == 2


def test_plan_progress_follows_the_rule(coop):
    summaries = {s.side: s for s in services.progress(services.rows(_plan(), ON), ON)}
    # by 1 Dec 2025: 1.1, 1.2 done; 5.1 (due 2025-12-31) on track; 2.1 (due 2025-08-29) late
    assert summaries["joint"].count("done") == 2
    assert summaries["LAO"].count("late") >= 1
    assert summaries["all"].total == 10


def test_the_gantt_draws_every_activity(coop):
    rows = services.rows(_plan(), ON)
    svg = services.gantt(_plan(), rows, ON, "timeline")
    assert svg.count("<rect") >= 10 + 5 and "2025-12-01" in svg
    assert "Survey coffee processors" in svg


def test_nominations_are_the_lao_focal_points_alone_and_within_capacity(
    client_for, coop, vn_focal, la_focal, steward
):
    course = Course.objects.get(code="ts-2026-hs")
    extra = [Trainee.objects.create(name=f"Trainee {i}", kind="official") for i in range(12)]
    url = "/cooperation/courses/ts-2026-hs/nominate/"
    for user in (vn_focal, steward):
        assert client_for(user).post(url, {"trainees": [extra[0].pk]}).status_code == 403
    # 12 places, 1 taken: 12 more are refused whole
    client_for(la_focal).post(url, {"trainees": [t.pk for t in extra]})
    assert course.nominations.count() == 1
    client_for(la_focal).post(url, {"trainees": [t.pk for t in extra[:11]]})
    assert course.nominations.count() == 12
    with pytest.raises(services.CapacityError):
        services.nominate(course, [extra[11]], la_focal)


def test_attendance_and_completion_by_the_viet_nam_side(client_for, coop, vn_focal, la_focal):
    course = Course.objects.get(code="ts-2026-hs")
    n = course.nominations.get()
    s1, s2, _s3 = course.sessions.all()
    url = "/cooperation/courses/ts-2026-hs/attendance/"
    assert client_for(la_focal).post(url, {f"att-{n.pk}-{s1.pk}": "on"}).status_code == 403
    client_for(vn_focal).post(url, {f"att-{n.pk}-{s1.pk}": "on", f"att-{n.pk}-{s2.pk}": "on",
                                    "completed": [n.pk]})  # fmt: skip
    n.refresh_from_db()
    assert set(n.attended.all()) == {s1, s2} and n.completed and n.certificate.startswith("LK-")


def test_the_certificate_holds_the_lao_name_and_the_vietnamese_title(coop):
    n = Nomination.objects.get(certificate="LK-DEMO-0001")
    pdf = services.certificate_pdf(n)
    doc = pdfium.PdfDocument(pdf)
    text = doc[0].get_textpage().get_text_range()
    assert n.trainee.name_lo in text  # ສຸກສະຫວັນ ແກ້ວມະນີ
    assert "Chế biến cà phê đặc sản và an toàn thực phẩm" in text
    assert "LK-DEMO-0001" in text and "/verify/LK-DEMO-0001/" in text
    assert "FICTIONAL" in text
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    image = doc[0].render(scale=1.5).to_pil()
    image.save(ARTEFACTS / "certificate-lo-vi.png")
    assert image.size[0] > image.size[1]  # landscape


def test_the_calendar_feed_parses_and_holds_the_right_events(client, coop, la_focal, lao_firm_user):
    token = services.calendar_token(la_focal)
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Joint working group, first meeting" in summaries
    assert any(s.startswith("Due: 5.2") for s in summaries)
    assert any("Opening and standards" in s for s in summaries)
    assert len(events) == 2 + 5 + 6  # meetings, open activities, sessions
    firm = Calendar.from_ical(
        client.get(f"/calendar/{services.calendar_token(lao_firm_user)}.ics").content
    )
    mine = {str(e["SUMMARY"]) for e in firm.walk("VEVENT")}
    assert len(mine) == 3 and all("coffee" in s for s in mine)
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_reminders_page_and_command(client_for, coop, reader, settings):
    page = client_for(reader).get("/cooperation/reminders/?days=30&on=2025-12-01").content.decode()
    assert "Survey coffee processors" in page and "overdue" in page
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    result = CliRunner().invoke(app, ["reminders", "--days", "90", "--on", "2025-12-01", "--send"])
    assert result.exit_code == 0, result.output
    assert "2.1" in result.output and "sent 2 messages" in result.output
    assert len(mail.outbox) == 2
    vn = next(m for m in mail.outbox if "an@example.org" in m.to)
    assert set(vn.to) == {"an@example.org", "binh@example.org", "chau@example.org"}
    # 3.1, a Vietnamese-led activity, in Vietnamese
    assert "Báo cáo tiền khả thi" in vn.body
    assert "Khảo sát doanh nghiệp" not in vn.body  # 2.1 is the Lao side's
    lao = next(m for m in mail.outbox if "vongsavanh@example.org" in m.to)
    assert "ສຳຫຼວດຜູ້ປຸງແຕ່ງກາເຟ" in lao.body  # the Lao side reads its list in Lao


def test_a_decision_can_create_an_activity(client_for, coop, vn_focal):
    m = Meeting.objects.get(title__contains="second")
    org = Activity.objects.first().organisation
    response = client_for(vn_focal).post(
        f"/cooperation/meetings/{m.pk}/",
        {"number": 3, "text": "Hold a cassava fair in Savannakhet.", "side": "LAO",
         "organisation": org.pk, "due": "2026-06-30", "new_activity": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    d = m.decisions.get(number=3)
    assert d.activity.title_en == "Hold a cassava fair in Savannakhet." and d.activity.lead == "LAO"
    assert (
        "Hold a cassava fair"
        in client_for(vn_focal).get("/cooperation/decisions/").content.decode()
    )


def _xlsx(rows):
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_a_plan_export_imports_back_unchanged(coop, vn_focal):
    plan = _plan()
    before = list(plan.activities.values_list("number", "title_en", "title_lo", "lead",
                                              "organisation", "start", "due", "status", "done_on"))  # fmt: skip
    data = sheets.export_xlsx(plan, {})
    result = sheets.import_activities(plan, io.BytesIO(data), "plan.xlsx", vn_focal)
    assert (result.created, result.updated) == (0, 10)
    after = list(plan.activities.values_list("number", "title_en", "title_lo", "lead",
                                             "organisation", "start", "due", "status", "done_on"))  # fmt: skip
    assert after == before


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_a_plan_export_speaks_the_readers_language_and_imports_back(coop, vn_focal, lang):
    """Issue 26, part 5: the work-plan export carried raw codes ("joint", "open", "late") under
    snake_case headers. Its header is in the reader's language and every code has its words
    beside it; the file still imports back."""
    from django.utils import translation
    from openpyxl import load_workbook

    from lienket.cooperation import services

    plan = _plan()
    states = {r.activity.pk: r.state for r in services.rows(plan, date(2026, 6, 1))}
    with translation.override(lang):
        data = sheets.export_xlsx(plan, states)
        words = {st: services.state_label(st) for st in states.values()}
    ws = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[1]]
    assert not any("_" in h for h in header), header
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    state, state_words = header[-3], header[-2]
    assert {r[state_words] for r in rows} == {words[r[state]] for r in rows}
    assert all(r[state_words] and r[state_words] != r[state] for r in rows)
    result = sheets.import_activities(plan, io.BytesIO(data), "plan.xlsx", vn_focal)
    assert result.updated == len(rows)


def test_a_bad_plan_file_is_refused_whole_with_every_problem(coop, vn_focal):
    header = ["number", "title_en", "lead", "organisation", "start", "due"]
    rows = [
        ["Kế hoạch công tác 2025–2026"],  # a title row above the header
        header,
        ["9.1", "Good row", "VNM", "vioit", "2026-01-01", "2026-03-01"],
        ["9.2", "Bad date", "LAO", "iice", "31/02/2026", "2026-03-01"],
        ["9.3", "Unknown body", "LAO", "Ministry of Magic", "2026-01-01", "2026-03-01"],
        ["9.4", "Due first", "joint", "iice", "2026-05-01", "2026-03-01"],
    ]
    with pytest.raises(DataError) as exc:
        sheets.import_activities(_plan(), _xlsx(rows), "plan.xlsx", vn_focal)
    found = {(e.row, e.field) for e in exc.value.errors}
    assert found == {(4, "start"), (5, "organisation"), (6, "due")}
    assert not Activity.objects.filter(number__startswith="9.").exists()


def test_minutes_are_uploaded_by_focal_points_and_read_by_government_roles(
    client_for, coop, la_focal, reader, lao_firm_user, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    form = {"date": "2026-03-10", "place": "Pakse", "title": "Third meeting",
            "agenda": "Progress", "participants": []}  # fmt: skip
    minutes = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    assert (
        client_for(reader).post("/cooperation/meetings/", {**form, "minutes": minutes}).status_code
        == 403
    )
    bad = SimpleUploadedFile("minutes.exe", b"MZ", "application/octet-stream")
    assert (
        client_for(la_focal).post("/cooperation/meetings/", {**form, "minutes": bad}).status_code
        == 200
    )
    assert not Meeting.objects.filter(title="Third meeting").exists()
    minutes = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    response = client_for(la_focal).post("/cooperation/meetings/", {**form, "minutes": minutes})
    m = Meeting.objects.get(title="Third meeting")
    assert response.status_code == 302 and m.minutes
    got = client_for(reader).get(f"/cooperation/meetings/{m.pk}/minutes")
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"%PDF-1.4 minutes"
    assert client_for(lao_firm_user).get(f"/cooperation/meetings/{m.pk}/minutes").status_code == 403
