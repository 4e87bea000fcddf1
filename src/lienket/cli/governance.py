"""``lienket commitments``: the Committee's commitments and their status (issue 27)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from lienket.cli import app, console, django_setup, err

commitments_app = typer.Typer(help="The Committee's commitments.", no_args_is_help=True)
app.add_typer(commitments_app, name="commitments")


@commitments_app.command("list")
def commitments_list(
    session: Annotated[int | None, typer.Option(help="only this session's (its number)")] = None,
    on: Annotated[str | None, typer.Option(help="as of this date (YYYY-MM-DD); today")] = None,
    format: Annotated[str, typer.Option(help="json or text")] = "text",
) -> None:
    """Each commitment with its owner, deadline, status (computed from the data where lienket
    measures the indicator), progress, indicator, target, actual value and source."""
    django_setup()
    from lienket.core.pages import today
    from lienket.governance import commitments

    rows = commitments.rows(date.fromisoformat(on) if on else today(), session)
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    for r in rows:
        actual = "" if r["actual"] is None else f" actual {r['actual']:.1%} ({r['actual_period']})"
        console.print(f"{r['code']:<28} {r['status']:<12} due {r['due'] or '-':<10} "
                      f"{r['owner']}{actual}")  # fmt: skip


@commitments_app.command("export")
def commitments_export(
    path: Annotated[Path, typer.Argument(dir_okay=False, help="the XLSX file to write")],
    lang: Annotated[str, typer.Option(help="the sheet's language: vi, lo or en")] = "en",
) -> None:
    """Every commitment as an XLSX in the sheet's language (headers, statuses, areas); it
    imports back."""
    django_setup()
    from django.utils import translation

    from lienket.core.pages import today
    from lienket.governance import sheets

    if lang not in ("vi", "lo", "en"):
        err.print(f"--lang: {lang!r} is not one of vi, lo, en", markup=False)
        raise typer.Exit(2)
    with translation.override(lang):
        data = sheets.export_xlsx(today())
    path.write_bytes(data)
    console.print(f"wrote {path} ({len(data):,} bytes)", markup=False)


@commitments_app.command("import")
def commitments_import(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    check_only: Annotated[
        bool, typer.Option("--check-only", "--dry-run", help="Check every row, save nothing")
    ] = False,
) -> None:
    """Import a commitments sheet (vi/lo/en): each changed row becomes a dated update, a new
    code a new commitment; all rows or none."""
    django_setup()
    from lienket.core.pages import today
    from lienket.engine.errors import DataError
    from lienket.governance import sheets

    try:
        with path.open("rb") as f:
            result = sheets.import_xlsx(f, path.name, None, True, today(), dry_run=check_only)
    except DataError as exc:
        for e in exc.errors[:200]:
            err.print(str(e), markup=False)
        err.print(f"{len(exc.errors)} problem(s); nothing was saved", style="red")
        raise typer.Exit(1) from None
    if check_only:
        console.print(f"{result.checked} row(s) checked; no problems; nothing saved")
    else:
        console.print(f"{result.created} commitment(s) added, {result.updated} updated")
