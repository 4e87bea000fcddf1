"""Pilot linkage projects and their candidates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import chain_name
from lienket.linkage import selectors as linkage_selectors
from lienket.reports.document import Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    pilots = linkage_selectors.pilots_selected_by(b.end)
    if not pilots:
        b.nodata(section, _("No pilot linkage project had been selected by the end of "
                                "the period."))  # fmt: skip
        return
    source = b.doc.cite(_("lienket pilot-project records"))
    rows = []
    for p in sorted(pilots, key=lambda p: (-p.score, p.pk)):
        events = [e for e in p.events.all() if e.date <= b.end]
        status = events[-1].get_status_display() if events else p.get_status_display()
        steps = sum(1 for e in events if e.date >= b.start)
        place = p.zone.name if p.zone else ""
        rows.append((chain_name(p.chain), place or p.province_code, str(status),
                     p.score, steps))  # fmt: skip
    section.add(
        Table(
            _("Pilot linkage projects and their status at the end of the period"),
            (
                (_("Chain"), "text"),
                (_("Place"), "text"),
                (_("Status"), "text"),
                (_("Score when selected"), "ratio"),
                (_("Steps in the period"), "int"),
            ),
            tuple(rows),
            (source,),
        )
    )
