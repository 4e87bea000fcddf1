"""Every change to a firm leaves a trace: who, when, what."""

import io

from lienket.core.models import AuditEvent
from lienket.registry.importers import import_enterprises
from lienket.registry.models import DuplicateFlag, Enterprise


def test_an_edit_through_the_form_is_recorded_against_the_user(client_for, registry, vn_focal):
    vn = registry["vn"]
    client = client_for(vn_focal)
    data = {
        "name_vi": vn.name_vi, "province_code": "42", "sector": "industry",
        "hs_edition": "HS2022", "products": "252329", "inputs": "2521", "employees": "151",
        "version": vn.version,
    }  # fmt: skip
    assert client.post(f"/enterprises/{vn.pk}/edit/", data).status_code == 302
    event = AuditEvent.objects.filter(object_id=str(vn.pk), action="updated").get()
    assert event.actor == vn_focal and event.actor_label == "vioit"
    assert event.changes["employees"] == [150, 151]
    assert event.changes["version"] == [vn.version, vn.version + 1]
    page = client.get(f"/enterprises/{vn.pk}/").content.decode()
    assert "vioit" in page and "updated" in page


def test_the_history_is_hidden_from_readers(client_for, registry, reader):
    page = client_for(reader).get(f"/enterprises/{registry['vn'].pk}/").content.decode()
    assert "History" not in page


def test_an_import_records_each_new_firm_with_its_file_and_row(registry, steward):
    data = (
        "country,name_vi,name_lo,name_en,tax_id,province,sector\nVNM,Công ty B,,,,Hà Tĩnh,trade\n"
    )
    import_enterprises(io.BytesIO(data.encode()), "b.csv", steward)
    firm = Enterprise.objects.get(name_vi="Công ty B")
    event = AuditEvent.objects.get(object_id=str(firm.pk), action="imported")
    assert (event.actor, event.summary) == (steward, "b.csv, row 2")


def test_dismissing_a_duplicate_is_recorded(client_for, registry, la_focal):
    flag = DuplicateFlag.objects.create(enterprise=registry["la"], other=registry["cafe"], score=91)
    client_for(la_focal).post(f"/duplicates/{flag.pk}/", {"action": "dismiss"})
    assert AuditEvent.objects.filter(action="dismissed", object_id=str(registry["la"].pk)).exists()


def test_a_relationship_entered_in_the_form_is_recorded(client_for, registry, la_focal):
    client = client_for(la_focal)
    data = {"supplier": registry["cafe"].pk, "buyer": registry["vn"].pk, "hs_code": "0901",
            "hs_edition": "HS2022"}  # fmt: skip
    assert client.post("/relationships/new/", data).status_code == 302
    event = AuditEvent.objects.filter(object_type="relationship", action="created").first()
    assert event.actor == la_focal and event.changes["hs_code"] == [None, "0901"]
