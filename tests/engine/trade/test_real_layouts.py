"""Trade files in the layouts the UN, CEPII and Viet Nam's customs publish, built here."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from lienket.engine.errors import DataError
from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference

COUNTRY_CODES = (
    "country_code,country_name,country_iso2,country_iso3\n704,Viet Nam,VN,VNM\n418,Lao PDR,LA,LAO\n"
)
PLUS = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,flowCode,"
    "partnerCode,partnerISO,partner2Code,classificationCode,isOriginalClassification,cmdCode,"
    "aggrLevel,isLeaf,customsCode,motCode,qtyUnitAbbr,qty,primaryValue"
)


@pytest.fixture
def store(tmp_path):
    return TradeStore(tmp_path / "store", reference=trade_reference())


def plus_file(path: Path, lines: list[str]) -> Path:
    """A Comtrade+ download: the header, then ``lines`` (comma-separated, in PLUS order)."""
    path.write_text(PLUS + "\n" + "\n".join(lines) + "\n")
    return path


def baci_zip(path: Path, years: dict[str, str], extra: dict[str, str] | None = None) -> Path:
    """A BACI release zip: the country codes and one CSV per file name given."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("country_codes_V202501.csv", COUNTRY_CODES)
        for name, text in {**(extra or {}), **years}.items():
            z.writestr(name, text)
    return path


def total(store, where="1=1"):
    sql = f"SELECT round(sum(value_usd), 2) AS v, count(*) AS n FROM flows WHERE {where}"  # noqa: S608
    return store.query(sql).to_pylist()[0]


def test_comtrade_plus_leaf_codes_that_lost_their_zero_are_kept(tmp_path, store):
    # Excel turned 010121 into 10121 and 0101 into 101; aggrLevel says what each line is.
    rows = [
        "C,A,20220101,2022,52,2022,704,VNM,X,418,LAO,0,H6,1,TOTAL,0,0,C00,0,,,999",
        "C,A,20220101,2022,52,2022,704,VNM,X,418,LAO,0,H6,1,101,4,0,C00,0,,,150",
        "C,A,20220101,2022,52,2022,704,VNM,X,418,LAO,0,H6,1,10121,6,1,C00,0,kg,10,100",
        "C,A,20220101,2022,52,2022,704,VNM,X,418,LAO,0,H6,1,10129,6,1,C00,0,kg,5,50",
        "C,A,20220101,2022,52,2022,704,VNM,X,418,LAO,0,H6,1,720711,6,1,C00,0,kg,5,1000",
    ]
    path = plus_file(tmp_path / "comtrade.csv", rows)
    record = store.import_file(path, "comtrade").record
    assert total(store) == {"v": 1150.0, "n": 3}
    codes = {r["hs6"] for r in store.query("SELECT hs6 FROM flows").to_pylist()}
    assert {"010121", "010129"} <= codes
    assert record.notices == {"6-digit codes that had lost their leading zero (read with it)": 2}
    assert record.skipped["totals and 2- or 4-digit aggregate lines"] == 2


def test_a_tab_separated_bulk_file_with_numeric_codes_and_regional_partners(tmp_path, store):
    header = (
        "refYear\treporterCode\tpartnerCode\tflowCode\tcmdCode\tclassificationCode\tprimaryValue"
    )
    rows = [
        "2023\t704\t418\tX\t720711\tH5\t1000",
        "2023\t704\t0\tX\t720711\tH5\t5000",  # the world
        "2023\t704\t490\tX\t720711\tH5\t700",  # "Other Asia, nes": an area, kept
        "2023\t418\t704\tX\t080111\tH5\t300",
    ]
    path = tmp_path / "bulk.txt.gz"
    path.write_bytes(gzip.compress(("\n".join([header, *rows]) + "\n").encode(), mtime=0))
    store.import_file(path, "comtrade")
    partners = store.query(
        "SELECT reporter, partner, value_usd FROM flows ORDER BY value_usd"
    ).to_pylist()
    assert partners == [
        {"reporter": "LAO", "partner": "VNM", "value_usd": 300.0},
        {"reporter": "VNM", "partner": "M49-490", "value_usd": 700.0},
        {"reporter": "VNM", "partner": "LAO", "value_usd": 1000.0},
        {"reporter": "VNM", "partner": "WLD", "value_usd": 5000.0},
    ]


def test_a_regional_partner_area_is_kept_but_a_mistyped_country_is_refused(tmp_path, store):
    path = tmp_path / "areas.csv"
    path.write_text(
        "refYear,reporterISO,partnerISO,flowCode,cmdCode,classificationCode,primaryValue\n"
        "2023,VNM,E19,X,720711,H5,10\n2023,VNM,VMN,X,720711,H5,10\n"
    )
    with pytest.raises(DataError) as exc:
        store.import_file(path, "comtrade")
    [error] = exc.value.errors
    assert (error.row, error.field) == (3, "partnerISO") and "VMN" in error.text()


