"""A work plan's progress: each activity's state on a day, and the Gantt chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.translation import gettext as _

from lienket.cooperation.models import (
    Activity,
    ActivityStatus,
    Side,
    WorkPlan,
)
from lienket.engine import workplan


def item_of(a: Activity, on: date) -> workplan.Item:
    notes = [n for n in a.notes.all() if n.date <= on and n.percent is not None]
    return workplan.Item(
        side=a.lead,
        start=a.start,
        due=a.due,
        done_on=a.done_on if a.status == ActivityStatus.DONE else None,
        cancelled=a.status == ActivityStatus.CANCELLED,
        percent=float(notes[-1].percent) if notes else None,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Row:
    activity: Activity
    item: workplan.Item
    state: str


def rows(plan: WorkPlan, on: date) -> list[Row]:
    acts = plan.activities.select_related("organisation").prefetch_related("notes")
    items = [(a, item_of(a, on)) for a in acts]
    return [Row(a, item, workplan.state(item, on)) for a, item in items]


def progress(plan_rows: list[Row], on: date) -> list[workplan.Summary]:
    """Progress by side (Viet Nam, Lao PDR, joint, then all), by workplan.state's rule."""
    summaries = workplan.progress((r.item for r in plan_rows), on, all_label="all")
    order = [Side.VIET_NAM.value, Side.LAO.value, Side.JOINT.value, "all"]
    return sorted(summaries, key=lambda s: order.index(s.side) if s.side in order else 9)


STATE_COLOURS = {
    workplan.DONE: "#2e7d32",
    workplan.ON_TRACK: "#1f5f99",
    workplan.LATE: "#c0392b",
    workplan.NOT_STARTED: "#9aa5b1",
    workplan.CANCELLED: "#d5dbe1",
}


def state_label(state: str) -> str:
    return {
        workplan.DONE: _("done"),
        workplan.ON_TRACK: _("on track"),
        workplan.LATE: _("late"),
        workplan.NOT_STARTED: _("not started"),
        workplan.CANCELLED: _("cancelled"),
    }.get(state, state)


def gantt(plan: WorkPlan, plan_rows: list[Row], on: date, title: str) -> str:
    """The plan as a Gantt chart: one bar per activity from start to due, coloured by state,
    with month marks and a line for ``on``. Plain SVG, every text escaped."""
    start = min([plan.start, *[r.activity.start for r in plan_rows]])
    end = max([plan.end, *[r.activity.due for r in plan_rows]])
    days = max((end - start).days, 1)
    label_w, width, row_h, top = 330, 1000, 22, 34
    height = top + row_h * max(len(plan_rows), 1) + 40
    plot = width - label_w - 10

    def x(d: date) -> float:
        return label_w + plot * (d - start).days / days

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'class="chart gantt" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    ]
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            parts.append(
                f'<line x1="{x(month):.1f}" x2="{x(month):.1f}" y1="{top - 6}" y2="{height - 30}" '
                f'stroke="#e3e8ee"/>'
            )
            if month.month in (1, 4, 7, 10):
                parts.append(
                    f'<text x="{x(month) + 2:.1f}" y="{top - 10}" font-size="11">'
                    f"{month:%m/%Y}</text>"
                )
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    for i, r in enumerate(plan_rows):
        a = r.activity
        y = top + i * row_h
        text = f"{a.number} {a.title}"
        short = text if len(text) <= 48 else text[:47] + "…"
        x0, x1 = x(a.start), x(a.due)
        tip = f"{text}: {a.start} – {a.due}, {a.get_lead_display()}, {state_label(r.state)}"
        parts.append(
            f'<g><title>{escape(tip)}</title><text x="4" y="{y + 15}" font-size="12">'
            f'{escape(short)}</text><rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 3):.1f}" '
            f'height="{row_h - 8}" rx="3" fill="{STATE_COLOURS.get(r.state, "#888")}"/></g>'
        )
    if start <= on <= end:
        parts.append(
            f'<line x1="{x(on):.1f}" x2="{x(on):.1f}" y1="{top - 6}" y2="{height - 30}" '
            f'stroke="#111" stroke-dasharray="4 3"/><text x="{x(on) + 3:.1f}" y="{height - 16}" '
            f'font-size="11">{escape(_("today"))} {on.isoformat()}</text>'
        )
    lx = label_w
    for state in workplan.STATES:
        parts.append(
            f'<rect x="{lx}" y="{height - 12}" width="10" height="10" '
            f'fill="{STATE_COLOURS[state]}"/><text x="{lx + 14}" y="{height - 3}" '
            f'font-size="11">{escape(state_label(state))}</text>'
        )
        lx += 110
    parts.append("</svg>")
    return "".join(parts)
