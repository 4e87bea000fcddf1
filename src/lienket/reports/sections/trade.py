"""Trade by priority chain and top products, in both directions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import country_name
from lienket.reports.common import (
    BAND,
)
from lienket.reports.document import Chart, Section, Table
from lienket.trade import charts, tables

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    year = b.product_year()
    if year is None:
        b.no_product_detail(section)
        return
    sources = b.store_sources([year])
    chain = tables.chain_table(b.a, b.b, year)
    if chain.rows:
        section.add(
            Table(
                _("Trade by priority chain and stage, %(year)s (USD million)") % {"year": year},
                (
                    (_("Chain"), "text"),
                    (_("Stage"), "text"),
                    (_("Direction"), "text"),
                    (_("Value"), "million"),
                    (_("Products traded"), "int"),
                ),
                tuple(
                    (
                        r["chain"],
                        r["stage"],
                        b.direction(r["direction"]),
                        r["value_usd"],
                        r["products"],
                    )
                    for r in chain.rows
                ),
                sources,
                note=chain.note,
            )
        )
    else:
        b.nodata(section, _("No trade in the priority chains' products in %(year)s.") % {
            "year": year})  # fmt: skip
    for exporter, importer in ((b.a, b.b), (b.b, b.a)):
        top = tables.top_products(exporter, importer, year, 4, limit=10)
        title = _("Top products exported by %(e)s to %(i)s, %(year)s (HS4, USD million)") % {
            "e": country_name(exporter),
            "i": country_name(importer),
            "year": year,
        }
        if not top.rows:
            b.nodata(section, title + ": " + _("no data"))
            continue
        bars = [(f"{r['code']} {r['description']}", r["value_usd"]) for r in top.rows]
        section.add(Chart(title, charts.bar_chart(title, bars, money=b.money), sources))
        section.add(
            Table(
                title,
                (
                    (_("HS code"), "text"),
                    (_("Description"), "text"),
                    (_("Value"), "million"),
                    (_("Share"), "percent"),
                ),
                tuple((r["code"], r["description"], r["value_usd"], r["share"]) for r in top.rows),
                sources,
                note=top.note,
            )
        )
    for declarant, t in tables.target_tracking(b.a, b.b).items():
        rows = [r for r in t.rows if r["period"] == str(r["year"]) and r["year"] <= year]
        if len(rows) < 2:
            continue
        title = _("Turnover as declared by %(who)s, by year (USD million)") % {
            "who": country_name(declarant)
        }
        svg = charts.line_chart(
            title,
            [
                charts.Series(_("Turnover"), [(r["year"], r["turnover"]) for r in rows]),
                charts.Series(_("Exports"), [(r["year"], r["exports"]) for r in rows]),
                charts.Series(_("Imports"), [(r["year"], r["imports"]) for r in rows]),
            ],
            [(r["year"], r["band_low"], r["band_high"]) for r in rows],
            _("target band %(low)s–%(high)s %% a year") % BAND,
            money=b.money,
        )
        section.add(Chart(title, svg, sources))
