"""The value chains and one chain's firms, stages and paths."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket import refdata
from lienket.core import labels, roles
from lienket.core.decorators import require
from lienket.core.vocabulary import Stage
from lienket.linkage import graphs, services

WEIGHT_LABELS = {
    "km": gettext_lazy("shortest"),
    "hours": gettext_lazy("fastest"),
    "usd": gettext_lazy("cheapest"),
}


@require(roles.can_read_registry)
def chains(request: HttpRequest) -> HttpResponse:
    rows = services.chain_summary()
    return render(request, "linkage/chains.html", {"rows": rows})


@require(roles.can_read_registry)
def chain_detail(request: HttpRequest, code: str) -> HttpResponse:
    chain = refdata.chains().get(code)
    if chain is None:
        raise BadRequest(_("unknown chain %(code)s") % {"code": code})
    view, firms = services.chain_view(code)
    a, b = view.countries
    matrix = [
        {
            "stage": st,
            "counts": [view.coverage[(st, a)], view.coverage[(st, b)]],
            "firms": [
                [f for f in firms.values() if f.country == c and st in _stages(view, f.pk)]
                for c in (a, b)
            ],
        }
        for st in chain.stages
    ]
    paths = []
    for (origin, dest), found in view.paths.items():
        paths.append(
            {
                "origin": origin,
                "dest": dest,
                "paths": [[firms[i] for i in p] for p in found],
                "critical": [firms[i] for i in view.critical[(origin, dest)]],
            }
        )
    gaps = [{"gap": g, "description": labels.hs_html(g.code, "HS2022")} for g in view.gaps]
    names = {st: str(dict(Stage.choices).get(st, st)) for st in chain.stages}
    names.update({c: labels.country_name(c) for c in (a, b)})
    words = {
        "title": _("Firms of the chain by stage and country, and who supplies whom"),
        "gap": _("gap: no firm here"),
        "no firm": _("no firm on either side"),
        "more": _("more"),
        "drawn earlier": _("firms, drawn at their first stage"),
        "across the border": _("supplies across the border"),
        "within a country": _("supplies within a country"),
        "firms": _("firms"),
        "counted": _("the number on an arrow: supply relationships between the two boxes"),
    }
    graph = graphs.chain_svg(
        view, chain.stages, names, lambda pk: reverse("enterprise-detail", args=[pk]), words
    )
    return render(
        request,
        "linkage/chain_detail.html",
        {
            "graph": graph,
            "by_cell": 'class="cell"' in graph,
            "code": code,
            "chain": chain,
            "a": a,
            "b": b,
            "matrix": matrix,
            "gaps": gaps,
            "paths": paths,
        },
    )


def _stages(view: Any, firm_id: int) -> tuple[str, ...]:
    return tuple(view.graph.nodes[firm_id].get("stages", ()))
