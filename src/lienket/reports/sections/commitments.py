"""The implementation of the Committee's commitments: each with its owner, deadline, status
(computed from the data, recorded by its owner, or rolled up from its parts), progress and the
latest update with its evidence (issue 27). In the periodic report it covers the commitments due
in the period's year; in an implementation report, those of the session."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core import formats, labels, translations
from lienket.core.templatetags.lienket import country_name
from lienket.governance import commitments
from lienket.governance.models import CommitmentStatus
from lienket.reports.document import Paragraph, Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def _entered(lookup: translations.Lookup, obj: object, field: str) -> str:
    """A text users entered, in the report's language when a version exists, else the original
    marked with its language ("[EN]", as the pages mark it)."""
    shown = lookup.shown(obj, field)  # type: ignore[arg-type]
    return labels.plain_mark(shown.text, shown.lang) if shown.missing else shown.text


def _owner(lookup: translations.Lookup, c: object) -> str:
    side = c.owner_side  # type: ignore[attr-defined]
    who = _("both sides") if side == "joint" else country_name(side)
    body = _entered(lookup, c, "owner_body")
    return f"{who} · {body}" if body else str(who)


def build(b: Builder, section: Section) -> None:
    if b.session is not None:  # for the next session: where each stands on the report's date
        found = commitments.entries(b.dated, session=b.session)
        scope = _("Commitments of session %(n)s, as known on %(date)s") % {
            "n": b.session, "date": formats.long_date(b.dated, b.lang)}  # fmt: skip
    else:
        found = commitments.entries(b.as_of, year=b.end.year)
        scope = _("Commitments due in %(year)s, as known on %(date)s") % {
            "year": b.end.year, "date": formats.long_date(b.as_of, b.lang)}  # fmt: skip
    if not found:
        b.nodata(section, _("No commitment is recorded for this report."))
        return
    counts = Counter(e.status for e in found if not e.c.parent_id)
    section.add(Paragraph("; ".join(
        f"{CommitmentStatus(s).label}: {formats.auto(counts[s], b.lang)}"
        for s in CommitmentStatus.values if counts[s]
    )))  # fmt: skip
    rows = []
    cited: set[int] = set()
    lookup = translations.Lookup(b.lang)
    for e in found:
        c = e.c
        if c.source:
            cited.add(b.doc.cite(c.source, False))
        measured = ""
        if e.actual is not None and e.actual.measured and e.actual.source:
            cited.add(b.doc.cite(e.actual.source, e.actual.fictional))
        if e.actual is not None and e.actual.measured:
            if e.actual.value is not None:
                measured = _("%(value)s in %(period)s (computed from the data)") % {
                    "value": formats.percent(e.actual.value, b.lang),
                    "period": e.actual.period}  # fmt: skip
            else:
                measured = e.actual.words
            if e.actual.fictional:
                measured += f" ({_('fictional')})"
        latest = ""
        if e.latest is not None:
            latest = f"{formats.long_date(e.latest.on, b.lang)}: " + _entered(
                lookup, e.latest, "note"
            )
            if e.latest.evidence:
                latest += f" ({_('evidence')}: {e.latest.evidence})"
        progress = None if e.progress is None else e.progress / 100
        text = c.text + (f" ({_('part of')} {c.parent.code})" if c.parent_id else "")
        rows.append((text, _owner(lookup, c), c.due, e.status, progress,
                     measured or latest or "—"))  # fmt: skip
    section.add(
        Table(
            scope,
            (
                (_("Commitment"), "text"),
                (_("Owner"), "text"),
                (_("Due"), "date"),
                (_("Status"), "status"),
                (_("Progress"), "percent"),
                (_("Figure or latest update"), "text"),
            ),
            tuple(rows),
            tuple(sorted(cited)),
            note=_(
                "A status computed from the data (trade growth, power capacity, aid disbursement, "
                'training) follows the rules of the "are we on target?" page; a commitment with '
                "parts takes the worst status of its parts and the mean of their progress; a "
                "commitment past its deadline that is not met is late."
            ),
        )
    )
