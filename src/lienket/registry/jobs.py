"""The registry's files as background import jobs (``core.jobs``): enterprises and relationships."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from lienket.core import jobs
from lienket.core.models import ImportJob
from lienket.registry import importers

#: how many notices and changes a result keeps for its page
SHOWN = 1000


def _notices(notices: list[Any]) -> list[dict[str, Any]]:
    return [jobs.as_json(n) for n in notices[:SHOWN]]


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, int | float | None) else str(v) for k, v in d.items()}


def run_enterprises(job: ImportJob, path: Path, progress: jobs.Progress) -> dict[str, Any]:
    with path.open("rb") as stream:
        r = importers.import_enterprises(
            stream, job.file_name, job.created_by, progress=progress,
            dry_run=job.options.get("dry_run", False), update=job.options.get("update", False),
        )  # fmt: skip
    return {
        "checked": r.checked, "created": r.created, "duplicates_flagged": r.duplicates_flagged,
        "dry_run": r.dry_run, "updated": r.updated, "notices": _notices(r.notices),
        "notice_count": len(r.notices), "changes": [_plain(asdict(c)) for c in r.changes[:SHOWN]],
        "change_count": len(r.changes),
    }  # fmt: skip


def run_relationships(job: ImportJob, path: Path, progress: jobs.Progress) -> dict[str, Any]:
    with path.open("rb") as stream:
        r = importers.import_relationships(
            stream, job.file_name, job.created_by, progress=progress,
            dry_run=job.options.get("dry_run", False),
        )  # fmt: skip
    return {
        "checked": r.checked, "created": r.created, "duplicates_flagged": 0,
        "dry_run": r.dry_run, "updated": 0, "notices": _notices(r.notices),
        "notice_count": len(r.notices), "changes": [], "change_count": 0,
    }  # fmt: skip


def register() -> None:
    jobs.register_kind("enterprises", run_enterprises)
    jobs.register_kind("relationships", run_relationships)
