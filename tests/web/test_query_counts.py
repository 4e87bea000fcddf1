"""Issue 25: the list and detail pages cost the same number of queries whatever the number of
rows (no query per row)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.conftest import make_firm

from lienket.registry.models import Relationship

pytestmark = pytest.mark.django_db

LISTS = ["/enterprises/", "/api/enterprises/", "/relationships/", "/api/relationships/",
         "/matches/", "/audit/", "/trade/figures/"]  # fmt: skip


@pytest.fixture(autouse=True)
def _one_second(monkeypatch):
    """The session's last-seen time is written when the second changes: hold the clock."""
    clock = SimpleNamespace(time=lambda: 1_900_000_000.0)
    monkeypatch.setattr("lienket.core.middleware.time", clock)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_list_pages_do_not_query_per_row(client_for, registry, steward, settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "trade"
    client = client_for(steward)
    client.get("/")  # the session's first request writes its start
    few = {url: _queries(client, url) for url in LISTS}
    la = registry["la"]
    for i in range(30):
        firm = make_firm("VNM", f"Công ty {i}", "42", products=("252329",), inputs=("2521",))
        Relationship.objects.create(supplier=la, buyer=firm, hs_code="2521")
    many = {url: _queries(client, url) for url in LISTS}
    assert many == few


def test_a_firm_page_costs_a_bounded_number_of_queries(client_for, registry, steward):
    client = client_for(steward)
    client.get("/")
    vn = registry["vn"]
    before = _queries(client, f"/enterprises/{vn.pk}/")
    for i in range(20):
        firm = make_firm("LAO", f"Firm {i}", "LA-VT", products=("2521",))
        Relationship.objects.create(supplier=firm, buyer=vn, hs_code="2521")
    assert _queries(client, f"/enterprises/{vn.pk}/") == before
