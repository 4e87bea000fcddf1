"""The migrations describe the models' tables: every field, model and index the models declare
is in a migration. ``makemigrations --check`` cannot say so here, because ``core.cleaning`` adds
its text validators to every text field at run time and the autodetector then proposes to alter
them all; this test asks the autodetector and ignores what never reaches the database
(validators, labels, help texts, choices, ordering and other options)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

#: field arguments that do not change a table
NOT_IN_THE_TABLE = {"validators", "verbose_name", "help_text", "choices", "blank", "editable",
                    "related_name", "auto_now", "auto_now_add", "upload_to", "default"}  # fmt: skip
#: operations that do not change a table
OPTIONS_ONLY = {"AlterModelOptions", "AlterModelManagers"}


def _schema(field) -> tuple:
    path, args, kwargs = field.deconstruct()[1:]
    return path, tuple(args), {k: v for k, v in kwargs.items() if k not in NOT_IN_THE_TABLE}


@pytest.mark.django_db
def test_the_migrations_hold_every_table_the_models_declare():
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    before = loader.project_state()
    detector = MigrationAutodetector(before, ProjectState.from_apps(apps))
    changes = detector.changes(graph=loader.graph)
    problems = []
    for app, migrations in changes.items():
        for migration in migrations:
            for op in migration.operations:
                kind = type(op).__name__
                if kind in OPTIONS_ONLY:
                    continue
                if kind == "AlterField":
                    old = before.models[app, op.model_name.lower()].fields[op.name]
                    if _schema(old) == _schema(op.field):
                        continue
                    problems.append(
                        f"{app}: {op.describe()}: {_schema(old)} -> {_schema(op.field)}"
                    )
                    continue
                problems.append(f"{app}: {op.describe()}")
    assert problems == [], "models and migrations differ:\n" + "\n".join(problems)
