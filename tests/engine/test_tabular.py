import gzip
import io

import pytest
from openpyxl import Workbook

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
        (b"code,colour\n1,red\n", "u.csv", 1, "colour", "unknown column"),
        ("code\nC\u00f4ng\n".encode("cp1258"), "enc.csv", 2, "", "not UTF-8"),
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
