"""Chain coverage, gaps, paths and critical firms on a hand-made chain."""

from __future__ import annotations

from lienket.engine.chains import ChainFirm, build


def test_coverage_gaps_paths_and_critical_firms():
    firms = [
        ChainFirm(1, "LAO", "Lao rubber farm", ("raw_material",), ("400110",)),
        ChainFirm(2, "LAO", "Lao rubber processor", ("processing",), ("400122",), ("400110",)),
        ChainFirm(
            3, "VNM", "VN tyre maker", ("manufacturing",), ("401110",), ("400122",), port_route=True
        ),
        ChainFirm(4, "VNM", "VN distributor", ("distribution",), (), (), port_route=True),
        ChainFirm(5, "LAO", "Lao second farm", ("raw_material",), ("400110",)),
    ]
    view = build(
        "agro", ("VNM", "LAO"), firms, [(1, 2), (5, 2), (2, 3), (3, 4)], {"4011": ["4001", "2803"]}
    )
    assert view.coverage[("raw_material", "LAO")] == 2
    assert view.coverage[("raw_material", "VNM")] == 0
    stage_gaps = {(g.stage, g.missing_in) for g in view.gaps if g.kind == "stage"}
    assert ("raw_material", "VNM") in stage_gaps and ("manufacturing", "LAO") in stage_gaps
    input_gaps = {(g.code, g.missing_in) for g in view.gaps if g.kind == "input"}
    assert ("2803", "LAO") in input_gaps  # carbon black: nobody in Lao PDR makes it
    paths = view.paths[("LAO", "VNM")]
    assert (1, 2, 3) in paths and (5, 2, 3) in paths
    # both Lao farms feed the one processor, and the one tyre maker: those two are critical
    assert view.critical[("LAO", "VNM")] == (2, 3)
    assert view.paths[("VNM", "LAO")] == ()


def test_critical_firms_are_those_every_path_runs_through():
    """Issue 25: the critical firms come from the sink's dominators in one pass; on random
    chains they are exactly the firms whose removal cuts every path (the former rule)."""
    import random

    import networkx as nx

    from lienket.engine.chains import SINK, SOURCE, _flow_graph

    rng = random.Random(25)
    checked = 0
    for _ in range(300):
        n = rng.randint(3, 12)
        firms = [
            ChainFirm(
                i,
                rng.choice(("LAO", "VNM")),
                f"firm {i}",
                (rng.choice(("raw_material", "processing", "distribution")),),
                port_route=rng.random() < 0.4,
            )
            for i in range(n)
        ]
        rels = [(a, b) for a in range(n) for b in range(n) if a != b and rng.random() < 0.25]
        view = build("rubber", ("VNM", "LAO"), firms, rels)
        by_id = {f.id: f for f in firms}
        for (origin, dest), crit in view.critical.items():
            if not view.paths[(origin, dest)]:
                continue
            h = _flow_graph(view.graph, by_id, origin, dest)
            on_paths = sorted({f for p in view.paths[(origin, dest)] for f in p})
            brute = []
            for f in on_paths:
                trimmed = h.copy()
                trimmed.remove_node(f)
                if not nx.has_path(trimmed, SOURCE, SINK):
                    brute.append(f)
            assert list(crit) == brute
            checked += 1
    assert checked > 50
