"""Work-plan files as background import jobs (``core.jobs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lienket.core import jobs
from lienket.core.models import ImportJob


def run_plan(job: ImportJob, path: Path, progress: jobs.Progress) -> dict[str, Any]:
    from lienket.cooperation import sheets
    from lienket.cooperation.models import WorkPlan

    plan = WorkPlan.objects.get(pk=job.options["plan"])
    with path.open("rb") as stream:
        result = sheets.import_activities(plan, stream, job.file_name, job.created_by,
                                          dry_run=job.options.get("dry_run", False))  # fmt: skip
    return jobs.result_json(result)


def register() -> None:
    jobs.register_kind("plan", run_plan)
