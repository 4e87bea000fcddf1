"""Visibility by need and the audit log (issue 12): what each role sees of other firms, of the
registry's downloads and of private trade files; every change is recorded with its values and
read on the audit page by stewards and by focal points for their country."""

from __future__ import annotations

import pytest

from lienket.core.models import AuditEvent
from lienket.linkage.models import Match, MatchEvent
from lienket.registry.models import Disclosure
from lienket.trade import services as trade


def test_an_enterprise_user_sees_a_partners_profile_but_not_its_private_fields(
    client_for, registry, enterprise_user
):
    la = registry["la"]  # tax id 123456789012, 40 employees
    client = client_for(enterprise_user)
    page = client.get(f"/enterprises/{la.pk}/").content.decode()
    assert "Phoukhiao Limestone" in page and "123456789012" not in page
    assert "only once both firms have consented" in page
    data = client.get(f"/api/enterprises/{la.pk}/").json()
    assert (data["tax_id"], data["employees"], data["private_hidden"]) == ("", None, True)
    assert data["products"] == ["2521"]  # the public profile stays
    listed = {e["id"]: e for e in client.get("/api/enterprises/").json()["results"]}
    assert listed[la.pk]["tax_id"] == "" and listed[registry["vn"].pk]["tax_id"] == "0101234567"
    # a match that reached "contacted" discloses nothing by itself (issue 24) ...
    match = Match.objects.create(supplier=la, buyer=registry["vn"], status="contacted")
    MatchEvent.objects.create(match=match, status="contacted")
    assert "123456789012" not in client.get(f"/enterprises/{la.pk}/").content.decode()
    # ... once both firms consented, the partner's details are shown
    Disclosure.objects.create(firm=la, to=registry["vn"], by="la-focal")
    assert "123456789012" not in client.get(f"/enterprises/{la.pk}/").content.decode()
    Disclosure.objects.create(firm=registry["vn"], to=la, by="vn-user")
    assert "123456789012" in client.get(f"/enterprises/{la.pk}/").content.decode()
    assert client.get(f"/api/enterprises/{la.pk}/").json()["employees"] == 40
    # a third firm stays hidden
    cafe = client.get(f"/api/enterprises/{registry['cafe'].pk}/").json()
    assert cafe["tax_id"] == "" and cafe["private_hidden"] is True


@pytest.mark.parametrize(
    ("who", "status"),
    [("enterprise_user", 403), ("reader", 200), ("vn_focal", 200), ("steward", 200)],
)
def test_registry_downloads_are_for_government_roles(client_for, registry, request, who, status):
    client = client_for(request.getfixturevalue(who))
    assert client.get("/enterprises/export.xlsx").status_code == status
    assert client.get("/relationships/export.xlsx").status_code == status
    if status == 200:
        assert AuditEvent.objects.filter(action="exported").count() == 2
        assert 'href="/enterprises/export.xlsx' in client.get("/enterprises/").content.decode()
    else:
        assert 'href="/enterprises/export.xlsx' not in client.get("/enterprises/").content.decode()


def _customs_store(tmp_path, settings):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    customs = tmp_path / "hq_2024.csv"
    customs.write_text("year,partner,hs_code,flow,value_usd\n2024,LAO,401120,X,500000000\n")
    store = trade.get_store()
    (result,) = trade.import_trade_file(store, customs, "customs", reporter="VNM",
                                        edition="HS2017")  # fmt: skip
    return result.record


def test_a_customs_file_is_private_until_a_steward_makes_it_public(
    client, db, tmp_path, settings, steward, reader, enterprise_user, registry
):
    record = _customs_store(tmp_path, settings)
    assert not record.is_public
    assert "hq_2024.csv" not in client.get("/trade/data/").content.decode()  # a visitor
    client.force_login(enterprise_user)
    assert "hq_2024.csv" not in client.get("/trade/data/").content.decode()
    client.force_login(reader)
    page = client.get("/trade/data/").content.decode()
    assert "hq_2024.csv" in page and "government users only" in page and "Make public" not in page
    assert client.post("/trade/data/", {"import": record.id, "public": "1"}).status_code == 403
    client.force_login(steward)
    assert client.post("/trade/data/", {"import": record.id, "public": "1"}).status_code == 302
    client.logout()
    assert "hq_2024.csv" in client.get("/trade/data/").content.decode()
    assert AuditEvent.objects.filter(summary__contains="made public").exists()


def test_a_delete_in_the_admin_is_recorded_with_what_was_deleted(client_for, registry, steward):
    from lienket.registry.models import Relationship

    rel = Relationship.objects.get()
    client = client_for(steward)
    response = client.post(f"/admin/registry/relationship/{rel.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Relationship.objects.exists()
    event = AuditEvent.objects.get(object_type="relationship", action="deleted")
    assert event.actor == steward and event.changes["hs_code"] == ["2521", None]
    assert event.changes["supplier"] == [registry["la"].pk, None]


def test_the_audit_page_shows_focal_points_their_country_only(
    client_for, registry, vn_focal, la_focal, steward, reader
):
    vn, la = registry["vn"], registry["la"]
    for user, firm, value in ((vn_focal, vn, "1 Mt"), (la_focal, la, "2 t")):
        client_for(user).patch(f"/api/enterprises/{firm.pk}/", {"capacity": value},
                               content_type="application/json")  # fmt: skip
    page = client_for(vn_focal).get("/audit/", {"action": "updated"}).content.decode()
    assert "1 Mt" in page and "2 t" not in page
    page = client_for(steward).get("/audit/", {"action": "updated"}).content.decode()
    assert "1 Mt" in page and "2 t" in page and "capacity" in page
    assert client_for(reader).get("/audit/").status_code == 403
    assert client_for(steward).get("/audit/", {"since": "yesterday"}).status_code == 400
    assert client_for(steward).get("/audit/", {"action": "nonsense"}).status_code == 400


def test_the_audit_filter_lists_each_kind_of_record_once_by_its_name(client_for, registry,
                                                                      steward):  # fmt: skip
    # issue 26 - the filter listed one raw model name per event (541 on the demo)
    import re

    from lienket.registry.services import save_enterprise

    for firm in registry.values():
        firm.capacity = "more"
        save_enterprise(firm, firm.product_codes, firm.input_codes, by=steward,
                        fields={"capacity"})  # fmt: skip
    client = client_for(steward)
    client.cookies["django_language"] = "vi"
    page = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', page)
    kinds = [value for value, _ in options if value in ("enterprise", "relationship")]
    assert kinds.count("enterprise") == 1
    label = dict(options)["enterprise"]
    assert label != "enterprise" and label.strip()  # its Vietnamese name, not the code
