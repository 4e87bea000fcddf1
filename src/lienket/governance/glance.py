"""The cooperation's commitments at a glance: one status per commitment, with the figure behind it.

The same items answer "are we on target?" on the landing page and open the periodic report as
its one-page summary, so the two cannot disagree. Each item reads the module that serves its
page: the trade tables' turnover per declarant against the Committee's band, power capacity
against the published target, aid disbursement against the year's allocation (US dollars at
the recorded rates), overdue work-plan activities, and training places filled.

Statuses, and the rule behind each (stated in the document's note):

- trade: within or above the band → on track; below → behind; base year or no figure → no data;
- power: operating or committed capacity at or above the next target → on track; below it with
  the target year still ahead → at risk; the target year reached or passed below it → behind;
- aid: disbursed share of the year's allocation at least the share of the year elapsed (less
  ten points) and no project behind schedule → on track; a project behind schedule or the share
  under that line → at risk; under half of that line → behind;
- work plan: no activity overdue → on track; one or two → at risk; more → behind;
- training: of the places offered on courses that ended in the year, four in five or more
  completed → on track; half or more → at risk; fewer → behind; no course ended → no data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lienket.cooperation import selectors as cooperation_selectors
from lienket.cooperation import services as cooperation
from lienket.core import formats
from lienket.core.models import Indicator, Target
from lienket.core.templatetags.lienket import country_name
from lienket.engine.trade.turnover import most_complete
from lienket.projects import selectors as project_selectors
from lienket.projects import services as projects
from lienket.trade import services as trade
from lienket.trade.tables import source_label

ON_TRACK, AT_RISK, BEHIND, NO_DATA = "on-track", "at-risk", "behind", "no-data"
STATUS = {
    ON_TRACK: gettext_lazy("on track"),
    AT_RISK: gettext_lazy("at risk"),
    BEHIND: gettext_lazy("behind"),
    NO_DATA: gettext_lazy("no data"),
}
#: the trade table's status of a period, as a commitment's status
TRADE = {"within": ON_TRACK, "above": ON_TRACK, "below": BEHIND}


@dataclass(frozen=True)
class Item:
    """One commitment: what it is, its status, the figure behind it (in the reader's
    language), the source of that figure, and the page that shows it (a URL name)."""

    key: str
    title: str
    status: str
    figure: str
    source: str
    link: str
    fictional: bool = False
    #: what the figure counts, first five (the overdue activities, earliest due first)
    details: tuple[Any, ...] = ()

    @property
    def status_label(self) -> str:
        return str(STATUS[self.status])


def _trade(year: int, lang: str) -> list[Item]:
    a, b = trade.pair()
    out = []
    for declarant, partner in ((a, b), (b, a)):
        title = _("Two-way trade with %(partner)s as declared by %(who)s") % {
            "partner": country_name(partner),
            "who": country_name(declarant),
        }
        figures = [
            f
            for f in trade.turnover(declarant, partner)
            if f.turnover is not None and f.period.year == year
        ]
        if not figures:
            out.append(
                Item(f"trade-{declarant}", title, NO_DATA, _("no data"), "", "trade-dashboard")
            )
            continue
        f = most_complete(figures)
        words = _("%(period)s: %(turnover)s million USD") % {
            "period": str(f.period),
            "turnover": formats.usd_million(f.turnover, lang),
        }
        if f.growth is not None:
            words += " · " + _(
                "growth %(growth)s on the same months a year before (band %(low)s–%(high)s)"
            ) % {
                "growth": formats.percent(f.growth, lang),
                "low": formats.usd_million(f.band_low, lang),
                "high": formats.usd_million(f.band_high, lang),
            }
        status = TRADE.get(f.status or "", NO_DATA)
        if f.status == "base":
            words += " · " + _("base year: no figure of the year before to compare with")
        out.append(
            Item(
                f"trade-{declarant}",
                title,
                status,
                words,
                source_label(f.source, f.label),
                "trade-dashboard",
                f.fictional,
            )
        )
    return out


def power(year: int, lang: str) -> Item:
    title = _("Power capacity selling or committed to Viet Nam")
    plants = project_selectors.projects_of(["power"])
    targets = projects.power_targets()
    if not plants or not targets:
        return Item("power", title, NO_DATA, _("no data"), "", "project-power")
    (now,) = projects.capacity_by_year(plants, year, year)
    ahead = [t for t in targets if t[0] >= year] or targets[-1:]
    target_year, target_mw, target_source = ahead[0]
    total = now.operating + now.committed
    status = ON_TRACK if total >= target_mw else AT_RISK if target_year > year else BEHIND
    words = _(
        "%(total)s MW operating or committed (%(operating)s MW operating); "
        "target %(target)s MW by %(year)s"
    ) % {
        "total": formats.auto(total, lang),
        "operating": formats.auto(now.operating, lang),
        "target": formats.auto(target_mw, lang),
        "year": target_year,
    }
    return Item(
        "power",
        title,
        status,
        words,
        target_source,
        "project-power",
        any(p.fictional for p in plants),
    )


def aid(year: int, on: date, lang: str) -> Item:
    title = _("Aid disbursement against the year's allocation")
    qs = project_selectors.aid_projects()
    found = projects.aid_year(qs, year, on) if qs.exists() else None
    if found is None or not found.allocated.counted or found.rate is None:
        return Item("aid", title, NO_DATA, _("no data"), "", "project-monitoring")
    elapsed = _elapsed(year, on)
    target = recorded_target(Indicator.AID_DISBURSEMENT, year)
    share = float(target.low) if target is not None and target.low is not None else 1.0
    line = max(share * elapsed - 0.10, 0.0)
    rate = found.rate
    if rate < line / 2:
        status = BEHIND
    elif rate < line or found.behind:
        status = AT_RISK
    else:
        status = ON_TRACK
    words = _(
        "%(disbursed)s of %(allocated)s million USD disbursed "
        "(%(rate)s; %(elapsed)s of the year elapsed)"
    ) % {
        "disbursed": formats.usd_million(found.disbursed.usd, lang),
        "allocated": formats.usd_million(found.allocated.usd, lang),
        "rate": formats.percent(rate, lang),
        "elapsed": formats.percent(elapsed, lang),
    }
    words += " · " + _target_words(target, formats.percent(share, lang) or "")
    if found.behind:
        words += " · " + ngettext(
            "%(n)s project behind schedule", "%(n)s projects behind schedule", found.behind
        ) % {"n": found.behind}
    return Item(
        "aid",
        title,
        status,
        words,
        _("lienket monitoring records, in US dollars at the recorded exchange rates"),
        "project-monitoring",
        any(p.fictional for p in qs),
    )


def recorded_target(indicator: str, year: int) -> Target | None:
    """The target recorded for ``indicator`` in ``year`` (``core.Target``), if any."""
    return Target.objects.filter(indicator=indicator, year=year).first()


def _target_words(target: Target | None, goal: str) -> str:
    """Where the goal a status is measured against comes from: a recorded target (its wording
    and session or source), or lienket's default rule, stated as such."""
    if target is None:
        return _("no target recorded: lienket's default of %(goal)s by the year's end") % {
            "goal": goal}  # fmt: skip
    where = (_("session %(n)s") % {"n": target.session}) if target.session else target.source
    return _("target %(goal)s by the year's end (%(where)s)") % {"goal": goal, "where": where}


