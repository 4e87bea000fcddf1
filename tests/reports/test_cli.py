"""``lienket report`` writes the file, states the snapshot, and refuses bad options."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from lienket.cli import app
from lienket.reports import services

pytestmark = pytest.mark.django_db


def test_report_command_writes_html_with_the_snapshot(demo, tmp_path):
    steps = tmp_path / "steps.txt"
    steps.write_text("Ký biên bản ghi nhớ.", encoding="utf-8")
    out = tmp_path / "r.html"
    args = ["report", "--period", "2022", "--lang", "vi", "--format", "html", "--out", str(out),
            "--date", "2025-03-01", "--next-steps", str(steps)]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    snap = services.take_snapshot()["hash"]
    assert snap in text and "Ký biên bản ghi nhớ." in text and "ngày 1 tháng 3 năm 2025" in text
    assert snap in "".join(result.output.split())
    again = tmp_path / "again.html"
    CliRunner().invoke(app, [str(again) if a == str(out) else a for a in args])
    assert again.read_bytes() == out.read_bytes()
    # issue 26 - a build from the command line is listed with the page's, and by whom
    from lienket.reports.models import Report

    built = list(Report.objects.order_by("pk"))
    assert len(built) == 2 and all(r.state == "done" for r in built)
    assert built[0].snapshot_hash == snap and built[0].sha256 == built[1].sha256
    assert built[0].created_by_label.startswith("command line (")
    assert f"listed on the Reports page as report {built[0].pk}" in result.output


@pytest.mark.parametrize(
    ("option", "value"), [("--period", "2025-H3"), ("--lang", "fr"), ("--format", "odt")]
)
def test_report_command_refuses_bad_options(db, tmp_path, option, value):
    args = {"--period": "2024", "--lang": "vi", "--format": "html"}
    args[option] = value
    flat = [x for kv in args.items() for x in kv]
    result = CliRunner().invoke(app, ["report", *flat, "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and value in result.output
    assert not (tmp_path / "x").exists()
