"""The `lienket` command: plain exit codes and clear messages."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.registry.models import Enterprise

runner = CliRunner()


def test_refdata_check_passes_on_the_bundled_files():
    result = runner.invoke(app, ["refdata", "check"])
    assert result.exit_code == 0, result.output
    assert "52 provinces" in result.output
    assert "✗" not in result.output


@pytest.mark.django_db(transaction=True)
def test_import_reports_problems_with_exit_code_1_and_writes_nothing(tmp_path, zones):
    bad = tmp_path / "firms.csv"
    bad.write_text(
        "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
        "VNM,Công ty A,,,0101111111,Hà Tĩnh,industry\n"
        "VNM,Công ty B,,,0102222222,Atlantis,industry\n",
        encoding="utf-8",
    )
    report = tmp_path / "problems.xlsx"
    result = runner.invoke(app, ["import", str(bad), "--errors-xlsx", str(report)])
    assert result.exit_code == 1
    assert "firms.csv, row 3, column 'province'" in result.output
    assert report.stat().st_size > 0
    assert Enterprise.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_import_then_export_round_trips(tmp_path, zones):
    good = tmp_path / "firms.csv"
    good.write_text(
        "country,name_vi,name_lo,name_en,tax_id,province,sector,products\n"
        "VNM,Công ty A,,,0101111111,Hà Tĩnh,industry,2523\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(good)])
    assert result.exit_code == 0, result.output
    assert "imported 1 enterprises" in result.output
    out = tmp_path / "out.xlsx"
    assert runner.invoke(app, ["export", str(out), "--country", "VNM"]).exit_code == 0
    from openpyxl import load_workbook

    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[1][1:6] == ("VNM", "Công ty A", None, None, "0101111111")


def test_import_refuses_an_unknown_kind(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a\n1\n")
    assert runner.invoke(app, ["import", str(f), "--kind", "zones"]).exit_code == 2


@pytest.mark.django_db(transaction=True)
def test_setup_twice_changes_nothing_the_second_time():
    from django.contrib.auth.models import User

    from lienket.registry.models import Relationship, Zone

    bare = runner.invoke(app, ["setup"])
    assert bare.exit_code == 0, bare.output
    assert "lienket-demo" not in bare.output
    assert Enterprise.objects.count() == 0 and User.objects.count() == 0
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "lienket-demo" in first.output and "admin" in first.output
    counts = (
        Enterprise.objects.count(),
        Relationship.objects.count(),
        Zone.objects.count(),
        User.objects.count(),
    )
    second = runner.invoke(app, ["setup", "--demo"])
    assert second.exit_code == 0, second.output
    assert "demo data already loaded" in second.output
    assert "0 created, 0 updated" in second.output
    assert (
        Enterprise.objects.count(),
        Relationship.objects.count(),
        Zone.objects.count(),
        User.objects.count(),
    ) == counts
    assert (
        counts[0] > 380 and counts[3] == 9
    )  # admin, two focal points, a reader, two firms, two secretariats, a ministry


def test_demo_is_refused_in_production_mode(db, settings):
    settings.LIENKET_HTTPS = True
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 1
    assert "production mode" in result.output and "lienket-demo" not in result.output
    from django.contrib.auth.models import User

    assert not User.objects.exists() and not Enterprise.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_dry_run_saves_nothing(tmp_path, zones):
    good = tmp_path / "firms.csv"
    good.write_text(
        "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
        "VNM,Công ty A,,,0101111111,Hà Tĩnh,industry\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(good), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "checked 1 enterprises" in result.output
    assert Enterprise.objects.count() == 0
