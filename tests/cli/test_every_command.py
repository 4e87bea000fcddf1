"""Every `lienket` command runs end to end in some test (issues 24 and 25): a command added
without one, or a test that no longer runs its command, fails here. The commands no other
module runs are run below on a small installation, exit code and output checked."""

from __future__ import annotations

import importlib
import inspect

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from lienket.cli import app

runner = CliRunner()

#: each command, and the test that runs it ("module::function"; "here" for this module)
RUN_BY = {
    "compile-messages": "here::test_compile_messages",
    "setup": "tests.cli.test_cli::test_setup_twice_changes_nothing_the_second_time",
    "demo": "tests.cli.test_cli::test_setup_twice_changes_nothing_the_second_time",
    "serve": "tests.deploy.test_serve_behind_nginx::test_production_refuses_to_start_with_a_demo_login",
    "import": "tests.cli.test_cli::test_import_then_export_round_trips",
    "export": "tests.cli.test_cli::test_import_then_export_round_trips",
    "suggest": "tests.linkage.test_partners_and_matches::test_batch_suggestions_to_xlsx_on_the_command_line",
    "backup": "tests.cli.test_backup::test_a_round_trip_is_exact",
    "restore": "tests.cli.test_backup::test_a_tampered_archive_is_refused_and_restores_nothing",
    "reminders": "here::test_reminders_without_a_date",
    "reallocate": "tests.projects.test_sheets_and_cli::test_reallocate_prints_the_proposal_and_keeps_it_unless_dry_run",
    "report": "tests.reports.test_cli::test_report_command_writes_html_with_the_snapshot",
    "refdata check": "tests.cli.test_cli::test_refdata_check_passes_on_the_bundled_files",
    "trade import": "tests.trade.test_cli::test_import_list_and_remove",
    "work": "tests.reports.test_work_command::test_external_mode_builds_a_queued_report",
    "trade work": "tests.trade.test_uploads::test_a_separate_worker_takes_the_queue_on_the_command_line",
    "trade list": "tests.trade.test_cli::test_import_list_and_remove",
    "trade remove": "tests.trade.test_cli::test_changes_from_the_command_line_are_audited",
    "trade turnover": "tests.cli.test_markup_in_user_text::test_figures_and_turnover_print_titles_literally",
    "figures add": "tests.cli.test_markup_in_user_text::test_figures_and_turnover_print_titles_literally",
    "figures import": "here::test_figures_import_and_list",
    "figures list": "here::test_figures_import_and_list",
    "figures history": "tests.trade.test_releases::test_a_second_release_is_kept_the_latest_used_and_the_difference_shown",
    "figures checks": "tests.trade.test_releases::test_the_lao_2024_release_is_flagged_by_the_growth_and_total_checks",
    "projects export": "here::test_projects_export_then_import",
    "projects import": "here::test_projects_export_then_import",
    "iati import": "tests.projects.test_iati::test_cli_imports_and_exports",
    "iati export": "tests.projects.test_iati::test_cli_imports_and_exports",
    "commitments list": "tests.governance.test_commitments::test_the_trade_commitment_follows_the_figures",
    "commitments export": "tests.governance.test_machinery::test_commitments_export_and_import_on_the_command_line",
    "commitments import": "tests.governance.test_machinery::test_commitments_export_and_import_on_the_command_line",
}  # fmt: skip


def _commands(group, prefix=()):
    for name, sub in group.commands.items():
        if hasattr(sub, "commands"):
            yield from _commands(sub, (*prefix, name))
        else:
            yield " ".join((*prefix, name))


def test_every_command_is_run_by_a_test():
    commands = set(_commands(get_command(app)))
    assert commands == set(RUN_BY), "give each new command a test that runs it"
    for command, where in RUN_BY.items():
        module, function = where.split("::")
        where_module = importlib.import_module(__name__ if module == "here" else module)
        source = inspect.getsource(getattr(where_module, function))
        words = command.split()
        quoted = ", ".join(f'"{w}"' for w in words)
        assert quoted in source or (len(words) == 1 and f'"{words[0]}"' in source), (
            f"{where} does not run `lienket {command}`"
        )


def test_compile_messages():
    result = runner.invoke(app, ["compile-messages"])
    assert result.exit_code == 0 and "translations compiled" in result.output


@pytest.mark.django_db
def test_reminders_without_a_date():
    # issue 25 - the command crashed unless --on was given (a helper had moved)
    result = runner.invoke(app, ["reminders", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert "due within 30 days or overdue" in result.output


@pytest.mark.django_db
def test_figures_import_and_list(tmp_path, settings):
    settings.LIENKET_TRADE_DIR = tmp_path / "store"
    sheet = tmp_path / "figures.csv"
    sheet.write_text(
        "kỳ,nước báo cáo,đối tác,chiều,giá trị,đơn vị,nguồn\n"
        '2024,VNM,LAO,total,"2,150.5",USD million,Bộ Công Thương: thông cáo 2025\n',
        encoding="utf-8",
    )
    checked = runner.invoke(app, ["figures", "import", str(sheet), "--check-only"])
    assert checked.exit_code == 0 and "nothing saved" in checked.output, checked.output
    # --dry-run, as every other importer names it
    assert (
        "nothing saved" in runner.invoke(app, ["figures", "import", str(sheet), "--dry-run"]).output
    )
    imported = runner.invoke(app, ["figures", "import", str(sheet)])
    assert imported.exit_code == 0 and "1 figure(s) added" in imported.output, imported.output
    listing = runner.invoke(app, ["figures", "list"])
    assert "Bộ Công Thương: thông cáo 2025" in listing.output


@pytest.mark.django_db
def test_projects_export_then_import(tmp_path):
    from lienket.projects import reference

    reference.load()
    out = tmp_path / "projects.xlsx"
    exported = runner.invoke(app, ["projects", "export", str(out)])
    assert exported.exit_code == 0 and "projects to" in exported.output, exported.output
    again = runner.invoke(app, ["projects", "import", str(out), "--dry-run"])
    assert again.exit_code == 0, again.output
