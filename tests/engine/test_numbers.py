"""Numbers as ministries type them: read when certain, refused when ambiguous (issue 8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lienket.engine.numbers import NumberError, check_range, parse_decimal


@pytest.mark.parametrize(
    ("raw", "style", "expected"),
    [
        ("2300", "", "2300"),
        ("2300.5", "", "2300.5"),
        ("-12", "", "-12"),
        ("1,234,567", "", "1234567"),
        ("1.234.567", "", "1234567"),
        ("1.234,5", "", "1234.5"),
        ("1,234.5", "", "1234.5"),
        ("1 234 567", "", "1234567"),
        ("12,5", "", "12.5"),
        ("2.500", "vi", "2500"),
        ("2.500", "en", "2.500"),
        ("1,5", "vi", "1.5"),
        ("1.234.567,89", "vi", "1234567.89"),
    ],
)
def test_it_reads_numbers_whose_form_is_certain(raw, style, expected):
    assert parse_decimal(raw, style).value == Decimal(expected)


def test_a_decimal_comma_read_without_a_style_is_stated():
    reading = parse_decimal("12,5")
    assert reading.value == Decimal("12.5") and reading.notice


@pytest.mark.parametrize("raw", ["2.500", "1,500", "12.345"])
def test_an_ambiguous_separator_is_refused_not_guessed(raw):
    # issue 8 - "2.500" became 2 and "12,5" became 125
    with pytest.raises(NumberError, match="ambiguous"):
        parse_decimal(raw)


@pytest.mark.parametrize(
    "raw", ["NaN", "inf", "-Infinity", "1e40", "1E21", "abc", "1,2,3", "", "1.2.3,4,5"]
)
def test_non_numbers_are_refused(raw):
    with pytest.raises(NumberError):
        parse_decimal(raw)


def test_a_number_in_the_wrong_style_is_refused():
    with pytest.raises(NumberError):
        parse_decimal("1,234.5", "vi")


def test_column_limits_are_checked_before_saving():
    assert check_range(Decimal("999999999999999.999"), 18, 3) == ""
    assert check_range(Decimal("1e21"), 18, 3) != ""
    assert check_range(Decimal("0.0001"), 18, 3) != ""
    assert check_range(Decimal("-1"), 18, 3, minimum=Decimal(0)) != ""
