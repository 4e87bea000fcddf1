"""Export opportunities across the border, by product."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from lienket.core.templatetags.lienket import country_name
from lienket.reports.document import Section, Table
from lienket.trade import tables

if TYPE_CHECKING:
    from lienket.reports.content import Builder


def build(b: Builder, section: Section) -> None:
    year = b.product_year()
    found = False
    if year is not None:
        sources = b.store_sources([year])
        for exporter, importer in ((b.a, b.b), (b.b, b.a)):
            t = tables.potential(exporter, importer, year, limit=10)
            if t is None or not t.rows:
                continue
            found = True
            section.add(
                Table(
                    _("Untapped potential of %(e)s in %(i)s, %(year)s (USD million)")
                    % {"e": country_name(exporter), "i": country_name(importer), "year": year},
                    (
                        (_("HS code"), "text"),
                        (_("Description"), "text"),
                        (_("Potential"), "million"),
                        (_("Actual"), "million"),
                        (_("Untapped"), "million"),
                    ),
                    tuple(
                        (
                            r["code"],
                            r["description"],
                            r["potential"],
                            r["actual"],
                            r["untapped"],
                        )
                        for r in t.rows
                    ),
                    sources,
                )
            )
        link = tables.linkage(b.a, b.b, year, limit=10)
        if link is not None and link.rows:
            found = True
            section.add(
                Table(
                    _("Linkage candidates: inputs one side can supply to the other's chains, "
                      "%(year)s (USD million)") % {"year": year},
                    (
                        (_("Chain"), "text"),
                        (_("Supplier country"), "text"),
                        (_("Input (HS)"), "text"),
                        (_("Description"), "text"),
                        (_("Supplier's RCA"), "ratio"),
                        (_("Open to the supplier"), "million"),
                    ),
                    tuple(
                        (r["chain"], country_name(r["supplier"]), r["input_code"],
                         r["description"], r["supplier_rca"], r["open_value"])
                        for r in link.rows
                    ),
                    sources,
                )
            )  # fmt: skip
    if not found:
        if year is None:
            b.no_product_detail(section)
        else:
            b.nodata(section, _("No world trade matrix covers %(year)s, so potential "
                                    "cannot be estimated.") % {"year": year})  # fmt: skip
