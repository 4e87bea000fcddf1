"""The trade dashboard: turnover against the target, products, chains, mirror."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import datacache, labels
from lienket.core.datalabels import section_short
from lienket.core.formats import compact_usd, percent
from lienket.core.templatetags.lienket import country_name
from lienket.engine.trade import analysis
from lienket.engine.trade import indicators as ind
from lienket.trade import charts, figures, services, tables, treemap
from lienket.trade.models import PublishedFigure
from lienket.trade.tables import Table
from lienket.trade.views.common import (
    download,
    param_float,
    param_int,
)


def dashboard(request: HttpRequest) -> HttpResponse:
    a, b = services.pair()
    # without a band in the request, each year's band is the target recorded for it, else the
    # configured default (issue 27); a band in the request is a what-if applied to every year
    default = settings.LIENKET_DEFAULT_TRADE_BAND or (ind.TARGET_LOW, ind.TARGET_HIGH)
    what_if = "low" in request.GET or "high" in request.GET
    low = param_float(request, "low", default[0] * 100) / 100
    high = param_float(request, "high", default[1] * 100) / 100
    if not 0 <= low <= high <= 1:
        raise BadRequest(_("the target band must run from a lower to a higher growth rate"))
    band: tuple[float | None, float | None] = (low, high) if what_if else (None, None)
    store = services.get_store()
    records = store.imports()
    # products need statistics files: a year known only from a published total has none
    store_years = {y for r in records if r.kind == "flows" for y in r.years}
    # the page is computed once per data version (the database's and the trade store's), band,
    # year and level, and kept (``core.datacache``); the request's own parameters are checked
    # against the years first, so a wrong one is refused before anything is looked up
    tracking_years = datacache.memo(
        "trade-years", ("trade",), (services.manifest_stamp(store), a, b, *band),
        lambda: sorted({row["year"] for t in tables.target_tracking(a, b, *band).values()
                        for row in t.rows}),
    )  # fmt: skip
    years = sorted(set(tracking_years) & store_years)
    year = param_int(request, "year", years[-1] if years else None, years or None)
    level = param_int(request, "level", 4, (2, 4, 6))
    context, found = datacache.memo(
        "trade-dashboard", ("trade",),
        (services.manifest_stamp(store), a, b, low, high, what_if, year, level),
        lambda: _dashboard(a, b, low, high, years, year, level, records, what_if),
    )  # fmt: skip
    return download(request, found) or render(request, "trade/dashboard.html", dict(context))


Found = list[Table | None]


def _dashboard(a: str, b: str, low: float, high: float, years: list[int], year: int | None,
               level: int, records: list[Any],
               what_if: bool = False) -> tuple[dict[str, Any], Found]:  # fmt: skip
    """What the dashboard shows, and the tables its downloads carry."""
    tracking = tables.target_tracking(a, b, *((low, high) if what_if else (None, None)))
    published = tables.published()
    found: list[Table | None] = [published, *tracking.values()]
    context: dict[str, Any] = {
        "a": a,
        "b": b,
        "low": low * 100,
        "high": high * 100,
        "published": published,
        "published_charts": _published_charts(a, b, low, high),
        "tracking": [(d, t, _tracking_chart(d, t, low, high, a)) for d, t in tracking.items()],
        "years": years,
        "year": year,
        "level": level,
        "precedence": [str(tables.SOURCE_LABELS.get(s, s)) for s in services.precedence()],
        "figure_checks": figures.checks(),
    }
    if year is not None:
        products = [
            tables.top_products(a, b, year, level),
            tables.top_products(b, a, year, level),
        ]
        chain = tables.chain_table(a, b, year)
        mirror = tables.mirror(a, b)
        found += [*products, chain, mirror]
        context.update(
            treemaps=_treemaps(a, b, year),
            products=[
                (t, charts.bar_chart(title, _top_bars(t)), title)
                for t, title in zip(products, _product_titles(a, b, year, level), strict=True)
            ],
            chain=chain,
            mirror=mirror if any(r["gap"] is not None for r in mirror.rows) else None,
            mirror_partial=mirror,
        )
    context["imports"] = [r for r in records if set(r.years) & set(years)]
    context["fictional"] = any(r.fictional for r in context["imports"])
    return context, found


def _top_bars(table: Table) -> list[tuple[str, float]]:
    return [(f"{r['code']} {r['description']}", r["value_usd"]) for r in table.rows[:10]]


def _product_titles(a: str, b: str, year: int, level: int) -> list[str]:
    """Each direction's title, naming the year, the HS level and whose declaration is used."""
    found = services.flow_source(year)
    source = str(tables.SOURCE_LABELS.get(found, found)) if found else _("no data")
    return [
        _("Exports of %(e)s to %(i)s, %(year)s, HS%(level)s; source: %(source)s")
        % {"e": country_name(e), "i": country_name(i), "year": year, "level": level,
           "source": source}
        for e, i in ((a, b), (b, a))
    ]  # fmt: skip


