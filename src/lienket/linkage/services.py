"""The registry seen by the chain, matching and logistics engines; pilot-project ranking."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import audit, datacache, roles
from lienket.core.models import AuditAction
from lienket.engine import chains as chain_engine
from lienket.engine.logistics import Network
from lienket.engine.matching import DEFAULT_WEIGHTS, Firm, Matcher, Suggestion
from lienket.engine.trade import analysis
from lienket.linkage.models import TRANSITIONS, Match, MatchEvent, MatchStatus, PilotWeights
from lienket.registry import selectors as registry_selectors
from lienket.registry import services as registry_services
from lienket.registry.models import Enterprise, Relationship, ZoneKind
from lienket.trade import services as trade

DEFAULT_PARTS = tuple(DEFAULT_WEIGHTS)


@cache
def network() -> Network:
    places, links = refdata.logistics_network()
    return Network(places, links)


def place_of(enterprise: Enterprise) -> str:
    """The network place of a firm: its zone when the zone is on the map, else its province."""
    net = network()
    if enterprise.zone_id and f"zone:{enterprise.zone.code}" in net.places:
        return f"zone:{enterprise.zone.code}"
    node = f"province:{enterprise.country}:{enterprise.province_code}"
    return node if node in net.places else ""


def _version() -> tuple[Any, ...]:
    e = Enterprise.objects.aggregate(n=Count("pk"), last=Max("updated"))
    # a visitor's view of the trade store (public imports only) gets a matcher of its own
    store = trade.get_store()
    stamp = trade.manifest_stamp(store)
    return (e["n"], e["last"], Relationship.objects.count(), stamp, store.public_only)


#: the matchers of this process, one per view of the data (visitors and enterprise users see the
#: public trade only), keyed by the data's version: at most one per view, built once behind the
#: lock however many threads ask at the same time (issue 25)
_matchers: OrderedDict[tuple[Any, ...], Matcher] = OrderedDict()
_matchers_lock = threading.Lock()
MATCHER_VIEWS = 2
#: how many times each kept matcher was built (read by the tests; bounded with them)
matcher_builds: Counter[tuple[Any, ...]] = Counter()


def requirements() -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in refdata.input_requirements():
        out[r.output_hs4].append(r.input_hs4)
    return dict(out)


def rca_lookup() -> Any:
    """RCA by (country, HS4) from the latest world matrix in the trade store, or ``None``."""
    options = [d for d in trade.datasets() if d["level"] == 4]
    if not options:
        return None
    d = options[0]
    result = trade.complexity_of(int(d["year"]), 4, str(d["source"]))
    if result is None:
        return None
    rows = {c: i for i, c in enumerate(result.countries)}
    cols = {p: j for j, p in enumerate(result.products)}

    def rca(country: str, hs4: str) -> float | None:
        if country not in rows or hs4 not in cols:
            return None
        return float(result.rca[rows[country], cols[hs4]])

    return rca


def matcher() -> Matcher:
    """A Matcher over the whole registry for the reader's view, rebuilt when the registry or
    trade data change."""
    key = _version()
    found = _matchers.get(key)
    if found is not None:
        return found
    with _matchers_lock:
        found = _matchers.get(key)  # another thread may have built it while this one waited
        if found is None:
            found = _build_matcher()
            matcher_builds[key] += 1
            _matchers[key] = found
            while len(_matchers) > MATCHER_VIEWS:
                gone, _ = _matchers.popitem(last=False)
                matcher_builds.pop(gone, None)
        else:
            _matchers.move_to_end(key)
        return found


def _build_matcher() -> Matcher:
    firms = []
    qs = Enterprise.objects.select_related("zone").prefetch_related("products")
    for e in qs:
        firms.append(
            Firm(
                e.pk,
                e.country,
                tuple(e.product_codes),
                tuple(e.input_codes),
                frozenset(e.chain_list),
                e.size_class or "",
                frozenset(c.strip().upper() for c in e.certifications.split(",") if c.strip()),
                place_of(e),
                refdata.concepts_of(e.description),
            )
        )
    rels = list(Relationship.objects.values_list("supplier_id", "buyer_id"))
    net = network()
    places = sorted({f.place for f in firms if f.place})
    costs = net.costs_from(places, "usd")
    return Matcher(
        firms, rels, requirements(), cost=lambda a, b: costs.get(a, {}).get(b), rca=rca_lookup()
    )


def suggestions(enterprise: Enterprise, k: int = 10) -> list[Suggestion]:
    return matcher().suggest(enterprise.pk, k)


@transaction.atomic
def shortlist(enterprise: Enterprise, suggestion: Suggestion, user: Any) -> Match:
    """Keep a suggestion as a match (status shortlisted), or return the pair's existing match."""
    partner = Enterprise.objects.get(pk=suggestion.partner)
    supplier, buyer = (
        (partner, enterprise) if suggestion.role == "supplier" else (enterprise, partner)
    )
    match, created = Match.objects.get_or_create(
        supplier=supplier,
        buyer=buyer,
        defaults={
            "status": MatchStatus.SHORTLISTED,
            "score": suggestion.score,
            "parts": suggestion.parts,
            "codes": [list(c) for c in suggestion.codes],
            "created_by": user,
        },
    )
    if created:
        MatchEvent.objects.create(match=match, status=MatchStatus.SHORTLISTED, by=user)
    return match


