"""Enterprise files as ministries and statistics offices send them, and updates by re-import."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from tests.encodings import cp1258

from lienket.core.models import AuditEvent
from lienket.engine.errors import DataError
from lienket.registry import exports
from lienket.registry.importers import import_enterprises, import_relationships
from lienket.registry.models import Enterprise, Relationship


def ministry_sheet() -> io.BytesIO:
    """A department's list: a title block, Vietnamese headers, an STT column, merged
    province cells, romanised and abbreviated place names, 8-digit tariff lines."""
    wb = Workbook()
    ws = wb.active
    ws.append(["SỞ CÔNG THƯƠNG — DANH SÁCH DOANH NGHIỆP XUẤT KHẨU SANG LÀO"])
    ws.append(["(Kèm theo Công văn số 123/SCT-QLTM ngày 05/3/2026)"])
    ws.append([])
    ws.append(["STT", "Quốc gia", "Tên tiếng Việt", "Tên tiếng Lào", "Tên tiếng Anh",
               "Mã số thuế", "Tỉnh/Thành phố", "Ngành", "Sản phẩm (mã HS)", "Số lao động",
               "Ghi chú"])  # fmt: skip
    ws.append([1, "Vietnam", "Công ty TNHH Thép Hồng Lam", "", "", "0108888881",
               "TP.HCM", "industry", "72142000", 40, "xuất qua Cầu Treo"])  # fmt: skip
    ws.append([2, "Vietnam", "Công ty CP Gỗ Hồng Lam", "", "", "0108888882",
               None, "industry", "9403", 55, ""])  # fmt: skip
    ws.append([3, "CHDCND Lào", "", "ບໍລິສັດ ກາເຟປາກຊ່ອງ ຈຳກັດ", "", "123456789099",
               "Champassak", "agriculture", "09011100", 12, ""])  # fmt: skip
    ws.merge_cells("A1:K1")
    ws.merge_cells("G5:G6")
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_a_ministry_sheet_imports_with_every_reading_stated(registry, steward):
    result = import_enterprises(ministry_sheet(), "so-ct.xlsx", steward)
    assert result.created == 3
    steel = Enterprise.objects.get(tax_id="0108888881")
    wood = Enterprise.objects.get(tax_id="0108888882")
    coffee = Enterprise.objects.get(tax_id="123456789099")
    assert (steel.country, steel.province_code, steel.product_codes) == ("VNM", "79", ["721420"])
    assert wood.province_code == "79"  # the merged cell, filled down
    assert (coffee.country, coffee.province_code, coffee.product_codes) == (
        "LAO",
        "LA-CH",
        ["090111"],
    )
    notices = {(n.row, n.field): n.text() for n in result.notices}
    assert "header is on row 4" in notices[(4, "")]
    # each column named as the sheet names it (issue 26), not as lienket's code
    assert "not one lienket reads" in notices[(4, "STT")]
    assert "not one lienket reads" in notices[(4, "Ghi chú")]
    assert "rows 5 to 6" in notices[(5, "")]
    assert "72142000 was recorded as HS subheading 721420" in notices[(5, "Sản phẩm (mã HS)")]
    assert "09011100 was recorded as HS subheading 090111" in notices[(7, "Sản phẩm (mã HS)")]


def test_a_former_province_is_recorded_as_the_new_one_with_a_notice(registry, steward):
    rows = "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
    rows += "VNM,Công ty Lụa Vạn Phúc,,,,Hà Tây,industry\n"
    rows += "Laos,,ບໍລິສັດ ໄມ້ ອັດຕະປື,,,Attapu,industry\n"
    result = import_enterprises(io.BytesIO(rows.encode()), "f.csv", steward)
    silk = Enterprise.objects.get(name_vi="Công ty Lụa Vạn Phúc")
    assert silk.province_code == "01"
    assert Enterprise.objects.get(name_lo="ບໍລິສັດ ໄມ້ ອັດຕະປື").province_code == "LA-AT"
    [notice] = [n for n in result.notices if n.field == "province"]
    assert notice.row == 2 and "Hà Tây is a former province" in notice.text()


def test_a_cp1258_csv_with_vietnamese_headers_imports_with_the_encoding_named(registry, steward):
    text = "Quốc gia;Tên tiếng Việt;Tên tiếng Lào;Tên tiếng Anh;Mã số thuế;Tỉnh/Thành phố;Ngành\n"
    text += "Việt Nam;Công ty Cổ phần Đường Sông Lam;;;0107777771;Nghệ An;industry\n"
    result = import_enterprises(io.BytesIO(cp1258(text)), "dn.csv", steward)
    firm = Enterprise.objects.get(tax_id="0107777771")
    assert firm.name_vi == "Công ty Cổ phần Đường Sông Lam"
    assert "Windows-1258" in result.notices[0].text()


def test_lao_names_written_without_spaces_are_flagged_as_duplicates(registry, steward):
    rows = "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
    rows += "LAO,,ບໍລິສັດ ກາເຟ ດາວ ຈຳກັດ,,,Champasak,agriculture\n"
    import_enterprises(io.BytesIO(rows.encode()), "a.csv", steward)
    rows = "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
    rows += "LAO,,ບໍລິສັດກາເຟດາວຈຳກັດ,,,Champasak,agriculture\n"
    result = import_enterprises(io.BytesIO(rows.encode()), "b.csv", steward, dry_run=True)
    assert result.duplicates_flagged >= 1


def exported(queryset) -> io.BytesIO:
    return io.BytesIO(exports.enterprises_xlsx(queryset))


def edit(data: io.BytesIO, changes: dict[tuple[int, str], object]) -> io.BytesIO:
    wb = load_workbook(data)
    ws = wb.active
    header = [c.value for c in ws[1]]
    for (row, column), value in changes.items():
        ws.cell(row=row, column=header.index(column) + 1, value=value)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_an_exported_file_imported_back_updates_the_same_firms(registry, steward):
    firms = Enterprise.objects.filter(country="VNM").order_by("pk")
    first = firms[0]
    count = Enterprise.objects.count()
    unchanged = exported(firms)
    check = import_enterprises(unchanged, "same.xlsx", steward, dry_run=True, update=True)
    assert check.changes == () and check.created == 0

    changed = edit(exported(firms), {(2, "employees"): 777, (2, "products"): "7214"})
    check = import_enterprises(changed, "x.xlsx", steward, dry_run=True, update=True)
    assert {(c.enterprise, c.field, c.new) for c in check.changes} >= {
        (first.pk, "employees", "777"),
        (first.pk, "products", "7214"),
    }
    first.refresh_from_db()
    assert first.employees != 777  # a check saves nothing
    changed.seek(0)
    done = import_enterprises(changed, "x.xlsx", steward, update=True)
    first.refresh_from_db()
    assert first.employees == 777 and first.product_codes == ["7214"]
    assert done.updated == 1 and done.created == 0
    assert Enterprise.objects.count() == count
    assert AuditEvent.objects.filter(action="updated", object_id=str(first.pk)).exists()


def test_without_update_a_registered_tax_id_says_how_to_update(registry, steward):
    firm = Enterprise.objects.exclude(tax_id="").first()
    data = exported(Enterprise.objects.filter(pk=firm.pk))
    with pytest.raises(DataError) as exc:
        import_enterprises(data, "again.xlsx", steward)
    assert "update registered firms" in exc.value.errors[0].text()


def test_an_update_is_all_or_nothing_and_names_a_missing_id(registry, steward):
    firms = Enterprise.objects.order_by("pk")
    before = list(firms.values_list("pk", "employees"))
    data = edit(exported(firms), {(2, "employees"): 5, (3, "id"): 999999})
    with pytest.raises(DataError) as exc:
        import_enterprises(data, "bad.xlsx", steward, update=True)
    [error] = exc.value.errors
    assert (error.row, error.field) == (3, "id") and "999999" in error.text()
    assert list(firms.values_list("pk", "employees")) == before


def test_a_focal_point_may_not_update_the_other_countrys_firms(registry, vn_focal):
    firm = Enterprise.objects.filter(country="LAO").first()
    data = exported(Enterprise.objects.filter(pk=firm.pk))
    with pytest.raises(DataError) as exc:
        import_enterprises(data, "lao.xlsx", vn_focal, update=True)
    assert exc.value.errors[0].field == "country"


def test_a_relationship_since_date_keeps_its_year_with_a_notice(registry, steward):
    a, b = (Enterprise.objects.exclude(tax_id="").filter(country=c).first() for c in ("LAO", "VNM"))
    rows = "supplier_country,supplier_tax_id,buyer_country,buyer_tax_id,hs_code,since\n"
    rows += f"Lào,{a.tax_id},Việt Nam,{b.tax_id},25210000,15/03/2019\n"
    result = import_relationships(io.BytesIO(rows.encode()), "r.csv", steward)
    rel = Relationship.objects.get(supplier=a, buyer=b, hs_code="252100")
    assert rel.since == 2019
    texts = {n.field: n.text() for n in result.notices}
    assert "recorded as the year 2019" in texts["since"]
    assert "recorded as HS subheading 252100" in texts["hs_code"]


def test_errors_name_each_column_as_the_sheet_names_it(registry, steward):
    """Issue 26, part 5: an error said "contact_email" where the sheet said "Email liên hệ"."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Quốc gia", "Tên tiếng Việt", "Tên tiếng Lào", "Tên tiếng Anh", "Mã số thuế",
               "Tỉnh/Thành phố", "Ngành", "Email liên hệ", "Số lao động"])  # fmt: skip
    ws.append(["Việt Nam", "Công ty TNHH Thử Nghiệm", "", "", "0108888883", "Hà Nội",
               "industry", "not-an-address", "bốn mươi"])  # fmt: skip
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with pytest.raises(DataError) as caught:
        import_enterprises(buf, "so-ct.xlsx", steward)
    fields = {e.field for e in caught.value.errors}
    assert "Email liên hệ" in fields and "Số lao động" in fields, fields
    assert not fields & {"contact_email", "employees"}
    assert not Enterprise.objects.filter(tax_id="0108888883").exists()  # all or nothing


