"""The report's one-page summary: each commitment the report covers with its status and the
figure behind it, from ``governance.glance`` (the same items as the "are we on target?" page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core import formats
from lienket.governance import glance
from lienket.reports.document import Paragraph, Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    year = b.end.year
    items = glance.commitments(year, b.as_of, b.lang)
    rows = []
    cited = []
    for item in items:
        number = b.doc.cite(item.source, item.fictional) if item.source else None
        if number is not None:
            cited.append(number)
        figure = item.figure + (f" ({_('fictional')})" if item.fictional else "")
        rows.append((item.title, item.status, figure, str(number) if number else "—"))
    section.add(
        Table(
            _("The commitments in %(year)s, as known on %(date)s")
            % {"year": year, "date": formats.long_date(b.as_of, b.lang)},
            (
                (_("Commitment"), "text"),
                (_("Status"), "status"),
                (_("Figure behind it"), "text"),
                (_("Source"), "text"),
            ),
            tuple(rows),
            tuple(sorted(set(cited))),
            note=glance.rules(),
        )
    )
    if not b.period.full_year or b.period.year != year:
        section.add(Paragraph(_("The statuses are those of the year the period ends in."), "note"))