class TransitionError(ValueError):
    pass


class ConflictError(TransitionError):
    """Someone else moved the match first: this step was made from a status it no longer has."""


def agreement_sides(match: Match, user: Any) -> list[str]:
    """The sides (``supplier``, ``buyer``) for which ``user`` may confirm an agreement or consent
    to disclosure: a firm's own users speak for it; a focal point of the firm's country (or a
    steward) speaks for a firm that has no user of its own (``roles.speaks_for``)."""
    return [side for side in ("supplier", "buyer") if roles.speaks_for(user, getattr(match, side))]


def disclosure(match: Match) -> dict[str, bool]:
    """Whether each side consented to show the other its private fields."""
    supplier, buyer = registry_selectors.consents(match.supplier, match.buyer)
    return {"supplier": supplier, "buyer": buyer}


def set_disclosure(match: Match, user: Any, share: bool) -> list[str]:
    """Give (``share``) or revoke, for the sides ``user`` speaks for, the consent to show the
    other firm of the match its tax id, workforce, figures and contacts (issue 24). The other
    firm sees them once both sides consented. Returns the sides changed."""
    sides = agreement_sides(match, user)
    if not sides:
        raise TransitionError(
            _("only the enterprise itself (or, for a firm without a user, its country's focal "
              "point) consents to disclose its data")
        )  # fmt: skip
    if share and match.status == MatchStatus.DECLINED:
        raise TransitionError(_("this match was declined"))
    changed = []
    for side in sides:
        firm, other = (
            (match.supplier, match.buyer) if side == "supplier" else (match.buyer, match.supplier)
        )
        if registry_services.disclose(firm, other, user, share):
            changed.append(side)
    return changed


def advance(match: Match, status: str, note: str, date: Any, user: Any) -> Match:
    """Move a match along the workflow, as one conditional step.

    The step is written only if the match still has the status it was read with; otherwise
    :class:`ConflictError` (two people stepping one match at once: exactly one wins). An agreement
    needs both sides' confirmation (see :func:`agreement_sides`); the second one makes it an
    agreement and a registry relationship.
    """
    with transaction.atomic(), audit.acting(user):
        return _advance(match, status, note, date, user)


