"""``lienket report``: the periodic report to the ministers, as a file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from lienket.cli import app, console, django_setup, err, progress_bar


@app.command()
def report(
    period: Annotated[str, typer.Option(help="2024, 2025-H1, 2025-Q3 or 2025-01..10")],
    lang: Annotated[str, typer.Option(help="vi, lo or en")] = "vi",
    fmt: Annotated[str, typer.Option("--format", help="pdf, docx or html")] = "pdf",
    out: Annotated[Path | None, typer.Option(help="file to write; a name from the period")] = None,
    dated: Annotated[
        str | None, typer.Option("--date", help="date of the report (YYYY-MM-DD); today")
    ] = None,
    next_steps: Annotated[
        Path | None, typer.Option(help="a UTF-8 text file with the 'next steps' section")
    ] = None,
    session: Annotated[
        int | None,
        typer.Option(help="the implementation report of this session's commitments (e.g. 47)"),
    ] = None,
) -> None:
    """Build the periodic report (vi/lo/en; PDF, DOCX or HTML) from the data as it is now."""
    django_setup()
    from lienket.core.pages import today
    from lienket.reports import services
    from lienket.reports.content import period_code

    if lang not in ("vi", "lo", "en"):
        err.print(f"--lang: {lang!r} is not one of vi, lo, en")
        raise typer.Exit(2)
    if fmt not in ("pdf", "docx", "html"):
        err.print(f"--format: {fmt!r} is not one of pdf, docx, html")
        raise typer.Exit(2)
    try:
        p = services.parse_period(period)
        day = date.fromisoformat(dated) if dated else today()
    except (services.ReportError, ValueError) as exc:
        err.print(f"--period/--date: {exc}")
        raise typer.Exit(2) from exc
    steps = ""
    if next_steps is not None:
        try:
            steps = next_steps.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            err.print(f"{next_steps}: cannot be read as UTF-8 text ({exc})")
            raise typer.Exit(2) from exc
    name = f"implementation-{session}" if session else f"report-{period_code(p)}"
    target = out or Path(f"lienket-{name}-{lang}.{fmt}")
    with progress_bar() as bar:
        task = bar.add_task("report", total=1)

        def progress(step: int, total: int, stage: str) -> None:
            bar.update(task, completed=step, total=total + 1, description=stage or fmt.upper())

        data, snap = services.render(p, lang, fmt, day, steps, progress, session)
        bar.update(task, completed=bar.tasks[0].total)
    target.write_bytes(data)
    from lienket.core import audit

    kept = services.keep_built(
        p, lang, fmt, day, steps, data, snap, audit.current_actor(), session=session
    )
    console.print(f"listed on the Reports page as report {kept.pk}")
    console.print(
        f"wrote {target} ({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]}); "
        f"data snapshot {snap['hash']}"
    )
