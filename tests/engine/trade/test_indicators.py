"""Bilateral indicators on hand-computed cases, and the store-backed analyses on a tiny world."""

from __future__ import annotations

import numpy as np
import pytest

from lienket.engine.trade import analysis
from lienket.engine.trade import indicators as ind
from lienket.engine.trade.store import TradeStore
from lienket.refdata import trade_reference


def test_growth_and_compound_growth():
    assert ind.growth(100, 110) == pytest.approx(0.10)
    assert ind.growth(0, 50) is None  # undefined from a zero year
    assert ind.growth(None, 50) is None
    assert ind.compound_growth(100, 121, 2) == pytest.approx(0.10)
    assert ind.compound_growth(0, 121, 2) is None


def test_mirror_gap_is_cif_fob_aware():
    gap = ind.mirror_gap(exports_fob=100.0, imports_cif=106.0)
    assert gap.imports_fob == pytest.approx(100.0) and gap.gap == pytest.approx(0.0)
    assert ind.mirror_gap(100.0, None).gap is None
    assert ind.mirror_gap(0.0, 10.0).ratio is None


def test_complementarity_intensity_similarity_by_hand():
    # i imports 50/50 of two goods, j exports only the first: TC = 100 (1 - (0.5 + 0.5) / 2) = 50
    assert ind.complementarity(np.array([5.0, 5.0]), np.array([3.0, 0.0])) == pytest.approx(50.0)
    assert ind.complementarity(np.zeros(2), np.array([1.0, 0.0])) is None
    # 10 % of i's exports go to j, which takes 5 % of world imports: intensity 2
    assert ind.intensity(10.0, 100.0, 50.0, 1000.0) == pytest.approx(2.0)
    assert ind.intensity(1.0, 0.0, 5.0, 10.0) is None
    assert ind.export_similarity(np.array([1.0, 1.0]), np.array([1.0, 0.0])) == pytest.approx(50.0)
    assert ind.export_similarity(np.array([1.0, 3.0]), np.array([1.0, 3.0])) == pytest.approx(100.0)


def test_export_potential_adds_up_to_actual_trade_and_ranks_untapped():
    # exporter holds 50 % of world supply of p, 10 % of q; importer buys 100 of each
    p = ind.export_potential(
        ["p", "q"],
        np.array([50.0, 10.0]),
        np.array([100.0, 100.0]),
        np.array([100.0, 100.0]),
        np.array([0.0, 30.0]),
    )
    # hypothetical 50 + 10 = 60, actual 30: ease 0.5, potential 25 and 5
    assert p.ease == pytest.approx(0.5)
    assert p.potential == pytest.approx([25.0, 5.0])
    assert p.potential.sum() == pytest.approx(p.actual.sum())
    assert p.untapped == pytest.approx([25.0, 0.0])
    assert [p.products[i] for i in p.ranked()] == ["p"]
    none = ind.export_potential(
        ["p"], np.array([0.0]), np.array([0.0]), np.array([0.0]), np.array([0.0])
    )
    assert none.ease is None and none.untapped.tolist() == [0.0]


@pytest.fixture
def tiny_store(tmp_path):
    """Three countries, BACI-style: VNM and LAO trade rubber (400122) and tyres (401110)."""
    (tmp_path / "country_codes_V1.csv").write_text(
        "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n156,CN,CN,CHN\n"
    )
    rows = [
        (418, 156, "400122", 80),  # Lao rubber to China
        (418, 704, "400122", 20),  # Lao rubber to Viet Nam
        (156, 704, "400122", 50),  # China's rubber to Viet Nam
        (704, 156, "401110", 300),  # Vietnamese tyres to China
        (704, 418, "401110", 10),
        (156, 418, "401110", 5),
        (156, 704, "847130", 900),
        (704, 156, "847130", 100),
    ]
    for year, scale in ((2022, 1.0), (2023, 1.2)):
        body = "".join(f"{year},{i},{j},{k},{v * scale},1\n" for i, j, k, v in rows)
        (tmp_path / f"BACI_HS17_Y{year}_V1.csv").write_text("t,i,j,k,v,q\n" + body)
    store = TradeStore(tmp_path / "store", reference=trade_reference())
    for year in (2022, 2023):
        store.import_file(tmp_path / f"BACI_HS17_Y{year}_V1.csv", "baci")
    return store


def test_turnover_by_year_from_reconciled_data(tiny_store):
    t = analysis.turnover(tiny_store, "VNM", "LAO")
    series = t.series("baci")
    assert series[2022] == {"exports": 10_000.0, "imports": 20_000.0, "turnover": 30_000.0}
    assert series[2023]["turnover"] == pytest.approx(36_000.0)


def test_world_totals_fall_back_to_mirror_imports(tiny_store):
    imports, basis = analysis.world_totals(tiny_store, "VNM", 2022, "M", 6)
    assert basis == "mirror"
    assert imports["400122"] == pytest.approx(70_000.0)


def test_linkage_candidate_lao_rubber_for_vietnamese_tyres(tiny_store):
    stage_of = {
        "400122": [("chemicals", "raw_material")],
        "401110": [("chemicals", "manufacturing")],
    }
    found = analysis.linkage_candidates(tiny_store, "VNM", "LAO", 2022, stage_of)
    assert found is not None
    lao = [c for c in found if c.supplier == "LAO"]
    assert len(lao) == 1
    c = lao[0]
    assert (c.input_code, c.buyer) == ("400122", "VNM")
    assert c.buyer_world_imports == pytest.approx(70_000.0)
    assert c.buyer_imports_from_supplier == pytest.approx(20_000.0)
    assert c.open_value == pytest.approx(50_000.0)
    assert c.downstream_codes == ("401110",)


def test_chain_flows_both_directions(tiny_store):
    stage_of = {
        "400122": [("chemicals", "raw_material")],
        "401110": [("chemicals", "manufacturing")],
    }
    flows = {
        (f.exporter, f.stage): f.value_usd
        for f in analysis.chain_flows(tiny_store, "VNM", "LAO", 2022, stage_of)
    }
    assert flows == {("VNM", "manufacturing"): 10_000.0, ("LAO", "raw_material"): 20_000.0}


def test_potential_and_empty_store(tiny_store, tmp_path):
    pot = analysis.potential(tiny_store, "LAO", "VNM", 2022)
    assert pot is not None and pot.ease is not None
    assert pot.potential.sum() == pytest.approx(pot.actual.sum())
    empty = TradeStore(tmp_path / "empty", reference=trade_reference())
    assert analysis.export_matrix(empty, 2022) is None
    assert analysis.potential(empty, "LAO", "VNM", 2022) is None
    assert analysis.linkage_candidates(empty, "VNM", "LAO", 2022, {}) is None
    assert analysis.turnover(empty, "VNM", "LAO").years() == []
