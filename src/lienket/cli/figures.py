"""``lienket figures`` (published figures) and ``lienket trade turnover``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from lienket.cli import app, console, django_setup, err, trade_app

figures_app = typer.Typer(
    help="Published trade figures: a ministry's or customs office's printed totals.",
    no_args_is_help=True,
)
app.add_typer(figures_app, name="figures")


def _print_errors(errors: list[Any]) -> None:
    for e in errors[:200]:
        err.print(str(e))
    err.print(f"{len(errors)} problem(s); nothing was saved", style="red")


@figures_app.command("add")
def figures_add(
    period: Annotated[str, typer.Option(help="2025, 2025-Q3, 2025-H1 or 2025-01..10")],
    declarant: Annotated[str, typer.Option(help="the side that published it (ISO 3)")],
    partner: Annotated[str, typer.Option(help="the other country (ISO 3)")],
    flow: Annotated[str, typer.Option(help="total, exports or imports (of the declarant)")],
    value: Annotated[str, typer.Option(help="the figure as printed, e.g. 2300 or 2,300.5")],
    source_title: Annotated[str, typer.Option(help="the release's title and publisher")],
    unit: Annotated[str, typer.Option(help="USD, USD thousand, USD million, USD billion")] = (
        "USD million"
    ),
    source_url: Annotated[str, typer.Option(help="the release's web address")] = "",
    published: Annotated[str, typer.Option(help="publication date, YYYY-MM-DD")] = "",
    product_group: Annotated[str, typer.Option(help="empty for all products")] = "",
    qualifier: Annotated[
        str, typer.Option(help="the release's wording: more than, at least, about, less than")
    ] = "",
    stated_growth: Annotated[
        str, typer.Option(help="the growth the release states, in % (e.g. 32.8)")
    ] = "",
    confirm: Annotated[
        bool, typer.Option("--confirm", help="keep a figure that fails a plausibility check")
    ] = False,
) -> None:
    """Enter one published figure. The same release (source and date) is corrected; a release
    published on another date is kept beside the earlier ones, and the latest is used."""
    django_setup()
    from lienket.trade import figures

    row = {
        "period": period, "declarant": declarant, "partner": partner, "flow": flow,
        "value": value, "unit": unit, "source_title": source_title, "source_url": source_url,
        "published": published, "product_group": product_group, "qualifier": qualifier,
        "stated_growth_pct": stated_growth,
    }  # fmt: skip
    checked = figures.check_row(row, "command line")
    if checked.errors:
        _print_errors(checked.errors)
        raise typer.Exit(1)
    try:
        figure, created = figures.add_figure(checked.values, None, confirm=confirm)
    except figures.ConfirmationNeededError as exc:
        for n in exc.notices:
            err.print(f"check: {n.text()}", style="yellow", markup=False)
        err.print("nothing was saved; run again with --confirm to keep it", style="red")
        raise typer.Exit(1) from None
    console.print(f"{'added' if created else 'updated'}: {figure}", markup=False)
    if figure.confirmation:
        console.print(f"recorded as confirmed: {figure.confirmation}", markup=False)
    for c in figures.checks(figure.declarant, figure.period):
        err.print(f"notice: {c.text}", style="yellow", markup=False)


@figures_app.command("import")
def figures_import(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    check_only: Annotated[
        bool,
        typer.Option("--check-only", "--dry-run", help="Check every row, save nothing"),
    ] = False,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="keep rows that fail a plausibility check")
    ] = False,
) -> None:
    """Import published figures from XLSX/CSV: all rows or none."""
    django_setup()
    from lienket.engine.errors import DataError
    from lienket.trade import figures

    try:
        with path.open("rb") as f:
            result = figures.import_figures(f, path.name, None, dry_run=check_only, confirm=confirm)
    except DataError as exc:
        _print_errors(exc.errors)
        raise typer.Exit(1) from None
    if check_only:
        console.print(f"{result.checked} row(s) checked; no problems; nothing saved")
    else:
        console.print(f"{result.created} figure(s) added, {result.updated} updated")


@figures_app.command("list")
def figures_list() -> None:
    """List the published figures."""
    django_setup()
    from lienket.trade.models import PublishedFigure

    for f in PublishedFigure.objects.all():
        worded = f" ({f.get_qualifier_display()})" if f.qualifier else ""
        console.print(f"{f.pk:5}  {f}{worded}  [{f.source_title}]", markup=False)


@figures_app.command("history")
def figures_history(
    period: Annotated[str, typer.Option(help="2024, 2025-Q3, 2025-01..10")],
    declarant: Annotated[str, typer.Option(help="the side that published it (ISO 3)")],
    flow: Annotated[str, typer.Option(help="total, exports or imports; all if left out")] = "",
    format: Annotated[str, typer.Option(help="json or text")] = "text",
) -> None:
    """Every release of a declarant's figures for a period, with each one's difference from the
    release before it, the one in use, and the consistency checks of the figures."""
    django_setup()
    from lienket.engine.trade.turnover import Period
    from lienket.trade import figures

    try:
        p = Period.parse(period)
    except ValueError as exc:
        err.print(f"--period: {exc}", markup=False)
        raise typer.Exit(2) from None
    if flow and flow not in ("total", "exports", "imports"):
        err.print(f"--flow must be total, exports or imports, not {flow!r}", markup=False)
        raise typer.Exit(2)
    rows = figures.history(p, declarant.upper(), flow or None)
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        console.print("no data")
    for r in rows:
        change = (
            ""
            if r["difference_usd"] is None
            else (f"  {r['difference_usd'] / 1e6:+,.1f} M USD on the previous release")
        )
        use = "  in use" if r["in_use"] else ""
        worded = f" ({r['qualifier'].replace('_', ' ')})" if r["qualifier"] else ""
        console.print(
            f"{r['period']:>12} {r['flow']:8} {r['value']} {r['unit']}{worded}  "
            f"{r['published'] or 'undated'}  {r['source']}{change}{use}",
            markup=False,
        )
        for text in r["checks"]:
            err.print(f"   check: {text}", style="yellow", markup=False)


@figures_app.command("checks")
def figures_checks(
    format: Annotated[str, typer.Option(help="json or text")] = "text",
) -> None:
    """The consistency checks of every published total: totals against their flows, stated
    growth against computed growth. Exits 0; the findings are notices, not errors."""
    django_setup()
    from lienket.trade import figures

    found = [{"figure": c.figure.pk, "period": str(c.figure.period),
              "declarant": c.figure.declarant, "flow": c.figure.flow, "kind": c.notice.kind,
              "text": c.text} for c in figures.checks()]  # fmt: skip
    if format == "json":
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
        return
    if not found:
        console.print("no findings")
    for f in found:
        console.print(f"{f['figure']:5}  {f['kind']:14} {f['text']}", markup=False)


@trade_app.command("turnover")
def trade_turnover(
    declarant: Annotated[str, typer.Option(help="whose declaration (ISO 3)")],
    partner: Annotated[str, typer.Option(help="the other country (ISO 3)")],
    format: Annotated[str, typer.Option(help="json or text")] = "text",
) -> None:
    """Turnover by period from one chosen source, against each year's target band (recorded, else
    the default band), with where the band comes from."""
    django_setup()
    from lienket.trade import services

    rows = []
    for f in services.turnover(declarant.upper(), partner.upper()):
        rows.append(
            {
                "period": str(f.period),
                "full_year": f.period.full_year,
                "value_usd": f.turnover,
                "exports_usd": f.exports,
                "imports_usd": f.imports,
                "source": f"{f.source}: {f.label}" if f.source else None,
                "fictional": f.fictional,
                "previous_usd": f.previous,
                "growth": f.growth,
                "band_low": f.band_low,
                "band_high": f.band_high,
                "status": f.status,
                "band_basis": f.band_basis,
                "other_sources": [
                    {
                        "source": f"{o.source}: {o.label}",
                        "value_usd": o.turnover,
                        "difference_usd": o.difference,
                        "fictional": o.fictional,
                    }
                    for o in f.alternatives
                ],
            }
        )
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        console.print("no data")
    for r in rows:
        value = "no data" if r["value_usd"] is None else f"{r['value_usd'] / 1e6:,.1f} M USD"
        console.print(f"{r['period']:>12}  {value:>18}  {r['status']:8}  {r['source'] or ''}")
