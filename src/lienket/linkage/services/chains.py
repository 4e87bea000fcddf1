"""Value chains seen through the registry: each chain's firms, graph, gaps and paths."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from django.conf import settings

from lienket import refdata
from lienket.core import datacache
from lienket.engine import chains as chain_engine
from lienket.linkage.services.places import (
    network,
    place_of,
)
from lienket.registry.models import Enterprise, Relationship


@cache
def reaches_port(place: str) -> bool:
    """Whether a place has a road to a Vietnamese seaport (the network never changes)."""
    net = network()
    reachable = net.costs_from([place], "km")[place]
    return any(p.kind == "port" and p.id in reachable for p in net.places.values())


def all_firms() -> list[Enterprise]:
    """Every enterprise with its zone and products loaded (one query each)."""
    return list(Enterprise.objects.select_related("zone").prefetch_related("products"))


def chain_view(
    chain: str, everyone: list[Enterprise] | None = None
) -> tuple[chain_engine.ChainView, dict[int, Enterprise]]:
    """The chain's graph and analysis; ``everyone`` saves reloading firms chain by chain."""
    firms = [
        e for e in (everyone if everyone is not None else all_firms()) if chain in e.chain_list
    ]
    a, b = settings.LIENKET_COUNTRIES[:2]

    def port_route(e: Enterprise) -> bool:
        place = place_of(e)
        return bool(place) and reaches_port(place)

    stage_map = refdata.chain_stages_of_hs6("HS2022")
    cf = []
    for e in firms:
        stages = set(e.stage_list)
        for code in e.product_codes:
            stages |= {st for ch, st in stage_map.get(code, ()) if ch == chain}
        firm = chain_engine.ChainFirm(
            e.pk,
            e.country,
            e.name,
            tuple(sorted(stages)),
            tuple(e.product_codes),
            tuple(e.input_codes),
            port_route(e),
        )
        cf.append(firm)
    ids = {e.pk for e in firms}
    rels = [
        (s, b_)
        for s, b_ in Relationship.objects.values_list("supplier_id", "buyer_id")
        if s in ids and b_ in ids
    ]
    inputs = defaultdict(list)
    for r in refdata.input_requirements():
        if r.chain == chain:
            inputs[r.output_hs4].append(r.input_hs4)
    view = chain_engine.build(chain, (a, b), cf, rels, inputs)
    return view, {e.pk: e for e in firms}


def chain_summary() -> list[dict[str, Any]]:
    """Each priority chain's firms by country, stages covered on both sides, gaps,
    relationships and paths: the chains page and the periodic report (kept by data version:
    callers must not change it)."""
    return datacache.memo("chain-summary", ("registry", "linkage"), (), _chain_summary)


def _chain_summary() -> list[dict[str, Any]]:
    rows = []
    everyone = all_firms()
    for code, chain in refdata.chains().items():
        view, firms = chain_view(code, everyone)
        a, b = view.countries
        rows.append(
            {
                "code": code,
                "chain": chain,
                "firms": {c: sum(1 for f in firms.values() if f.country == c) for c in (a, b)},
                "relationships": view.graph.number_of_edges(),
                "covered": sum(
                    1 for st in chain.stages if view.coverage[(st, a)] and view.coverage[(st, b)]
                ),
                "stages": len(chain.stages),
                "gaps": len(view.gaps),
                "paths": sum(len(p) for p in view.paths.values()),
            }
        )
    return rows
