"""Aid-funded projects: disbursement and reallocations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from lienket.core import formats
from lienket.engine import monitoring
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
    aid_year = projects.aid_year(qs, year, b.as_of)
    rates = aid_year.rates
    for pos in aid_year.positions:
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
                to_float(rates.to_usd(allocation, p.currency, b.as_of)),
                to_float(rates.to_usd(disbursed, p.currency, b.as_of)),
                str(p.get_status_display()),
            )
        )
    if rows:
        rows.append((_("Total in USD, at the rates below"), "USD", "—", "—", "—",
                     aid_year.rate, float(aid_year.allocated.usd),
                     float(aid_year.disbursed.usd), ""))  # fmt: skip
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
                    (_("Allocation, USD million"), "million"),
                    (_("Disbursed, USD million"), "million"),
                    (_("Status"), "text"),
                ),
                tuple(rows),
                tuple(sorted(set(cited))),
                note=rates_note(b, aid_year.allocated, aid_year.disbursed),
            )
        )  # fmt: skip
    else:
        b.nodata(section, _("No aid project has an allocation or a disbursement in "
                                "%(year)s.") % {"year": year})  # fmt: skip
    behind_schedule(b, section, aid_year.positions)
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


def behind_schedule(b: Builder, section: Section, positions: list[Any]) -> None:
    """The projects behind schedule (SPI below the band, the monitoring page's one rule), with
    their schedule and cost performance, worst first (issue 26)."""
    late = [pos for pos in positions if pos.status == monitoring.BEHIND]
    late.sort(key=lambda pos: pos.earned.spi if pos.earned.spi is not None else 0.0)
    if not late:
        section.add(Paragraph(_("No aid project is behind schedule as of %(date)s.")
                              % {"date": formats.long_date(b.as_of, b.lang)}, "note"))  # fmt: skip
        return
    section.add(
        Table(
            _("Projects behind schedule as of %(date)s: schedule (SPI) and cost (CPI) "
              "performance") % {"date": formats.long_date(b.as_of, b.lang)},
            (
                (_("Project"), "text"),
                (_("Schedule performance (SPI)"), "ratio"),
                (_("Cost performance (CPI)"), "ratio"),
                (_("Shortfall this year (million)"), "million"),
                (_("Status"), "text"),
            ),
            tuple(
                (pos.project.name + (f" ({_('fictional')})" if pos.project.fictional else ""),
                 pos.earned.spi, pos.earned.cpi, to_float(pos.shortfall),
                 str(pos.project.get_status_display()))
                for pos in late
            ),
            tuple(sorted({b.project_source(pos.project) for pos in late})),
            note=_("SPI is earned value over planned value, CPI earned value over the amount "
                   "disbursed; below 1 is behind schedule or over cost."),
        )
    )  # fmt: skip


def rates_note(b: Builder, *totals: Any) -> str:
    """The rates the USD columns use, each with its date and source, and what had none."""
    used: dict[str, Any] = {}
    missing: set[str] = set()
    for total in totals:
        used.update(total.rates)
        missing |= set(total.unconverted)
    parts = [
        _("1 %(currency)s = %(rate)s USD from %(date)s (%(source)s)") % {
            "currency": c, "rate": formats.auto(r.usd_per_unit, b.lang),
            "date": formats.long_date(r.valid_from, b.lang) if r.valid_from else "—",
            "source": r.source + (f", {_('fictional')}" if r.fictional else "")}
        for c, r in sorted(used.items())
    ]  # fmt: skip
    note = _("Rates: %(rates)s.") % {"rates": "; ".join(parts)} if parts else ""
    if missing:
        note += " " + _("No rate, so not in the USD total: %(currencies)s.") % {
            "currencies": ", ".join(sorted(missing))}  # fmt: skip
    return note.strip()