def _advance(match: Match, status: str, note: str, date: Any, user: Any) -> Match:
    if status not in TRANSITIONS[match.status]:
        # a step the match has already taken (someone else was first) or a step asked of a
        # closed match conflicts with its current state (409); skipping ahead or a status the
        # workflow does not know is a bad request
        taken = (
            status == match.status
            or not TRANSITIONS[match.status]
            or match.events.filter(status=status).exists()
        )
        raise (ConflictError if taken else TransitionError)(
            _("a match cannot go from %(old)s to %(new)s")
            % {"old": match.get_status_display(), "new": status}
        )
    last = match.events.order_by("-date").first()
    if last is not None and date is not None and date < last.date:
        raise TransitionError(
            _("the date cannot be before the previous step (%(date)s)") % {"date": last.date}
        )
    old = match.status
    fresh = Match.objects.filter(pk=match.pk, status=old)
    if status == MatchStatus.AGREEMENT:
        sides = agreement_sides(match, user)
        if not sides:
            raise TransitionError(
                _("an agreement is confirmed by each of the two enterprises (or, for a firm "
                  "without a user, by its country's focal point)")
            )  # fmt: skip
        who = audit.label(user)
        if who in (match.supplier_agreed, match.buyer_agreed):
            raise TransitionError(
                _("you confirmed this agreement already: the other side confirms it")
            )
        # duties separated (issue 24): one person confirms one side, never both
        sides = [s for s in sides if not getattr(match, f"{s}_agreed")][:1]
        for side in sides:
            field = f"{side}_agreed"
            if fresh.filter(**{field: ""}).update(**{field: who}) == 0 and not fresh.exists():
                raise ConflictError(_("someone else changed this match first; reload it"))
            audit.record(user, AuditAction.UPDATED, match,
                         f"confirmed the agreement for the {side}",
                         {field: ["", who]})  # fmt: skip
        match.refresh_from_db()
        if not (match.supplier_agreed and match.buyer_agreed):
            return match  # waiting for the other side
    taken = fresh.update(status=status, updated=timezone.now())
    if taken == 0:
        raise ConflictError(_("someone else changed this match first; reload it"))
    match.refresh_from_db()
    audit.record(user, AuditAction.UPDATED, match, f"status {old} → {status}",
                 {"status": [old, status]})  # fmt: skip
    if status == MatchStatus.AGREEMENT and match.relationship_id is None:
        match.relationship = _agreed_relationship(match, date, user)
        match.save(update_fields=["relationship"])
    if status == MatchStatus.DECLINED:  # a declined match discloses nothing any more
        for firm, other in ((match.supplier, match.buyer), (match.buyer, match.supplier)):
            registry_services.disclose(firm, other, user, consent=False)
    MatchEvent.objects.create(match=match, status=status, note=note, date=date, by=user)
    return match


def _agreed_relationship(match: Match, date: Any, user: Any) -> Relationship:
    """The relationship an agreement stands for: the pair's existing one, confirmed, if they
    already trade (the one for the matched product first), else a new one."""
    # issue 8 - an agreement between firms that already trade used to add a second relationship
    code = match.codes[0][0] if match.codes else ""
    code = code if len(code) == 6 else ""
    existing = Relationship.objects.filter(supplier=match.supplier, buyer=match.buyer)
    rel = existing.filter(hs_code=code).first() or existing.order_by("pk").first()
    if rel is not None:
        audit.record(
            user, AuditAction.UPDATED, rel, f"confirmed by the agreement of match {match.pk}"
        )
        return rel
    rel = Relationship.objects.create(
        supplier=match.supplier,
        buyer=match.buyer,
        hs_code=code,
        notes=_("agreed through a lienket match"),
        since=date.year if date else None,
        fictional=match.supplier.fictional or match.buyer.fictional,
    )
    audit.record(user, AuditAction.CREATED, rel, f"agreement of match {match.pk}")
    return rel


# --- chains -----------------------------------------------------------------------------


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


# --- pilot projects ---------------------------------------------------------------------

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
                    _("highest RCA in the chain's products: %(v).2f") % {"v": best_rca},
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
            for chain, _stage in stage_of.get(code, ()):
                totals[chain] += float(pot.untapped[i])
    top = max(totals.values(), default=0.0)
    return tuple((c, v / top) for c, v in sorted(totals.items())) if top > 0 else ()
