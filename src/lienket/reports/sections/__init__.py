"""One module per section of the report: each has ``build(builder, section)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lienket.reports.sections import (
    aid,
    chains,
    commitments,
    glance,
    investment,
    next_steps,
    opportunities,
    pilots,
    summary,
    trade,
    training,
    workplan,
)

#: each section's builder, by its key in ``common.SECTIONS``
BUILDERS: dict[str, Callable[[Any, Any], None]] = {
    "glance": glance.build,
    "summary": summary.build,
    "trade": trade.build,
    "opportunities": opportunities.build,
    "chains": chains.build,
    "pilots": pilots.build,
    "investment": investment.build,
    "aid": aid.build,
    "workplan": workplan.build,
    "training": training.build,
    "commitments": commitments.build,
    "next_steps": next_steps.build,
}
