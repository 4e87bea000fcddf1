"""Issue 26, part 5: texts users enter (meetings, decisions, positions, milestones) carry their
versions in the other languages; a missing one shows the original with its language marked and
is listed for a focal point to complete."""

from __future__ import annotations

import re

import pytest

from lienket.cooperation.models import Meeting
from lienket.core import translations
from lienket.core.models import AuditEvent, TextTranslation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Joint working group, first meeting", "en"), ("Họp nhóm công tác chung", "vi"),
     ("ກອງປະຊຸມຄະນະເຮັດວຽກຮ່ວມ", "lo"), ("Hoi nghi", "en"), ("Đà Nẵng", "vi")],
)  # fmt: skip
def test_the_language_of_a_text_is_read_from_its_letters(text, lang):
    assert translations.language_of(text) == lang


def test_a_missing_translation_is_marked_listed_completed_and_listed_again_when_stale(
    coop, client_for, vn_focal, reader
):
    meeting = Meeting.objects.order_by("date").first()
    assert translations.language_of(meeting.title) == "en"
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get(f"/cooperation/meetings/{meeting.pk}/").content.decode()
    # the English original, marked as English, with a visible mark
    assert re.search(rf'<span lang="en">{re.escape(meeting.title)}</span> <abbr class="langmark"',
                     page)  # fmt: skip
    # the focal point finds it on /translations/ and writes the Vietnamese version
    focal = client_for(vn_focal)
    focal.cookies["django_language"] = "vi"
    listing = focal.get("/translations/", {"lang": "vi"}).content.decode()
    assert meeting.title in listing
    before = AuditEvent.objects.count()
    response = focal.post("/translations/?lang=vi", {"label": "cooperation.meeting",
                          "pk": meeting.pk, "field": "title", "text": "Họp nhóm công tác lần thứ nhất"})  # fmt: skip
    assert response.status_code == 302
    new = list(AuditEvent.objects.order_by("-pk")[: AuditEvent.objects.count() - before])
    assert [e.summary for e in new if "translation" in e.summary] == [
        "translation of title into vi"
    ], [(e.action, e.summary) for e in new]
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get(f"/cooperation/meetings/{meeting.pk}/").content.decode()
    assert "Họp nhóm công tác lần thứ nhất" in page
    assert f'<span lang="en">{meeting.title}</span>' not in page
    listing = client_for(vn_focal).get("/translations/", {"lang": "vi"}).content.decode()
    assert "Họp nhóm công tác lần thứ nhất" not in listing
    # an English reader sees the original; a Lao reader the original, marked
    client.cookies["django_language"] = "en"
    assert meeting.title in client.get(f"/cooperation/meetings/{meeting.pk}/").content.decode()
    # the original changes: the translation no longer answers and is listed as stale
    meeting.title = "Joint working group, first meeting (revised)"
    meeting.save()
    client.cookies["django_language"] = "vi"
    page = client.get(f"/cooperation/meetings/{meeting.pk}/").content.decode()
    assert "Họp nhóm công tác lần thứ nhất" not in page and 'class="langmark"' in page
    found, _total = translations.missing("vi")
    assert any(m.obj == meeting and m.field == "title" and m.stale for m in found)


def test_only_focal_points_and_stewards_translate_and_bad_requests_are_refused(
    coop, client_for, vn_focal, reader, enterprise_user
):
    for user in (reader, enterprise_user):
        assert client_for(user).get("/translations/").status_code == 403
    focal = client_for(vn_focal)
    assert focal.get("/translations/", {"lang": "xx"}).status_code == 400
    meeting = Meeting.objects.first()
    for bad in ({"label": "core.profile", "pk": 1, "field": "role", "text": "x"},
                {"label": "cooperation.meeting", "pk": meeting.pk, "field": "date", "text": "x"},
                {"label": "cooperation.meeting", "pk": 10**9, "field": "title", "text": "x"},
                {"label": "cooperation.meeting", "pk": meeting.pk, "field": "title", "text": ""}):  # fmt: skip
        assert focal.post("/translations/?lang=lo", bad).status_code == 400, bad
    assert not TextTranslation.objects.exists()


def test_a_list_page_loads_translations_in_one_query(coop, client_for, reader):
    """However many decisions a page shows, their translations are read in one query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(reader)
    client.cookies["django_language"] = "lo"
    client.get("/cooperation/decisions/")  # warm the session
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/cooperation/decisions/").content.decode()
    marked = page.count('class="langmark"')
    assert marked >= 2  # every English decision marked on a Lao page
    reads = [q for q in ctx.captured_queries if "core_texttranslation" in q["sql"]]
    assert len(reads) == 1, len(reads)


def test_a_cited_projects_english_name_is_marked_and_completed_in_place(
    client_for, vn_focal, reader
):
    """The cited projects have English names only: a Vietnamese page marks them as English and
    lists them; the focal point's Vietnamese name is written on the project itself."""
    from lienket.projects import reference
    from lienket.projects.models import Project

    reference.load()
    p = Project.objects.filter(fictional=False, name_vi="").order_by("code").first()
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get(f"/projects/{p.code}/").content.decode()
    assert f'<span lang="en">{p.name_en}</span> <abbr class="langmark"' in page
    focal = client_for(vn_focal)
    listing = focal.get("/translations/", {"lang": "vi"}).content.decode()
    assert p.name_en in listing
    response = focal.post("/translations/?lang=vi", {"label": "projects.project", "pk": p.pk,
                                                      "field": "name", "text": "Nhà Quốc hội Lào"})  # fmt: skip
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.name_vi == "Nhà Quốc hội Lào"
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get(f"/projects/{p.code}/").content.decode()
    assert "<h1>Nhà Quốc hội Lào" in page
