"""The chain drawn as a graph: its structure (not its pixels), and a screenshot at 1366 px."""

from __future__ import annotations

import re

import pytest

from lienket.engine.chains import ChainFirm, build
from lienket.linkage import graphs

WORDS = {
    "title": "t", "gap": "gap", "no firm": "none", "more": "more", "drawn earlier": "earlier",
    "across the border": "across", "within a country": "within",
}  # fmt: skip
STAGES = ("raw_material", "processing", "manufacturing")
NAMES = {"raw_material": "R", "processing": "P", "manufacturing": "M", "VNM": "VN", "LAO": "LA"}


def _view(firms, rels):
    return build("rubber", ("VNM", "LAO"), firms, rels)


def test_firms_edges_and_gaps_are_drawn():
    firms = [
        ChainFirm(1, "LAO", "Lao plantation", ("raw_material",)),
        ChainFirm(2, "LAO", "Lao processor", ("processing",)),
        ChainFirm(3, "VNM", "VN tyre maker", ("manufacturing",)),
        ChainFirm(4, "VNM", "VN processor", ("processing",)),
    ]
    svg = graphs.chain_svg(
        _view(firms, [(1, 2), (2, 3), (4, 3)]), STAGES, NAMES, lambda pk: f"/e/{pk}/", WORDS
    )
    assert svg.count('class="firm"') == 4
    assert svg.count('class="edge cross"') == 1  # Lao processor -> VN tyre maker
    assert svg.count('class="edge"') == 2
    # Viet Nam has no raw-material firm, Lao PDR no manufacturer: two gaps
    assert svg.count('class="gap"') == 2
    assert 'href="/e/3/"' in svg and "VN tyre maker" in svg
    assert re.search(r"<text[^>]*>R</text>", svg) and re.search(r"<text[^>]*>LA</text>", svg)


WORDS.update({"firms": "firms", "counted": "counted"})


def test_a_crowded_stage_is_counted_not_drawn():
    firms = [ChainFirm(i, "VNM", f"Firm {i}", ("processing",)) for i in range(1, 16)]
    svg = graphs.chain_svg(_view(firms, []), STAGES, NAMES, str, WORDS)
    assert svg.count('class="firm"') == graphs.PER_CELL
    assert f"+{15 - graphs.PER_CELL} more" in svg


def test_a_large_chain_is_drawn_by_stage_and_country():
    """Issue 26, part 7: at demo size the graph was a hairball. Above ``DETAIL_MAX`` firms each
    stage and country is one box with its count (names on hover), and each pair of boxes one
    arrow with the number of relationships it stands for."""
    firms = [ChainFirm(i, "LAO", f"Lao farm {i}", ("raw_material",)) for i in range(1, 16)]
    firms += [ChainFirm(i, "VNM", f"VN mill {i}", ("processing",)) for i in range(16, 31)]
    firms += [ChainFirm(31, "VNM", "VN plant", ("manufacturing",))]
    rels = [(i, 16 + (i % 15)) for i in range(1, 16)]  # 15 across the border
    rels += [(16 + k, 31) for k in range(4)] + [(16, 17)]  # 5 within Viet Nam
    svg = graphs.chain_svg(_view(firms, rels), STAGES, NAMES, str, WORDS)
    assert 'class="firm"' not in svg and "<circle" not in svg
    cells = dict(re.findall(r'<g class="cell" data-firms="(\d+)"><title>([^<]*)</title>', svg))
    assert set(cells) == {"15", "1"} and svg.count('class="cell"') == 3
    assert "Lao farm 1" in cells["15"] or "VN mill 16" in cells["15"]
    links = re.findall(r'<g class="link( cross)?" data-relationships="(\d+)">', svg)
    assert sorted((bool(c), int(n)) for c, n in links) == [(False, 1), (False, 4), (True, 15)]
    assert sum(int(n) for _c, n in links) == len(rels)
    assert svg.count('class="gap"') == 3  # no Lao mill nor plant, no Vietnamese farm


@pytest.mark.django_db
def test_the_chain_page_carries_the_graph(registry, client_for, reader):
    client = client_for(reader)
    client.cookies["django_language"] = "vi"
    page = client.get("/chains/materials/").content.decode()
    svg = page[page.index('class="chart chain-graph"') : page.index("</svg>")]
    assert "Nguyên liệu" in svg or "nguyên liệu" in svg  # stage names in Vietnamese
    assert "Lào" in svg
    assert 'class="firm"' in svg
