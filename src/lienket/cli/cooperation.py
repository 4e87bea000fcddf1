"""``lienket reminders``: work-plan activities due soon or overdue, by side."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from lienket.cli import app, console, django_setup


@app.command()
def reminders(
    days: Annotated[
        int, typer.Option(help="due within this many days (overdue always shown)")
    ] = 14,
    send: Annotated[bool, typer.Option(help="e-mail each side's members their list")] = False,
    on: Annotated[str | None, typer.Option(help="as of this date (YYYY-MM-DD); today")] = None,
) -> None:
    """List work-plan activities due in the next N days or overdue, per side; --send mails them."""
    django_setup()
    from lienket.cooperation import services
    from lienket.cooperation.models import Side
    from lienket.core.pages import today

    # issue 25 - `services.today` had moved to core.pages: the command crashed without --on
    as_of = date.fromisoformat(on) if on else today()
    found = services.reminders(days, as_of)
    for side, label in Side.choices:
        items = found.get(side, [])
        table = Table(title=f"{label}: {len(items)} due within {days} days or overdue ({as_of})")
        for col in ("due", "no.", "activity", "organisation", "days"):
            table.add_column(col, justify="right" if col == "days" else "left")
        for r in items:
            a = r.activity
            when = f"{r.late_by} overdue" if r.overdue else f"in {r.days_left}"
            table.add_row(str(a.due), a.number, a.title_en, a.organisation.name_en, when)
        console.print(table)
    if send:
        console.print(f"sent {services.send_reminders(found)} messages")
