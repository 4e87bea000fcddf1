"""What the report says, section by section, from the same functions the pages and the API use.

Every figure is taken from the module that serves its page (trade tables, chain views, project
positions, plan progress), so the report cannot disagree with a dashboard. Each section says
plainly when its data is missing for the period; a missing value is ``None``, never zero.
"""

from __future__ import annotations

import base64
import calendar
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket.cooperation import services as coop
from lienket.cooperation.models import Course, PlanStatus, WorkPlan
from lienket.core import formats
from lienket.core.templatetags.lienket import chain_name, country_name
from lienket.engine import workplan
from lienket.engine.trade.indicators import TARGET_HIGH, TARGET_LOW
from lienket.engine.trade.turnover import Period
from lienket.linkage import services as linkage
from lienket.linkage.models import MatchEvent, MatchStatus, PilotProject
from lienket.projects import maps
from lienket.projects import services as projects
from lienket.projects.models import Kind, Project, ProposalStatus, Reallocation
from lienket.projects.services import Rates
from lienket.registry.models import Enterprise
from lienket.reports.document import Chart, Document, Figures, Paragraph, Section, Table
from lienket.trade import charts, services, tables
from lienket.trade.services import precedence
from lienket.trade.tables import source_label

#: the sections in their default order (a steward may reorder or leave some out)
SECTIONS = {
    "summary": gettext_lazy("Summary of key figures"),
    "trade": gettext_lazy("Trade by priority chain and top products"),
    "opportunities": gettext_lazy("Opportunities"),
    "chains": gettext_lazy("Value chains: coverage, gaps, matches and agreements"),
    "pilots": gettext_lazy("Pilot linkage projects"),
    "investment": gettext_lazy("Investment and power projects"),
    "aid": gettext_lazy("Aid-funded projects"),
    "workplan": gettext_lazy("Work-plan progress"),
    "training": gettext_lazy("Training outcomes"),
    "next_steps": gettext_lazy("Next steps"),
}

Progress = Callable[[int, int, str], None]
#: the Intergovernmental Committee's growth target, as the dashboard writes it
BAND = {"low": f"{TARGET_LOW * 100:g}", "high": f"{TARGET_HIGH * 100:g}"}


def period_code(p: Period) -> str:
    """The short name of a period: 2024, 2025-H1, 2025-Q3, or 2025-01..10."""
    if p.full_year:
        return str(p.year)
    months = p.months_of_year
    for half, span in ((1, (1, 6)), (2, (7, 12))):
        if months == span:
            return f"{p.year}-H{half}"
    for q in range(1, 5):
        if months == (3 * q - 2, 3 * q):
            return f"{p.year}-Q{q}"
    return str(p)


def period_words(p: Period) -> str:
    """The period as the report's language writes it (active language)."""
    code = period_code(p)
    if p.full_year:
        return _("year %(year)s") % {"year": p.year}
    if code.endswith("H1"):
        return _("first half of %(year)s") % {"year": p.year}
    if code.endswith("H2"):
        return _("second half of %(year)s") % {"year": p.year}
    if "-Q" in code:
        roman = ("I", "II", "III", "IV")[int(code[-1]) - 1]
        return _("quarter %(quarter)s of %(year)s") % {"quarter": roman, "year": p.year}
    return _("months %(first)s–%(last)s of %(year)s") % {
        "first": p.first_month,
        "last": p.last_month,
        "year": p.year,
    }


def bounds(p: Period) -> tuple[date, date]:
    last = calendar.monthrange(p.year, p.last_month)[1]
    return date(p.year, p.first_month, 1), date(p.year, p.last_month, last)


# --- defaults of the cover (a steward's template overrides any of them) ---------------------

