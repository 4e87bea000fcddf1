import io

import pytest
from openpyxl import load_workbook
from tests.conftest import make_firm

from lienket.registry.exports import enterprises_xlsx, template
from lienket.registry.models import Enterprise


def test_a_hostile_name_is_exported_as_text_not_as_a_formula(registry):
    make_firm("VNM", '=HYPERLINK("http://evil.example","click")', "42")
    data = enterprises_xlsx(Enterprise.objects.prefetch_related("products"))
    ws = load_workbook(io.BytesIO(data)).active
    cells = [c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_templates_have_the_import_columns_and_a_fictional_example():
    from lienket.registry.importers import ENTERPRISE_OPTIONAL, ENTERPRISE_REQUIRED

    ws = load_workbook(io.BytesIO(template("enterprises"))).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ENTERPRISE_REQUIRED + ENTERPRISE_OPTIONAL
    assert rows[1][rows[0].index("fictional")] == "yes"


def test_the_template_imports_as_it_is(registry, steward):
    from lienket.registry.importers import import_enterprises

    result = import_enterprises(io.BytesIO(template("enterprises")), "template.xlsx", steward)
    assert result.created == 1
    assert Enterprise.objects.get(tax_id="0100000000").fictional


def test_relationships_export_in_the_import_layout_and_reimport(client_for, registry, steward):
    from lienket.registry.importers import import_relationships
    from lienket.registry.models import Relationship

    response = client_for(steward).get("/relationships/export.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][:5] == ("LAO", "123456789012", "VNM", "0101234567", "2521")
    Relationship.objects.all().delete()
    result = import_relationships(io.BytesIO(response.content), "links.xlsx", steward)
    assert result.created == 1


def test_an_enterprise_export_imports_into_another_installation(registry, steward):
    from lienket.registry.importers import import_enterprises

    data = enterprises_xlsx(Enterprise.objects.prefetch_related("products").order_by("pk"))
    Enterprise.objects.all().delete()
    assert import_enterprises(io.BytesIO(data), "export.xlsx", steward).created == 3
    vn = Enterprise.objects.get(tax_id="0101234567")
    assert (vn.product_codes, vn.input_codes, vn.size_class) == (["252329"], ["2521"], "medium")


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_templates_have_drop_down_lists_in_the_sheet_language_and_import_as_they_are(
    registry, steward, lang
):
    from django.utils import translation

    from lienket.registry.importers import import_enterprises

    with translation.override(lang):
        data = template("enterprises")
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    lists = wb["lists"]
    assert lists.sheet_state == "hidden"
    rules = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    from lienket.registry.importers import ENTERPRISE_OPTIONAL, ENTERPRISE_REQUIRED

    cols = ENTERPRISE_REQUIRED + ENTERPRISE_OPTIONAL
    sector_col = ws.cell(row=1, column=cols.index("sector") + 1).column_letter
    assert f"{sector_col}2" in rules  # the sector column has a list
    values = {c.value for col in lists.iter_cols() for c in col if c.value}
    expected = {"vi": ("Công nghiệp", "Việt Nam", "Chế tạo"),
                "lo": ("ອຸດສາຫະກຳ", "ຫວຽດນາມ", "ການຜະລິດສຳເລັດຮູບ"),
                "en": ("Industry", "Viet Nam", "Manufacturing")}[lang]  # fmt: skip
    for word in expected:
        assert any(word in v for v in values), (word, sorted(values)[:20])
    example = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert "industry" not in example.values() and "VNM" not in example.values()
    result = import_enterprises(io.BytesIO(data), "template.xlsx", steward)
    assert result.created == 1
    e = Enterprise.objects.get(tax_id="0100000000")
    assert (e.sector, e.stages, e.fictional) == ("industry", "processing manufacturing", True)


def test_the_relationship_template_has_its_own_notes():
    wb = load_workbook(io.BytesIO(template("relationships")))
    notes = " ".join(str(c.value) for c in wb.worksheets[-1]["A"] if c.value)
    assert "tax identifier" in notes and "US dollars" in notes
    assert "province" not in notes.lower()


def test_the_export_writes_labels_in_the_readers_language_beside_the_codes(registry):
    from django.utils import translation

    with translation.override("lo"):
        data = enterprises_xlsx(Enterprise.objects.filter(country="VNM"))
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["ປະເທດ"] == "VNM" and row["ຊື່ປະເທດ"] == "ຫວຽດນາມ"
    assert row["ແຂວງ"] == "42" and row["ຊື່ແຂວງ"] == "ຮ່າຕິ້ງ"
    assert row["ຂະແໜງ"] and row["ຊື່ຂະແໜງ"] and row["ຊື່ຂະແໜງ"] != row["ຂະແໜງ"]
