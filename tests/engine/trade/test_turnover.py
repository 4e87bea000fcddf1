"""Turnover chosen from one source, the Committee's band on the previous year, part years."""

from __future__ import annotations

import pytest

from lienket.engine.trade.turnover import Observation, Period, series, total_disagrees


def obs(flow, period, value, source="customs", label="file", fictional=False, published=""):
    p = Period.parse(period) if isinstance(period, str) else Period(period)
    return Observation("VNM", "LAO", flow, p, value, source, label, fictional, published)


def by_period(figures):
    return {str(f.period): f for f in figures}


def test_it_never_adds_two_sources_of_the_same_figure():
    # issue 8 - customs 2.2 bn plus a Comtrade file for the same year showed 3.09 bn
    found = by_period(
        series(
            [
                obs("exports", 2024, 0.9e9, "customs"),
                obs("imports", 2024, 1.3e9, "customs"),
                obs("exports", 2024, 0.4e9, "comtrade"),
                obs("imports", 2024, 0.49e9, "comtrade"),
            ],
            "VNM",
            "LAO",
        )
    )
    f = found["2024"]
    assert f.turnover == pytest.approx(2.2e9)
    assert f.source == "customs"
    (alt,) = f.alternatives
    assert alt.source == "comtrade" and alt.turnover == pytest.approx(0.89e9)
    assert alt.difference == pytest.approx(0.89e9 - 2.2e9)


def test_a_published_total_takes_precedence_and_the_order_is_configurable():
    data = [
        obs("exports", 2024, 0.9e9),
        obs("imports", 2024, 1.3e9),
        obs("total", 2024, 2.25e9, "published", "MoIT release"),
    ]
    assert by_period(series(data, "VNM", "LAO"))["2024"].turnover == pytest.approx(2.25e9)
    other = series(data, "VNM", "LAO", precedence=("customs", "published"))
    assert other[0].turnover == pytest.approx(2.2e9) and other[0].source == "customs"


def test_the_band_is_the_previous_year_times_110_and_115_percent():
    # issue 8 - the band compounded from the first year in the store; now it is 2.2 bn x
    # 1.10..1.15 = 2.42..2.53 bn for 2025
    base = [obs("total", 2024, 2.2e9, "published")]
    for value, expected in ((2.3e9, "below"), (2.45e9, "within"), (2.6e9, "above")):
        found = by_period(series([*base, obs("total", 2025, value, "published")], "VNM", "LAO"))
        f = found["2025"]
        assert (f.band_low, f.band_high) == pytest.approx((2.2e9 * 1.10, 2.2e9 * 1.15))
        assert f.status == expected
        assert found["2024"].status == "base"


def test_the_band_does_not_compound_from_the_first_year():
    values = {2020: 1.0e9, 2021: 1.3e9, 2022: 1.45e9}  # +30 %, then +11.5 %
    found = by_period(
        series([obs("total", y, v, "published") for y, v in values.items()], "VNM", "LAO")
    )
    assert found["2022"].band_low == pytest.approx(1.3e9 * 1.10)
    assert found["2022"].status == "within"


def test_a_missing_year_is_no_data_never_zero():
    found = by_period(
        series(
            [obs("total", 2020, 1e9, "published"), obs("total", 2022, 1.2e9, "published")],
            "VNM",
            "LAO",
        )
    )
    assert found["2021"].turnover is None and found["2021"].status == "no_data"
    assert found["2022"].band_low is None and found["2022"].status == "no_data"


def test_a_part_year_compares_with_the_same_months_a_year_before():
    # issue 8 - January-October stored as a full year showed -8 % for a +10 % reality
    data = [
        obs("total", 2024, 2.2e9, "published"),
        obs("total", "2024-01..10", 1.8e9, "published"),
        obs("total", "2025-01..10", 1.98e9, "published"),
    ]
    found = by_period(series(data, "VNM", "LAO"))
    ytd = found["2025-01..10"]
    assert ytd.period.full_year is False
    assert ytd.previous == pytest.approx(1.8e9)
    assert ytd.growth == pytest.approx(0.10)
    assert ytd.status == "within"
    assert "2025" not in found  # a part year is never shown as the full year


def test_fictional_data_never_mixes_with_real_data():
    """A real figure answers for its period (the demo's beside it, never added) and its band
    never comes from the demo; a period only the demo covers is the demo's, marked fictional
    (issue 26: the demo must show every state of the band)."""
    data = [
        obs("total", 2023, 5e9, "baci", "demo", fictional=True),
        obs("total", 2024, 2.2e9, "published", "release"),
        obs("total", 2024, 9e9, "baci", "demo", fictional=True),
    ]
    found = by_period(series(data, "VNM", "LAO"))
    assert found["2024"].turnover == pytest.approx(2.2e9) and not found["2024"].fictional
    assert found["2024"].status == "base"  # the fictional 2023 is not its base
    assert found["2023"].fictional and found["2023"].turnover == pytest.approx(5e9)
    assert [a.fictional for a in found["2024"].alternatives] == [True]
    only_demo = series([data[0], data[2]], "VNM", "LAO")
    assert all(f.fictional for f in only_demo if f.turnover is not None)


def test_the_latest_release_of_one_source_wins():
    data = [
        obs("total", 2024, 2.0e9, "published", "early estimate", published="2025-01-08"),
        obs("total", 2024, 2.2e9, "published", "final figure", published="2025-03-01"),
    ]
    f = series(data, "VNM", "LAO")[0]
    assert f.turnover == pytest.approx(2.2e9) and f.label == "final figure"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", "2025"),
        ("2025-Q3", "2025-07..09"),
        ("2025-H1", "2025-01..06"),
        ("2025-03", "2025-03"),
        ("2025-01..10", "2025-01..10"),
        ("2025-01..2025-10", "2025-01..10"),
    ],
)
def test_periods_read_as_officials_write_them(text, expected):
    assert str(Period.parse(text)) == expected


@pytest.mark.parametrize("text", ["25", "2025-13", "2025-10..02", "2024-01..2025-02", "Q3"])
def test_a_malformed_period_is_refused(text):
    with pytest.raises(ValueError):
        Period.parse(text)


def test_a_total_that_disagrees_with_its_flows_is_flagged():
    assert total_disagrees(2000, 641.8, 1300)  # the Lao side's 2024 "more than 2 billion"
    assert not total_disagrees(892.9, 524.5, 368.4)


def test_a_part_year_is_a_base_when_nothing_before_covers_the_same_months():
    data = [
        obs("total", "2024-03..12", 1.5e9, "published"),  # ten months, but not the same ones
        obs("total", "2025-01..10", 1.6e9, "published"),
    ]
    assert by_period(series(data, "VNM", "LAO"))["2025-01..10"].status == "base"


def test_a_later_year_only_the_demo_gives_is_the_demos_marked_fictional():
    data = [
        obs("total", 2022, 1.7e9, "published", "release"),
        obs("total", 2023, 1.9e9, "baci", "demo", fictional=True),
        obs("total", 2024, 9e9, "baci", "demo", fictional=True),
        obs("total", 2025, 3e9, "published", "release"),
    ]
    found = by_period(series(data, "VNM", "LAO"))
    assert found["2024"].turnover == pytest.approx(9e9) and found["2024"].fictional
    assert found["2024"].status == "above"  # demo on demo: a fictional status, marked so
    assert found["2023"].fictional and found["2023"].growth == pytest.approx(1.9 / 1.7 - 1)
    # the real 2025 is never compared with the demo's 2024, nor called a base year
    assert not found["2025"].fictional and found["2025"].previous is None
    assert found["2025"].status == "no_data"
