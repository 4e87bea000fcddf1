"""Numbers and dates as each language writes them, from CLDR through Babel.

Vietnamese writes 1.234,5; English 1,234.5; Lao follows CLDR's ``lo`` locale, 1.234,5, which is
how Lao ministries' own releases print amounts (see docs/adr/0005-lao-number-format.md). One
house unit for money in the report: USD million, stated in every heading and column.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

LANGUAGES = ("vi", "lo", "en")
#: how a long date is written in each language's official letters
DATE_PATTERNS = {"vi": "'ngày' d 'tháng' M 'năm' y", "lo": "d MMMM y", "en": "d MMMM y"}


def _locale(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def number(value: float | Decimal | int | None, lang: str, places: int = 0) -> str | None:
    """A number with the language's grouping and decimal marks; ``None`` stays ``None``."""
    if value is None:
        return None
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, pattern, locale=_locale(lang))


def auto(value: float | Decimal | int | None, lang: str, places: int | None = None) -> str | None:
    """A number with the precision it needs, in the language's marks: a recorded Decimal with
    its own places (trailing zeros dropped: 1300.000 → 1.300), a whole number without any, a
    fraction to four significant digits (0,000038; 16,23), at most six places."""
    if value is None:
        return None
    if places is None:
        if isinstance(value, Decimal):
            exponent = value.normalize().as_tuple().exponent
            places = min(6, max(0, -exponent)) if isinstance(exponent, int) else 0
        else:
            magnitude = abs(float(value))
            if magnitude == 0 or float(value).is_integer():
                places = 0
            elif magnitude >= 100:
                places = 1
            else:  # four significant digits: 16,23; 0,000038
                places = min(6, max(0, 3 - math.floor(math.log10(magnitude))))
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(value, pattern, locale=_locale(lang))


class AmbiguousNumberError(ValueError):
    """A number whose one mark could be a decimal or a grouping mark ("1.234" in Vietnamese)."""


#: the decimal mark of each language (the other of "," and "." groups thousands)
DECIMAL_MARK = {"vi": ",", "lo": ",", "en": "."}


def parse_number(text: str, lang: str) -> Decimal:
    """A number as a reader types it: "0,25", "1.234,5" and "1 234,5" in Vietnamese and Lao,
    "0.25" and "1,234.5" in English. A number with only the other mark and a group of three
    after it ("1.234" in Vietnamese) could be either: :class:`AmbiguousNumberError`. Raises
    ``ValueError`` when it is not a number."""
    decimal_mark = DECIMAL_MARK.get(lang, ".")
    group_mark = "." if decimal_mark == "," else ","
    raw = "".join(text.split()).replace("\u202f", "").replace("\u00a0", "")
    if not raw or not any(c.isdigit() for c in raw):
        raise ValueError(text)
    body = raw.lstrip("+-")
    sign = "-" if raw.startswith("-") else ""
    if decimal_mark in body and group_mark in body:
        if body.rfind(decimal_mark) < body.rfind(group_mark):
            raise ValueError(text)  # 1,234.5 in a language that writes 1.234,5
        whole, _, fraction = body.rpartition(decimal_mark)
        groups = whole.split(group_mark)
        if not all(len(g) == 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
            raise ValueError(text)
        body = "".join(groups) + "." + fraction
    elif group_mark in body:
        parts = body.split(group_mark)
        if len(parts) == 2 and len(parts[1]) == 3:
            if decimal_mark == ",":
                raise AmbiguousNumberError(text)  # 1.234 in Vietnamese: 1234, or 1.234?
            body = "".join(parts)  # 1,234 in English
        elif len(parts) == 2:
            body = parts[0] + "." + parts[1]  # 0.25 in Vietnamese: a decimal point, plainly
        elif all(len(g) == 3 for g in parts[1:]) and 1 <= len(parts[0]) <= 3:
            body = "".join(parts)  # 1.234.567
        else:
            raise ValueError(text)
    elif decimal_mark in body:
        body = body.replace(decimal_mark, ".", 1)
    try:
        return Decimal(sign + body)
    except ArithmeticError:
        raise ValueError(text) from None


def usd_million(value: float | Decimal | None, lang: str) -> str | None:
    """US dollars written in millions with one decimal (the unit is in the heading)."""
    if value is None:
        return None
    return number(float(value) / 1e6, lang, 1)


def compact(value: float | Decimal | int | None, lang: str, places: int = 1) -> str | None:
    """A large amount in words as the language says it: 1,2 tỷ, 1,2 ຕື້, 1.2 billion."""
    if value is None:
        return None
    return str(
        format_compact_decimal(
            float(value), format_type="long", locale=_locale(lang), fraction_digits=places
        )
    )


def compact_usd(value: float | Decimal | int | None, lang: str) -> str | None:
    """US dollars in words: 1,2 tỷ USD; 560 ລ້ານ USD; 1.2 billion USD."""
    text = compact(value, lang)
    return None if text is None else f"{text} USD"


def percent(value: float | None, lang: str, places: int = 1) -> str | None:
    """A share or growth rate (0.125) as a percentage with its sign when negative: 12,5 %."""
    if value is None:
        return None
    text = number(value * 100, lang, places)
    return f"{text} %" if lang != "en" else f"{text}%"


def long_date(day: date | None, lang: str) -> str | None:
    if day is None:
        return None
    return format_date(day, DATE_PATTERNS.get(lang, DATE_PATTERNS["en"]), locale=_locale(lang))
