"""The ``lienket`` command line. Database commands set Django up lazily; ``refdata`` does not."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from lienket.core.passwords import DEMO_PASSWORD  # a local demo login, printed on purpose

app = typer.Typer(
    help="lienket: the Viet Nam - Lao PDR industrial linkage platform.",
    no_args_is_help=True,
    add_completion=False,
)
refdata_app = typer.Typer(help="Bundled reference data.", no_args_is_help=True)
app.add_typer(refdata_app, name="refdata")
trade_app = typer.Typer(help="Trade statistics: import, list and remove.", no_args_is_help=True)
app.add_typer(trade_app, name="trade")
# issue 24 - user text (titles, names, provinces) was read as Rich markup: "[/b]" crashed a
# command and "[gso] …" vanished. Neither console interprets markup; colour goes through style=.
console = Console(markup=False, highlight=False, soft_wrap=True)
err = Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def print_refused(exc: Any) -> None:
    """Every problem of a refused file on stderr, then exit 1 (nothing was imported)."""
    for e in exc.errors:
        err.print(str(e))
    err.print(f"{exc.total} problems: nothing was imported")
    raise typer.Exit(1) from exc


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
    import django

    django.setup()
    from lienket.core import audit

    audit.act_from_command_line()


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def staged(bar: Progress, prefix: str = "") -> Any:
    """A ``progress(stage, done, total)`` callback that gives each stage its own bar."""
    tasks: dict[str, Any] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(f"{prefix}{stage}", total=total)
        bar.update(tasks[stage], completed=done)

    return report


@refdata_app.command("check")
def refdata_check() -> None:
    """Validate every bundled reference file and their cross-references."""
    from lienket import refdata
    from lienket.refdata.check import run_checks

    failed = False
    for name, problems in run_checks().items():
        if problems:
            failed = True
            console.print(f"✗ {name}: {len(problems)} problem(s)", style="red")
            for p in problems[:50]:
                console.print(f"    {p}")
        else:
            console.print(f"✓ {name}", style="green")
    console.print(
        f"{len(refdata.countries())} countries, {len(refdata.provinces())} provinces, "
        f"{len(refdata.hs_codes('HS2022'))} HS2022 and {len(refdata.hs_codes('HS2017'))} HS2017 "
        f"codes, {len(refdata.chains())} chains, {len(refdata.border_gates())} gate pairs, "
        f"{len(refdata.seaports())} seaports, {len(refdata.zones())} zones"
    )
    raise typer.Exit(1 if failed else 0)


@app.command("compile-messages")
def compile_messages() -> None:
    """Compile the vi and lo translation catalogues (.po to .mo)."""
    django_setup()
    from django.core.management import call_command

    call_command("compilemessages", verbosity=0, ignore_patterns=[".venv/*"])
    console.print("translations compiled")


def _demo_users(first_vn: Any, first_la: Any) -> None:
    from django.contrib.auth import get_user_model

    from lienket.core.models import Profile, Role

    user_model = get_user_model()
    people = [
        ("admin", None, {}),
        ("vioit", Role.FOCAL, {"country": "VNM", "organisation": "VIOIT"}),
        ("iice", Role.FOCAL, {"country": "LAO", "organisation": "IICE"}),
        ("reader", Role.READER, {"organisation": "Ministry reader"}),
        ("firm-vn", Role.ENTERPRISE, {"enterprise": first_vn}),
        ("firm-la", Role.ENTERPRISE, {"enterprise": first_la}),
    ]
    for username, role, extra in people:
        user, created = user_model.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = role is None
            user.save()
        if role is not None:
            Profile.objects.get_or_create(user=user, defaults={"role": role, **extra})


@app.command()
def setup(
    demo: Annotated[bool, typer.Option(help="Also load the demo, as 'lienket demo' does")] = False,
) -> None:
    """Prepare the database: migrate, load the reference data and the published figures.

    No demo data and no demo login: those come from ``lienket demo`` only.
    """
    django_setup()
    from django.core.management import call_command

    from lienket.registry.services import load_reference_zones

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # shared counters (rate limits, throttles)
    console.print("database migrated")
    created, updated = load_reference_zones()
    console.print(f"reference zones: {created} created, {updated} updated")
    _load_projects(demo=False)
    _load_trade(demo=False)
    from lienket.trade.figures import load_bundled

    added, present = load_bundled()
    console.print(f"published figures: {added} added, {present} already there")
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("compilemessages", verbosity=0, ignore_patterns=[".venv/*"])
    if demo:
        _demo()


def _load_projects(demo: bool) -> None:
    from lienket.projects import demo as project_demo
    from lienket.projects import reference

    with progress_bar() as bar:
        report = staged(bar)
        loaded = reference.load(progress=report)
        result = project_demo.load(progress=report) if demo else None
    console.print(
        f"cited power-trade and aid projects: {loaded.projects} projects, "
        f"{loaded.statements} published statements"
    )
    if demo:
        state = "already loaded" if result is None else f"{result.projects} projects"
        console.print(f"fictional demo projects: {state}")


def _load_cooperation() -> None:
    from lienket.cooperation import demo as coop_demo

    with progress_bar() as bar:
        result = coop_demo.load(progress=staged(bar, "cooperation "))
    if result is None:
        console.print("fictional cooperation demo: already loaded")
    else:
        console.print(
            f"fictional cooperation demo: {result.activities} activities, "
            f"{result.meetings} meetings, {result.nominations} nominations"
        )


def _load_trade(demo: bool) -> None:
    from lienket.trade import services

    result = services.load_reference()
    state = "already loaded" if result.already else f"{result.record.rows} rows"
    console.print(f"2017 world export matrix by HS4 (UN Comtrade via OTS): {state}")
    if not demo or set(services.pair()) != {"VNM", "LAO"}:
        return
    store = services.get_store()
    if any(r.fictional for r in store.imports()):
        console.print("fictional demo trade already loaded")
        return
    with progress_bar() as bar:
        task = bar.add_task("demo trade (fictional)", total=len(services.DEMO_YEARS) + 1)
        results = services.load_demo(progress=lambda done, total: bar.update(task, completed=done))
    rows = sum(r.record.rows for r in results if not r.already)
    console.print(f"fictional demo trade: {rows} rows ({len(results)} files)")


def _load_demo() -> None:
    from django.conf import settings

    from lienket.registry.demo import load_demo

    if set(settings.LIENKET_COUNTRIES) != {"VNM", "LAO"}:
        console.print("demo data skipped: it is made for the Viet Nam - Lao PDR configuration")
        return

    with progress_bar() as bar:
        report = staged(bar, "demo ")
        result = load_demo(progress=report)
    if result is None:
        console.print("demo data already loaded")
    else:
        console.print(
            f"demo data (fictional): {result.enterprises} enterprises, "
            f"{result.relationships} relationships, "
            f"{result.duplicates_flagged} likely duplicates flagged"
        )


@app.command()
def demo() -> None:
    """Load the fictional demo (registry, projects, cooperation, trade) and its logins, once.

    Refused in production mode (``LIENKET_HTTPS=1``): a deployment never has demo users or
    their printed password. Running it again changes nothing.
    """
    django_setup()
    _demo()


def _demo() -> None:
    from django.conf import settings

    if settings.LIENKET_HTTPS:
        err.print(
            "refused: LIENKET_HTTPS=1 is production mode, which has no demo data and no "
            "demo logins (their password is public)",
            style="red",
        )
        raise typer.Exit(1)
    from lienket.registry.models import Enterprise

    _load_demo()
    first_vn = Enterprise.objects.filter(fictional=True, country="VNM").order_by("pk").first()
    first_la = Enterprise.objects.filter(fictional=True, country="LAO").order_by("pk").first()
    if first_vn is not None and first_la is not None:
        _demo_users(first_vn, first_la)
    _load_projects(demo=True)
    _load_cooperation()
    _load_trade(demo=True)
    if demo_logins_active():
        _print_login()


DEMO_USERNAMES = ("admin", "vioit", "iice", "reader", "firm-vn", "firm-la")


def demo_logins_active() -> list[str]:
    """The demo logins that still open with the published demo password (active users only):
    ``serve --show-logins`` prints them; a production-mode server refuses to start while any
    remains."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True)
    return sorted(u.username for u in users if u.check_password(DEMO_PASSWORD))


def _print_login() -> None:
    console.print(
        "\nlienket demo logins (password for all: "
        f"{DEMO_PASSWORD})\n"
        "  admin    steward (all rights, /admin/)\n"
        "  vioit    Viet Nam focal point (VIOIT)\n"
        "  iice     Lao focal point (IICE)\n"
        "  reader   ministry reader\n"
        "  firm-vn  enterprise user of a Vietnamese demo firm\n"
        "  firm-la  enterprise user of a Lao demo firm\n"
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


from lienket.cli import backup as _backup  # noqa: E402,F401 -- registers its commands
from lienket.cli import cooperation as _cooperation  # noqa: E402,F401 -- registers its commands
from lienket.cli import figures as _figures  # noqa: E402,F401 -- registers its commands
from lienket.cli import projects as _projects  # noqa: E402,F401 -- registers its commands
from lienket.cli import report as _report  # noqa: E402,F401 -- registers its commands
from lienket.cli import serve as _serve  # noqa: E402,F401 -- registers its commands


def main() -> None:
    app(prog_name="lienket")


if __name__ == "__main__":
    sys.exit(main())
