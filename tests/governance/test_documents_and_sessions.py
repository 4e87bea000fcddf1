"""Issue 27, part 1: the Committee's framework documents and sessions, loaded as real, cited
data from the two source documents, and shown to the government roles in three languages."""

from __future__ import annotations

from datetime import date

import pytest

from lienket.governance import reference
from lienket.governance.models import Document, Session

pytestmark = pytest.mark.django_db


def test_the_47th_session_and_its_documents_load_with_their_sources():
    loaded = reference.load()
    assert (loaded.documents, loaded.sessions) == (5, 2)
    expert = Session.objects.get(number=47, level="expert")
    plenary = Session.objects.get(number=47, level="plenary")
    assert (expert.starts, expert.place, expert.state) == (date(2025, 1, 8), "Vientiane", "held")
    assert (plenary.starts, plenary.state) == (date(2025, 1, 9), "planned")
    assert plenary.place == ""  # the source does not say: nothing is invented
    assert {d.code for d in plenary.documents.all()} == {"minutes-47", "plan-2025"}
    assert plenary.minutes.code == "minutes-47"
    plan = Document.objects.get(code="plan-2025")
    assert (plan.valid_from, plan.valid_to) == (date(2025, 1, 1), date(2025, 12, 31))
    assert plan.signing_state == "expected"
    strategy = Document.objects.get(code="strategy-2021-2030")
    assert (strategy.valid_from.year, strategy.valid_to.year) == (2021, 2030)
    assert strategy.signed_on is None
    assert Document.objects.get(code="agreement-2021-2025").valid_to == date(2025, 12, 31)
    mou = Document.objects.get(code="mou-industrial-linkage-2025")
    assert mou.signed_on == date(2025, 12, 1) and "Industry and Commerce" in mou.parties
    for obj in (*Document.objects.all(), *Session.objects.all()):
        assert obj.source.startswith("source document 00") and obj.source_date, obj
    # loading again changes nothing and duplicates nothing
    assert reference.load() == loaded
    assert Document.objects.count() == 5 and Session.objects.count() == 2


@pytest.mark.parametrize(("lang", "title"), [
    ("vi", "Thỏa thuận về kế hoạch hợp tác Việt Nam - Lào năm 2025"),
    ("lo", "ຂໍ້ຕົກລົງວ່າດ້ວຍແຜນການຮ່ວມມື ຫວຽດນາມ - ລາວ ປີ 2025"),
    ("en", "Agreement on the Viet Nam – Lao PDR cooperation plan for 2025"),
])  # fmt: skip
def test_the_pages_in_each_language(client_for, reader, enterprise_user, lang, title):
    reference.load()
    client = client_for(reader)
    client.cookies["django_language"] = lang
    overview = client.get("/governance/").content.decode()
    assert title in overview
    plenary = Session.objects.get(number=47, level="plenary")
    page = client.get(f"/governance/sessions/{plenary.pk}/").content.decode()
    assert title in page and "47" in page
    doc = client.get("/governance/documents/plan-2025/").content.decode()
    assert title in doc and "source document 003" in doc
    assert client.get("/governance/documents/no-such/").status_code == 404
    assert client_for(enterprise_user).get("/governance/").status_code == 403


def test_stewards_keep_the_records_in_django_admin(client_for, steward):
    reference.load()
    client = client_for(steward)
    for path in ("/admin/governance/document/", "/admin/governance/session/",
                 "/admin/governance/commitment/", "/admin/core/target/"):  # fmt: skip
        assert client.get(path).status_code == 200, path
    plan = Document.objects.get(code="plan-2025")
    assert client.get(f"/admin/governance/document/{plan.pk}/change/").status_code == 200