def _tracking_chart(declarant: str, table: Table, low: float, high: float, a: str) -> str:
    rows = [r for r in table.rows if r["period"] == str(r["year"])]  # full years only
    band = [(r["year"], r["band_low"], r["band_high"]) for r in rows]
    return charts.line_chart(
        _("Turnover as declared by %(who)s") % {"who": labels.country_name(declarant)},
        [
            charts.Series(_("Turnover"), [(r["year"], r["turnover"]) for r in rows]),
            charts.Series(
                _("Exports of %(country)s") % {"country": labels.country_name(declarant)},
                [(r["year"], r["exports"]) for r in rows],
            ),
            charts.Series(
                _("Imports of %(country)s") % {"country": labels.country_name(declarant)},
                [(r["year"], r["imports"]) for r in rows],
            ),
        ],
        band,
        _("target band %(low)s–%(high)s %% a year")
        % {"low": f"{low * 100:g}", "high": f"{high * 100:g}"},
    )


def _treemaps(a: str, b: str, year: int) -> list[tuple[str, str]]:
    """Each direction's exports by HS section as a treemap: (title, svg)."""

    lang = labels.reader_lang()
    hs = refdata.hs_codes("HS2017")
    out = []
    for exporter, importer in ((a, b), (b, a)):
        values = analysis.by_product(
            services.get_store(), exporter, importer, year, 2, services.flow_source(year)
        )
        by_section: dict[str, float] = {}
        for chapter, v in values.items():
            section = hs[chapter].section if chapter in hs else ""
            by_section[section] = by_section.get(section, 0.0) + v
        items = [
            (s or "?", section_short(s) if s else _("unclassified"), v)
            for s, v in by_section.items()
        ]
        title = _("Exports of %(from)s to %(to)s in %(year)s by HS section") % {
            "from": labels.country_name(exporter), "to": labels.country_name(importer), "year": year
        }  # fmt: skip
        svg = treemap.treemap_svg(
            title, items, lambda v: compact_usd(v, lang) or "", lambda s: percent(s, lang) or ""
        )
        out.append((title, svg))
    return out


def _published_charts(a: str, b: str, low: float, high: float) -> list[str]:
    """One chart per declarant: its published two-way totals for full years, joined across
    years with no figure by a dashed line, and the target band grown from its first year."""
    from lienket.trade.models import Flow

    series: dict[str, dict[int, float]] = {}
    totals = PublishedFigure.objects.filter(product_group="", flow=Flow.TOTAL, fictional=False)
    for f in totals.order_by("year"):
        if f.period.full_year and {f.declarant, f.partner} == {a, b}:
            series.setdefault(f.declarant, {})[f.year] = float(f.value_usd)
    out = []
    for who, points in sorted(series.items()):
        first = min(points)
        base = points[first]
        band = [
            (y, base * (1 + low) ** (y - first), base * (1 + high) ** (y - first))
            for y in range(first, max(points) + 1)
        ]
        out.append(
            charts.line_chart(
                _("Published two-way trade as declared by %(who)s")
                % {"who": labels.country_name(who)},
                [charts.Series(_("published total"), sorted(points.items()))],
                band if len(band) > 1 else [],
                _("target band %(low)s–%(high)s %% a year from %(year)s")
                % {"low": f"{low * 100:g}", "high": f"{high * 100:g}", "year": first},
                bridge=True,
            )
        )
    return out
