"""Aid-funded projects: disbursement and reallocations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core import formats
from lienket.projects import selectors as project_selectors
from lienket.projects import services as projects
from lienket.projects.models import Kind
from lienket.reports.common import (
    to_float,
)
from lienket.reports.document import Paragraph, Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    aid = b.projects((Kind.AID,))
    if not aid:
        b.nodata(section, _("No aid-funded project is registered."))
        return

    qs = project_selectors.projects_by_pk(p.pk for p in aid)
    year = b.period.year
    rows = []
    cited = []
    for pos in projects.positions(qs, year, b.as_of):
        p = pos.project
        line = next((y for y in pos.years if y.year == year), None)
        if line is None and not p.budget:
            continue
        cited.append(b.project_source(p))
        disbursed = line.disbursed if line else None
        allocation = line.allocation if line else None
        rate = float(disbursed / allocation) if disbursed is not None and allocation else None
        rows.append(
            (
                p.name + (f" ({_('fictional')})" if p.fictional else ""),
                p.currency or "",
                to_float(p.budget),
                to_float(allocation),
                to_float(disbursed),
                rate,
                str(p.get_status_display()),
            )
        )
    if rows:
        section.add(
            Table(
                _("Aid-funded projects: allocation and disbursement in %(year)s, as of "
                  "%(date)s (in each project's currency, million)")
                % {"year": year, "date": formats.long_date(b.as_of, b.lang)},
                (
                    (_("Project"), "text"),
                    (_("Currency"), "text"),
                    (_("Budget"), "million"),
                    (_("Allocation for the year"), "million"),
                    (_("Disbursed"), "million"),
                    (_("Disbursement rate"), "percent"),
                    (_("Status"), "text"),
                ),
                tuple(rows),
                tuple(sorted(set(cited))),
            )
        )  # fmt: skip
    else:
        b.nodata(section, _("No aid project has an allocation or a disbursement in "
                                "%(year)s.") % {"year": year})  # fmt: skip
    approved = project_selectors.reallocations_approved_between(b.start, b.end)
    if not approved:
        section.add(Paragraph(_("No reallocation was approved in the period."), "note"))
        return
    source = b.doc.cite(_("lienket reallocation records"))
    for r in approved.order_by("decided", "pk"):
        section.add(
            Table(
                _("Reallocation approved on %(date)s by %(who)s (%(currency)s, million)")
                % {"date": formats.long_date(r.decided.date(), b.lang),
                   "who": r.decided_by_label, "currency": r.currency},
                (
                    (_("Project"), "text"),
                    (_("Allocation before"), "million"),
                    (_("Allocation after"), "million"),
                ),
                tuple(
                    (ln.project.name, to_float(ln.before_converted), to_float(ln.after_converted))
                    for ln in r.lines.all()
                    if ln.before != ln.after
                ),
                (source,),
                note=r.decision_note,
            )
        )  # fmt: skip
