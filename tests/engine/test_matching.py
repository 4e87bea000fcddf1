"""Partner scoring on small hand-made registries."""

from __future__ import annotations

import pytest

from lienket.engine.matching import Firm, Matcher


def firm(fid, country, products=(), inputs=(), **kw):
    return Firm(fid, country, tuple(products), tuple(inputs), **kw)


def test_an_exact_supplier_outranks_a_same_heading_one():
    buyer = firm(1, "VNM", products=["401110"], inputs=["400122"])
    exact = firm(2, "LAO", products=["400122"])
    heading = firm(3, "LAO", products=["400129"])
    unrelated = firm(4, "LAO", products=["090111"])
    m = Matcher([buyer, exact, heading, unrelated])
    found = m.suggest(1, role="supplier")
    assert [s.partner for s in found] == [2, 3]
    assert found[0].parts["product"] > found[1].parts["product"]
    assert ("400122", "400122") in found[0].codes


def test_the_requirement_table_finds_inputs_the_buyer_did_not_declare():
    buyer = firm(1, "VNM", products=["401110"])  # tyres; rubber not declared as an input
    rubber = firm(2, "LAO", products=["400122"])
    m = Matcher([buyer, rubber], requirements={"4011": ["4001"]})
    found = m.suggest(1, role="supplier")
    assert [s.partner for s in found] == [2]
    assert found[0].parts["product"] == pytest.approx(0.8 * 0.25)


def test_an_existing_relationship_outranks_an_equal_stranger():
    buyer = firm(1, "VNM", inputs=["400122"])
    known = firm(2, "LAO", products=["400122"])
    stranger = firm(3, "LAO", products=["400122"])
    m = Matcher([buyer, stranger, known], relationships=[(2, 1)])
    found = m.suggest(1)
    assert [s.partner for s in found][:2] == [2, 3]
    assert found[0].parts["relationship"] > 0 == found[1].parts["relationship"]


def test_nothing_is_ever_matched_within_one_country():
    firms = [
        firm(1, "VNM", inputs=["400122"]),
        firm(2, "VNM", products=["400122"]),
        firm(3, "LAO", inputs=["400122"]),
    ]
    m = Matcher(firms, relationships=[(2, 1)])
    assert m.suggest(1) == []
    assert {s.partner for s in m.suggest(2)} == {3}
    assert all(
        m.firms[m.pos[s.partner]].country != m.firms[m.pos[f]].country
        for f, ss in m.batch().items()
        for s in ss
    )


def test_buyers_of_a_firms_products_and_explanations():
    supplier = firm(1, "LAO", products=["400122"], place="a", chains=frozenset({"agro"}))
    near = firm(2, "VNM", inputs=["400122"], place="b", chains=frozenset({"agro"}))
    far = firm(3, "VNM", inputs=["400122"], place="c")
    costs = {("a", "b"): 20.0, ("a", "c"): 200.0}
    m = Matcher([supplier, near, far], cost=lambda x, y: costs.get((x, y), costs.get((y, x), 0.0)))
    found = m.suggest(1, role="buyer")
    assert [s.partner for s in found] == [2, 3]
    assert found[0].role == "buyer" and found[0].cost_usd_per_tonne == 20.0
    assert found[0].parts["logistics"] > found[1].parts["logistics"]
    assert "trade evidence absent" in found[0].notes
    assert found[0].score == pytest.approx(sum(found[0].parts.values()))


def test_trade_evidence_counts_when_present_and_text_across_languages():
    buyer = firm(1, "VNM", inputs=["400122"], concepts=frozenset({"rubber", "tyre"}))
    a = firm(2, "LAO", products=["400122"], concepts=frozenset({"rubber"}))
    b = firm(3, "LAO", products=["400122"])
    m = Matcher(
        [buyer, a, b], rca=lambda country, hs4: 8.0 if (country, hs4) == ("LAO", "4001") else None
    )
    found = m.suggest(1)
    assert found[0].partner == 2 and found[0].parts["text"] > 0
    assert found[0].parts["trade"] == pytest.approx(0.07)
    assert "trade evidence absent" not in found[0].notes


def test_deterministic_ties_by_id():
    buyer = firm(1, "VNM", inputs=["400122"])
    others = [firm(i, "LAO", products=["400122"]) for i in (9, 5, 7)]
    m = Matcher([buyer, *others])
    assert [s.partner for s in m.suggest(1)] == [5, 7, 9]


def _random_registry(n: int, seed: int) -> list[Firm]:
    import random

    rng = random.Random(seed)
    heads = [f"{h:04d}" for h in range(4001, 4031)]
    codes = [h + f"{s:02d}" for h in heads for s in (10, 20, 90)]
    out = []
    for i in range(n):
        country = "VNM" if i % 2 else "LAO"
        out.append(
            firm(
                i + 1,
                country,
                products=rng.sample(codes, 2),
                inputs=rng.sample(codes, 3),
                size=rng.choice(["micro", "small", "medium", "large"]),
            )
        )
    return out


def test_it_gives_the_same_suggestions_from_eight_threads_as_from_one():
    # issue 8 - a scratch array shared by threads mixed up concurrent suggestion lists
    from concurrent.futures import ThreadPoolExecutor

    firms = _random_registry(600, seed=8)
    m = Matcher(firms, requirements={"4011": ["4001", "4002"]})
    ids = [f.id for f in firms] * 4
    expected = {i: m.suggest(i, k=10) for i in set(ids)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda i: (i, m.suggest(i, k=10)), ids))
    differing = [i for i, s in got if s != expected[i]]
    assert differing == []
    assert sum(len(s) for s in expected.values()) > 0
