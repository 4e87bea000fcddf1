"""``lienket trade``: import trade files into the store, list and remove them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from lienket.cli import (
    console,
    django_setup,
    err,
    progress_bar,
    trade_app,
)


@trade_app.command("import")
def trade_import(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    source: Annotated[str, typer.Option(help="comtrade, baci or customs")],
    reporter: Annotated[
        str | None, typer.Option(help="ISO 3 code of the reporting country (customs files)")
    ] = None,
    edition: Annotated[
        str | None, typer.Option(help="HS edition when the file does not say: HS2017 or HS2022")
    ] = None,
    countries: Annotated[
        Path | None, typer.Option(help="BACI country_codes file, if not beside the data file")
    ] = None,
    replace: Annotated[
        bool, typer.Option(help="Replace earlier imports of the same reporter, year and flow")
    ] = False,
    months: Annotated[
        str, typer.Option(help="months the file covers when a part year, e.g. 1-10")
    ] = "1-12",
    partner: Annotated[
        str | None, typer.Option(help="partner of a customs table that has no partner column")
    ] = None,
    flow: Annotated[
        str | None, typer.Option(help="exports or imports, for a table without a flow column")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="year of a customs table that has no year column")
    ] = None,
) -> None:
    """Check a trade statistics file and add it to the store: all rows or none.

    A BACI release may be given as the zip CEPII publishes (every year in it is imported).
    """
    django_setup()
    from lienket.engine.errors import DataError
    from lienket.trade import services

    store = services.get_store()
    try:
        first, last = (int(m) for m in months.replace("..", "-").split("-"))
    except ValueError:
        err.print(f"--months must be two month numbers like 1-10, not {months!r}")
        raise typer.Exit(2) from None
    with progress_bar() as bar:
        task = bar.add_task(f"reading {path.name} (bytes)", total=path.stat().st_size)
        try:
            results = services.import_trade_file(
                store,
                path,
                source,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                reporter=reporter,
                edition=edition,
                countries_file=countries,
                replace=replace,
                months=(first, last),
                partner=partner,
                flow=flow,
                year=year,
            )
        except DataError as exc:
            bar.stop()
            for e in exc.errors[:200]:
                err.print(str(e))
            err.print(f"{len(exc.errors)} problem(s); nothing was imported", style="red")
            raise typer.Exit(1) from None
        bar.update(task, completed=path.stat().st_size)
    for result in results:
        _report_trade_import(store, result)


def _report_trade_import(store: Any, result: Any) -> None:
    r = result.record
    if result.already:
        console.print(f"{r.file} is already in the store (import {r.id}); nothing changed")
        return
    part = "" if r.months == (1, 12) else f" (months {r.months[0]}-{r.months[1]} only)"
    if r.level != 6:
        part += f"; stored at HS{r.level} (counted in totals and at HS2/HS4, never at HS6)"
    console.print(
        f"imported {r.rows} rows from {r.file} ({r.source}, {r.source_edition} -> {r.edition}); "
        f"years {', '.join(map(str, r.years))}{part}; {len(r.reporters)} reporter(s)"
    )
    for reason, n in r.skipped.items():
        console.print(f"  skipped {n} line(s): {reason}")
    for reason, n in r.notices.items():
        err.print(f"  notice: {n} line(s): {reason}", style="yellow")
    for name in result.replaced:
        console.print(f"  replaced the earlier import of {name}")
    for other in store.other_sources(r):
        console.print(
            f"  notice: {other.source} ({other.file}) gives the same reporter, "
            f"year and flow; the two are shown side by side, never added",
            style="yellow",
        )


@trade_app.command("list")
def trade_list() -> None:
    """List the files in the trade store."""
    django_setup()
    from lienket.trade import services

    store = services.get_store()
    for r in store.imports():
        flag = " (fictional)" if r.fictional else ""
        console.print(
            f"{r.id}  {r.kind:5} {r.source:8} {r.file}  years {','.join(map(str, r.years))}  "
            f"{r.rows} rows{flag}"
        )
    if not store.imports():
        console.print("the trade store is empty")


@trade_app.command("remove")
def trade_remove(
    import_id: Annotated[
        str | None, typer.Argument(help="id shown by 'lienket trade list'")
    ] = None,
    fictional: Annotated[bool, typer.Option(help="Remove every fictional (demo) import")] = False,
) -> None:
    """Remove one import, or all fictional demo imports, from the trade store."""
    django_setup()
    from lienket.trade import services

    store = services.get_store()
    ids = [r.id for r in store.imports() if r.fictional] if fictional else []
    if import_id:
        ids.append(import_id)
    if not ids:
        err.print("give an import id or --fictional")
        raise typer.Exit(2)
    for i in ids:
        try:
            gone = services.remove_import(store, i)
        except KeyError:
            err.print(f"no import {i}")
            raise typer.Exit(1) from None
        console.print(f"removed {gone.file} ({gone.id})")
