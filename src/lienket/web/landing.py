""" "Are we on target?": the page focal points, readers and stewards land on after login.

For the year (the current one unless asked): the two-way turnover as each side declares it,
for the latest period with a figure, against the same months of the year before and the
Committee's growth band, with its source and period; Lao power capacity selling or committed
to Viet Nam against the published target; aid disbursement against the year's allocation, in
US dollars at the recorded rates; work-plan actions overdue. Each links to its page. It reads
every app, so it stands on the floor that sees them all.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lienket.cooperation import services as cooperation
from lienket.core import roles
from lienket.core.decorators import require
from lienket.core.pages import today
from lienket.projects import services as projects
from lienket.projects.models import Kind, Project, Statement
from lienket.trade import services as trade
from lienket.trade import tables


def after_login(request: HttpRequest) -> HttpResponse:
    """Where a login lands: the government roles on "are we on target?", others at home."""
    return redirect("on-target" if roles.can_read_reports(request.user) else "home")


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return today().year
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise BadRequest(_("the year is written with four digits, 2000 to 2100"))
    return int(raw)


def _trade(year: int) -> list[dict[str, Any]]:
    """Each declarant's latest period of the year with a turnover (or the latest before)."""
    a, b = trade.pair()
    out = []
    for declarant, table in tables.target_tracking(a, b).items():
        rows = [r for r in table.rows if r["turnover"] is not None and r["year"] <= year]
        if not rows:
            continue
        row = max(rows, key=lambda r: (r["year"], len(r["period"])))
        out.append({**row, "declarant": declarant,
                    "status_label": tables.STATUS.get(row["status"], row["status"])})  # fmt: skip
    return out


def _power(year: int) -> dict[str, Any] | None:
    plants = list(Project.objects.filter(kind=Kind.POWER))
    if not plants:
        return None
    (now,) = projects.capacity_by_year(plants, year, year)
    targets = projects.power_targets()
    ahead = [t for t in targets if t[0] >= year] or targets[-1:]
    target = ahead[0] if ahead else None
    statement = Statement.objects.filter(topic="power", code=target[2]).first() if target else None
    return {"now": now, "target": target, "statement": statement}


def _aid(year: int) -> projects.AidYear | None:
    qs = Project.objects.filter(kind=Kind.AID)
    return projects.aid_year(qs, year, today()) if qs.exists() else None


def _overdue() -> dict[str, Any]:
    found = cooperation.reminders(0, today())
    late = [r for items in found.values() for r in items if r.overdue]
    return {"count": len(late), "first": sorted(late, key=lambda r: r.activity.due)[:5]}


@require(roles.can_read_reports)
def on_target(request: HttpRequest) -> HttpResponse:
    year = _year(request)
    context = {
        "year": year,
        "trade": _trade(year),
        "power": _power(year),
        "aid": _aid(year),
        "overdue": _overdue(),
    }
    return render(request, "on_target.html", context)