def test_a_monthly_comtrade_file_sets_its_months(tmp_path, store):
    lines = [
        f"C,M,2025{m:02d}01,2025,{m},2025{m:02d},704,VNM,X,418,LAO,0,H6,1,720711,6,1,C00,0,kg,1,{m * 10}"
        for m in range(1, 11)
    ]
    path = plus_file(tmp_path / "monthly.csv", lines)
    record = store.import_file(path, "comtrade").record
    assert record.months == (1, 10)
    assert total(store) == {"v": 550.0, "n": 10}


def test_a_monthly_file_with_a_gap_is_refused(tmp_path, store):
    lines = [
        f"C,M,2025{m:02d}01,2025,{m},2025{m:02d},704,VNM,X,418,LAO,0,H6,1,720711,6,1,C00,0,kg,1,5"
        for m in (1, 2, 4)
    ]
    path = plus_file(tmp_path / "gap.csv", lines)
    with pytest.raises(DataError) as exc:
        store.import_file(path, "comtrade")
    assert "not one run of months" in exc.value.errors[0].text()
    assert store.imports() == []


def test_a_baci_release_zip_imports_every_year(tmp_path, store):
    path = baci_zip(
        tmp_path / "BACI_HS17_V202501.zip",
        {
            f"BACI_HS17_Y{year}_V202501.csv": f"t,i,j,k,v,q\n{year},704,418,720711,{v},1\n"
            for year, v in ((2021, "1.5"), (2022, "2.5"))
        },
        {"product_codes_HS17_V202501.csv": "code,description\n720711,Iron\n", "Readme.txt": "BACI"},
    )
    results = store.import_archive(path)
    assert [r.record.years for r in results] == [[2021], [2022]]
    assert total(store) == {"v": 4000.0, "n": 2}


def test_a_baci_zip_with_a_bad_year_leaves_the_store_as_it_was(tmp_path, store):
    path = baci_zip(
        tmp_path / "BACI_HS17_V202501.zip",
        {
            "BACI_HS17_Y2021_V202501.csv": "t,i,j,k,v,q\n2021,704,418,720711,1,1\n",
            "BACI_HS17_Y2022_V202501.csv": "t,i,j,k,v,q\n2022,704,418,000000,1,1\n",
        },
    )
    with pytest.raises(DataError) as exc:
        store.import_archive(path)
    assert exc.value.errors[0].file == "BACI_HS17_Y2022_V202501.csv"
    assert store.imports() == []


def test_an_older_baci_edition_is_refused_with_its_reason(tmp_path, store):
    path = baci_zip(
        tmp_path / "BACI_HS92_V202501.zip",
        {"BACI_HS92_Y2022_V202501.csv": "t,i,j,k,v,q\n2022,704,418,720711,1,1\n"},
    )
    with pytest.raises(DataError) as exc:
        store.import_archive(path)
    assert "HS1992" in exc.value.errors[0].text()


def vietnamese_customs_table(path: Path) -> Path:
    """Exports to Laos for January-March as the customs office publishes them."""
    wb = Workbook()
    ws = wb.active
    ws.append(["CỤC HẢI QUAN — TRỊ GIÁ XUẤT KHẨU SANG LÀO, QUÝ I NĂM 2025"])
    ws.append(["Đơn vị: USD"])
    ws.append(["STT", "Tháng", "Mã HS", "Tên hàng", "ĐVT", "Lượng", "Trị giá (USD)"])
    ws.append([1, 1, "72142000", "Thép thanh", "tấn", "1,200", "1,234,567"])
    ws.append([2, 1, "27011900", "Than đá", "tấn", "300", "45,000"])
    ws.append([3, 2, "72142000", "Thép thanh", "tấn", "1,000", "1,000,000"])
    ws.append([4, 3, "72142000", "Thép thanh", "tấn", "1,100", "1,100,000.50"])
    ws.merge_cells("A1:G1")
    wb.save(path)
    return path


def test_a_vietnamese_customs_table_as_published(tmp_path, store):
    path = vietnamese_customs_table(tmp_path / "hq_q1_2025.xlsx")
    record = store.import_file(
        path,
        "customs",
        reporter="VNM",
        edition="HS2017",
        partner="Lào",
        flow="xuất khẩu",
        year=2025,
    ).record
    assert record.months == (1, 3)
    assert total(store) == {"v": 3379567.5, "n": 4}
    steel = total(store, "hs6 = '721420'")
    assert steel == {"v": 3334567.5, "n": 3}
    assert record.notices == {
        "national tariff lines (8 or 10 digits) recorded as their HS subheading": 4
    }


def test_a_customs_table_without_year_is_refused_naming_what_to_give(tmp_path, store):
    path = vietnamese_customs_table(tmp_path / "hq.xlsx")
    with pytest.raises(DataError) as exc:
        store.import_file(path, "customs", reporter="VNM", edition="HS2017", partner="LAO")
    assert {e.field for e in exc.value.errors} == {"year", "flow"}


