"""Issue 26, part 4: numbers in the reader's marks with the precision they need, and numbers
read back as the reader types them; the pilot weights work in all three languages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lienket.core import formats
from lienket.linkage.models import PilotWeights


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Decimal("1300.000"), "1.300", "1,300"),  # a published figure, trailing zeros dropped
        (Decimal("641.800"), "641,8", "641.8"),
        (Decimal("0.000038000000"), "0,000038", "0.000038"),  # a rate, not 0,000038000000
        (16.2345, "16,23", "16.23"),  # an RCA to four significant digits
        (180_000_000_000, "180.000.000.000", "180,000,000,000"),
        (0.14999999, "0,15", "0.15"),  # rounded, never cut
    ],
)
def test_a_number_as_each_language_writes_it(value, vi, en):
    assert formats.auto(value, "vi") == vi
    assert formats.auto(value, "lo") == vi  # Lao writes numbers as Vietnamese does (ADR 0005)
    assert formats.auto(value, "en") == en


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("0,25", "vi", "0.25"),
        ("1.234,5", "vi", "1234.5"),
        ("1 234,5", "lo", "1234.5"),
        ("0.25", "vi", "0.25"),  # a point before two digits can only be a decimal point
        ("1.234.567", "lo", "1234567"),
        ("-0,5", "vi", "-0.5"),
        ("1,234.5", "en", "1234.5"),
        ("1,234", "en", "1234"),
    ],
)
def test_a_number_read_as_the_reader_types_it(text, lang, value):
    assert formats.parse_number(text, lang) == Decimal(value)


def test_an_ambiguous_number_is_said_to_be_so_and_nonsense_refused():
    with pytest.raises(formats.AmbiguousNumberError):
        formats.parse_number("1.234", "vi")  # 1234, or 1.234 typed the English way?
    for text in ("", "abc", "1,234.5", "1.23.4"):
        with pytest.raises(ValueError):
            formats.parse_number(text, "vi")


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
def test_pilot_weights_are_shown_and_saved_in_the_readers_language(client_for, pair, vn_focal,
                                                                    lang):  # fmt: skip
    client = client_for(vn_focal)
    client.cookies["django_language"] = lang
    mark = "," if lang in ("vi", "lo") else "."
    weights = dict.fromkeys(PilotWeights.CRITERIA, f"0{mark}25")
    weights["advantage"] = f"1{mark}5"
    response = client.post("/pilots/", weights, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 302
    saved = PilotWeights.current()
    assert saved.advantage == 1.5 and saved.relationships == 0.25
    page = client.get("/pilots/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'name="advantage" type="text" inputmode="decimal" value="1{mark}5"' in page


def test_an_ambiguous_weight_is_refused_with_its_reason(client_for, pair, vn_focal):
    client = client_for(vn_focal)
    client.cookies["django_language"] = "vi"
    weights = dict.fromkeys(PilotWeights.CRITERIA, "0,25") | {"advantage": "1.250"}
    response = client.post("/pilots/", weights, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert "1.250" in response.content.decode()
    assert PilotWeights.current().advantage != 1.25
