"""`lienket trade` on the command line: import with progress, refusal, list and remove."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference

pytestmark = pytest.mark.django_db
runner = CliRunner()

CODES = "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"


def test_import_list_and_remove(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    (tmp_path / "country_codes_V1.csv").write_text(CODES)
    good = tmp_path / "BACI_HS17_Y2022_V1.csv"
    good.write_text("t,i,j,k,v,q\n2022,704,418,010121,1.5,2\n")
    result = runner.invoke(app, ["trade", "import", str(good), "--source", "baci"])
    assert result.exit_code == 0, result.output
    assert "imported 1 rows" in result.output
    again = runner.invoke(app, ["trade", "import", str(good), "--source", "baci"])
    assert "already in the store" in again.output
    listing = runner.invoke(app, ["trade", "list"])
    assert "BACI_HS17_Y2022_V1.csv" in listing.output
    import_id = TradeStore(tmp_path / "store", reference=trade_reference()).imports()[0].id
    removed = runner.invoke(app, ["trade", "remove", import_id])
    assert (
        removed.exit_code == 0
        and TradeStore(tmp_path / "store", reference=trade_reference()).imports() == []
    )


def test_a_bad_file_is_refused_with_row_and_column(settings, tmp_path):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    (tmp_path / "country_codes_V1.csv").write_text(CODES)
    bad = tmp_path / "BACI_HS17_Y2022_V1.csv"
    bad.write_text("t,i,j,k,v,q\n2022,704,418,010121,1.5,2\n2022,704,418,010121,lots,2\n")
    result = runner.invoke(app, ["trade", "import", str(bad), "--source", "baci"])
    assert result.exit_code == 1
    assert "BACI_HS17_Y2022_V1.csv, row 3, column 'v'" in result.output  # the file's own name
    assert "nothing was imported" in result.output
    assert TradeStore(tmp_path / "store", reference=trade_reference()).imports() == []


def test_changes_from_the_command_line_are_audited(settings, tmp_path):
    # issue 24 - `lienket trade remove` left no audit event
    from lienket.core.models import AuditEvent

    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    (tmp_path / "country_codes_V1.csv").write_text(CODES)
    good = tmp_path / "BACI_HS17_Y2022_V1.csv"
    good.write_text("t,i,j,k,v,q\n2022,704,418,010121,1.5,2\n")
    assert runner.invoke(app, ["trade", "import", str(good), "--source", "baci"]).exit_code == 0
    import_id = TradeStore(tmp_path / "store", reference=trade_reference()).imports()[0].id
    assert runner.invoke(app, ["trade", "remove", import_id]).exit_code == 0
    imported = AuditEvent.objects.get(action="imported")
    removed = AuditEvent.objects.get(action="deleted")
    assert import_id in removed.summary and "BACI_HS17_Y2022_V1.csv" in removed.summary
    assert imported.actor_label.startswith("command line") and removed.actor_label.startswith(
        "command line"
    )
