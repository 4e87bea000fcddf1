"""``lienket commitments``: the Committee's commitments and their status (issue 27)."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer

from lienket.cli import app, console, django_setup

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
