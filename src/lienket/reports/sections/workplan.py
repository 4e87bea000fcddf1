"""Work-plan progress of the joint working group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.cooperation import selectors as cooperation_selectors
from lienket.cooperation import services as coop
from lienket.core import formats
from lienket.engine import workplan
from lienket.reports.document import Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    plan = cooperation_selectors.plan_covering(b.start, b.end)
    if plan is None:
        b.nodata(section, _("No agreed work plan covers the period."))
        return
    source = b.doc.cite(
        _("Work plan %(code)s, version %(version)s (lienket)")
        % {"code": plan.code, "version": plan.version},
        getattr(plan, "fictional", False),
    )
    rows = coop.rows(plan, b.as_of)
    summaries = coop.progress(rows, b.as_of)
    states = [s for s, _n in summaries[-1].counts] if summaries else []
    section.add(
        Table(
            _("%(plan)s: activities by state on %(date)s, by leading side")
            % {"plan": plan.title, "date": formats.long_date(b.as_of, b.lang)},
            (
                (_("Side"), "text"),
                *((coop.state_label(s), "int") for s in states),
                (_("Done (share of activities, %%)") % {}, "number"),
            ),
            tuple(
                (
                    b.side(s.side),
                    *(s.count(st) for st in states),
                    s.done_share,
                )
                for s in summaries
            ),
            (source,),
        )
    )
    late = [r for r in rows if r.state == workplan.LATE]
    if late:
        section.add(
            Table(
                _("Late activities"),
                ((_("Activity"), "text"), (_("Lead"), "text"), (_("Due"), "date")),
                tuple((r.activity.title, b.side(r.activity.lead), r.activity.due)
                      for r in late),
                (source,),
            )
        )  # fmt: skip