def _elapsed(year: int, on: date) -> float:
    if on.year > year:
        return 1.0
    if on.year < year:
        return 0.0
    start = date(year, 1, 1)
    return ((on - start).days + 1) / ((date(year + 1, 1, 1) - start).days)


def _workplan(on: date, lang: str) -> Item:
    title = _("Work-plan activities overdue")
    found = cooperation.reminders(0, on)
    late = sorted((r for items in found.values() for r in items if r.overdue),
                  key=lambda r: r.activity.due)  # fmt: skip
    n = len(late)
    status = ON_TRACK if n == 0 else AT_RISK if n <= 2 else BEHIND
    words = ngettext("%(n)s activity overdue", "%(n)s activities overdue", n) % {
        "n": formats.auto(n, lang)
    }
    return Item(
        "workplan",
        title,
        status,
        words,
        _("lienket work-plan records"),
        "coop-overview",
        any(getattr(r.activity, "fictional", False) for r in late),
        tuple(late[:5]),
    )


def training(year: int, on: date, lang: str) -> Item:
    title = _("Training places completed")
    courses = [
        c
        for c in cooperation_selectors.courses_between(date(year, 1, 1), date(year, 12, 31))
        if c.end <= on
    ]
    places = sum(c.capacity for c in courses)
    if not places:
        return Item("training", title, NO_DATA, _("no data"), "", "coop-training")
    completed = sum(1 for c in courses for n in c.nominations.all() if n.completed)
    share = completed / places
    target = recorded_target(Indicator.TRAINING_COMPLETION, year)
    goal = float(target.low) if target is not None and target.low is not None else 0.8
    status = ON_TRACK if share >= goal else AT_RISK if share >= goal * 5 / 8 else BEHIND
    words = _("%(completed)s of %(places)s places completed (%(share)s) on %(courses)s courses") % {
        "completed": formats.auto(completed, lang),
        "places": formats.auto(places, lang),
        "share": formats.percent(share, lang),
        "courses": formats.auto(len(courses), lang),
    }
    words += " · " + _target_words(target, formats.percent(goal, lang) or "")
    return Item(
        "training",
        title,
        status,
        words,
        _("lienket training records"),
        "coop-training",
        any(c.fictional for c in courses),
    )


def commitments(year: int, on: date, lang: str) -> list[Item]:
    """Every commitment's item for ``year`` as known on ``on``, in the reader's language."""
    return [
        *_trade(year, lang),
        power(year, lang),
        aid(year, on, lang),
        _workplan(on, lang),
        training(year, on, lang),
    ]


def rules() -> str:
    """The rule of each status, as one note for the page and the document."""
    return _(
        "Trade: within or above the Committee's band is on track, below it behind. Power: "
        "capacity at or above the next recorded target is on track, below it at risk until the "
        "target year, then behind. Aid: the disbursed share at least the year's target (the "
        "whole allocation when none is recorded) times the share of the year elapsed, less ten "
        "points, with no project behind schedule, is on track. Work plan: no activity overdue "
        "is on track, one or two at risk, more behind. Training: the recorded share of places "
        "completed (four in five when none is recorded) is on track, five eighths of it at "
        "risk, fewer behind."
    )
