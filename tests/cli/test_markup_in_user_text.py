"""Issue 24: text users typed (a source title, a province, a firm's name) printed by a command is
printed literally, never read as Rich markup: "[/b]" crashed commands and "[gso] …" vanished."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.trade.models import PublishedFigure

pytestmark = pytest.mark.django_db
runner = CliRunner()

MARKUP = ("[/b]", "[red]", "[link=https://evil.example]click[/link]", "[gso] release")


@pytest.mark.parametrize("text", MARKUP)
def test_figures_and_turnover_print_titles_literally(settings, tmp_path, text):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    PublishedFigure.objects.all().delete()
    title = f"MoIT {text} release"
    added = runner.invoke(app, [
        "figures", "add", "--period", "2025", "--declarant", "VNM", "--partner", "LAO",
        "--flow", "total", "--value", "2300", "--source-title", title])  # fmt: skip
    assert added.exit_code == 0, added.output
    listing = runner.invoke(app, ["figures", "list"])
    assert listing.exit_code == 0, listing.output
    assert title in listing.output
    turnover = runner.invoke(app, ["trade", "turnover", "--declarant", "VNM", "--partner", "LAO"])
    assert turnover.exit_code == 0, turnover.output
    assert text in turnover.output


@pytest.mark.parametrize("text", MARKUP)
def test_import_dry_run_prints_a_bad_value_literally(tmp_path, zones, text):
    bad = tmp_path / "firms.csv"
    bad.write_text(
        "country,name_vi,name_lo,name_en,tax_id,province,sector\n"
        f"VNM,Công ty {text},,,0101111111,{text.replace(',', ' ')},industry\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(bad), "--dry-run"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and text.replace(",", " ") in result.output


def test_trade_list_prints_a_file_name_literally(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    (tmp_path / "country_codes_V1.csv").write_text(
        "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"
    )
    good = tmp_path / "BACI_HS17_Y2022_V1.csv"
    good.write_text("t,i,j,k,v,q\n2022,704,418,010121,1.5,2\n")
    assert runner.invoke(app, ["trade", "import", str(good), "--source", "baci"]).exit_code == 0
    listing = runner.invoke(app, ["trade", "list"])
    assert "BACI_HS17_Y2022_V1.csv" in listing.output and "fictional" not in listing.output
