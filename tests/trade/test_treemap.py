"""The treemap of exports by HS section: a squarified layout that fills the box, and its SVG."""

from __future__ import annotations

import pytest

from lienket.trade import treemap


def test_squarify_fills_the_box_with_areas_in_proportion():
    values = [60.0, 25.0, 10.0, 4.0, 1.0]
    rects = treemap.squarify(values, 0, 0, 600, 300)
    assert len(rects) == 5
    areas = [w * h for _x, _y, w, h in rects]
    assert sum(areas) == pytest.approx(600 * 300)
    for v, a in zip(values, areas, strict=True):
        assert a / (600 * 300) == pytest.approx(v / 100)
    for x, y, w, h in rects:  # inside the box
        assert x >= -1e-9 and y >= -1e-9 and x + w <= 600 + 1e-6 and y + h <= 300 + 1e-6
    # squarified: no sliver thinner than 1:8 for values this even
    assert all(max(w / h, h / w) < 8 for _x, _y, w, h in rects[:4])


def test_the_svg_has_one_tile_per_section_with_its_label():
    svg = treemap.treemap_svg(
        "Exports",
        [("XVI", "Máy móc", 600.0), ("V", "Khoáng sản", 300.0), ("II", "Rau quả", 0.0)],
        money=lambda v: f"{v:.0f} USD",
        share_text=lambda s: f"{s:.0%}",
    )
    assert svg.count('class="tile"') == 2  # a zero value is no tile
    assert 'data-key="XVI"' in svg and "Máy móc" in svg and "67%" in svg
    assert treemap.treemap_svg("t", [], str, str) == ""


def test_published_figures_for_some_years_are_joined_by_a_dashed_line():
    from lienket.trade import charts

    svg = charts.line_chart(
        "t",
        [charts.Series("published", [(2019, 1.0e9), (2020, 1.1e9), (2023, 1.5e9)])],
        [(y, 1e9 * 1.1 ** (y - 2019), 1e9 * 1.15 ** (y - 2019)) for y in range(2019, 2024)],
        "band",
        bridge=True,
    )
    assert svg.count('class="bridge"') == 1  # 2020 to 2023
    assert svg.count("<circle") == 3 and "<polygon" in svg
