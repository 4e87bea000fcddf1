import gzip
import io

import pytest
from openpyxl import Workbook
from tests.encodings import cp1258

from lienket.engine.errors import DataError
from lienket.engine.io.tabular import read_table


def xlsx(rows):
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def test_it_reads_csv_with_bom_and_semicolons_keeping_leading_zeros():
    data = "\ufeffCode;Name\n0401;Sữa\n\n0901;Cà phê\n".encode()
    t = read_table(io.BytesIO(data), "a.csv", ("code", "name"))
    assert t.rows == [(2, {"code": "0401", "name": "Sữa"}), (4, {"code": "0901", "name": "Cà phê"})]


def test_it_reads_xlsx_and_turns_whole_floats_into_integers():
    t = read_table(xlsx([["code", "n"], ["0401", 12.0]]), "a.xlsx", ("code", "n"))
    assert t.rows == [(2, {"code": "0401", "n": "12"})]


@pytest.mark.parametrize(
    ("data", "name", "row", "field", "fragment"),
    [
        (b"", "e.csv", 0, "", "empty"),
        (b"code\n", "h.csv", 0, "", "no data rows"),
        (b"name\nx\n", "m.csv", 1, "code", "missing"),
        (b"name,colour\n1,red\n", "u.csv", 1, "code", "missing"),
        (b"code\n\x81\x8d\x8f\x90\x9d\n", "enc.csv", 2, "", "cannot be read"),
        (gzip.compress(b"x", mtime=0), "z.xlsx", 0, "", "not a readable XLSX"),
        (b"code\n1\n", "f.pdf", 0, "", "unsupported"),
    ],
)
def test_it_refuses_bad_files_naming_where(data, name, row, field, fragment):
    with pytest.raises(DataError) as exc:
        read_table(io.BytesIO(data), name, ("code",))
    err = exc.value.errors[0]
    assert (err.file, err.row, err.field) == (name, row, field)
    assert fragment in err.text()


def test_it_finds_the_header_below_title_rows_and_fills_merged_cells_with_notices():
    wb = Workbook()
    ws = wb.active
    ws.append(["BỘ CÔNG THƯƠNG"])
    ws.append(["Danh sách doanh nghiệp năm 2025"])
    ws.append([])
    ws.append(["STT", "Tên", "Tỉnh"])
    ws.append([1, "Thép A", "Nghệ An"])
    ws.append([2, "Thép B", None])
    ws.append([3, "Thép C", None])
    ws.merge_cells("A1:C1")
    ws.merge_cells("C5:C7")
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    t = read_table(
        buf, "bo.xlsx", ("name", "province"), aliases={"tên": "name", "tỉnh": "province"}
    )
    assert t.rows == [
        (5, {"name": "Thép A", "province": "Nghệ An"}),
        (6, {"name": "Thép B", "province": "Nghệ An"}),
        (7, {"name": "Thép C", "province": "Nghệ An"}),
    ]
    texts = [(n.row, n.field, n.text()) for n in t.notices]
    assert any(r == 4 and "header is on row 4" in m and "BỘ CÔNG THƯƠNG" in m for r, _f, m in texts)
    assert (4, "STT", "this column is not one lienket reads; it was ignored") in texts  # as written
    assert any(r == 5 and "rows 5 to 7" in m and "Nghệ An" in m for r, _f, m in texts)


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("cp1258", "Windows-1258"), ("cp1252", "Windows-1252"), ("utf-16", "UTF-16")],
)
def test_it_reads_other_encodings_and_names_them(encoding, named):
    text = "code;name\n1;Công ty Sông Đà\n" if encoding != "cp1252" else "code;name\n1;Café Noël\n"
    data = cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    t = read_table(io.BytesIO(data), "enc.csv", ("code", "name"))
    expected = text.split("\n")[1].split(";")[1]
    assert t.rows == [(2, {"code": "1", "name": expected})]
    assert named in t.notices[0].text()


def test_cp1258_combining_tone_marks_are_composed():
    # Windows-1258 writes "ố" as o-circumflex plus a combining acute; read back it must equal
    # the precomposed letter that a UTF-8 file would carry.
    t = read_table(io.BytesIO(cp1258("name\nCông ty Số 1\n")), "a.csv", ("name",))
    assert t.rows[0][1]["name"] == "Công ty Số 1"
    assert len(t.rows[0][1]["name"]) == len("Công ty Số 1")
