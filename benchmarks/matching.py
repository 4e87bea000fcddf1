"""Partner matching at scale: lienket's indexed Matcher against a pairwise scoring loop.

    .venv/bin/python benchmarks/matching.py [--firms 100000] [--queries 200]

Generates a seeded, fictional registry (both countries, HS6 products and inputs drawn from the
MoU chains and the whole nomenclature, places on the bundled logistics network, existing
relationships), builds the Matcher and prints: the p95 latency of top-10 suggestions over
`--queries` firms (aim: 50 ms or less), the time to suggest partners for every firm in one
batch over two processes (aim: 120 s or less), and the ratio against the straightforward peer
— a Python loop that scores every cross-border pair with the same rules — measured in the same
run on a 5,000-firm sample. The last line reads `p95_ms=… batch_s=… speedup=…`.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time

import numpy as np

from lienket import refdata
from lienket.engine.logistics import Network
from lienket.engine.matching import SIZES, Firm, Matcher, logistics_fit, size_fit

SEED = 4


def registry(n: int, seed: int = SEED) -> tuple[list[Firm], list[tuple[int, int]]]:
    rng = random.Random(seed)
    chain_codes = [p.hs for p in refdata.chain_products() if len(p.hs) >= 4]
    hs6 = [c for c, h in refdata.hs_codes("HS2022").items() if h.level == 6]
    places, _ = refdata.logistics_network()
    by_country = {
        c: [p.id for p in places if p.country == c and p.kind in ("province", "zone")]
        for c in ("VNM", "LAO")
    }
    chains = list(refdata.chains())
    concepts = [f"c{i}" for i in range(40)]
    certs = ["ISO 9001", "ISO 14001", "HACCP", "GMP", "FSC"]

    under: dict[str, list[str]] = {}
    for c in hs6:
        under.setdefault(c[:4], []).append(c)
    heads = [h[:4] for h in chain_codes if h[:4] in under]

    def code() -> str:
        if rng.random() < 0.6:
            return rng.choice(under[rng.choice(heads)])
        return rng.choice(hs6)

    firms = []
    for i in range(n):
        country = "VNM" if rng.random() < 0.7 else "LAO"
        firms.append(
            Firm(
                i + 1,
                country,
                tuple(code() for _ in range(rng.randint(1, 4))),
                tuple(code() for _ in range(rng.randint(0, 4))),
                frozenset(rng.sample(chains, rng.randint(0, 2))),
                rng.choice(SIZES),
                frozenset(rng.sample(certs, rng.randint(0, 1))),
                rng.choice(by_country[country]),
                frozenset(rng.sample(concepts, rng.randint(0, 4))),
            )
        )
    rels = []
    for _ in range(n // 4):
        a, b = rng.randrange(n) + 1, rng.randrange(n) + 1
        if firms[a - 1].country != firms[b - 1].country:
            rels.append((a, b))
    return firms, rels


def matcher(firms: list[Firm], rels: list[tuple[int, int]]) -> Matcher:
    requirements: dict[str, list[str]] = {}
    for r in refdata.input_requirements():
        requirements.setdefault(r.output_hs4, []).append(r.input_hs4)
    places, links = refdata.logistics_network()
    net = Network(places, links)
    ids = sorted({f.place for f in firms})
    table = net.costs_from(ids, "usd")
    return Matcher(firms, rels, requirements, cost=lambda a, b: table[a].get(b))


def pairwise(sample: list[Firm], rels: set[tuple[int, int]], m: Matcher, k: int = 10) -> None:
    """The peer: score every cross-border pair of the sample in plain Python, keep the top k."""
    w = m.weights
    requirements = m.requirements
    for firm in sample:
        scored = []
        for other in sample:
            if other.country == firm.country:
                continue
            fit = 0.0
            for need in firm.inputs:
                for made in other.products:
                    if made == need:
                        fit = max(fit, 1.0)
                    elif made[:4] == need[:4]:
                        fit = max(fit, 0.6)
            for p in firm.products:
                if any(made[:4] in requirements.get(p[:4], ()) for made in other.products):
                    fit = max(fit, 0.8)
            rel = (firm.id, other.id) in rels or (other.id, firm.id) in rels
            if not fit and not rel:
                continue
            cost = m.cost[m.place_names.index(firm.place), m.place_names.index(other.place)]
            chain = 1.0 if firm.chains & other.chains else (0.5 if other.chains else 0.0)
            both = len(firm.concepts) * len(other.concepts)
            text = len(firm.concepts & other.concepts) / both**0.5 if both else 0.0
            certs = (
                1.0
                if firm.certifications & other.certifications
                else (0.5 if other.certifications else 0.0)
            )
            score = (
                w["relationship"] * rel
                + w["product"] * fit
                + w["logistics"] * logistics_fit(None if np.isnan(cost) else float(cost))
                + w["chain"] * chain
                + w["text"] * text
                + w["size"] * size_fit(firm.size, other.size)
                + w["certifications"] * certs
            )
            scored.append((-score, other.id))
        scored.sort()
        scored[:k]


_shared: Matcher | None = None


def _batch_part(ids: list[int]) -> int:
    assert _shared is not None
    return sum(len(_shared.suggest(i)) for i in ids)


def main() -> int:
    global _shared
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sample", type=int, default=5_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    firms, rels = registry(args.firms)
    took = time.perf_counter() - t0
    print(f"generated {len(firms)} firms, {len(rels)} relationships in {took:.1f} s")
    t0 = time.perf_counter()
    m = matcher(firms, rels)
    print(f"index built in {time.perf_counter() - t0:.1f} s", flush=True)
    rng = random.Random(SEED)
    times = []
    for fid in rng.sample([f.id for f in firms], args.queries):
        t = time.perf_counter()
        m.suggest(fid, 10)
        times.append((time.perf_counter() - t) * 1000)
    p95 = float(np.percentile(times, 95))
    print(f"top-10 for one firm: median {np.median(times):.1f} ms, p95 {p95:.1f} ms", flush=True)
    _shared = m
    ids = [f.id for f in firms]
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(2) as pool:
        total = sum(pool.map(_batch_part, [ids[0::2], ids[1::2]]))
    batch_s = time.perf_counter() - t0
    print(f"batch: {total} suggestions for {len(ids)} firms in {batch_s:.1f} s", flush=True)
    sample = firms[: args.sample]
    small = matcher(sample, [r for r in rels if r[0] <= args.sample and r[1] <= args.sample])
    t0 = time.perf_counter()
    for f in sample:
        small.suggest(f.id, 10)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    pairwise(sample, set(rels), small)
    peer = time.perf_counter() - t0
    print(f"{len(sample)}-firm sample: lienket {ours:.1f} s, pairwise loop {peer:.1f} s")
    print(f"p95_ms={p95:.1f} batch_s={batch_s:.1f} speedup={peer / ours:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
