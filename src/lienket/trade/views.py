"""Trade pages: thin views over :mod:`lienket.trade.tables`; every table can be downloaded.

Official trade statistics are public, so the trade pages are open to every visitor, as the
published figures on the home page are.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket import refdata
from lienket.core import audit, datacache, labels, roles
from lienket.core.datalabels import section_short
from lienket.core.decorators import require
from lienket.core.formats import compact_usd, number, percent
from lienket.core.spreadsheet import csv_response, save, sheet, xlsx_response
from lienket.core.templatetags.lienket import country_name
from lienket.engine.errors import DataError, RowError
from lienket.engine.trade import analysis
from lienket.engine.trade import indicators as ind
from lienket.trade import charts, figures, productspace, services, tables, treemap
from lienket.trade.models import PublishedFigure
from lienket.trade.tables import Table


def param_int(request: HttpRequest, name: str, default: int | None, allowed: Any = None) -> Any:
    """An integer query parameter; a malformed or unexpected one is a 400, not a crash."""
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(_("%(name)s must be a whole number") % {"name": name}) from None
    if allowed is not None and value not in allowed:
        raise BadRequest(_("%(name)s has no data for %(value)s") % {"name": name, "value": value})
    return value


def param_float(request: HttpRequest, name: str, default: float) -> float:
    raw = request.GET.get(name, "").replace(",", ".")
    if raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise BadRequest(_("%(name)s must be a number") % {"name": name}) from None


def download(request: HttpRequest, found: list[Table | None]) -> HttpResponse | None:
    """The table named by ``?table=`` as ``?format=csv`` or ``xlsx``, if asked for."""
    fmt = request.GET.get("format")
    if fmt not in ("csv", "xlsx"):
        return None
    wanted = request.GET.get("table", "")
    table = next((t for t in found if t is not None and t.name == wanted), None)
    if table is None:
        raise BadRequest(_("no table %(name)s on this page") % {"name": wanted})
    if fmt == "csv":
        return csv_response(
            table.download_labels(), table.download_values(), f"lienket-{table.name}.csv"
        )
    wb = Workbook()
    sheet(wb, table.name, table.download_labels(), table.download_values())
    return xlsx_response(save(wb), f"lienket-{table.name}.xlsx")


def _imports_used(years: list[int] | None = None) -> list[Any]:
    records = services.get_store().imports()
    return [r for r in records if years is None or set(r.years) & set(years)]


def dashboard(request: HttpRequest) -> HttpResponse:
    a, b = services.pair()
    low = param_float(request, "low", ind.TARGET_LOW * 100) / 100
    high = param_float(request, "high", ind.TARGET_HIGH * 100) / 100
    if not 0 <= low <= high <= 1:
        raise BadRequest(_("the target band must run from a lower to a higher growth rate"))
    store = services.get_store()
    records = store.imports()
    # products need statistics files: a year known only from a published total has none
    store_years = {y for r in records if r.kind == "flows" for y in r.years}
    # the page is computed once per data version (the database's and the trade store's), band,
    # year and level, and kept (``core.datacache``); the request's own parameters are checked
    # against the years first, so a wrong one is refused before anything is looked up
    tracking_years = datacache.memo(
        "trade-years", ("trade",), (services.manifest_stamp(store), a, b, low, high),
        lambda: sorted({row["year"] for t in tables.target_tracking(a, b, low, high).values()
                        for row in t.rows}),
    )  # fmt: skip
    years = sorted(set(tracking_years) & store_years)
    year = param_int(request, "year", years[-1] if years else None, years or None)
    level = param_int(request, "level", 4, (2, 4, 6))
    context, found = datacache.memo(
        "trade-dashboard", ("trade",),
        (services.manifest_stamp(store), a, b, low, high, year, level),
        lambda: _dashboard(a, b, low, high, years, year, level, records),
    )  # fmt: skip
    return download(request, found) or render(request, "trade/dashboard.html", dict(context))


Found = list[Table | None]


def _dashboard(a: str, b: str, low: float, high: float, years: list[int], year: int | None,
               level: int, records: list[Any]) -> tuple[dict[str, Any], Found]:  # fmt: skip
    """What the dashboard shows, and the tables its downloads carry."""
    tracking = tables.target_tracking(a, b, low, high)
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
        "disagreements": figures.disagreements(),
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
    source = services.flow_source(year) or ""
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


def advantage(request: HttpRequest) -> HttpResponse:
    a, b = services.pair()
    options = services.datasets()
    choice = request.GET.get("dataset", "")
    dataset = next((d for d in options if _key(d) == choice), options[0] if options else None)
    if choice and dataset is not None and _key(dataset) != choice:
        raise BadRequest(_("unknown dataset %(name)s") % {"name": choice})
    context: dict[str, Any] = {"a": a, "b": b, "datasets": [(_key(d), d) for d in options]}
    table = summary = None
    if dataset is not None:
        table, summary = tables.advantage(
            a,
            b,
            int(dataset["year"]),
            int(dataset["level"]),
            str(dataset["source"]),
            min_rca=param_float(request, "min_rca", 0.0),
            chain=request.GET.get("chain", ""),
            query=request.GET.get("q", ""),
            sort=request.GET.get("sort", "-rca_b"),
        )
        page = tables.paginate(table.rows, request.GET.get("page"))
        context["space"] = _product_space(a, b, dataset)
        sort = request.GET.get("sort", "-rca_b")
        context.update(dataset=dataset, dataset_key=_key(dataset), table=table, page=page,
                       summary=summary, headers=tables.sort_headers(table, sort))  # fmt: skip
    context["chains"] = services.refdata.chains()
    context["params"] = request.GET
    return download(request, [table]) or render(request, "trade/advantage.html", context)


def _product_space(a: str, b: str, dataset: dict[str, Any]) -> str:

    year, level, source = int(dataset["year"]), int(dataset["level"]), str(dataset["source"])
    result = services.complexity_of(year, level, source)
    if result is None:
        return ""
    store = services.get_store()
    key = (str(store.root), services.manifest_stamp(store), year, level, source, store.public_only)
    found = productspace.layout(result, a, b, key)
    if found is None:
        return ""
    lang = labels.reader_lang()
    names = {"a": labels.country_name(a), "b": labels.country_name(b), "rca": "RCA",
             "both": _("both countries")}  # fmt: skip
    title = _("Product space %(year)s: products exported with comparative advantage") % {
        "year": year
    }
    return productspace.svg(
        found, title, names, tables.hs_label, lambda v: number(v, lang, 2) or ""
    )


def _key(d: dict[str, Any]) -> str:
    return f"{d['year']}-hs{d['level']}-{d['source']}"


def opportunities(request: HttpRequest) -> HttpResponse:
    a, b = services.pair()
    years = sorted({y for d in services.datasets() if d["source"] == "baci" for y in [d["year"]]})
    year = param_int(request, "year", years[-1] if years else None, years or None)
    context: dict[str, Any] = {"a": a, "b": b, "years": years, "year": year}
    found: list[Table | None] = []
    if year is not None:
        pot = [tables.potential(a, b, year), tables.potential(b, a, year)]
        link = tables.linkage(a, b, year)
        found = [*pot, link]
        context.update(potentials=[(a, b, pot[0]), (b, a, pot[1])], linkage=link)
        context["imports"] = _imports_used([year])
        context["fictional"] = any(r.fictional for r in context["imports"])
    return download(request, found) or render(request, "trade/opportunities.html", context)


def sectors(request: HttpRequest) -> HttpResponse:
    years = sorted({s.year for s in services.refdata.adb_sector_indicators()})
    year = param_int(request, "year", years[-1], years)
    table = tables.sectors(year)
    context = {"years": years, "year": year, "table": table}
    return download(request, [table]) or render(request, "trade/sectors.html", context)


def data(request: HttpRequest) -> HttpResponse:
    """The files in the store (the public ones for visitors); a steward marks one public or
    private."""
    store = services.get_store()
    can_publish = roles.is_steward(request.user)
    if request.method == "POST":
        if not can_publish:
            raise PermissionDenied
        import_id, public = request.POST.get("import", ""), request.POST.get("public") == "1"
        try:
            record = store.set_public(import_id, public)
        except KeyError:
            raise Http404 from None
        audit.record(request.user, "updated", None,
                     f"trade import {record.id} ({record.file}) made "
                     f"{'public' if public else 'private'}")  # fmt: skip
        return redirect("trade-data")
    context = {"imports": store.imports(), "edition": store.edition, "can_publish": can_publish}
    return render(request, "trade/data.html", context)


def figures_page(request: HttpRequest) -> HttpResponse:
    """Published figures: everyone reads them; focal points and stewards enter and import."""
    from lienket.trade.forms import FigureForm, FigureImportForm

    pair = list(services.pair())
    declarants = roles.figure_declarants(request.user, pair)
    may_enter = bool(declarants)
    if request.method == "POST" and not may_enter:
        raise PermissionDenied
    context: dict[str, Any] = {"may_enter": may_enter, "pair": pair}
    form = FigureForm(declarants=declarants, pair=pair)
    upload = FigureImportForm()
    status = 200
    if request.method == "POST" and request.POST.get("action") == "verify":
        raw = request.POST.get("figure", "")
        if not raw.isdigit() or len(raw) > 12:
            raise BadRequest(_("no such figure"))
        figure = get_object_or_404(PublishedFigure, pk=int(raw))
        try:
            figures.verify_figure(figure, request.user, pair)
        except figures.VerifyError:
            raise PermissionDenied from None
        messages.success(request, _("The figure is marked as verified against its release."))
        return redirect("trade-figures")
    if request.method == "POST" and request.POST.get("action") == "add":
        form = FigureForm(request.POST, declarants=declarants, pair=pair)
        if form.is_valid():
            row = {k: str(v or "") for k, v in form.cleaned_data.items()}
            style = "vi" if get_language() == "vi" else "en"  # the page's number style
            checked = figures.check_row(row, _("form"), style=style)
            for e in checked.errors:
                form.add_error(e.field if e.field in form.fields else None, e.text(_))
            if not checked.errors:
                figure, created = figures.add_figure(checked.values, request.user)
                context["saved"] = (figure, created)
                form = FigureForm(declarants=declarants, pair=pair)
        status = 400 if form.errors else 200
    elif request.method == "POST":
        upload = FigureImportForm(request.POST, request.FILES)
        if upload.is_valid():
            f = upload.cleaned_data["file"]
            try:
                context["result"] = figures.import_figures(
                    f, f.name, request.user, request.POST.get("action") == "check", declarants
                )
            except DataError as exc:
                context["errors"] = exc.errors[:500]
                context["more_errors"] = len(exc.errors) - 500
                context["error_count"] = len(exc.errors)
                status = 400
    published = tables.published()
    found: list[Table | None] = [published]
    to_verify = [f for f in PublishedFigure.objects.filter(verified__isnull=True)
                 if roles.can_verify_figure(request.user, f, pair)]  # fmt: skip
    context.update(form=form, upload=upload, published=published, to_verify=to_verify,
                   disagreements=figures.disagreements())  # fmt: skip
    return download(request, found) or render(request, "trade/figures.html", context, status=status)


@require(roles.can_upload_trade)
def imports_page(request: HttpRequest) -> HttpResponse:
    """Upload a trade file (focal points and stewards); it is imported in the background."""
    from lienket.trade import jobs
    from lienket.trade.forms import TradeUploadForm
    from lienket.trade.models import TradeImport

    pair = list(services.pair())
    reporters = roles.customs_reporters(request.user, pair)
    form = TradeUploadForm(reporters=reporters, pair=pair)
    status = 200
    if request.method == "POST":
        form = TradeUploadForm(request.POST, request.FILES, reporters=reporters, pair=pair)
        if form.is_valid():
            job = jobs.submit(form.cleaned_data["file"], form.options(), request.user)
            return redirect("trade-import", pk=job.pk)
        status = 400
    recent = TradeImport.objects.select_related("created_by")[:50]
    context = {"form": form, "jobs": recent, "worker": _worker_note()}
    return render(request, "trade/imports.html", context, status=status)


def _worker_note() -> str:
    if settings.LIENKET_IMPORT_WORKER == "external":
        return _("Files wait until the worker (“lienket work”) takes them.")
    return ""


@require(roles.can_upload_trade)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One uploaded file: its progress while it is read, then what was stored or why not."""
    from lienket.trade.models import TradeImport

    job = get_object_or_404(TradeImport.objects.select_related("created_by"), pk=pk)
    errors = [RowError(e["file"], e["row"], e["field"], e["message"], e["params"])
              for e in job.errors]  # fmt: skip
    context = {"job": job, "errors": errors, "more_errors": job.error_count - len(errors),
               "worker": _worker_note()}  # fmt: skip
    return render(request, "trade/import.html", context)