def test_a_number_against_the_files_style_in_a_customs_table_is_a_row_error(tmp_path, store):
    path = vietnamese_customs_table(tmp_path / "hq.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    # a decimal comma beside 1,234,567: the file no longer shows one style, so "1,200"
    # (1200 or 1.2?) is refused, never guessed
    wb.active["G5"] = "1.234,5"
    wb.save(path)
    with pytest.raises(DataError) as exc:
        store.import_file(
            path, "customs", reporter="VNM", edition="HS2017", partner="LAO", flow="X", year=2025
        )
    assert {e.row for e in exc.value.errors} == {4, 6, 7}
    assert all("ambiguous" in e.text() for e in exc.value.errors)
    assert store.imports() == []


def test_a_comtrade_download_at_hs4_is_stored_at_4_digits(tmp_path, store):
    # Comtrade+ "AG4" download: the total, chapters and headings; Excel dropped 0101's zero.
    rows = [
        "C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,TOTAL,0,0,C00,0,,,1900",
        "C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,01,2,0,C00,0,,,400",
        "C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,101,4,0,C00,0,,,400",
        "C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,8549,4,0,C00,0,,,500",
        "C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,7207,4,0,C00,0,,,1000",
    ]
    path = plus_file(tmp_path / "comtrade_hs4.csv", rows)
    record = store.import_file(path, "comtrade").record
    assert record.level == 4 and record.rows == 3 and record.value_usd == 1900.0
    codes = store.query("SELECT hs6, value_usd FROM flows ORDER BY hs6").to_pylist()
    # HS2022 8549 (electrical waste) is spread by the concordance over 8542 and 8548: the
    # heading most of its subheadings go to, with a notice
    assert codes == [
        {"hs6": "0101", "value_usd": 400.0},
        {"hs6": "7207", "value_usd": 1000.0},
        {"hs6": "8542", "value_usd": 500.0},
    ]
    assert record.notices == {
        "4-digit headings that had lost their leading zero (read with it)": 1,
        "headings whose subheadings the target edition spreads over several headings, "
        "recorded under the heading most of them go to": 1,
    }
    from lienket.engine.trade import analysis

    assert analysis.by_product(store, "VNM", "LAO", 2023, level=4) == {
        "0101": 400.0, "7207": 1000.0, "8542": 500.0,
    }  # fmt: skip
    assert analysis.by_product(store, "VNM", "LAO", 2023, level=6) == {}  # never shown as HS6
    assert [d.value_usd for d in analysis.bilateral(store, "VNM", "LAO")] == [1900.0]


def test_a_heading_that_is_not_in_the_edition_is_refused_by_row(tmp_path, store):
    rows = ["C,A,20230101,2023,52,2023,704,VNM,X,418,LAO,0,H6,1,9950,4,0,C00,0,,,5"]
    path = plus_file(tmp_path / "comtrade_hs4.csv", rows)
    with pytest.raises(DataError) as err:
        store.import_file(path, "comtrade")
    first = err.value.errors[0]
    assert (first.row, first.field) == (2, "cmdCode")
    assert "not a 4-digit heading of HS2022" in first.text()


def _with_total(path: Path, total: str, label: str = "Tổng cộng") -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(vietnamese_customs_table(path))
    wb.active.append(["", "", "", label, "", "", total])
    wb.save(path)
    return path


def test_a_customs_table_with_its_total_row_is_checked_and_imported(tmp_path, store):
    """Issue 27, part 4: a table with its "Tổng cộng" row was refused; the total is now
    recognised, checked against the sum of the lines, and left out."""
    path = _with_total(tmp_path / "hq_q1_2025.xlsx", "3,379,568")  # the lines, rounded
    record = store.import_file(path, "customs", reporter="VNM", edition="HS2017",
                               partner="Lào", flow="xuất khẩu", year=2025).record  # fmt: skip
    assert total(store) == {"v": 3379567.5, "n": 4}  # the total is not a line
    assert record.notices["a total row, checked against the sum of the lines and left out"] == 1


def test_a_customs_table_whose_total_disagrees_is_refused_naming_both(tmp_path, store):
    path = _with_total(tmp_path / "hq.xlsx", "3,500,000", label="TỔNG CỘNG")
    with pytest.raises(DataError) as exc:
        store.import_file(path, "customs", reporter="VNM", edition="HS2017", partner="LAO",
                          flow="X", year=2025)  # fmt: skip
    (error,) = exc.value.errors
    assert error.row == 8 and "3,500,000" in error.text() and "3,379,567.5" in error.text()
    assert store.imports() == []


def test_the_hs_edition_defaults_from_the_year_with_a_notice(tmp_path, store):
    path = vietnamese_customs_table(tmp_path / "hq.xlsx")
    record = store.import_file(path, "customs", reporter="VNM", partner="LAO", flow="X",
                               year=2025).record  # fmt: skip
    assert any("edition in force" in k for k in record.notices)
    assert record.source_edition == "HS2022", record
    other = _with_total(tmp_path / "hq-other.xlsx", "3,379,568")  # other bytes
    with pytest.raises(DataError) as exc:  # no edition and no year: say what to give
        store.import_file(other, "customs", reporter="VNM", partner="LAO", flow="M")
    assert any("HS edition" in e.text() or e.field == "year" for e in exc.value.errors)
