"""Reading official trade files into the store: formats, editions, bad input, idempotence."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from openpyxl import Workbook

from lienket.engine.errors import DataError
from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference

COUNTRY_CODES = "country_code,country_name,country_iso2,country_iso3\n704,Viet Nam,VN,VNM\n418,Lao PDR,LA,LAO\n4,Afghanistan,AF,AFG\n"


def baci(folder: Path, body: str, name: str = "BACI_HS17_Y2022_V202501.csv") -> Path:
    (folder / "country_codes_V202501.csv").write_text(COUNTRY_CODES)
    path = folder / name
    path.write_text("t,i,j,k,v,q\n" + body)
    return path


@pytest.fixture
def store(tmp_path):
    return TradeStore(tmp_path / "store", reference=trade_reference())


def test_baci_rows_become_usd_exports_by_iso_code(tmp_path, store):
    path = baci(
        tmp_path, "2022,704,418,010121,1.5,2\n2022,418,704,10129,3.25,NA\n2022,4,704,  20110,1,\n"
    )
    result = store.import_file(path, "baci")
    assert result.record.rows == 3 and result.record.source_edition == "HS2017"
    rows = store.query(
        "SELECT reporter, partner, flow, hs6, value_usd, quantity, unit FROM flows ORDER BY value_usd"
    ).to_pylist()
    assert rows[0] == {
        "reporter": "AFG",
        "partner": "VNM",
        "flow": "X",
        "hs6": "020110",
        "value_usd": 1000.0,
        "quantity": None,
        "unit": "",
    }
    assert rows[2]["hs6"] == "010129" and rows[2]["value_usd"] == 3250.0
    assert rows[1]["quantity"] == 2.0 and rows[1]["unit"] == "t"


def test_reimporting_the_same_file_adds_nothing(tmp_path, store):
    path = baci(tmp_path, "2022,704,418,010121,1.5,2\n")
    first = store.import_file(path, "baci")
    again = store.import_file(path, "baci")
    assert again.already and again.record.id == first.record.id
    assert store.query("SELECT count(*) AS n FROM flows").to_pylist() == [{"n": 1}]


def test_overlapping_file_is_refused_unless_replacing(tmp_path, store):
    store.import_file(baci(tmp_path, "2022,704,418,010121,1.5,2\n"), "baci")
    other = tmp_path / "other"
    other.mkdir()
    newer = baci(other, "2022,704,418,010121,9,2\n")
    with pytest.raises(DataError, match="already holds baci data"):
        store.import_file(newer, "baci")
    result = store.import_file(newer, "baci", replace=True)
    assert result.replaced == ["BACI_HS17_Y2022_V202501.csv"]
    assert store.query("SELECT sum(value_usd) AS v FROM flows").to_pylist() == [{"v": 9000.0}]
    assert len(store.imports()) == 1


def _assert_untouched(store: TradeStore) -> None:
    assert store.imports() == []
    folder = store.root / "flows"
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("body", "line", "column", "text"),
    [
        ("2022,704,418,010121,abc,2\n", 2, "v", "'abc' is not a number"),
        ("2022,704,999,010121,1,2\n", 2, "j", "unknown country code 'BACI 999'"),
        (
            "2022,704,418,010121,1,2\n2022,704,418,999990,1,2\n",
            3,
            "k",
            "'999990' is not a 6-digit code of HS2017",
        ),
        ("20x2,704,418,010121,1,2\n", 2, "t", "'20x2' is not a year"),
        ("2022,704,418,010121,-5,2\n", 2, "v", "-5 is negative"),
    ],
)
def test_malformed_rows_are_named_and_nothing_is_written(tmp_path, store, body, line, column, text):
    with pytest.raises(DataError) as err:
        store.import_file(baci(tmp_path, body), "baci")
    first = err.value.errors[0]
    assert (first.file, first.row, first.field) == ("BACI_HS17_Y2022_V202501.csv", line, column)
    assert first.text() == text
    _assert_untouched(store)


def test_missing_columns_are_named(tmp_path, store):
    path = tmp_path / "comtrade.csv"
    path.write_text("refYear,reporterISO,flowCode,cmdCode,primaryValue\n2022,VNM,X,010121,5\n")
    with pytest.raises(DataError) as err:
        store.import_file(path, "comtrade")
    assert [(e.row, e.field) for e in err.value.errors] == [(1, "partnerISO")]
    _assert_untouched(store)


def test_truncated_gzip_is_refused(tmp_path, store):
    body = "".join(f"2022,704,418,010121,{i},1\n" for i in range(20000))
    data = gzip.compress(("t,i,j,k,v,q\n" + body).encode())
    (tmp_path / "country_codes_V202501.csv").write_text(COUNTRY_CODES)
    path = tmp_path / "BACI_HS17_Y2022_V202501.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataError, match="truncated"):
        store.import_file(path, "baci")
    _assert_untouched(store)


def test_comtrade_keeps_partner_totals_and_converts_hs2022(tmp_path, store):
    path = tmp_path / "comtrade.csv"
    path.write_text(
        "refYear,reporterISO,partnerISO,flowCode,classificationCode,cmdCode,primaryValue,qty,qtyUnitAbbr,partner2ISO,motCode,customsCode\n"
        "2023,VNM,LAO,X,H6,TOTAL,100,,,W00,0,C00\n"  # aggregate line: skipped
        "2023,VNM,LAO,X,H6,8507,60,,,W00,0,C00\n"  # 4-digit aggregate: skipped
        "2023,VNM,LAO,X,H6,852411,40,5,kg,W00,0,C00\n"  # HS2022-only code, becomes HS2017
        "2023,VNM,LAO,X,H6,852411,40,5,kg,W00,1000,C00\n"  # breakdown by transport mode: skipped
        "2023,VNM,LAO,RX,H6,010121,7,,,W00,0,C00\n"  # re-export: skipped
        "2023,VNM,W00,M,H6,010121,9,,,W00,0,C00\n"
    )
    result = store.import_file(path, "comtrade")
    assert result.record.rows == 2 and result.record.source_edition == "HS2022"
    assert sum(result.record.skipped.values()) == 4
    rows = store.query("SELECT partner, flow, hs6, hs_edition FROM flows ORDER BY flow").to_pylist()
    assert rows[0]["partner"] == "WLD"
    assert rows[1]["hs6"] == "851712" and rows[1]["hs_edition"] == "HS2017"


def test_customs_xlsx_with_vietnamese_flow_words(tmp_path, store):
    wb = Workbook()
    ws = wb.active
    ws.append(["year", "partner", "hs_code", "flow", "value_usd"])
    ws.append([2024, "Lào", "0101.21", "xuất khẩu", 1200])
    ws.append([2024, "LAO", "010129", "nhập khẩu", 300])
    path = tmp_path / "customs.xlsx"
    wb.save(path)
    with pytest.raises(DataError, match="reporter"):
        store.import_file(path, "customs", edition="HS2022")
    result = store.import_file(path, "customs", reporter="VNM", edition="HS2022")
    assert result.record.rows == 2
    rows = store.query(
        "SELECT reporter, partner, flow, hs6 FROM flows ORDER BY flow DESC"
    ).to_pylist()
    assert rows[0] == {"reporter": "VNM", "partner": "LAO", "flow": "X", "hs6": "010121"}


def test_customs_bad_flow_and_unknown_partner(tmp_path, store):
    path = tmp_path / "customs.csv"
    path.write_text(
        "year,partner,hs_code,flow,value_usd\n2024,Atlantis,010121,export,5\n2024,LAO,010121,sideways,5\n"
    )
    with pytest.raises(DataError) as err:
        store.import_file(path, "customs", reporter="VNM", edition="HS2022")
    found = {(e.row, e.field) for e in err.value.errors}
    assert found == {(2, "partner"), (3, "flow")}
    _assert_untouched(store)


def test_legacy_comtrade_layout_with_flow_codes_and_words(tmp_path, store):
    path = tmp_path / "legacy.csv"
    path.write_text(
        "Year,Trade Flow Code,Reporter ISO,Partner ISO,Classification,Commodity Code,Trade Value (US$)\n"
        "2019,2,VNM,LAO,H5,010121,10\n"  # 2 = export
        "2019,1,VNM,LAO,H5,010129,20\n"  # 1 = import
        "2019,3,VNM,LAO,H5,010129,5\n"  # 3 = re-export: skipped
    )
    seen = []
    result = store.import_file(
        path, "comtrade", progress=lambda done, total: seen.append((done, total))
    )
    assert result.record.rows == 2 and sum(result.record.skipped.values()) == 1
    flows = {r["hs6"]: r["flow"] for r in store.query("SELECT hs6, flow FROM flows").to_pylist()}
    assert flows == {"010121": "X", "010129": "M"}
    assert seen and seen[-1][0] == seen[-1][1] == path.stat().st_size
    words = tmp_path / "words.csv"
    words.write_text(
        "Year,Trade Flow,Reporter ISO,Partner ISO,Classification,Commodity Code,Trade Value (US$)\n2020,Export,VNM,LAO,H5,010121,10\n2020,Re-Export,VNM,LAO,H5,010121,1\n"
    )
    assert store.import_file(words, "comtrade").record.rows == 1