DEFAULT_COVER = {
    "title": gettext_lazy("Periodic report on the Viet Nam – Lao PDR industrial linkage"),
    "ministry_a": gettext_lazy(
        "Ministry of Industry and Trade of the Socialist Republic of Viet Nam"),
    "ministry_b": gettext_lazy(
        "Ministry of Industry and Commerce of the Lao People's Democratic Republic"),
    "note": gettext_lazy("Prepared by the focal points of the two ministries for the ministers."),
}  # fmt: skip


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
                logo=self._logo_uri(),
                labels=self._labels(),
            )
            self.doc = doc
            for n, key in enumerate(self.order):
                if self.progress:
                    self.progress(n, len(self.order), str(SECTIONS[key]))
                section = Section(key, str(SECTIONS[key]))
                getattr(self, f"_{key}")(section)
                doc.sections.append(section)
            if self.progress:
                self.progress(len(self.order), len(self.order), "")
        return doc

    def _labels(self) -> dict[str, str]:
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

    def _logo_uri(self) -> str:
        if not self.logo:
            return ""
        data, mime = self.logo
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def _nodata(self, section: Section, why: str) -> None:
        section.add(Paragraph(why, "nodata"))

    def _money(self, value: float) -> str:
        return formats.usd_million(value, self.lang) or ""

    # -- 1. summary ---------------------------------------------------------------------------

    def _turnover(self) -> dict[str, Any]:

        if not hasattr(self, "_turnover_cache"):
            self._turnover_cache = {
                d: next((f for f in services.turnover(d, p) if f.period == self.period), None)
                for d, p in ((self.a, self.b), (self.b, self.a))
            }
        return self._turnover_cache

    def _cite_figure(self, f: Any) -> int:

        return self.doc.cite(source_label(f.source, f.label), f.fictional)

    def _summary(self, section: Section) -> None:

        found = self._turnover()
        if not any(f and f.turnover is not None for f in found.values()):
            self._nodata(
                section,
                _("No trade figure of either side covers the %(period)s.")
                % {"period": self.doc.period},
            )
        for declarant, f in found.items():
            who = country_name(declarant)
            title = _("Trade with %(partner)s as declared by %(who)s (USD million)") % {
                "partner": country_name(self.b if declarant == self.a else self.a),
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
                (
                    _("Against the target of %(low)s–%(high)s %% growth") % BAND,
                    str(tables.STATUS[f.status]),
                    "text",
                ),
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
                self.doc.cite(tables.source_label(o.source, o.label), o.fictional)
            section.add(Figures(title, tuple(rows), (self._cite_figure(f),)))
        section.add(
            Paragraph(
                _("One source answers for each side and period, in this order: %(order)s.")
                % {"order": ", ".join(str(tables.SOURCE_LABELS.get(s, s)) for s in precedence())},
                "note",
            )
        )
        mirror = self._mirror()
        if mirror is None:
            self._nodata(
                section,
                _("Mirror gap: no declarations of both sides cover the %(period)s.")
                % {"period": self.doc.period},
            )
        else:
            section.add(mirror)

    def _mirror(self) -> Table | None:

        if not self.period.full_year:
            return None
        t = tables.mirror(self.a, self.b)
        rows = [r for r in t.rows if r["year"] == self.period.year and r["gap"] is not None]
        if not rows:
            return None
        source = self._store_sources([self.period.year])
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
                    self._direction(r["direction"]),
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

    def _direction(self, text: str) -> str:
        exporter, _arrow, importer = text.partition(" → ")
        return f"{country_name(exporter)} → {country_name(importer.strip())}"

    def _store_sources(self, years: list[int]) -> tuple[int, ...]:

        out = []
        for r in services.get_store().imports():
            if r.kind == "flows" and set(r.years) & set(years):
                out.append(self.doc.cite(f"{r.source}: {r.file}", r.fictional))
        return tuple(out)

    # -- 2. trade by chain and top products -------------------------------------------------

    def _product_year(self) -> int | None:
        """The year whose product detail the report may use: the period's, when it is a full
        year and a statistics file covers it (product files are annual)."""

        if not self.period.full_year:
            return None
        records = services.get_store().imports()
        years = {y for r in records if r.kind == "flows" for y in r.years}
        return self.period.year if self.period.year in years else None

    def _no_product_detail(self, section: Section) -> None:
        if self.period.full_year:
            why = _("No trade statistics file by product covers the %(period)s.")
        else:
            why = _(
                "Trade by product is published for whole years only: the %(period)s has no "
                "product detail."
            )
        self._nodata(section, why % {"period": self.doc.period})

    def _trade(self, section: Section) -> None:

        year = self._product_year()
        if year is None:
            self._no_product_detail(section)
            return
        sources = self._store_sources([year])
        chain = tables.chain_table(self.a, self.b, year)
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
                            self._direction(r["direction"]),
                            r["value_usd"],
                            r["products"],
                        )
                        for r in chain.rows
                    ),
                    sources,
                )
            )
        else:
            self._nodata(section, _("No trade in the priority chains' products in %(year)s.") % {
                "year": year})  # fmt: skip
        for exporter, importer in ((self.a, self.b), (self.b, self.a)):
            top = tables.top_products(exporter, importer, year, 4, limit=10)
            title = _("Top products exported by %(e)s to %(i)s, %(year)s (HS4, USD million)") % {
                "e": country_name(exporter),
                "i": country_name(importer),
                "year": year,
            }
            if not top.rows:
                self._nodata(section, title + ": " + _("no data"))
                continue
            bars = [(f"{r['code']} {r['description']}", r["value_usd"]) for r in top.rows]
            section.add(Chart(title, charts.bar_chart(title, bars, money=self._money), sources))
            section.add(
                Table(
                    title,
                    (
                        (_("HS code"), "text"),
                        (_("Description"), "text"),
                        (_("Value"), "million"),
                        (_("Share"), "percent"),
                    ),
                    tuple(
                        (r["code"], r["description"], r["value_usd"], r["share"]) for r in top.rows
                    ),
                    sources,
                )
            )
        for declarant, t in tables.target_tracking(self.a, self.b).items():
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
                money=self._money,
            )
            section.add(Chart(title, svg, sources))

    # -- 3. opportunities ---------------------------------------------------------------------

    def _opportunities(self, section: Section) -> None:

        year = self._product_year()
        found = False
        if year is not None:
            sources = self._store_sources([year])
            for exporter, importer in ((self.a, self.b), (self.b, self.a)):
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
            link = tables.linkage(self.a, self.b, year, limit=10)
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
                self._no_product_detail(section)
            else:
                self._nodata(section, _("No world trade matrix covers %(year)s, so potential "
                                        "cannot be estimated.") % {"year": year})  # fmt: skip

    # -- 4. chains ----------------------------------------------------------------------------

    def _chains(self, section: Section) -> None:

        registry = self.doc.cite(_("lienket enterprise registry and match records"))
        if not Enterprise.objects.exists():
            self._nodata(section, _("The enterprise registry is empty."))
            return
        summary = linkage.chain_summary()
        section.add(
            Table(
                _("Coverage of each priority chain by registered enterprises"),
                (
                    (_("Chain"), "text"),
                    (_("Enterprises in %(c)s") % {"c": country_name(self.a)}, "int"),
                    (_("Enterprises in %(c)s") % {"c": country_name(self.b)}, "int"),
                    (_("Stages covered on both sides"), "text"),
                    (_("Gaps"), "int"),
                    (_("Relationships"), "int"),
                ),
                tuple(
                    (
                        chain_name(r["code"]),
                        r["firms"][self.a],
                        r["firms"][self.b],
                        f"{r['covered']} / {r['stages']}",
                        r["gaps"],
                        r["relationships"],
                    )
                    for r in summary
                ),
                (registry,),
            )
        )
        events = MatchEvent.objects.filter(date__gte=self.start, date__lte=self.end)
        steps = events.values_list("status", flat=True)
        counted = dict.fromkeys(MatchStatus.values, 0)
        for s in steps:
            counted[s] += 1
        section.add(
            Figures(
                _("Matches between enterprises in the %(period)s") % {"period": self.doc.period},
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
        agreed = (
            events.filter(status=MatchStatus.AGREEMENT)
            .select_related("match__supplier", "match__buyer")
            .order_by("date", "pk")
        )
        if agreed:
            section.add(
                Table(
                    _("Agreements reached in the period"),
                    ((_("Date"), "date"), (_("Supplier"), "text"), (_("Buyer"), "text")),
                    tuple(
                        (
                            e.date,
                            self._firm(e.match.supplier),
                            self._firm(e.match.buyer),
                        )
                        for e in agreed
                    ),
                    (registry,),
                )
            )

    def _firm(self, e: Any) -> str:
        mark = f" ({_('fictional')})" if getattr(e, "fictional", False) else ""
        return f"{e.name} – {country_name(e.country)}{mark}"

    # -- 5. pilots ----------------------------------------------------------------------------

    def _pilots(self, section: Section) -> None:

        pilots = [
            p
            for p in PilotProject.objects.select_related("zone").prefetch_related("events")
            if p.created.date() <= self.end
        ]
        if not pilots:
            self._nodata(section, _("No pilot linkage project had been selected by the end of "
                                    "the period."))  # fmt: skip
            return
        source = self.doc.cite(_("lienket pilot-project records"))
        rows = []
        for p in sorted(pilots, key=lambda p: (-p.score, p.pk)):
            events = [e for e in p.events.all() if e.date <= self.end]
            status = events[-1].get_status_display() if events else p.get_status_display()
            steps = sum(1 for e in events if e.date >= self.start)
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

    # -- 6. investment and power --------------------------------------------------------------

    def _projects(self, kinds: Iterable[str]) -> list[Any]:

        return list(Project.objects.filter(kind__in=list(kinds)).order_by("kind", "code"))

    def _project_source(self, p: Any) -> int:
        urls = [s.get("url", "") for s in (p.sources or []) if isinstance(s, dict)]
        if p.fictional:
            return self.doc.cite(_("lienket demo project records (fictional)"), True)
        if urls and urls[0]:
            return self.doc.cite(urls[0])
        return self.doc.cite(_("lienket project registry"))

    def _investment(self, section: Section) -> None:

        projects = self._projects((Kind.INVESTMENT, Kind.POWER))
        if not projects:
            self._nodata(section, _("No investment or power project is registered."))
            return
        rates = Rates.load()
        rows = []
        cited = []
        for p in projects:
            cited.append(self._project_source(p))
            usd = None
            if p.budget is not None:
                r = rates.rate(p.currency, self.as_of)
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

    # -- 7. aid -------------------------------------------------------------------------------

    def _aid(self, section: Section) -> None:

        aid = self._projects((Kind.AID,))
        if not aid:
            self._nodata(section, _("No aid-funded project is registered."))
            return

        qs = Project.objects.filter(pk__in=[p.pk for p in aid])
        year = self.period.year
        rows = []
        cited = []
        for pos in projects.positions(qs, year, self.as_of):
            p = pos.project
            line = next((y for y in pos.years if y.year == year), None)
            if line is None and not p.budget:
                continue
            cited.append(self._project_source(p))
            disbursed = line.disbursed if line else None
            allocation = line.allocation if line else None
            rate = float(disbursed / allocation) if disbursed is not None and allocation else None
            rows.append(
                (
                    p.name + (f" ({_('fictional')})" if p.fictional else ""),
                    p.currency or "",
                    _float(p.budget),
                    _float(allocation),
                    _float(disbursed),
                    rate,
                    str(p.get_status_display()),
                )
            )
        if rows:
            section.add(
                Table(
                    _("Aid-funded projects: allocation and disbursement in %(year)s, as of "
                      "%(date)s (in each project's currency, million)")
                    % {"year": year, "date": formats.long_date(self.as_of, self.lang)},
                    (
                        (_("Project"), "text"),
                        (_("Currency"), "text"),
                        (_("Budget"), "million"),
                        (_("Allocation for the year"), "million"),
                        (_("Disbursed"), "million"),
                        (_("Disbursement rate"), "percent"),
                        (_("Status"), "text"),
                    ),
                    tuple(rows),
                    tuple(sorted(set(cited))),
                )
            )  # fmt: skip
        else:
            self._nodata(section, _("No aid project has an allocation or a disbursement in "
                                    "%(year)s.") % {"year": year})  # fmt: skip
        approved = Reallocation.objects.filter(
            status=ProposalStatus.APPROVED,
            decided__date__gte=self.start,
            decided__date__lte=self.end,
        ).prefetch_related("lines__project")
        if not approved:
            section.add(Paragraph(_("No reallocation was approved in the period."), "note"))
            return
        source = self.doc.cite(_("lienket reallocation records"))
        for r in approved.order_by("decided", "pk"):
            section.add(
                Table(
                    _("Reallocation approved on %(date)s by %(who)s (%(currency)s, million)")
                    % {"date": formats.long_date(r.decided.date(), self.lang),
                       "who": r.decided_by_label, "currency": r.currency},
                    (
                        (_("Project"), "text"),
                        (_("Allocation before"), "million"),
                        (_("Allocation after"), "million"),
                    ),
                    tuple(
                        (ln.project.name, _float(ln.before_converted), _float(ln.after_converted))
                        for ln in r.lines.all()
                        if ln.before != ln.after
                    ),
                    (source,),
                    note=r.decision_note,
                )
            )  # fmt: skip

    # -- 8. work plan -------------------------------------------------------------------------

    def _workplan(self, section: Section) -> None:

        plans = WorkPlan.objects.filter(start__lte=self.end, end__gte=self.start).exclude(
            status=PlanStatus.DRAFT
        )
        plan = plans.order_by("-start", "code", "-version").first()
        if plan is None:
            self._nodata(section, _("No agreed work plan covers the period."))
            return
        source = self.doc.cite(
            _("Work plan %(code)s, version %(version)s (lienket)")
            % {"code": plan.code, "version": plan.version},
            getattr(plan, "fictional", False),
        )
        rows = coop.rows(plan, self.as_of)
        summaries = coop.progress(rows, self.as_of)
        states = [s for s, _n in summaries[-1].counts] if summaries else []
        section.add(
            Table(
                _("%(plan)s: activities by state on %(date)s, by leading side")
                % {"plan": plan.title, "date": formats.long_date(self.as_of, self.lang)},
                (
                    (_("Side"), "text"),
                    *((coop.state_label(s), "int") for s in states),
                    (_("Done (share of activities, %%)") % {}, "number"),
                ),
                tuple(
                    (
                        self._side(s.side),
                        *(s.count(st) for st in states),
                        s.done_share,
                    )
                    for s in summaries
                ),
                (source,),
            )
        )
        late = [r for r in rows if r.state == workplan.LATE]
        if late:
            section.add(
                Table(
                    _("Late activities"),
                    ((_("Activity"), "text"), (_("Lead"), "text"), (_("Due"), "date")),
                    tuple((r.activity.title, self._side(r.activity.lead), r.activity.due)
                          for r in late),
                    (source,),
                )
            )  # fmt: skip

    def _side(self, side: str) -> str:
        if side in settings.LIENKET_COUNTRIES:
            return country_name(side)
        if side == "joint":
            return _("Joint")
        return _("All activities")

    # -- 9. training --------------------------------------------------------------------------

    def _training(self, section: Section) -> None:

        courses = (
            Course.objects.filter(start__lte=self.end, end__gte=self.start)
            .prefetch_related("nominations__attended", "sessions")
            .order_by("start", "code")
        )
        if not courses:
            self._nodata(section, _("No training course ran in the period."))
            return
        rows = []
        cited = []
        for c in courses:
            noms = list(c.nominations.all())
            cited.append(self.doc.cite(_("lienket training records"), c.fictional))
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

    # -- 10. next steps -----------------------------------------------------------------------

    def _next_steps(self, section: Section) -> None:
        text = self.next_steps.strip()
        if not text:
            section.add(Paragraph(_("The focal points have not written the next steps."),
                                  "nodata"))  # fmt: skip
            return
        for para in text.replace("\r\n", "\n").split("\n\n"):
            if para.strip():
                section.add(Paragraph(para.strip()))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
