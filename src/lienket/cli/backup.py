"""``lienket backup`` and ``lienket restore``: one archive of the whole installation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lienket.cli import app, console, django_setup, err, progress_bar, staged


@app.command()
def backup(out: Annotated[Path, typer.Argument(help="the archive to write (.tar.gz)")]) -> None:
    """Write the database, trade store, uploads and secret key into one archive with a
    manifest of hashes (SQLite online backup or pg_dump)."""
    django_setup()
    from lienket.core import backup as service

    try:
        with progress_bar() as bar:
            manifest = service.backup(out, progress=staged(bar))
    except service.BackupError as exc:
        err.print(str(exc), style="red")
        raise typer.Exit(1) from None
    console.print(f"{out}: {manifest['database']} database and {len(manifest['files'])} files")


@app.command()
def restore(
    archive: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    allow_unsigned: Annotated[
        bool, typer.Option(help="Restore even if the manifest's signature is missing or wrong")
    ] = False,
) -> None:
    """Restore an archive of 'lienket backup' into an empty installation (its signature and
    every hash checked first; nothing is merged into existing data)."""
    django_setup()
    from lienket.core import backup as service

    try:
        with progress_bar() as bar:
            done = service.restore(archive, progress=staged(bar), allow_unsigned=allow_unsigned)
    except service.BackupError as exc:
        err.print(str(exc), style="red")
        raise typer.Exit(1) from None
    console.print(f"restored {done.vendor} database into {done.database} and {done.files} files")
