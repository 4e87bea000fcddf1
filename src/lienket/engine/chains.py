"""A priority value chain as a graph: stages, the enterprises of both countries on them, and
the relationships between those enterprises (networkx).

- **Coverage**: how many firms of each country are on each stage.
- **Gaps**: a stage present in one country with nobody on it across the border, and an input
  of the chain (from the input-requirement table) that firms of one country need while no firm
  across the border makes it.
- **Paths**: chains of supplier→buyer relationships that start at a raw-material firm of one
  country and reach a firm of the other country that has a road to a seaport (for Lao PDR to
  Viet Nam: Lao raw material → … → a Vietnamese firm → a Vietnamese export port); the reverse
  direction too.
- **Critical firms**: firms whose loss leaves no such path at all (every path passes through
  them), found by removing each firm in turn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from lienket.engine.vocabulary import STAGES

SOURCE, SINK = "__source__", "__sink__"


@dataclass(frozen=True)
class ChainFirm:
    id: int
    country: str
    name: str
    stages: tuple[str, ...]
    products: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    port_route: bool = False  # the firm's place has a road to a seaport of the chain's end


@dataclass(frozen=True)
class Gap:
    kind: str  # "stage" or "input"
    stage: str
    code: str
    missing_in: str  # the country where no partner exists
    needed_by: int  # how many firms across the border need it (input) or sit on it (stage)


@dataclass(frozen=True)
class ChainView:
    chain: str
    countries: tuple[str, str]
    coverage: dict[tuple[str, str], int]  # (stage, country) -> firms
    gaps: tuple[Gap, ...]
    paths: dict[tuple[str, str], tuple[tuple[int, ...], ...]]  # (from, to) -> firm id paths
    critical: dict[tuple[str, str], tuple[int, ...]]
    graph: nx.DiGraph


def build(
    chain: str,
    countries: tuple[str, str],
    firms: Sequence[ChainFirm],
    relationships: Iterable[tuple[int, int]],
    inputs_of_chain: Mapping[str, Iterable[str]] | None = None,
    max_paths: int = 20,
) -> ChainView:
    """Place firms on their stages, draw relationships and analyse coverage, gaps and paths.

    ``inputs_of_chain`` maps the chain's output HS4 headings to their input headings.
    """
    g = nx.DiGraph()
    by_id = {f.id: f for f in firms}
    for f in firms:
        g.add_node(f.id, country=f.country, name=f.name, stages=f.stages)
    for seller, buyer in relationships:
        if seller in by_id and buyer in by_id:
            g.add_edge(seller, buyer)
    coverage = {(st, c): 0 for st in STAGES for c in countries}
    for f in firms:
        for st in f.stages:
            if (st, f.country) in coverage:
                coverage[(st, f.country)] += 1
    gaps: list[Gap] = []
    a, b = countries
    for st in STAGES:
        for here, there in ((a, b), (b, a)):
            if coverage[(st, here)] and not coverage[(st, there)]:
                gaps.append(Gap("stage", st, "", there, coverage[(st, here)]))
    makes: dict[str, set[str]] = defaultdict(set)  # country -> HS4 made
    for f in firms:
        makes[f.country] |= {p[:4] for p in f.products}
    needs: dict[tuple[str, str], int] = defaultdict(int)  # (country, hs4) -> firms needing it
    for f in firms:
        declared = {i[:4] for i in f.inputs}
        for p in f.products:
            declared |= set((inputs_of_chain or {}).get(p[:4], ()))
        for head in declared:
            needs[(f.country, head)] += 1
    for (country, head), n in sorted(needs.items()):
        other = b if country == a else a
        if head not in makes[other]:  # nobody across the border makes it
            gaps.append(Gap("input", "", head, other, n))
    paths: dict[tuple[str, str], tuple[tuple[int, ...], ...]] = {}
    critical: dict[tuple[str, str], tuple[int, ...]] = {}
    for origin, dest in ((b, a), (a, b)):
        found, crit = _paths(g, by_id, origin, dest, max_paths)
        paths[(origin, dest)] = found
        critical[(origin, dest)] = crit
    return ChainView(chain, countries, coverage, tuple(gaps), paths, critical, g)


def _flow_graph(
    g: nx.DiGraph, by_id: Mapping[int, ChainFirm], origin: str, dest: str
) -> nx.DiGraph:
    h = nx.DiGraph(g)
    h.add_node(SOURCE)
    h.add_node(SINK)
    for fid, f in by_id.items():
        if f.country == origin and "raw_material" in f.stages:
            h.add_edge(SOURCE, fid)
        if f.country == dest and f.port_route:
            h.add_edge(fid, SINK)
    return h


def _paths(
    g: nx.DiGraph, by_id: Mapping[int, ChainFirm], origin: str, dest: str, limit: int
) -> tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]:
    h = _flow_graph(g, by_id, origin, dest)
    found: list[tuple[int, ...]] = []
    for path in nx.all_simple_paths(h, SOURCE, SINK, cutoff=8):
        firms = tuple(path[1:-1])
        # a path must cross the border: from the origin country into the destination
        if firms and by_id[firms[0]].country == origin and by_id[firms[-1]].country == dest:
            found.append(firms)
        if len(found) >= limit:
            break
    if not found:
        return (), ()
    # a firm is critical when every path from the source to the sink runs through it: it
    # dominates the sink (one pass, instead of removing each firm of a path in turn)
    idom = nx.immediate_dominators(h, SOURCE)
    crit = []
    node = idom[SINK]
    while node != SOURCE:
        crit.append(node)
        node = idom[node]
    crit.sort()
    found.sort(key=lambda p: (len(p), p))
    return tuple(found), tuple(crit)
