"""Creating and editing firms through the form and the API; duplicates merged by a steward."""

from lienket.registry.models import DuplicateFlag, Enterprise, Relationship


def test_the_form_creates_a_firm_with_derived_size_and_chains(client_for, registry, la_focal):
    response = client_for(la_focal).post(
        "/enterprises/new/",
        {
            "country": "LAO",
            "name_lo": "ບໍລິສັດ ນົມ ສົດ ຈຳກັດ",
            "province_code": "LA-VT",
            "sector": "industry",
            "stages": ["processing"],
            "hs_edition": "HS2022",
            "products": "0402",
            "inputs": "0401",
            "employees": "3",
            "annual_revenue": "",
            "total_capital": "",
        },
    )
    assert response.status_code == 302
    firm = Enterprise.objects.get(name_lo="ບໍລິສັດ ນົມ ສົດ ຈຳກັດ")
    assert (firm.size_class, firm.chains, firm.currency) == ("micro", "dairy", "LAK")
    assert firm.stage_list == ["processing"]


def test_the_form_names_a_wrong_hs_code_and_saves_nothing(client_for, registry, vn_focal):
    response = client_for(vn_focal).post(
        "/enterprises/new/",
        {
            "country": "VNM",
            "name_vi": "Công ty X",
            "province_code": "42",
            "sector": "industry",
            "hs_edition": "HS2017",
            "products": "720000",
        },
    )
    assert response.status_code == 200
    assert "720000" in response.context["form"].errors["products"][0]
    assert not Enterprise.objects.filter(name_vi="Công ty X").exists()


def test_the_api_refuses_an_unknown_province(client_for, registry, vn_focal):
    response = client_for(vn_focal).post(
        "/api/enterprises/",
        {"country": "VNM", "name_en": "X", "province_code": "Atlantis", "sector": "industry"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Atlantis" in str(response.json())


def test_an_enterprise_user_updates_its_own_products_through_the_api(
    client_for, registry, enterprise_user
):
    vn = registry["vn"]
    response = client_for(enterprise_user).patch(
        f"/api/enterprises/{vn.pk}/",
        {"products": ["252329", "6810"]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    vn.refresh_from_db()
    assert vn.product_codes == ["252329", "6810"] and vn.input_codes == ["2521"]


def test_merging_moves_relationships_to_the_kept_firm(client_for, registry, steward):
    twin = Enterprise.objects.create(
        country="VNM", name_vi="CÔNG TY XI MĂNG HỒNG LĨNH", province_code="42", tax_id="0107777777"
    )
    cafe = registry["cafe"]
    Relationship.objects.create(supplier=cafe, buyer=twin, hs_code="0901")
    flag = DuplicateFlag.objects.create(enterprise=twin, other=registry["vn"], score=95)
    response = client_for(steward).post(
        f"/duplicates/{flag.pk}/", {"action": "merge", "keep": str(registry["vn"].pk)}
    )
    assert response.status_code == 302
    assert not Enterprise.objects.filter(pk=twin.pk).exists()
    assert Relationship.objects.filter(supplier=cafe, buyer=registry["vn"]).exists()


def test_dismissing_keeps_both_firms(client_for, registry, la_focal):
    flag = DuplicateFlag.objects.create(enterprise=registry["la"], other=registry["cafe"], score=91)
    client_for(la_focal).post(f"/duplicates/{flag.pk}/", {"action": "dismiss"})
    flag.refresh_from_db()
    assert flag.status == "dismissed" and Enterprise.objects.count() == 3


def test_form_and_api_share_the_tax_id_rule(client_for, registry, vn_focal):
    client = client_for(vn_focal)
    body = {
        "country": "VNM",
        "name_en": "Copy",
        "province_code": "42",
        "sector": "industry",
        "tax_id": "0101234567",
    }
    api = client.post("/api/enterprises/", body, content_type="application/json")
    assert api.status_code == 400 and "tax_id" in api.json()
    form = client.post("/enterprises/new/", {**body, "hs_edition": "HS2022"})
    assert "tax_id" in form.context["form"].errors
    assert Enterprise.objects.filter(tax_id="0101234567").count() == 1
