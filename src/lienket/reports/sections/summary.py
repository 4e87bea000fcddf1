"""The report's first section: the key figures of the period, each with its source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import country_name
from lienket.reports.document import Figures, Paragraph, Section
from lienket.trade import figures, tables
from lienket.trade.services import precedence

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    found = b.turnover()
    if not any(f and f.turnover is not None for f in found.values()):
        b.nodata(
            section,
            _("No trade figure of either side covers the %(period)s.") % {"period": b.doc.period},
        )
    for declarant, f in found.items():
        who = country_name(declarant)
        title = _("Trade with %(partner)s as declared by %(who)s (USD million)") % {
            "partner": country_name(b.b if declarant == b.a else b.a),
            "who": who,
        }
        if f is None or f.turnover is None:
            section.add(Figures(title, ((_("Turnover"), None, "million"),)))
            continue
        rows: list[tuple[str, Any, str]] = [
            (_("Turnover"), f.turnover, "million"),
            (_("Exports"), f.exports, "million"),
            (_("Imports"), f.imports, "million"),
            (_("Same months a year before"), f.previous, "million"),
            (_("Growth"), f.growth, "percent"),
            (_("Target band, low"), f.band_low, "million"),
            (_("Target band, high"), f.band_high, "million"),
            (_("Growth target"), tables.target_words(f), "text"),
            (_("Against the target"), str(tables.STATUS[f.status]), "text"),
        ]
        for o in f.alternatives:  # side by side, never added
            rows.append(
                (
                    _("Other source, not added: %(source)s")
                    % {"source": tables.source_label(o.source, o.label)},
                    o.turnover,
                    "million",
                )
            )
            b.doc.cite(tables.source_label(o.source, o.label), o.fictional)
        found = figures.checks(declarant, f.period)
        if f.source == "published":  # earlier releases of the figure in use, with the change
            for r in figures.history(f.period, declarant, "total", found_checks=found):
                if not r["in_use"] and r["value_usd"] is not None:
                    rows.append((_("Earlier release, replaced: %(source)s, %(day)s") % {
                        "source": r["source"], "day": r["published"] or _("undated")},
                        r["value_usd"], "million"))  # fmt: skip
        section.add(Figures(title, tuple(rows), (b.cite_figure(f),)))
        for c in found:
            section.add(Paragraph(c.text, "note"))
    section.add(
        Paragraph(
            _("One source answers for each side and period, in this order: %(order)s.")
            % {"order": ", ".join(str(tables.SOURCE_LABELS.get(s, s)) for s in precedence())},
            "note",
        )
    )
    mirror = b.mirror()
    if mirror is None:
        b.nodata(
            section,
            _("Mirror gap: no declarations of both sides cover the %(period)s.")
            % {"period": b.doc.period},
        )
    else:
        section.add(mirror)
