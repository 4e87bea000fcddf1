"""Issue 25: analytical pages and API answers are kept by data version (`core.datacache`): a
kept result is served until a committed write changes the data — through the ORM, a bulk
update or raw SQL — and never after; writes that change nothing shown keep it; the number of
results kept stays bounded."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from tests.conftest import make_firm

from lienket.core import datacache
from lienket.core.models import AuditAction, AuditEvent
from lienket.linkage import services
from lienket.registry.models import Enterprise

pytestmark = pytest.mark.django_db(transaction=True)


def firms_in(summary, chain: str, country: str) -> int:
    return next(r for r in summary if r["code"] == chain)["firms"][country]


def test_a_kept_summary_is_served_until_a_committed_change(registry):
    first = services.chain_summary()
    assert services.chain_summary() is first  # kept: the same result, not computed again
    chain = next(r["code"] for r in first if r["firms"]["LAO"])
    before = firms_in(first, chain, "LAO")
    la = registry["la"]
    make_firm("LAO", "ບໍລິສັດ ທົດລອງ", "LA-KH", products=tuple(la.product_codes),
              stages="raw_material")  # fmt: skip
    after = services.chain_summary()
    assert after is not first and firms_in(after, chain, "LAO") == before + 1


REGISTRY = ("registry",)


def test_bulk_updates_and_raw_sql_change_the_version(registry):
    v1 = datacache.version(REGISTRY)
    trade = datacache.version(("trade",))
    Enterprise.objects.filter(pk=registry["vn"].pk).update(employees=151)
    v2 = datacache.version(REGISTRY)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE registry_enterprise SET employees = 152")
    v3 = datacache.version(REGISTRY)
    assert len({v1, v2, v3}) == 3
    assert datacache.version(("trade",)) == trade  # an edit of a firm keeps the trade pages


def test_writes_that_change_nothing_shown_keep_the_version(registry, steward):
    areas = ("registry", "linkage", "trade", "core", "auth", "django")
    v1 = datacache.version(areas)
    AuditEvent.objects.create(actor_label="x", action=AuditAction.EXPORTED, object_type="t")
    steward.last_login = None
    steward.save()
    assert datacache.version(areas) == v1


def test_inside_a_transaction_that_wrote_nothing_is_kept(registry):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    with transaction.atomic():
        Enterprise.objects.filter(pk=registry["vn"].pk).update(employees=160)
        assert datacache.memo("test", REGISTRY, (), compute) == 1
        assert datacache.memo("test", REGISTRY, (), compute) == 2  # not yet committed: again
    assert datacache.memo("test", REGISTRY, (), compute) == 3
    assert datacache.memo("test", REGISTRY, (), compute) == 3  # committed since: kept


def test_a_rolled_back_write_does_not_change_the_version(registry):
    v1 = datacache.version(REGISTRY)
    with pytest.raises(RuntimeError), transaction.atomic():
        Enterprise.objects.filter(pk=registry["vn"].pk).update(employees=170)
        raise RuntimeError
    assert datacache.version(REGISTRY) == v1
    Enterprise.objects.filter(pk=registry["vn"].pk).update(employees=171)  # the next one counts
    assert datacache.version(REGISTRY) != v1


def test_the_kept_results_stay_bounded_after_twenty_imports(registry, monkeypatch):
    monkeypatch.setattr(datacache, "MAX_ENTRIES", 4)
    datacache.clear()
    for i in range(20):
        make_firm("VNM", f"Công ty Số {i}", "42", products=("252329",))  # an import's write
        services.chain_summary()
        services.pilot_candidates()
        assert datacache.size() <= 4


def test_the_chains_page_shows_a_new_firm_at_once(registry, client_for, vn_focal):
    client = client_for(vn_focal)
    before = client.get("/chains/").content.decode()
    make_firm("VNM", "Công ty Mới Thêm", "42", products=("252329",), stages="manufacturing")
    after = client.get("/chains/").content.decode()
    assert before != after


def test_a_note_on_a_firm_keeps_the_chains_and_a_change_of_size_does_not(registry, steward):
    from lienket.registry.services import save_enterprise

    firm = registry["vn"]
    summary = services.chain_summary()
    firm.capacity, firm.contact_phone = "90,000 t a year", "+84 24 0000 0000"
    save_enterprise(firm, firm.product_codes, firm.input_codes, by=steward,
                    fields={"capacity", "contact_phone"})  # fmt: skip
    assert services.chain_summary() is summary  # nothing the chains read has changed
    firm.employees = 400
    save_enterprise(firm, firm.product_codes, firm.input_codes, by=steward,
                    fields={"employees"})  # fmt: skip
    assert services.chain_summary() is not summary
    firm.refresh_from_db()
    assert (firm.capacity, firm.employees) == ("90,000 t a year", 400)
