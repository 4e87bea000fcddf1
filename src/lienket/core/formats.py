"""Numbers and dates as each language writes them, from CLDR through Babel.

Vietnamese writes 1.234,5; English 1,234.5; Lao follows CLDR's ``lo`` locale, 1.234,5, which is
how Lao ministries' own releases print amounts (see docs/adr/0005-lao-number-format.md). One
house unit for money in the report: USD million, stated in every heading and column.
"""

from __future__ import annotations

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
