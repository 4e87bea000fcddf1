"""Comparative advantage, product space, opportunities, sectors and the data loaded."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lienket.core import audit, labels, roles
from lienket.core.formats import number
from lienket.trade import productspace, services, tables
from lienket.trade.tables import Table
from lienket.trade.views.common import (
    _imports_used,
    download,
    param_float,
    param_int,
)


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
