"""SME size classes at the edges of each country's thresholds (rules from refdata)."""

from decimal import Decimal

import pytest

from lienket import refdata
from lienket.engine.sme import classify_size

B = 1_000_000_000  # one billion (VND or LAK)


def size(
    country: str, sector: str, employees: int | None, revenue: float | None, capital: float | None
) -> str:
    rev = None if revenue is None else Decimal(revenue)
    cap = None if capital is None else Decimal(capital)
    return classify_size(refdata.sme_rules(), country, sector, employees, rev, cap)[0]


@pytest.mark.parametrize(
    ("employees", "revenue", "capital", "expected"),
    [
        (10, 3 * B, 99 * B, "micro"),  # at the micro limits: employees and revenue
        (10, 99 * B, 3 * B, "micro"),  # ... employees and capital is enough
        (11, 3 * B, 3 * B, "small"),  # one employee too many for micro
        (10, 3 * B + 1, 3 * B + 1, "small"),  # one dong over both money limits
        (100, 50 * B, 999 * B, "small"),
        (101, 50 * B, 20 * B, "medium"),
        (200, 200 * B, 999 * B, "medium"),
        (200, 200 * B + 1, 100 * B + 1, "large"),
        (201, 1 * B, 1 * B, "large"),  # employees decide: 201 is over every class
    ],
)
def test_it_classifies_vietnamese_industry_by_decree_80(employees, revenue, capital, expected):
    assert size("VNM", "industry", employees, revenue, capital) == expected


@pytest.mark.parametrize(
    ("employees", "revenue", "capital", "expected"),
    [
        (10, 10 * B, 99 * B, "micro"),
        (10, 10 * B + 1, 3 * B + 1, "small"),
        (50, 100 * B, 999 * B, "small"),
        (51, 1 * B, 1 * B, "medium"),
        (100, 300 * B, 999 * B, "medium"),
        (100, 300 * B + 1, 100 * B + 1, "large"),
    ],
)
def test_it_classifies_vietnamese_trade_with_its_own_thresholds(
    employees, revenue, capital, expected
):
    assert size("VNM", "trade", employees, revenue, capital) == expected


@pytest.mark.parametrize(
    ("employees", "revenue", "capital", "expected"),
    [
        (5, None, None, "micro"),  # one condition is enough in Lao law
        (6, None, 100_000_000, "micro"),  # assets at the micro limit
        (6, None, 100_000_001, "small"),
        (50, None, None, "small"),
        (51, None, None, "medium"),
        (99, None, None, "medium"),
        (100, None, None, "large"),
        (500, 400_000_000, None, "micro"),  # tiny income makes it micro despite staff
    ],
)
def test_it_classifies_lao_production_when_any_condition_is_met(
    employees, revenue, capital, expected
):
    assert size("LAO", "industry", employees, revenue, capital) == expected


def test_it_reports_unknown_without_figures_or_rules():
    assert size("VNM", "industry", None, None, None) == "unknown"
    assert size("THA", "industry", 10, 1, 1) == "unknown"
    # Viet Nam needs employees and a money figure: employees alone cannot place a firm.
    assert size("VNM", "industry", 500, None, None) == "unknown"


def test_it_names_the_rule_it_applied():
    _size, rule = classify_size(refdata.sme_rules(), "VNM", "industry", 10, Decimal(B), None)
    assert rule is not None and "80/2021" in rule.source
