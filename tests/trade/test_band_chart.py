"""Issue 26: the target chart drew one band from the first year to the last, across years with
no figure, so a year could look inside a band the table says it is below. Each year's band
comes from the year before: consecutive years are joined, a year on its own is a bar."""

from __future__ import annotations

import re

from lienket.trade import charts


def _band_shapes(svg: str) -> tuple[list[str], list[str]]:
    polygons = re.findall(r'<polygon points="([^"]+)" fill="#e4f1e4"', svg)
    bars = re.findall(r'<rect [^>]*fill="#e4f1e4"', svg)
    return polygons, bars


def test_a_gap_in_the_data_stays_a_gap_in_the_band():
    band = [(2018, 990.0, 1035.0), (2023, 1760.0, 1840.0), (2024, 1900.0, 1990.0)]
    series = [charts.Series("Turnover", [(2017, 900.0), (2022, 1600.0), (2023, 1700.0)])]
    polygons, bars = _band_shapes(charts.line_chart("t", series, band, "band"))
    assert len(bars) == 1  # 2018 alone
    assert len(polygons) == 1 and len(polygons[0].split()) == 4  # 2023-2024: two points each way


def test_consecutive_years_make_one_band():
    band = [(y, 100.0 + y, 110.0 + y) for y in range(2019, 2024)]
    series = [charts.Series("Turnover", [(y, 100.0 + y) for y in range(2018, 2024)])]
    polygons, bars = _band_shapes(charts.line_chart("t", series, band, "band"))
    assert not bars and len(polygons) == 1 and len(polygons[0].split()) == 10


def test_growth_is_rounded_not_cut():
    # Django's number_format cut 0.1499999 (14.99999 %) to "14.9 %"
    from django.utils import translation

    from lienket.trade.templatetags.trade import cell

    with translation.override("vi"):
        assert cell(0.1499999, "percent") == "15,0 %"
        assert cell(1_234_567.6, "usd") == "1.234.568"
    with translation.override("en"):
        assert cell(0.1499999, "percent") == "15.0%"
        assert cell(0.996, "ratio") == "1.00"  # cut, it was "0.99"
