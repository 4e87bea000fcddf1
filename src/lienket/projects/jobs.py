"""Project and IATI files as background import jobs (``core.jobs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lienket.core import jobs
from lienket.core.models import ImportJob


def run_projects(job: ImportJob, path: Path, progress: jobs.Progress) -> dict[str, Any]:
    from lienket.projects import sheets

    with path.open("rb") as stream:
        result = sheets.import_projects(stream, job.file_name, job.created_by,
                                        dry_run=job.options.get("dry_run", False))  # fmt: skip
    return jobs.result_json(result)


def run_iati(job: ImportJob, path: Path, progress: jobs.Progress) -> dict[str, Any]:
    from lienket.projects import iati

    result = iati.import_iati(path.read_bytes(), job.file_name, job.created_by,
                              dry_run=job.options.get("dry_run", False))  # fmt: skip
    return jobs.result_json(result)


def register() -> None:
    jobs.register_kind("projects", run_projects)
    jobs.register_kind("iati", run_iati)
