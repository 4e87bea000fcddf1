"""Cross-border partner matching: suppliers whose products are a firm's inputs, and buyers
whose inputs are its products, scored and explained.

A suggestion's score is a weighted sum of parts, each between 0 and 1 (weights in
:data:`DEFAULT_WEIGHTS`, replaceable):

- ``relationship`` — the two firms already trade (either direction). Weighted most, as the
  MoU asks that business pairs which already trade come first.
- ``product`` — 1.0 for the exact HS6 code (the supplier makes what the buyer declares it
  needs), 0.8 when the chain's input-requirement table (HS4) says the supplier's heading is an
  input of the buyer's product, 0.6 for the same HS4 heading only.
- ``logistics`` — ``1 / (1 + cost / 50)`` with the cheapest road cost per tonne (USD) between
  the two firms' places through the border gates; 0.5 when a place is unknown.
- ``chain`` — 1 when the two share an MoU priority chain, 0.5 when the candidate is in one.
- ``text`` — overlap of the product concepts found in the two descriptions (Vietnamese, Lao and
  English words mapped to shared concepts by a bundled glossary; cosine of the concept sets).
- ``trade`` — comparative advantage of the supplier's country in the matched heading,
  ``min(RCA, 4) / 4``, when trade evidence is loaded; otherwise 0 and the suggestion says that
  trade evidence is absent.
- ``size`` — 1 for the same size class, 0.75 / 0.4 / 0.2 for one, two, three classes apart.
- ``certifications`` — 1 for a certification in common, 0.5 when the candidate has any.

Firms of the same country are never suggested to each other. Results are deterministic: ties
are broken by firm id.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lienket.engine.vocabulary import RANKED_SIZES

DEFAULT_WEIGHTS: dict[str, float] = {
    "relationship": 0.30,
    "product": 0.25,
    "logistics": 0.12,
    "chain": 0.08,
    "text": 0.08,
    "trade": 0.07,
    "size": 0.05,
    "certifications": 0.05,
}
SIZES = RANKED_SIZES
EXACT, REQUIRED, HEADING = 1.0, 0.8, 0.6


@dataclass(frozen=True)
class Firm:
    """What matching needs to know about an enterprise."""

    id: int
    country: str
    products: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    chains: frozenset[str] = frozenset()
    size: str = ""
    certifications: frozenset[str] = frozenset()
    place: str = ""
    concepts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Suggestion:
    """A suggested partner, its role towards the firm, its score and why."""

    partner: int
    role: str  # "supplier" (partner sells to the firm) or "buyer" (partner buys from it)
    score: float
    parts: dict[str, float]
    codes: tuple[tuple[str, str], ...]  # (partner's code, firm's code) pairs that matched
    cost_usd_per_tonne: float | None
    notes: tuple[str, ...] = ()


#: Size fit by how many classes apart two firms are; UNKNOWN when either size is not known.
SIZE_STEPS = np.array([1.0, 0.75, 0.4, 0.2])
UNKNOWN = 0.5
#: The road cost per tonne (USD) at which the logistics part is halved.
COST_SCALE = 50.0


def size_fit(a: str, b: str) -> float:
    if a not in SIZES or b not in SIZES:
        return UNKNOWN
    return float(SIZE_STEPS[abs(SIZES.index(a) - SIZES.index(b))])


def logistics_fit(cost: float | None) -> float:
    return UNKNOWN if cost is None else 1.0 / (1.0 + cost / COST_SCALE)


class Matcher:
    """An index over a registry that answers top-k partner suggestions quickly.

    ``requirements`` maps an output HS4 heading to the HS4 headings it needs as inputs;
    ``cost(place_a, place_b)`` gives the road cost per tonne between two places (or ``None``);
    ``rca(country, hs4)`` gives the country's revealed comparative advantage, or ``None`` when
    no trade evidence is loaded.
    """

    def __init__(
        self,
        firms: Sequence[Firm],
        relationships: Iterable[tuple[int, int]] = (),
        requirements: Mapping[str, Iterable[str]] | None = None,
        cost: Callable[[str, str], float | None] | None = None,
        rca: Callable[[str, str], float | None] | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> None:
        self.firms = list(firms)
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        self.pos = {f.id: i for i, f in enumerate(self.firms)}
        self.requirements = {k: frozenset(v) for k, v in (requirements or {}).items()}
        self.used_by: dict[str, set[str]] = defaultdict(set)
        for out, ins in self.requirements.items():
            for i in ins:
                self.used_by[i].add(out)
        self.rca = rca
        n = len(self.firms)
        countries = sorted({f.country for f in self.firms})
        self.country = np.array([countries.index(f.country) for f in self.firms], dtype=np.int16)
        self.countries = countries
        self.size = np.array(
            [SIZES.index(f.size) if f.size in SIZES else -1 for f in self.firms], dtype=np.int8
        )
        self.chain_bits = self._bits([f.chains for f in self.firms])
        self.cert_bits = self._bits([f.certifications for f in self.firms])
        self.concept_bits = self._bits([f.concepts for f in self.firms])
        places = sorted({f.place for f in self.firms if f.place})
        self.place_names = places
        self.place = np.array(
            [places.index(f.place) if f.place else -1 for f in self.firms], dtype=np.int32
        )
        # cost matrix between the (few) distinct places
        self.cost = np.full((len(places), len(places)), np.nan)
        if cost is not None:
            for row, here in enumerate(places):
                for col, there in enumerate(places):
                    value = cost(here, there)
                    self.cost[row, col] = np.nan if value is None else value
        self.partners: dict[int, set[int]] = defaultdict(set)
        for seller, buyer in relationships:
            if seller in self.pos and buyer in self.pos:
                self.partners[self.pos[seller]].add(self.pos[buyer])
                self.partners[self.pos[buyer]].add(self.pos[seller])
        self.makers6, self.makers4 = self._postings(n, "products")
        self.needers6, self.needers4 = self._postings(n, "inputs")
        self.partners = dict(self.partners)
        self.used_by = dict(self.used_by)
        for array in (self.country, self.size, self.chain_bits, self.cert_bits):
            array.setflags(write=False)
        for array in (self.concept_bits, self.place, self.cost):
            array.setflags(write=False)

    @staticmethod
    def _bits(sets: list[frozenset[str]]) -> np.ndarray:
        """Each set as a bit mask over its vocabulary (up to 64 distinct values; more fold)."""
        vocab = sorted({v for s in sets for v in s})
        index = {v: i % 64 for i, v in enumerate(vocab)}
        out = np.zeros(len(sets), dtype=np.uint64)
        for k, s in enumerate(sets):
            mask = 0
            for v in s:
                mask |= 1 << index[v]
            out[k] = mask
        return out

    def _postings(self, n: int, attr: str) -> tuple[dict[tuple[int, str], np.ndarray], ...]:
        six: dict[tuple[int, str], list[int]] = defaultdict(list)
        four: dict[tuple[int, str], list[int]] = defaultdict(list)
        for i, f in enumerate(self.firms):
            c = int(self.country[i])
            codes = getattr(f, attr)
            for code in set(codes):
                six[(c, code)].append(i)
            for head in {code[:4] for code in codes}:
                four[(c, head)].append(i)
        return (
            {k: np.array(v, dtype=np.int64) for k, v in six.items()},
            {k: np.array(v, dtype=np.int64) for k, v in four.items()},
        )

    # --- queries --------------------------------------------------------------------------

    def suggest(self, firm_id: int, k: int = 10, role: str = "both") -> list[Suggestion]:
        """The ``k`` best partners across the border for one firm, best first."""
        e = self.pos[firm_id]
        firm = self.firms[e]
        out: list[Suggestion] = []
        for r in ("supplier", "buyer"):
            if role in (r, "both"):
                out += self._side(e, firm, r, k)
        out.sort(key=lambda s: (-s.score, s.partner, s.role))
        best: dict[int, Suggestion] = {}
        for s in out:  # a partner may fit both ways: keep its better role
            best.setdefault(s.partner, s)
        return list(best.values())[:k]

    def batch(self, k: int = 10) -> dict[int, list[Suggestion]]:
        """Suggestions for every firm (the same as calling :meth:`suggest` for each)."""
        return {f.id: self.suggest(f.id, k) for f in self.firms}

    def _side(self, e: int, firm: Firm, role: str, k: int) -> list[Suggestion]:
        own = int(self.country[e])
        # issue 8 - a scratch array per call: the matcher is shared by the server's threads,
        # so nothing in it may be written after construction (its arrays are read-only)
        fit = np.zeros(len(self.firms))
        touched: list[np.ndarray] = []
        matched: dict[int, list[tuple[str, str]]] = defaultdict(list)
        others = [c for c in range(len(self.countries)) if c != own]

        def mark(ids: np.ndarray | None, value: float, pair: tuple[str, str]) -> None:
            if ids is None or not len(ids):
                return
            fit[ids] = np.maximum(fit[ids], value)  # ids are unique within a posting list
            touched.append(ids)
            if len(ids) <= 64:  # explanations for the few; the score does not depend on them
                for i in ids.tolist():
                    matched[i].append(pair)

        if role == "supplier":  # partners that make what the firm needs
            mine, exact, heads = firm.inputs, self.makers6, self.makers4
        else:  # partners that need what the firm makes
            mine, exact, heads = firm.products, self.needers6, self.needers4
        for o in others:
            for code in mine:
                mark(exact.get((o, code)), EXACT, (code, code))
                mark(heads.get((o, code[:4])), HEADING, (code[:4], code))
            for p in firm.products:
                if role == "supplier":  # makers of the headings this product needs
                    for head in self.requirements.get(p[:4], ()):
                        mark(self.makers4.get((o, head)), REQUIRED, (head, p[:4]))
                else:  # makers of products that need this heading
                    for out_head in self.used_by.get(p[:4], ()):
                        mark(self.makers4.get((o, out_head)), REQUIRED, (out_head, p[:4]))
        partners = [i for i in self.partners.get(e, ()) if int(self.country[i]) != own]
        touched.append(np.array(partners, dtype=np.int64))
        cand = np.unique(np.concatenate(touched))
        product = fit[cand]
        cand_mask = self.country[cand] != own
        cand, product = cand[cand_mask], product[cand_mask]
        if not len(cand):
            return []
        return self._score(e, firm, role, cand, product, matched, set(partners), k)

    def _score(
        self,
        e: int,
        firm: Firm,
        role: str,
        cand: np.ndarray,
        product: np.ndarray,
        matched: dict[int, list[tuple[str, str]]],
        partners: set[int],
        k: int,
    ) -> list[Suggestion]:
        w = self.weights
        rel = np.isin(cand, np.fromiter(partners, dtype=np.int64, count=len(partners)))
        shared = (self.chain_bits[cand] & self.chain_bits[e]) != 0
        chain = np.where(shared, 1.0, np.where(self.chain_bits[cand] != 0, 0.5, 0.0))
        a = np.bitwise_count(self.concept_bits[cand] & self.concept_bits[e]).astype(float)
        na = np.bitwise_count(self.concept_bits[cand]).astype(float)
        nb = float(np.bitwise_count(self.concept_bits[e]))
        with np.errstate(divide="ignore", invalid="ignore"):
            text = np.where(na * nb > 0, a / np.sqrt(na * nb), 0.0)
        ds = np.abs(self.size[cand].astype(int) - int(self.size[e]))
        unknown = (self.size[cand] < 0) | (self.size[e] < 0)
        size = np.where(unknown, UNKNOWN, SIZE_STEPS[np.minimum(ds, len(SIZE_STEPS) - 1)])
        common = (self.cert_bits[cand] & self.cert_bits[e]) != 0
        certs = np.where(common, 1.0, np.where(self.cert_bits[cand] != 0, 0.5, 0.0))
        pe = self.place[e]
        if pe >= 0 and self.cost.size:
            pc_ = self.place[cand]
            raw = np.where(pc_ >= 0, self.cost[pe, np.maximum(pc_, 0)], np.nan)
        else:
            raw = np.full(len(cand), np.nan)
        logistics = np.where(np.isnan(raw), UNKNOWN, 1.0 / (1.0 + np.nan_to_num(raw) / COST_SCALE))
        base = (
            w.get("relationship", 0) * rel
            + w.get("product", 0) * product
            + w.get("chain", 0) * chain
            + w.get("text", 0) * text
            + w.get("size", 0) * size
            + w.get("certifications", 0) * certs
            + w.get("logistics", 0) * logistics
        )
        # trade evidence: the supplier country's best RCA in the headings this firm needs (or
        # sells); one value per country, so it is looked up once per query
        trade_by_country = self._trade(firm, role)
        known = np.array([trade_by_country.get(c) is not None for c in range(len(self.countries))])
        trade_vec = np.array([trade_by_country.get(c) or 0.0 for c in range(len(self.countries))])
        cc = self.country[cand]
        trade = trade_vec[cc]
        total = base + w.get("trade", 0) * trade
        order = np.lexsort((cand, -total))[:k]
        out = []
        for j in order.tolist():
            i = int(cand[j])
            parts = {
                "relationship": float(rel[j]) * w.get("relationship", 0),
                "product": float(product[j]) * w.get("product", 0),
                "logistics": float(logistics[j]) * w.get("logistics", 0),
                "chain": float(chain[j]) * w.get("chain", 0),
                "text": float(text[j]) * w.get("text", 0),
                "trade": float(trade[j]) * w.get("trade", 0),
                "size": float(size[j]) * w.get("size", 0),
                "certifications": float(certs[j]) * w.get("certifications", 0),
            }
            notes = []
            if not known[cc[j]]:
                notes.append("trade evidence absent")
            if math.isnan(raw[j]):
                notes.append("logistics cost unknown")
            cost = None if math.isnan(raw[j]) else float(raw[j])
            out.append(
                Suggestion(
                    self.firms[i].id,
                    role,
                    round(float(total[j]), 6),
                    parts,
                    tuple(sorted(set(matched.get(i, ()))))[:6],
                    cost,
                    tuple(notes),
                )
            )
        return out

    def _trade(self, firm: Firm, role: str) -> dict[int, float | None]:
        """``min(RCA, 4) / 4`` of each possible supplier country, ``None`` without evidence."""
        if self.rca is None:
            return {}
        if role == "supplier":
            heads = {c[:4] for c in firm.inputs}
            for p in firm.products:
                heads |= set(self.requirements.get(p[:4], ()))
            countries = [c for c in self.countries if c != firm.country]
        else:
            heads = {c[:4] for c in firm.products}
            countries = [firm.country]
        out: dict[int, float | None] = {}
        for country in countries:
            values = [v for h in heads if (v := self.rca(country, h)) is not None]
            out[self.countries.index(country)] = min(max(values), 4.0) / 4.0 if values else None
        if role == "buyer":  # the firm itself is the supplier: same value for every candidate
            value = out.get(self.countries.index(firm.country))
            out = dict.fromkeys(range(len(self.countries)), value)
        return out
