"""No lost updates (issue 12): many clients at once on one firm and one match, through the whole
request path (middleware, API, forms) on the suite's real database, SQLite or PostgreSQL.

Each thread has its own client and so its own database connection; a barrier releases them
together. Every change is either saved or refused (409), never lost silently, never a 500.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connections
from django.test import Client
from tests.conftest import _user

from lienket.core.models import AuditEvent
from lienket.linkage.models import Match, MatchEvent, MatchStatus
from lienket.registry.models import Enterprise

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("concurrency")]

#: ten fields of a firm and a value for each, written by different clients
FIELDS = {
    "name_en": "Hong Linh Cement", "capacity": "1.2 Mt a year", "certifications": "ISO 9001",
    "description": "Clinker and cement", "contact_name": "Nguyễn Văn A",
    "contact_phone": "+84 239 3856 000", "contact_email": "info@example.vn",
    "website": "https://example.vn", "employees": 151, "annual_revenue": "41000000000",
}  # fmt: skip


def _together(n: int, work: Any) -> list[Any]:
    """Run ``work(i)`` in ``n`` threads released at once; each closes its connection."""
    barrier = threading.Barrier(n)

    def run(i: int) -> Any:
        try:
            barrier.wait(timeout=30)
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(run, range(n)))


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _stored(ent: Enterprise) -> dict[str, Any]:
    fresh = Enterprise.objects.get(pk=ent.pk)
    return {k: str(getattr(fresh, k)) for k in FIELDS}


def test_twenty_clients_editing_different_fields_lose_nothing(registry, vn_focal):
    vn = registry["vn"]
    names = list(FIELDS)
    clients = [_client(vn_focal) for _ in range(20)]

    def patch(i: int) -> int:
        field = names[i % 10]
        return clients[i].patch(f"/api/enterprises/{vn.pk}/", {field: FIELDS[field]},
                                content_type="application/json").status_code  # fmt: skip

    assert _together(20, patch) == [200] * 20
    assert _stored(vn) == {k: str(v) for k, v in FIELDS.items()}
    vn.refresh_from_db()
    assert vn.version == 1 + 20  # every save counted, none written over another
    assert AuditEvent.objects.filter(object_id=str(vn.pk), action="updated").count() == 20


def test_edits_from_one_version_exactly_one_wins_the_rest_are_refused(registry, vn_focal):
    vn = registry["vn"]
    names = list(FIELDS)
    version = vn.version
    clients = [_client(vn_focal) for _ in range(20)]
    before = _stored(vn)

    def patch(i: int) -> tuple[int, str]:
        field = names[i % 10]
        r = clients[i].patch(f"/api/enterprises/{vn.pk}/", {field: FIELDS[field]},
                             content_type="application/json",
                             headers={"If-Match": f'"{version}"'})  # fmt: skip
        return r.status_code, field

    results = _together(20, patch)
    codes = sorted(code for code, _f in results)
    assert codes == [200] + [409] * 19
    winner = next(f for code, f in results if code == 200)
    after = _stored(vn)
    # the winner's field changed; every refused field kept its value
    assert {k for k in FIELDS if after[k] != before[k]} == {winner}


def test_a_stale_form_is_refused_and_says_what_changed(registry, vn_focal, la_focal):
    vn = registry["vn"]
    data = {"name_vi": vn.name_vi, "province_code": "42", "sector": "industry",
            "hs_edition": "HS2022", "products": "252329", "inputs": "2521",
            "version": vn.version}  # fmt: skip
    clients = [_client(vn_focal) for _ in range(6)]

    def post(i: int) -> int:
        return clients[i].post(f"/enterprises/{vn.pk}/edit/",
                               {**data, "employees": str(200 + i)}).status_code  # fmt: skip

    codes = _together(6, post)
    assert sorted(codes) == [302] + [409] * 5
    vn.refresh_from_db()
    winner = codes.index(302)
    assert vn.employees == 200 + winner
    # a refused editor is told who changed what, and keeps what they typed
    page = clients[0 if winner else 1].post(
        f"/enterprises/{vn.pk}/edit/", {**data, "employees": "999"}
    )
    text = page.content.decode()
    assert page.status_code == 409 and "someone else saved this enterprise" in text
    assert "Employees" in text and f"<td>{200 + winner}</td>" in text and 'value="999"' in text


def test_one_match_stepped_by_many_at_once_moves_once(pair):
    f, u = pair["firms"], pair["users"]
    match = Match.objects.create(supplier=f["rubber"], buyer=f["tyre"],
                                 status=MatchStatus.SHORTLISTED)  # fmt: skip
    clients = [_client(u["tyre"] if i % 2 else u["rubber"]) for i in range(20)]

    def step(i: int) -> int:
        return clients[i].post(f"/api/matches/{match.pk}/steps/", {"status": "contacted"},
                               content_type="application/json").status_code  # fmt: skip

    codes = _together(20, step)
    assert sorted(codes) == [200] + [409] * 19
    match.refresh_from_db()
    assert match.status == "contacted"
    assert list(MatchEvent.objects.filter(match=match).values_list("status", flat=True)) == [
        "contacted"
    ]


def test_twenty_matches_advanced_at_once_all_reach_their_step(pair):
    f = pair["firms"]
    users, matches = [], []
    for i in range(20):
        buyer = Enterprise.objects.create(country="VNM", province_code="42", name_vi=f"Mua {i}")
        users.append(_user(f"buyer-{i}", "enterprise", enterprise=buyer))
        matches.append(Match.objects.create(supplier=f["rubber2"], buyer=buyer, status="met",
                                            supplier_agreed="iice"))  # fmt: skip
    clients = [_client(user) for user in users]

    def agree(i: int) -> int:
        return clients[i].post(f"/api/matches/{matches[i].pk}/steps/", {"status": "agreement"},
                               content_type="application/json").status_code  # fmt: skip

    assert _together(20, agree) == [200] * 20
    assert Match.objects.filter(status="agreement").count() == 20
