"""``lienket import``, ``export`` and ``suggest``: the enterprise registry from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lienket.cli import (
    app,
    console,
    django_setup,
    err,
    progress_bar,
    staged,
)


@app.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    kind: Annotated[str, typer.Option(help="enterprises or relationships")] = "enterprises",
    errors_xlsx: Annotated[
        Path | None, typer.Option(help="Write the problems here as XLSX")
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Check the file, save nothing")] = False,
    update: Annotated[
        bool,
        typer.Option(help="Update registered firms named by lienket id or tax id (enterprises)"),
    ] = False,
) -> None:
    """Import enterprises or relationships from XLSX/CSV: all rows or none."""
    if kind not in ("enterprises", "relationships"):
        err.print("--kind must be enterprises or relationships")
        raise typer.Exit(2)
    django_setup()
    from django.contrib.auth import get_user_model

    from lienket.core import spreadsheet
    from lienket.engine.errors import DataError
    from lienket.registry import importers

    steward = get_user_model()(is_superuser=True, is_active=True)
    run = importers.import_enterprises if kind == "enterprises" else importers.import_relationships
    with progress_bar() as bar:
        report = staged(bar)
        try:
            options: dict[str, Any] = {"update": update} if kind == "enterprises" else {}
            with path.open("rb") as f:
                result = run(f, path.name, steward, progress=report, dry_run=dry_run, **options)
        except DataError as exc:
            bar.stop()
            for e in exc.errors[:200]:
                err.print(str(e))
            if exc.total > 200:
                err.print(f"... and {exc.total - 200} more")
            if errors_xlsx:
                errors_xlsx.write_bytes(spreadsheet.errors_xlsx(exc.errors))
            err.print(f"{len(exc.errors)} problem(s); nothing was imported", style="red")
            raise typer.Exit(1) from None
    for notice in result.notices[:200]:
        err.print(f"notice: {notice}", style="yellow")
    for c in result.changes[:500]:
        console.print(f"row {c.row}: #{c.enterprise} {c.name}: {c.field} {c.old!r} → {c.new!r}")
    if result.changes:
        verb = "would be updated" if result.dry_run else "updated"
        console.print(f"{result.updated} registered firms {verb}")
    if result.dry_run:
        console.print(f"checked {result.checked} {kind}: no problem found; nothing was saved")
    else:
        console.print(
            f"imported {result.created} {kind}; "
            f"{result.duplicates_flagged} likely duplicates flagged for review"
        )


@app.command()
def export(
    path: Annotated[Path, typer.Argument(dir_okay=False)],
    country: Annotated[str | None, typer.Option()] = None,
    chain: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Export enterprises (optionally filtered) to an XLSX file in the import layout."""
    django_setup()
    from lienket.registry import exports, selectors

    params = {k: v for k, v in {"country": country, "chain": chain}.items() if v}
    qs = selectors.filter_enterprises(params).prefetch_related("products")
    path.write_bytes(exports.enterprises_xlsx(qs))
    console.print(f"wrote {qs.count()} enterprises to {path}")


@app.command()
def suggest(
    path: Annotated[Path, typer.Argument(dir_okay=False, help="XLSX file to write")],
    k: Annotated[int, typer.Option(help="suggestions per enterprise")] = 10,
    country: Annotated[str | None, typer.Option(help="only enterprises of this country")] = None,
) -> None:
    """Suggest cross-border partners for every enterprise (one batch) and write them to XLSX."""
    django_setup()
    from openpyxl import Workbook

    from lienket.core.spreadsheet import save, sheet
    from lienket.linkage import services
    from lienket.registry.models import Enterprise

    firms = Enterprise.objects.order_by("pk")
    if country:
        firms = firms.filter(country=country.upper())
    names = {e.pk: (e.name, e.country) for e in Enterprise.objects.all()}
    matcher = services.matcher()
    rows = []
    with progress_bar() as bar:
        task = bar.add_task("suggesting partners", total=firms.count())
        for e in firms:
            for rank, s in enumerate(matcher.suggest(e.pk, k), start=1):
                partner, partner_country = names[s.partner]
                rows.append(
                    [e.pk, e.name, e.country, rank, s.partner, partner, partner_country, s.role,
                     round(s.score, 4), *(round(v, 4) for v in s.parts.values()),
                     " ".join(f"{a}/{b}" for a, b in s.codes), "; ".join(s.notes)]
                )  # fmt: skip
            bar.advance(task)
    wb = Workbook()
    parts = list(services.DEFAULT_PARTS)
    sheet(
        wb,
        "suggestions",
        ["enterprise_id", "enterprise", "country", "rank", "partner_id", "partner",
         "partner_country", "partner_role", "score", *parts, "hs_codes", "notes"],
        rows,
    )  # fmt: skip
    path.write_bytes(save(wb))
    console.print(f"wrote {len(rows)} suggestions for {firms.count()} enterprises to {path}")
