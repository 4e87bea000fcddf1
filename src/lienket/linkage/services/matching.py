"""Suggested partners: one matcher per view of the data, built once behind a lock."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Count, Max

from lienket import refdata
from lienket.engine.matching import Firm, Matcher, Suggestion
from lienket.linkage.models import Match, MatchEvent, MatchStatus
from lienket.linkage.services.places import (
    network,
    place_of,
)
from lienket.registry.models import Enterprise, Relationship
from lienket.trade import services as trade


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
