"""``lienket projects import|export`` and ``lienket reallocate``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from lienket.cli import app, console, django_setup, err, print_refused

projects_app = typer.Typer(help="Investment, power-trade and aid projects.", no_args_is_help=True)
app.add_typer(projects_app, name="projects")


@projects_app.command("export")
def projects_export(
    path: Annotated[Path, typer.Argument(dir_okay=False, help="XLSX file to write")],
    kind: Annotated[str | None, typer.Option(help="investment, power or aid")] = None,
) -> None:
    """Write the projects to XLSX in the import layout (codes and labels in separate columns)."""
    django_setup()
    from lienket.core.pages import today
    from lienket.projects import sheets
    from lienket.projects.models import Project

    qs = Project.objects.select_related("zone").order_by("kind", "code")
    if kind:
        qs = qs.filter(kind=kind)
    path.write_bytes(sheets.export_xlsx(list(qs), today()))
    console.print(f"wrote {qs.count()} projects to {path}")


@projects_app.command("import")
def projects_import(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    dry_run: Annotated[bool, typer.Option(help="Check the file, save nothing")] = False,
) -> None:
    """Import projects from XLSX/CSV: every row or none; a registered code is updated."""
    django_setup()
    from lienket.engine.errors import DataError
    from lienket.projects import sheets

    try:
        with path.open("rb") as stream:
            result = sheets.import_projects(stream, path.name, None, dry_run=dry_run)
    except DataError as exc:
        print_refused(exc)
    for n in result.notices:
        console.print(f"notice: {n}")
    verb = "would import" if dry_run else "imported"
    console.print(f"{verb}: {result.created} new, {result.updated} updated")


@app.command()
def reallocate(
    year: Annotated[int, typer.Option(help="the year whose allocations move")],
    dry_run: Annotated[bool, typer.Option(help="Print the proposal, keep nothing")] = False,
    on: Annotated[str | None, typer.Option(help="as of this date (YYYY-MM-DD); today")] = None,
) -> None:
    """Propose moving the year's aid allocations to projects that can disburse them."""
    django_setup()
    from lienket.core.pages import today
    from lienket.engine.errors import DataError
    from lienket.projects import services

    as_of = date.fromisoformat(on) if on else today()
    try:
        r = services.propose(year, None, on=as_of, save=not dry_run)
    except DataError as exc:
        for e in exc.errors:
            err.print(str(e))
        raise typer.Exit(1) from exc
    lines = r.preview_lines  # type: ignore[attr-defined]
    table = Table(title=f"Reallocation {year} as of {as_of} (USD)")
    for col in ("project", "behind", "before", "after", "change", "can disburse", "held by"):
        table.add_column(col, justify="left" if col in ("project", "held by") else "right")
    for x in lines:
        change = x.after_converted - x.before_converted
        table.add_row(
            x.project.code, "yes" if x.behind else "", f"{x.before_converted:,.0f}",
            f"{x.after_converted:,.0f}", f"{change:+,.0f}" if change else "",
            f"{x.capacity:,.0f}", x.binding,
        )  # fmt: skip
    console.print(table)
    console.print(
        f"moved {r.moved:,.0f} USD of {r.total:,.0f}; forecast disbursement "
        f"{r.forecast_before:,.0f} -> {r.forecast_after:,.0f} USD"
    )
    if dry_run:
        console.print("dry run: nothing was kept")
    else:
        console.print(f"kept as proposal #{r.pk}, awaiting a focal point's decision")


iati_app = typer.Typer(
    help="Aid projects in IATI activity XML (standard 2.03).", no_args_is_help=True
)
app.add_typer(iati_app, name="iati")


@iati_app.command("import")
def iati_import(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    dry_run: Annotated[bool, typer.Option(help="Check the file, save nothing")] = False,
) -> None:
    """Import the activities of an IATI 2.03 file as aid projects: every activity or none."""
    django_setup()
    from lienket.engine.errors import DataError
    from lienket.projects import iati

    with console.status(f"reading {path.name} …"):
        try:
            result = iati.import_iati(path.read_bytes(), path.name, None, dry_run=dry_run)
        except DataError as exc:
            print_refused(exc)
    for n in result.notices:
        console.print(f"notice: {n}")
    verb = "would import" if dry_run else "imported"
    console.print(f"{verb}: {result.created} new, {result.updated} updated")


@iati_app.command("export")
def iati_export(
    path: Annotated[Path, typer.Argument(dir_okay=False, help="XML file to write")],
) -> None:
    """Write every aid project as IATI 2.03 XML, validated against the official schema."""
    django_setup()
    from lienket.projects import iati
    from lienket.projects.models import Kind, Project

    qs = Project.objects.filter(kind=Kind.AID).prefetch_related(
        "allocations", "budgets", "planned_disbursements", "transactions"
    )
    with console.status("writing and validating …"):
        result = iati.export_iati(list(qs))
    path.write_bytes(result.data)
    for code, reason in result.skipped:
        console.print(f"not exported: {code}: {reason}")
    console.print(f"wrote {len(result.codes)} activities to {path} (valid IATI 2.03)")
