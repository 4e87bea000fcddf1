"""Nothing hard-wires Viet Nam - Lao PDR: another pair works with ISO 3166-2 provinces."""

import pytest

from lienket.registry.models import Enterprise


@pytest.fixture
def vnm_khm(settings):
    settings.LIENKET_COUNTRIES = ["VNM", "KHM"]


def test_a_cambodian_firm_is_registered_with_an_iso_province(client_for, steward, vnm_khm, db):
    client = client_for(steward)
    body = {
        "country": "KHM",
        "name_en": "Angkor Rice Mill",
        "province_code": "Siem Reab",
        "sector": "industry",
        "products": ["100630"],
    }
    response = client.post("/api/enterprises/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    firm = Enterprise.objects.get(name_en="Angkor Rice Mill")
    assert (firm.province_code, firm.currency, firm.size_class) == ("KH-17", "USD", "unknown")
    assert "Siem Reab" in client.get(f"/enterprises/{firm.pk}/").content.decode()


def test_lao_firms_are_refused_when_lao_pdr_is_not_configured(client_for, steward, vnm_khm, db):
    body = {"country": "LAO", "name_en": "X", "province_code": "LA-VT", "sector": "industry"}
    response = client_for(steward).post("/api/enterprises/", body, content_type="application/json")
    assert response.status_code == 400
    assert "not one of this platform's countries" in str(response.json())


def test_the_new_enterprise_form_offers_the_pairs_provinces(client_for, steward, vnm_khm, db):
    page = client_for(steward).get("/enterprises/new/").content.decode()
    assert "KH-17" in page and "LA-VT" not in page
