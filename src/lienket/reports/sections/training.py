"""Training programmes and their outcomes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.cooperation import selectors as cooperation_selectors
from lienket.reports.document import Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    courses = cooperation_selectors.courses_between(b.start, b.end)
    if not courses:
        b.nodata(section, _("No training course ran in the period."))
        return
    rows = []
    cited = []
    for c in courses:
        noms = list(c.nominations.all())
        cited.append(b.doc.cite(_("lienket training records"), c.fictional))
        rows.append(
            (
                c.title + (f" ({_('fictional')})" if c.fictional else ""),
                c.start,
                c.capacity,
                len(noms),
                sum(1 for n in noms if n.attended.exists()),
                sum(1 for n in noms if n.completed),
                sum(1 for n in noms if n.certificate),
            )
        )
    section.add(
        Table(
            _("Training courses in the period"),
            (
                (_("Course"), "text"),
                (_("Start"), "date"),
                (_("Places"), "int"),
                (_("Nominated"), "int"),
                (_("Attended"), "int"),
                (_("Completed"), "int"),
                (_("Certificates"), "int"),
            ),
            tuple(rows),
            tuple(sorted(set(cited))),
        )
    )
