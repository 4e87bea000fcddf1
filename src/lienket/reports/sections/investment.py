"""Investment and power projects: progress and capacity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import country_name
from lienket.projects import maps
from lienket.projects.models import Kind
from lienket.projects.services import Rates
from lienket.reports.document import Chart, Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    projects = b.projects((Kind.INVESTMENT, Kind.POWER))
    if not projects:
        b.nodata(section, _("No investment or power project is registered."))
        return
    rates = Rates.load()
    rows = []
    cited = []
    for p in projects:
        cited.append(b.project_source(p))
        usd = None
        if p.budget is not None:
            r = rates.rate(p.currency, b.as_of)
            usd = float(p.budget * r.usd_per_unit) if r else None
        rows.append(
            (
                p.name + (f" ({_('fictional')})" if p.fictional else ""),
                str(p.get_kind_display()),
                country_name(p.country),
                str(p.get_status_display()),
                float(p.installed_mw) if p.installed_mw is not None else None,
                usd,
            )
        )
    section.add(
        Table(
            _("Investment and power projects"),
            (
                (_("Project"), "text"),
                (_("Kind"), "text"),
                (_("Country"), "text"),
                (_("Status"), "text"),
                (_("Installed capacity (MW)"), "number"),
                (_("Budget (USD million)"), "million"),
            ),
            tuple(rows),
            tuple(sorted(set(cited))),
        )
    )
    svg, _placed = maps.projects_map(projects, _("Investment and power projects"))
    if svg:
        section.add(Chart(_("Map of the projects"), svg, tuple(sorted(set(cited)))))
