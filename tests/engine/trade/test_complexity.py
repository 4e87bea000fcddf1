"""Comparative advantage and complexity: hand-computed cases, edge cases and the peer package."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lienket.engine.trade import complexity as cx
from lienket.engine.trade.synthetic import generate_world

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def test_rca_by_hand():
    # A exports 2 of p; B exports 1 of p and 1 of q. World 4: p 3, q 1.
    x = np.array([[2.0, 0.0], [1.0, 1.0]])
    r = cx.rca(x)
    assert r == pytest.approx(np.array([[4 / 3, 0.0], [2 / 3, 2.0]]))
    assert cx.mcp(r).tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_proximity_and_density_by_hand():
    m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    phi = cx.proximity(m)
    # p0 ubiquity 3, p1 1, p2 1; p0-p1 co-exported once: 1 / max(3, 1)
    assert phi[0, 1] == pytest.approx(1 / 3)
    assert phi[1, 2] == 0.0
    assert np.diag(phi).tolist() == [1.0, 1.0, 1.0]
    d = cx.density(m, phi)
    # country 2 has p0 only: density of p1 = φ(1,0) / (φ(1,0) + φ(1,1) + φ(1,2))
    assert d[2, 1] == pytest.approx((1 / 3) / (1 / 3 + 1 + 0))


def test_eci_follows_the_textbook_eigenvector():
    m = np.array([[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 1]], dtype=float)
    eci, pci, determined = cx.eci_pci(m)
    assert determined
    # textbook: M̃cc[c,c'] = Σ_p M[c,p] M[c',p] / (k_c k_p), second eigenvector, sign by diversity
    k_c, k_p = m.sum(1), m.sum(0)
    mcc = np.array(
        [
            [sum(m[c, p] * m[d, p] / (k_c[c] * k_p[p]) for p in range(4)) for d in range(4)]
            for c in range(4)
        ]
    )
    values, vectors = np.linalg.eig(mcc)
    v = np.real(vectors[:, np.argsort(np.real(values))[-2]])
    if np.corrcoef(k_c, v)[0, 1] < 0:
        v = -v
    assert eci == pytest.approx((v - v.mean()) / v.std())
    assert eci.mean() == pytest.approx(0.0, abs=1e-12)
    # in a perfectly nested world complexity follows diversity, and rarity for products
    nested = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0]], dtype=float)
    eci, pci, _ = cx.eci_pci(nested)
    assert eci[0] > eci[1] > eci[2]
    assert pci[2] > pci[1] > pci[0]


def test_edge_cases_give_finite_defined_results():
    # product 2 nobody exports; country 2 exports nothing; country 1 one product
    x = np.array([[5.0, 1.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 0.0], [2.0, 2.0, 0.0]])
    result = cx.complexity(x, ["A", "B", "C", "D"], ["p", "q", "r"])
    assert result.dropped_products == ("r",)
    assert result.dropped_countries == ("C",)
    for name in ("rca", "mcp", "eci", "pci", "density", "coi", "cog", "proximity"):
        assert np.isfinite(getattr(result, name)).all(), name
    empty = cx.complexity(np.zeros((2, 2)), ["A", "B"], ["p", "q"])
    assert empty.countries == () and not empty.determined
    one = cx.complexity(np.array([[1.0]]), ["A"], ["p"])
    assert one.eci.tolist() == [0.0] and not one.determined


def test_rejects_negative_or_mislabelled_input():
    with pytest.raises(ValueError, match="non-negative"):
        cx.complexity(np.array([[-1.0]]), ["A"], ["p"])
    with pytest.raises(ValueError, match="labels"):
        cx.complexity(np.zeros((2, 2)), ["A"], ["p", "q"])


def _peer(frame: pd.DataFrame) -> pd.DataFrame:
    from ecomplexity import ecomplexity

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ecomplexity(
            frame,
            {"time": "year", "loc": "loc", "prod": "prod", "val": "val"},
            check_logsupermodularity=False,
            verbose=False,
        )


def _compare(frame: pd.DataFrame):
    pivot = frame.pivot_table(
        index="loc", columns="prod", values="val", aggfunc="sum", fill_value=0
    )
    mine = cx.complexity(pivot.to_numpy(), list(pivot.index), list(pivot.columns))
    peer = _peer(frame).set_index(["loc", "prod"])
    peer = peer[peer.index.get_level_values(0).isin(mine.countries)]
    ci = np.array([mine.country(c) for c in peer.index.get_level_values(0)])
    pi = np.array([mine.product(p) for p in peer.index.get_level_values(1)])
    return mine, peer, ci, pi


def test_agrees_with_ecomplexity_on_a_generated_world():
    countries = [(str(i), f"C{i:02d}") for i in range(1, 61)]
    products = [f"{i:06d}" for i in range(10000, 10400)]
    w = generate_world(countries, products, 2020, seed=11, destinations=6)
    frame = (
        pd.DataFrame(
            {
                "year": 2020,
                "loc": np.array([c[1] for c in countries])[w.exporter],
                "prod": np.array(products)[w.product],
                "val": w.value_usd,
            }
        )
        .groupby(["year", "loc", "prod"], as_index=False)["val"]
        .sum()
    )
    mine, peer, ci, pi = _compare(frame)
    assert np.abs(mine.rca[ci, pi] - peer["rca"].to_numpy()).max() < 1e-9
    assert np.abs(mine.density[ci, pi] - peer["density"].to_numpy()).max() < 1e-9
    assert np.corrcoef(mine.eci[ci], peer["eci"])[0, 1] >= 0.9999
    assert np.corrcoef(mine.pci[pi], peer["pci"])[0, 1] >= 0.9999
    assert np.abs(mine.eci[ci] - peer["eci"].to_numpy()).max() < 1e-9
    assert np.abs(mine.cog[ci, pi] - peer["cog"].to_numpy()).max() < 1e-9


@pytest.fixture(scope="module")
def ots_2017():
    path = Path(__file__).resolve().parents[3] / "src" / "lienket" / "refdata" / "data" / "trade"
    frame = pd.read_csv(path / "ots_world_exports_hs4_2017.csv.gz", dtype={"product_code": str})
    frame = frame[frame.product_code != "9999"]
    return frame.rename(
        columns={"reporter_iso": "loc", "product_code": "prod", "export_value_usd": "val"}
    ).assign(year=2017)


def test_agrees_with_ecomplexity_on_the_real_2017_world_matrix(ots_2017):
    mine, peer, ci, pi = _compare(ots_2017)
    assert mine.rca.shape == (224, 1221)
    assert np.abs(mine.rca[ci, pi] - peer["rca"].to_numpy()).max() < 1e-9
    assert np.abs(mine.density[ci, pi] - peer["density"].to_numpy()).max() < 1e-9
    assert np.abs(mine.eci[ci] - peer["eci"].to_numpy()).max() < 1e-9
    assert np.abs(mine.pci[pi] - peer["pci"].to_numpy()).max() < 1e-9


def test_eci_matches_the_atlas_of_economic_complexity(ots_2017):
    atlas_file = SHARED / "atlas_complexity" / "atlas_eci_hs92.csv"
    if not atlas_file.exists():
        pytest.skip(
            "the Atlas validation file lives in ../shared/data (validation only, not shipped)"
        )
    atlas = pd.read_csv(atlas_file)
    atlas = atlas[atlas.year == 2017].set_index("location_code")["eci_hs92"]
    frame = ots_2017[ots_2017["loc"].isin(atlas.index)]
    pivot = frame.pivot_table(
        index="loc", columns="prod", values="val", aggfunc="sum", fill_value=0
    )
    mine = cx.complexity(pivot.to_numpy(), list(pivot.index), list(pivot.columns))
    ours = pd.Series(mine.eci, index=mine.countries)
    both = pd.concat([ours, atlas], axis=1, join="inner")
    assert len(both) >= 130
    # different data (OTS HS2007 vs the Atlas's cleaned HS92) yet the same ranking of economies
    assert both.corr().iloc[0, 1] >= 0.97
    assert ours["VNM"] > ours["LAO"]