def test_places_written_with_their_administrative_word_or_a_lost_zero_are_read_with_a_notice(
    registry, steward
):
    """Issue 27, part 4: "Binh Duong Province", "tỉnh Quảng Bình", "ແຂວງ …", a province code
    that lost its leading zero ("1" for "01") and an ISO numeric country code ("704") are read,
    each with a notice saying how."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Quốc gia", "Tên tiếng Việt", "Tên tiếng Lào", "Tên tiếng Anh", "Mã số thuế",
               "Tỉnh/Thành phố", "Ngành"])  # fmt: skip
    ws.append(["704", "Công ty A Thử", "", "", "0108888884", "Binh Duong Province", "industry"])
    ws.append(["Việt Nam", "Công ty B Thử", "", "", "0108888885", "Quang Tri province", "industry"])
    ws.append(["Việt Nam", "Công ty C Thử", "", "", "0108888886", "1", "industry"])
    ws.append(["418", "", "ບໍລິສັດ ດີ ທົດລອງ", "", "123456789088", "ແຂວງ ຈຳປາສັກ", "industry"])
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    result = import_enterprises(buf, "so-ct.xlsx", steward)
    assert result.created == 4
    a = Enterprise.objects.get(tax_id="0108888884")
    assert (a.country, a.province_code) == ("VNM", "79")  # Bình Dương is now in TP.HCM
    assert Enterprise.objects.get(tax_id="0108888885").province_code == "44"
    assert Enterprise.objects.get(tax_id="0108888886").province_code == "01"
    lao = Enterprise.objects.get(tax_id="123456789088")
    assert (lao.country, lao.province_code) == ("LAO", "LA-CH")
    notes: dict[tuple[int, str], str] = {}
    for n in result.notices:
        notes[(n.row, n.field)] = notes.get((n.row, n.field), "") + " | " + n.text()
    assert "ISO numeric code" in notes[(2, "Quốc gia")] and "ISO numeric" in notes[(5, "Quốc gia")]
    assert "administrative word" in notes[(3, "Tỉnh/Thành phố")]  # "Quang Tri province"
    assert "administrative word" in notes[(2, "Tỉnh/Thành phố")]  # "Binh Duong Province"
    assert "read as 01" in notes[(4, "Tỉnh/Thành phố")]
