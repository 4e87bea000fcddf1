"""Projects through XLSX and the command line: round trip, all-or-nothing, reallocate."""

import io

import pytest
from django.utils import translation
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from lienket.cli import app
from lienket.engine.errors import DataError
from lienket.projects import services, sheets
from lienket.projects.models import Project, Reallocation
from tests.projects.conftest import AS_OF


def _xlsx(rows, title_rows=()):
    wb = Workbook()
    ws = wb.active
    for t in title_rows:
        ws.append([t])
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


HEADER = ["kind", "code", "name_en", "sector", "status", "country", "province_code",
          "currency", "budget", "installed_mw", "start_date", "end_date"]  # fmt: skip


def test_an_export_imports_back_unchanged(portfolio, steward):
    before = {p.code: (p.name_en, p.budget, p.installed_mw) for p in Project.objects.all()}
    data = sheets.export_xlsx(list(Project.objects.all()), AS_OF)
    result = sheets.import_projects(io.BytesIO(data), "projects.xlsx", steward)
    assert result.updated == len(before) and result.created == 0
    after = {p.code: (p.name_en, p.budget, p.installed_mw) for p in Project.objects.all()}
    assert after == before
    labels = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in labels[1]]
    assert "Status (in words)" in header and "Budget in US dollars" in header
    # issue 26: in Vietnamese the header is Vietnamese, and the file still imports back
    with translation.override("vi"):
        data = sheets.export_xlsx(list(Project.objects.all()), AS_OF)
        template = load_workbook(io.BytesIO(sheets.template_xlsx()))
    header = [c.value for c in load_workbook(io.BytesIO(data)).active[1]]
    assert header[:3] == ["Loại", "Mã", "Tên (tiếng Anh)"], header
    assert not any("_" in h for h in header), header  # no snake_case code
    result = sheets.import_projects(io.BytesIO(data), "du-an.xlsx", steward)
    assert result.updated == len(before)
    ws = template.worksheets[0]
    assert ws.data_validations.dataValidation  # drop-down lists on the coded columns
    kinds = [c.value for c in template["lists"]["A"] if c.value]
    assert kinds == ["Dự án đầu tư", "Dự án mua bán điện", "Dự án viện trợ"]
    assert template.sheetnames == ["Dự án", "lists", "ghi chú"]


def test_a_file_with_errors_is_refused_whole_naming_row_and_column(cited, steward):
    rows = [
        HEADER,
        ["power", "NEW-P1", "Good wind farm", "renewable_energy", "agreed", "LAO", "LA-SV",
         "USD", "1000000", "150", "", ""],
        ["aid", "NEW-A1", "Bad dates", "health", "under_way", "LAO", "", "VND", "1,5", "",
         "2026-05-01", "2025-01-01"],
        ["power", "NEW-P1", "Duplicate", "renewable_energy", "agreed", "LAO", "", "", "", "",
         "", ""],
        ["mine", "NEW-X", "Unknown kind", "tourism", "agreed", "LAO", "", "", "", "", "", ""],
        ["investment", "NEW-I1", "Wrong province", "tourism", "agreed", "LAO", "44", "", "",
         "", "", ""],
    ]  # fmt: skip
    rows[1] = [*rows[1], "maybe"]  # fictional: neither yes nor no
    rows[0] = [*rows[0], "fictional"]
    with pytest.raises(DataError) as caught:
        sheets.import_projects(_xlsx(rows, ["Danh sách dự án 2026"]), "du_an.xlsx", steward)
    where = {(e.row, e.field) for e in caught.value.errors}
    assert (4, "budget") in where  # a decimal comma is not guessed
    assert (4, "end_date") in where
    assert (5, "code") in where
    assert (6, "kind") in where
    assert (7, "province_code") in where
    assert (3, "fictional") in where
    assert all(e.file == "du_an.xlsx" for e in caught.value.errors)
    assert not Project.objects.filter(code__startswith="NEW-").exists()


def test_labels_in_lao_or_vietnamese_are_read_as_codes(cited, steward):
    rows = [HEADER, ["Dự án đầu tư", "NEW-I2", "Rice mill", "Du lịch", "ສະເໜີ (MoU ຫຼື ການສຶກສາ)",
                     "LAO", "", "", "", "", "", ""]]  # fmt: skip
    sheets.import_projects(_xlsx(rows), "x.xlsx", steward)
    p = Project.objects.get(code="NEW-I2")
    assert (p.kind, p.sector, p.status) == ("investment", "tourism", "proposed")


def test_reallocate_prints_the_proposal_and_keeps_it_unless_dry_run(portfolio, transactional_db):
    runner = CliRunner()
    dry = runner.invoke(app, ["reallocate", "--year", "2026", "--on", "2026-11-23", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "DEMO-A01" in dry.output and "dry run" in dry.output
    assert not Reallocation.objects.exists()
    kept = runner.invoke(app, ["reallocate", "--year", "2026", "--on", "2026-11-23"])
    assert kept.exit_code == 0 and Reallocation.objects.count() == 1
    expected = services.propose(2026, None, on=AS_OF, save=False)
    assert Reallocation.objects.get().moved == expected.moved
