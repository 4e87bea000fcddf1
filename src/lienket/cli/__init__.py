"""The ``lienket`` command line. Database commands set Django up lazily; ``refdata`` does not."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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


from lienket.cli import backup as _backup  # noqa: E402,F401 -- registers its commands
from lienket.cli import cooperation as _cooperation  # noqa: E402,F401 -- registers its commands
from lienket.cli import figures as _figures  # noqa: E402,F401 -- registers its commands
from lienket.cli import governance as _governance  # noqa: E402,F401 -- registers its commands
from lienket.cli import projects as _projects  # noqa: E402,F401 -- registers its commands
from lienket.cli import registry as _registry  # noqa: E402,F401 -- registers its commands
from lienket.cli import report as _report  # noqa: E402,F401 -- registers its commands
from lienket.cli import serve as _serve  # noqa: E402,F401 -- registers its commands
from lienket.cli import setup as _setup  # noqa: E402,F401 -- registers its commands
from lienket.cli import trade as _trade  # noqa: E402,F401 -- registers its commands


def main() -> None:
    app(prog_name="lienket")


if __name__ == "__main__":
    sys.exit(main())
