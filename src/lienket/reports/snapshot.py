"""The data a report is built from, named by one hash.

A snapshot lists the trade store's manifest entries (each file's id and SHA-256) and, for every
table of the registry, linkage, projects, cooperation and published-figure apps, its row count
and a SHA-256 of its rows in primary-key order. Two builds with the same snapshot hash read the
same data; the report prints the hash and keeps the whole snapshot.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.apps import apps

from lienket.trade.services import get_store

APPS = ("registry", "linkage", "projects", "cooperation", "trade")
#: tables that record work on the data rather than the data itself
SKIPPED = {"trade.tradeimport", "cooperation.calendartoken", "registry.disclosure"}


def _rows_hash(model: Any) -> tuple[int, str]:
    fields = [f.attname for f in model._meta.concrete_fields]
    digest = hashlib.sha256()
    n = 0
    for row in model.objects.order_by("pk").values_list(*fields).iterator(chunk_size=2000):
        digest.update(json.dumps(row, default=str, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
        n += 1
    return n, digest.hexdigest()


def take() -> dict[str, Any]:
    """The snapshot of the data as it is now, with its ``hash``."""

    tables = {}
    for label in APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            name = model._meta.label_lower
            if name in SKIPPED:
                continue
            n, h = _rows_hash(model)
            tables[name] = {"rows": n, "sha256": h}
    trade = [
        {"id": r.id, "file": r.file, "sha256": r.sha256, "source": r.source, "years": r.years,
         "fictional": r.fictional}
        for r in get_store().imports()
    ]  # fmt: skip
    body = {"tables": dict(sorted(tables.items())), "trade": trade}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
    return {**body, "hash": digest}
