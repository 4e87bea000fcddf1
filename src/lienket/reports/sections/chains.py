"""Value chains: coverage, gaps, matches and agreements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import chain_name, country_name
from lienket.linkage import selectors as linkage_selectors
from lienket.linkage import services as linkage
from lienket.linkage.models import MatchStatus
from lienket.registry import selectors as registry_selectors
from lienket.reports.document import Figures, Section, Table

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    registry = b.doc.cite(_("lienket enterprise registry and match records"))
    if registry_selectors.registry_is_empty():
        b.nodata(section, _("The enterprise registry is empty."))
        return
    summary = linkage.chain_summary()
    section.add(
        Table(
            _("Coverage of each priority chain by registered enterprises"),
            (
                (_("Chain"), "text"),
                (_("Enterprises in %(c)s") % {"c": country_name(b.a)}, "int"),
                (_("Enterprises in %(c)s") % {"c": country_name(b.b)}, "int"),
                (_("Stages covered on both sides"), "text"),
                (_("Gaps"), "int"),
                (_("Relationships"), "int"),
            ),
            tuple(
                (
                    chain_name(r["code"]),
                    r["firms"][b.a],
                    r["firms"][b.b],
                    f"{r['covered']} / {r['stages']}",
                    r["gaps"],
                    r["relationships"],
                )
                for r in summary
            ),
            (registry,),
        )
    )
    counted = linkage_selectors.match_steps_between(b.start, b.end)
    section.add(
        Figures(
            _("Matches between enterprises in the %(period)s") % {"period": b.doc.period},
            (
                (_("New matches shortlisted"), counted[MatchStatus.SHORTLISTED], "int"),
                (_("Enterprises contacted"), counted[MatchStatus.CONTACTED], "int"),
                (_("Meetings held"), counted[MatchStatus.MET], "int"),
                (_("Agreements reached"), counted[MatchStatus.AGREEMENT], "int"),
                (_("Matches declined"), counted[MatchStatus.DECLINED], "int"),
            ),
            (registry,),
        )
    )
    agreed = linkage_selectors.agreements_between(b.start, b.end)
    if agreed:
        section.add(
            Table(
                _("Agreements reached in the period"),
                ((_("Date"), "date"), (_("Supplier"), "text"), (_("Buyer"), "text")),
                tuple(
                    (
                        e.date,
                        b.firm(e.match.supplier),
                        b.firm(e.match.buyer),
                    )
                    for e in agreed
                ),
                (registry,),
            )
        )
