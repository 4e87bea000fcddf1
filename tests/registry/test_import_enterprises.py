"""Importing enterprises: all rows or none, and every problem named by file, row and column."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from lienket.engine.errors import DataError
from lienket.registry.importers import (
    ENTERPRISE_REQUIRED,
    import_enterprises,
)
from lienket.registry.models import DuplicateFlag, Enterprise, EnterpriseProduct

COLUMNS = ENTERPRISE_REQUIRED + ("zone", "products", "inputs", "employees", "annual_revenue")
GOOD = [
    [
        "VNM",
        "Công ty Cổ phần Thép Sông Lam",
        "",
        "Song Lam Steel JSC",
        "0109999999",
        "Nghệ An",
        "industry",
        "",
        "7214 721420",
        "7207",
        "150",
        "180000000000",
    ],
    [
        "LAO",
        "",
        "ບໍລິສັດ ກາເຟ ດາວ ຈຳກັດ",
        "Dao Coffee Co., Ltd",
        "987654321000",
        "Champasak",
        "agriculture",
        "pakse-japan",
        "0901",
        "",
        "30",
        "",
    ],
    ["VNM", "HTX Cà phê Đắk Hà", "", "", "", "Kon Tum", "agriculture", "", "090111", "", "", ""],
]


def csv_bytes(rows: list[list[str]], columns: tuple[str, ...] = COLUMNS) -> io.BytesIO:
    lines = [",".join(columns)] + [",".join(f'"{c}"' for c in r) for r in rows]
    return io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))


def xlsx_bytes(rows: list[list[object]], columns: tuple[str, ...] = COLUMNS) -> io.BytesIO:
    wb = Workbook()
    wb.active.append(list(columns))
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def snapshot() -> tuple[int, int, int]:
    return (
        Enterprise.objects.count(),
        EnterpriseProduct.objects.count(),
        DuplicateFlag.objects.count(),
    )


def test_it_imports_a_good_file_with_derived_fields(registry, steward):
    result = import_enterprises(csv_bytes(GOOD), "firms.csv", steward)
    assert result.created == 3
    steel = Enterprise.objects.get(tax_id="0109999999")
    assert steel.province_code == "40" and steel.size_class == "medium"
    assert steel.chains == "materials" and steel.product_codes == ["7214", "721420"]
    coffee = Enterprise.objects.get(tax_id="987654321000")
    assert coffee.zone.code == "pakse-japan" and coffee.currency == "LAK"
    coop = Enterprise.objects.get(name_vi="HTX Cà phê Đắk Hà")
    assert coop.province_code == "51"  # Kon Tum merged into Quảng Ngãi in 2025


def test_it_imports_xlsx_with_numeric_cells(registry, steward):
    rows = [
        [
            "VNM",
            "Công ty Gỗ Minh Khang",
            "",
            "",
            "0109999998",
            "Hà Tĩnh",
            "industry",
            "",
            9403,
            40110,
            12,
            1000000000,
        ]
    ]
    import_enterprises(xlsx_bytes(rows), "firms.xlsx", steward)
    firm = Enterprise.objects.get(name_vi="Công ty Gỗ Minh Khang")
    # 040110 lost its leading zero as an Excel number; HS codes have an even number of digits
    assert firm.product_codes == ["9403"] and firm.input_codes == ["040110"]
    assert firm.employees == 12


def test_it_names_a_tax_id_that_lost_its_leading_zero_in_excel(registry, steward):
    rows = [
        [
            "VNM",
            "Công ty Gỗ Minh Khang",
            "",
            "",
            109999998,
            "Hà Tĩnh",
            "industry",
            "",
            9403,
            "",
            12,
            1000000000,
        ]
    ]
    with pytest.raises(DataError) as exc:
        import_enterprises(xlsx_bytes(rows), "firms.xlsx", steward)
    assert [(e.row, e.field) for e in exc.value.errors] == [(2, "tax_id")]


@pytest.mark.parametrize(
    ("name", "make", "row", "column", "fragment"),
    [
        (
            "wrong columns",
            lambda: csv_bytes([["x"]], ("country", "firm name")),
            1,
            "province",
            "missing",
        ),
        (
            "unknown HS code",
            lambda: csv_bytes([GOOD[0][:8] + ["720000"] + GOOD[0][9:]]),
            2,
            "products",
            "does not exist in HS2022",
        ),
        (
            "HS code of the wrong length",
            lambda: csv_bytes([GOOD[0][:8] + ["72"] + GOOD[0][9:]]),
            2,
            "products",
            "4 or 6 digits",
        ),
        (
            "unknown province",
            lambda: csv_bytes([GOOD[0][:5] + ["Atlantis"] + GOOD[0][6:]]),
            2,
            "province",
            "unknown province",
        ),
        (
            "province of the other country",
            lambda: csv_bytes([GOOD[1][:5] + ["Hà Tĩnh"] + GOOD[1][6:]]),
            2,
            "province",
            "unknown province",
        ),
        (
            "bad tax id format",
            lambda: csv_bytes([GOOD[0][:4] + ["12AB"] + GOOD[0][5:]]),
            2,
            "tax_id",
            "format",
        ),
        (
            "duplicate tax id in the file",
            lambda: csv_bytes([GOOD[0], GOOD[0]]),
            3,
            "tax_id",
            "repeats row 2",
        ),
        (
            "duplicate tax id in the database",
            lambda: csv_bytes([GOOD[0][:4] + ["0101234567"] + GOOD[0][5:]]),
            2,
            "tax_id",
            "already registered",
        ),
        ("empty file", lambda: io.BytesIO(b""), 0, "", "empty"),
        ("header only", lambda: csv_bytes([]), 0, "", "no data rows"),
        (
            "not a number",
            lambda: csv_bytes([GOOD[0][:10] + ["many"] + GOOD[0][11:]]),
            2,
            "employees",
            "is not a number",
        ),
        (
            "unknown country",
            lambda: csv_bytes([["KHM"] + GOOD[0][1:]]),
            2,
            "country",
            "not one of this platform's countries",
        ),
        (
            "zone in the other country",
            lambda: csv_bytes([GOOD[0][:7] + ["savan-seno"] + GOOD[0][8:]]),
            2,
            "zone",
            "not in VNM",
        ),
    ],
)
def test_it_rejects_a_malformed_file_and_changes_nothing(
    registry, steward, name, make, row, column, fragment
):
    before = snapshot()
    # a good row first: it must not be saved either
    with pytest.raises(DataError) as exc:
        import_enterprises(make(), "firms.csv", steward)
    assert snapshot() == before
    match = [e for e in exc.value.errors if e.row == row and e.field == column]
    assert match, [str(e) for e in exc.value.errors]
    assert fragment in match[0].text(), str(match[0])
    assert match[0].file == "firms.csv"


def test_one_bad_row_among_good_ones_saves_nothing_and_reports_every_problem(registry, steward):
    bad = GOOD[1][:5] + ["Nowhere"] + GOOD[1][6:8] + ["0000"] + GOOD[1][9:]
    before = snapshot()
    with pytest.raises(DataError) as exc:
        import_enterprises(csv_bytes([GOOD[0], bad, GOOD[2]]), "firms.csv", steward)
    assert snapshot() == before
    assert {(e.row, e.field) for e in exc.value.errors} == {(3, "province"), (3, "products")}


def test_a_focal_point_imports_only_its_own_country(registry, vn_focal):
    with pytest.raises(DataError) as exc:
        import_enterprises(csv_bytes(GOOD[:2]), "firms.csv", vn_focal)
    assert [(e.row, e.field) for e in exc.value.errors] == [(3, "country")]
    assert Enterprise.objects.count() == 3


def test_it_flags_likely_duplicates_without_merging(registry, steward):
    twin = [
        "VNM",
        "CÔNG TY CỔ PHẦN XI MĂNG HỒNG LĨNH",
        "",
        "",
        "0107777777",
        "Hà Tĩnh",
        "industry",
        "",
        "252329",
        "",
        "",
        "",
    ]
    result = import_enterprises(csv_bytes([twin]), "firms.csv", steward)
    assert result.duplicates_flagged == 1
    flag = DuplicateFlag.objects.get()
    assert {flag.enterprise.tax_id, flag.other.tax_id} == {"0107777777", "0101234567"}
    assert Enterprise.objects.count() == 4  # both kept until a steward decides


def test_the_upload_page_lists_errors_and_offers_them_as_xlsx(client_for, registry, steward):
    client = client_for(steward)
    upload = csv_bytes([GOOD[0][:5] + ["Atlantis"] + GOOD[0][6:]])
    upload.name = "firms.csv"
    response = client.post("/import/", {"kind": "enterprises", "file": upload})
    assert response.status_code == 400
    assert "Atlantis" in response.content.decode()
    report = client.get("/import/errors.xlsx")
    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(report.content)).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("firms.csv", 2, "province")


def test_a_dry_run_checks_everything_and_saves_nothing(registry, steward):
    before = snapshot()
    result = import_enterprises(csv_bytes(GOOD), "firms.csv", steward, dry_run=True)
    assert (result.checked, result.created, result.dry_run) == (3, 0, True)
    assert snapshot() == before
    with pytest.raises(DataError):
        bad = [GOOD[0][:5] + ["Atlantis"] + GOOD[0][6:]]
        import_enterprises(csv_bytes(bad), "firms.csv", steward, dry_run=True)


def test_the_upload_page_offers_a_check_only_run(client_for, registry, steward):
    upload = csv_bytes(GOOD)
    upload.name = "firms.csv"
    response = client_for(steward).post(
        "/import/", {"kind": "enterprises", "file": upload, "action": "check"}
    )
    assert response.status_code == 200
    assert "Nothing was saved yet" in response.content.decode()
    assert Enterprise.objects.count() == 3


def test_text_too_long_for_its_field_is_refused_not_cut(registry, steward):
    long_name = "Công ty " + "X" * 300
    with pytest.raises(DataError) as exc:
        import_enterprises(csv_bytes([[GOOD[0][0], long_name, *GOOD[0][2:]]]), "f.csv", steward)
    assert [(e.row, e.field) for e in exc.value.errors] == [(2, "name_vi")]
    assert "at most 255" in exc.value.errors[0].text()


# issue 8 - values that crashed the check or were silently changed
@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("annual_revenue", "NaN", "not a number lienket accepts"),
        ("annual_revenue", "1e40", "not a number lienket accepts"),
        ("annual_revenue", 1e40, "too large"),
        ("annual_revenue", 1e21, "too large"),
        ("employees", 1e30, "too large"),
        ("annual_revenue", "2.500", "ambiguous"),
        ("employees", "1,5", "whole number"),
        ("annual_revenue", "12,5", "decimals"),
        ("products", 810.1, "0810.10"),
    ],
)
def test_values_that_cannot_be_read_with_certainty_are_row_errors(
    registry, steward, column, value, reason
):
    row = list(GOOD[0])
    row[COLUMNS.index(column)] = value
    before = snapshot()
    for dry_run in (True, False):
        with pytest.raises(DataError) as caught:
            import_enterprises(xlsx_bytes([row]), "firms.xlsx", steward, dry_run=dry_run)
        (error,) = caught.value.errors
        assert (error.row, error.field) == (2, column)
        assert reason in error.text()
    assert snapshot() == before


def test_invisible_characters_are_removed_with_a_notice(registry, steward):
    row = list(GOOD[0])
    row[COLUMNS.index("name_en")] = "Song\u200b Lam Steel\ufeff JSC"
    result = import_enterprises(xlsx_bytes([row]), "firms.xlsx", steward)
    assert Enterprise.objects.get(tax_id="0109999999").name_en == "Song Lam Steel JSC"
    (notice,) = result.notices
    assert (notice.row, notice.field) == (2, "name_en")


def test_a_formula_without_a_calculated_value_is_refused(registry, steward):
    row = list(GOOD[0])
    row[COLUMNS.index("name_en")] = '=CONCATENATE("Song ","Lam")'
    with pytest.raises(DataError) as caught:
        import_enterprises(xlsx_bytes([row]), "firms.xlsx", steward)
    assert "formula without a calculated value" in caught.value.errors[0].text()
    assert caught.value.errors[0].row == 2


def test_a_saved_large_value_still_renders_everywhere(client_for, registry, steward):
    with pytest.raises(DataError):  # one digit more would not read back on SQLite
        import_enterprises(csv_bytes([GOOD[0][:11] + ["9999999999999999999"]]), "f.csv", steward)
    row = list(GOOD[0])
    row[COLUMNS.index("annual_revenue")] = "999999999999999999"  # the largest that fits
    import_enterprises(csv_bytes([row]), "firms.csv", steward)
    firm = Enterprise.objects.get(tax_id="0109999999")
    client = client_for(steward)
    assert client.get(f"/enterprises/{firm.pk}/").status_code == 200
    assert client.get("/enterprises/").status_code == 200
    assert client.get(f"/api/enterprises/{firm.pk}/").status_code == 200
