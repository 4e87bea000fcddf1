"""Ranking pilot linkage candidates, with the evidence for each criterion."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import datacache, formats
from lienket.engine.trade import analysis
from lienket.linkage.models import Match, MatchStatus, PilotWeights
from lienket.linkage.services.chains import (
    all_firms,
)
from lienket.linkage.services.matching import (
    rca_lookup,
)
from lienket.registry.models import Enterprise, Relationship, ZoneKind
from lienket.trade import services as trade

REGION_SCORE = {
    ZoneKind.PILOT_PARK: 1.0,
    ZoneKind.SPECIAL_ECONOMIC_ZONE: 1.0,
    ZoneKind.BORDER_ECONOMIC_ZONE: 1.0,
    ZoneKind.SPECIFIC_ECONOMIC_ZONE: 0.7,
    ZoneKind.ECONOMIC_ZONE: 0.7,
    ZoneKind.INDUSTRIAL_PARK: 0.4,
}


def region_score(kind: str) -> float:
    """Priority region: the pilot park, SEZs and border zones first (the MoU's priorities)."""
    return REGION_SCORE.get(kind, 0.2)


@dataclass
class Criterion:
    key: str
    value: float | None
    weight: float
    evidence: str

    @property
    def contribution(self) -> float:
        return (self.value or 0.0) * self.weight


@dataclass
class PilotCandidate:
    key: str
    chain: str
    zone: Any
    province: str
    country: str
    enterprises: list[Enterprise]
    products: list[str]
    criteria: list[Criterion]

    @property
    def score(self) -> float:
        return sum(c.contribution for c in self.criteria)


def pilot_candidates(weights: dict[str, float] | None = None) -> list[PilotCandidate]:
    """Candidates (a chain in a zone or province, with its firms and their partners) ranked
    (kept by data version: callers must not change them)."""
    chosen = weights or PilotWeights.current().as_dict()
    key = (trade.manifest_stamp(trade.get_store()), *sorted(chosen.items()))
    return datacache.memo("pilots", ("registry", "linkage", "trade"), key,
                          lambda: _pilot_candidates(chosen))  # fmt: skip


def _pilot_candidates(weights: dict[str, float]) -> list[PilotCandidate]:
    rca = rca_lookup()
    rels = list(Relationship.objects.values_list("supplier_id", "buyer_id"))
    traded: dict[int, set[int]] = defaultdict(set)  # existing relationships only
    for s, b in rels:
        traded[s].add(b)
    partners: dict[int, set[int]] = defaultdict(set)  # relationships and live matches
    for s, b in rels:
        partners[s].add(b)
        partners[b].add(s)
    for s, b in Match.objects.exclude(status=MatchStatus.DECLINED).values_list(
        "supplier_id", "buyer_id"
    ):
        partners[s].add(b)
        partners[b].add(s)
    everyone = {e.pk: e for e in all_firms()}
    potential = _potential_by_chain()
    out = []
    for chain, info in refdata.chains().items():
        groups: dict[tuple[Any, str, str], list[Enterprise]] = defaultdict(list)
        for e in everyone.values():
            if chain in e.chain_list:
                groups[(e.zone_id, e.province_code if not e.zone_id else "", e.country)].append(e)
        for (zone_id, province, country), firms in groups.items():
            members = {e.pk: e for e in firms}
            for e in firms:
                for p in partners.get(e.pk, ()):
                    if p in everyone and everyone[p].country != e.country:
                        members[p] = everyone[p]
            products = sorted({c for e in members.values() for c in e.product_codes})
            chain_codes = [c for c in products if chain in refdata.chains_of_hs(c)]
            cross = sum(
                1
                for s in members
                for b in traded.get(s, ())
                if b in members and members[s].country != members[b].country
            )
            best_rca = None
            if rca is not None:
                pair = settings.LIENKET_COUNTRIES[:2]  # issue 25 - the pair was hard-coded
                values = [rca(ctry, c[:4]) for c in chain_codes for ctry in pair]
                best_rca = max((v for v in values if v is not None), default=0.0)
            stages = {st for e in members.values() for st in e.stage_list} & set(info.stages)
            zone = firms[0].zone if zone_id else None
            pot = potential.get(chain)
            n_codes, n_all = len(chain_codes), len(products)
            if best_rca is None:
                advantage = (None, _("trade evidence absent: no world export matrix loaded"))
            else:
                advantage = (
                    min(best_rca, 4.0) / 4.0,
                    _("highest RCA in the chain's products: %(v)s")
                    % {"v": formats.number(best_rca, translation.get_language() or "en", 2)},
                )
            if pot is None:
                potential_ = (None, _("trade evidence absent: no bilateral data by product"))
            else:
                potential_ = (pot, _("untapped potential relative to the largest chain"))
            values_ = {
                "relationships": (
                    min(cross, 5) / 5,
                    _("%(n)s cross-border relationships among the participants") % {"n": cross},
                ),
                "advantage": advantage,
                "potential": potential_,
                "completeness": (
                    len(stages) / len(info.stages),
                    _("%(n)s of %(m)s stages covered") % {"n": len(stages), "m": len(info.stages)},
                ),
                "region": (
                    region_score(zone.kind if zone else ""),
                    str(zone.get_kind_display()) if zone else _("no zone"),
                ),
                "specialisation": (
                    n_codes / n_all if n_all else 0.0,
                    _("%(n)s of %(m)s products in the chain") % {"n": n_codes, "m": n_all},
                ),
            }
            criteria = [
                Criterion(key, value, weights[key], evidence)
                for key, (value, evidence) in values_.items()
            ]
            key = f"{chain}:{zone_id or province}:{country}"
            out.append(
                PilotCandidate(
                    key,
                    chain,
                    zone,
                    province,
                    country,
                    list(members.values()),
                    chain_codes,
                    criteria,
                )
            )
    out.sort(key=lambda c: (-c.score, c.key))
    return out


def _potential_by_chain() -> dict[str, float]:
    """Untapped potential of each chain (both directions, latest BACI year), scaled to 0..1;
    computed once for each state of the trade store (and view of it) in this process."""
    store = trade.get_store()
    pair = tuple(settings.LIENKET_COUNTRIES[:2])
    stamp = trade.manifest_stamp(store)
    return dict(_potential_cached(str(store.root), stamp, store.public_only, pair))


@lru_cache(maxsize=4)  # keyed by the store's stamp: an import makes the old entry unreachable
def _potential_cached(
    root: str, stamp: float, public_only: bool, pair: tuple[str, ...]
) -> tuple[tuple[str, float], ...]:
    store = trade.store_at(root, public_only)
    years = [
        r_year
        for r in store.imports()
        if r.kind == "flows" and r.source == "baci"
        for r_year in r.years
    ]
    if not years:
        return ()
    year = int(max(years))
    a, b = pair
    stage_of = trade.stage_of()
    totals: Counter[str] = Counter()
    for exporter, importer in ((a, b), (b, a)):
        pot = analysis.potential(store, exporter, importer, year, 6, "baci")
        if pot is None:
            continue
        for i, code in enumerate(pot.products):
            if not refdata.promoted(code):  # never a reason to pick a pilot
                continue
            for chain, _stage in stage_of.get(code, ()):
                totals[chain] += float(pot.untapped[i])
    top = max(totals.values(), default=0.0)
    return tuple((c, v / top) for c, v in sorted(totals.items())) if top > 0 else ()
