"""What the report says, section by section, from the same functions the pages and the API use.

Every figure is taken from the module that serves its page (trade tables, chain views, project
positions, plan progress), so the report cannot disagree with a dashboard. Each section says
plainly when its data is missing for the period; a missing value is ``None``, never zero.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from lienket.core import formats
from lienket.core.templatetags.lienket import country_name
from lienket.engine.trade.turnover import Period
from lienket.projects import selectors as project_selectors
from lienket.reports.common import (
    DEFAULT_COVER,
    OFFICIAL,
    SECTIONS,
    Progress,
    bounds,
    period_code,
    period_words,
    place_and_date,
)
from lienket.reports.document import Document, Paragraph, Section, Table
from lienket.reports.sections import BUILDERS
from lienket.trade import services, tables
from lienket.trade.tables import source_label


class Builder:
    """Assembles one report; one instance per build (nothing is shared between requests)."""

    def __init__(
        self,
        period: Period,
        lang: str,
        dated: date,
        next_steps: str = "",
        cover: dict[str, str] | None = None,
        order: Iterable[str] | None = None,
        logo: tuple[bytes, str] | None = None,
        snapshot: str = "",
        progress: Progress | None = None,
        session: int | None = None,
    ) -> None:
        self.period = period
        self.lang = lang
        self.dated = dated
        self.start, self.end = bounds(period)
        self.as_of = min(self.end, dated)
        self.next_steps = next_steps
        self.cover = cover or {}
        self.order = [k for k in (order or SECTIONS) if k in SECTIONS] or list(SECTIONS)
        self.logo = logo
        self.snapshot = snapshot
        self.progress = progress
        #: the session whose commitments an implementation report covers (issue 27)
        self.session = session
        if session is not None:
            self.order = ["commitments", "next_steps"]

        self.a, self.b = services.pair()

    # -- driver -------------------------------------------------------------------------------

    def build(self) -> Document:
        with translation.override(self.lang):
            cover = {k: self.cover.get(k) or str(v) for k, v in DEFAULT_COVER.items()}
            doc = Document(
                lang=self.lang,
                period=period_words(self.period),
                period_code=period_code(self.period),
                title=cover["title"],
                subtitle=period_words(self.period),
                ministries=(cover["ministry_a"], cover["ministry_b"]),
                cover_note=cover["note"],
                dated=self.dated,
                as_of=self.as_of,
                snapshot=self.snapshot,
                logo=self.logo_uri(),
                labels=self.labels(),
            )
            if self.session is not None:
                doc.title = _(
                    "Report on the implementation of the commitments of session %(n)s of the "
                    "Viet Nam – Lao PDR Intergovernmental Committee"
                ) % {"n": self.session}
            official = {k: self.cover.get(k) or v for k, v in OFFICIAL[self.lang].items()}
            if self.session is not None:  # the subject line (trích yếu) names the session
                official["subject"] = _(
                    "Subject: implementation of the commitments of session %(n)s"
                ) % {"n": self.session}
            doc.official = official
            long_date = formats.long_date(self.dated, self.lang) or ""
            doc.place_date = place_and_date(official, long_date, self.lang)
            self.doc = doc
            for n, key in enumerate(self.order):
                if self.progress:
                    self.progress(n, len(self.order), str(SECTIONS[key]))
                section = Section(key, str(SECTIONS[key]))
                BUILDERS[key](self, section)
                doc.sections.append(section)
            if self.progress:
                self.progress(len(self.order), len(self.order), "")
        return doc

    def labels(self) -> dict[str, str]:
        return {
            "no_data": _("no data"),
            "contents": _("Contents"),
            "sources": _("Annex: sources of the figures"),
            "snapshot": _("Data snapshot"),
            "snapshot_note": _(
                "Built from the data snapshot below; building the report again from the same "
                "snapshot gives the same figures."
            ),
            "period": _("Period"),
            "as_of": _("Data as of"),
            "dated": _("Date of the report"),
            "page": _("Page"),
            "source": _("Source"),
            "fictional": _(
                "This report contains fictional demonstration data; it is not an official "
                "statement."
            ),
            "units": _("Amounts in USD million unless stated otherwise."),
            "fictional_short": _("fictional"),
        }

    def logo_uri(self) -> str:
        if not self.logo:
            return ""
        data, mime = self.logo
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def nodata(self, section: Section, why: str) -> None:
        section.add(Paragraph(why, "nodata"))

    def money(self, value: float) -> str:
        return formats.usd_million(value, self.lang) or ""

    # -- 1. summary ---------------------------------------------------------------------------

    def turnover(self) -> dict[str, Any]:

        if not hasattr(self, "_turnover_cache"):
            self._turnover_cache = {
                d: next((f for f in services.turnover(d, p) if f.period == self.period), None)
                for d, p in ((self.a, self.b), (self.b, self.a))
            }
        return self._turnover_cache

    def cite_figure(self, f: Any) -> int:

        return self.doc.cite(source_label(f.source, f.label), f.fictional)

    def mirror(self) -> Table | None:

        if not self.period.full_year:
            return None
        t = tables.mirror(self.a, self.b)
        rows = [r for r in t.rows if r["year"] == self.period.year and r["gap"] is not None]
        if not rows:
            return None
        source = self.store_sources([self.period.year])
        return Table(
            _("Mirror gap: each direction as its exporter and its importer declared it"),
            (
                (_("Direction"), "text"),
                (_("Declared by the exporter (FOB)"), "million"),
                (_("Declared by the importer (CIF)"), "million"),
                (_("Importer's figure at FOB"), "million"),
                (_("Gap"), "million"),
                (_("Importer / exporter"), "ratio"),
            ),
            tuple(
                (
                    self.direction(r["direction"]),
                    r["exports_fob"],
                    r["imports_cif"],
                    r["imports_fob"],
                    r["gap"],
                    r["ratio"],
                )
                for r in rows
            ),
            source,
        )

    def direction(self, text: str) -> str:
        exporter, _arrow, importer = text.partition(" → ")
        return f"{country_name(exporter)} → {country_name(importer.strip())}"

    def store_sources(self, years: list[int]) -> tuple[int, ...]:

        out = []
        for r in services.get_store().imports():
            if r.kind == "flows" and set(r.years) & set(years):
                out.append(self.doc.cite(f"{r.source}: {r.file}", r.fictional))
        return tuple(out)

    # -- 2. trade by chain and top products -------------------------------------------------

    def product_year(self) -> int | None:
        """The year whose product detail the report may use: the period's, when it is a full
        year and a statistics file covers it (product files are annual)."""

        if not self.period.full_year:
            return None
        records = services.get_store().imports()
        years = {y for r in records if r.kind == "flows" for y in r.years}
        return self.period.year if self.period.year in years else None

    def no_product_detail(self, section: Section) -> None:
        if self.period.full_year:
            why = _("No trade statistics file by product covers the %(period)s.")
        else:
            why = _(
                "Trade by product is published for whole years only: the %(period)s has no "
                "product detail."
            )
        self.nodata(section, why % {"period": self.doc.period})

    # -- 3. opportunities ---------------------------------------------------------------------

    # -- 4. chains ----------------------------------------------------------------------------

    def firm(self, e: Any) -> str:
        mark = f" ({_('fictional')})" if getattr(e, "fictional", False) else ""
        return f"{e.name} – {country_name(e.country)}{mark}"

    # -- 5. pilots ----------------------------------------------------------------------------

    # -- 6. investment and power --------------------------------------------------------------

    def projects(self, kinds: Iterable[str]) -> list[Any]:

        return project_selectors.projects_of(kinds)

    def project_source(self, p: Any) -> int:
        urls = [s.get("url", "") for s in (p.sources or []) if isinstance(s, dict)]
        if p.fictional:
            return self.doc.cite(_("lienket demo project records (fictional)"), True)
        if urls and urls[0]:
            return self.doc.cite(urls[0])
        return self.doc.cite(_("lienket project registry"))

    # -- 7. aid -------------------------------------------------------------------------------

    # -- 8. work plan -------------------------------------------------------------------------

    def side(self, side: str) -> str:
        if side in settings.LIENKET_COUNTRIES:
            return country_name(side)
        if side == "joint":
            return _("Joint")
        return _("All activities")

    # -- 9. training --------------------------------------------------------------------------

    # -- 10. next steps -----------------------------------------------------------------------
