"""Reading numbers as ministries type them, without ever guessing (issue 8).

Vietnamese writes ``1.234.567,5``, English ``1,234,567.5``; a spreadsheet cell may hold either
as text. :func:`parse_decimal` reads a number whose form says which it is, reads an ambiguous
one (``2.500``: two and a half, or two thousand five hundred?) only when the file's number
style is known, and otherwise refuses it with a reason. NaN, infinities and exponents are
refused too: a published or registered figure is never written that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lienket.engine.errors import mark as _

#: Number styles: which character separates thousands and which the decimals.
STYLES = {"en": (",", "."), "vi": (".", ","), "lo": (",", ".")}

_PLAIN = re.compile(r"[+-]?\d+(\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


class NumberError(ValueError):
    """A text that is not a number lienket can read with certainty; ``message`` and
    ``params`` follow :class:`lienket.engine.errors.RowError`."""

    def __init__(self, message: str, params: dict[str, object]) -> None:
        self.message = message
        self.params = params
        super().__init__(message % params)


@dataclass(frozen=True)
class Reading:
    """A number read from text, and a notice when the reading needed a convention."""

    value: Decimal
    notice: str = ""
    params: dict[str, object] | None = None


def _grouped(digits: str, sep: str) -> bool:
    """Whether ``digits`` uses ``sep`` as a thousands separator (1-3 digits, then groups of 3)."""
    return re.fullmatch(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+", digits) is not None


def _styled(text: str, thousands: str, decimal: str) -> Decimal | None:
    whole, _sep, frac = text.partition(decimal)
    if _sep and not frac.isdigit():
        return None
    if thousands in whole and not _grouped(whole, thousands):
        return None
    if thousands not in whole and not whole.isdigit():
        return None
    return Decimal(whole.replace(thousands, "") + ("." + frac if _sep else ""))


def parse_decimal(raw: str, style: str = "") -> Reading:
    """Read ``raw`` as a decimal number, in the file's number ``style`` (``en``/``vi``/``lo``)
    when known. Raises :class:`NumberError` for text that is not a number or is ambiguous."""
    text = _SPACES.sub("", raw.strip())
    sign = ""
    if text[:1] in "+-":
        sign, text = text[:1].replace("+", ""), text[1:]
    if not text:
        raise NumberError(_("%(value)r is not a number"), {"value": raw})
    lowered = text.lower()
    if lowered in ("nan", "inf", "infinity") or "e" in lowered:
        raise NumberError(
            _("%(value)r is not a number lienket accepts (write it out in digits)"), {"value": raw}
        )
    if style:
        thousands, decimal = STYLES[style]
        value = _styled(text, thousands, decimal)
        if value is None:
            raise NumberError(
                _("%(value)r is not a number in the file's number style (%(example)s)"),
                {"value": raw, "example": f"1{thousands}234{decimal}5"},
            )
        return Reading(Decimal(sign + str(value)))
    if _PLAIN.fullmatch(text) and not re.fullmatch(r"\d{1,3}\.\d{3}", text):
        return Reading(Decimal(sign + text))
    commas, dots = text.count(","), text.count(".")
    if commas and dots:  # both: the last one is the decimal separator
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        value = _styled(text, thousands, decimal)
        if value is not None and text.count(decimal) == 1:
            return Reading(Decimal(sign + str(value)))
    elif commas > 1 or dots > 1:  # several of one: thousands separators
        sep = "," if commas else "."
        if _grouped(text, sep):
            return Reading(Decimal(sign + text.replace(sep, "")))
    elif commas == 1 or dots == 1:
        sep = "," if commas else "."
        whole, frac = text.split(sep)
        if whole.isdigit() and frac.isdigit():
            if len(frac) == 3 and len(whole) <= 3:
                raise NumberError(
                    _(
                        "%(value)r is ambiguous: %(a)s or %(b)s? Write it without a separator, "
                        "or state the file's number style"
                    ),
                    {"value": raw, "a": f"{whole}{frac}", "b": f"{whole}.{frac}"},
                )
            if sep == ",":
                value = Decimal(f"{sign}{whole}.{frac}")
                notice = _("%(value)r was read with a decimal comma as %(read)s")
                return Reading(value, notice, {"value": raw, "read": str(value)})
            return Reading(Decimal(f"{sign}{whole}.{frac}"))
    raise NumberError(_("%(value)r is not a number"), {"value": raw})


def file_style(values: Iterable[str]) -> str:
    """The number style a file's unambiguous values show ("1,234,567" and "12.5" say ``en``,
    "1.234.567" and "12,5" say ``vi``), or ``""`` when they show none or disagree; with it,
    "45,000" in the same file is read without doubt."""
    seen: set[str] = set()
    for raw in values:
        text = _SPACES.sub("", raw.strip()).lstrip("+-")
        commas, dots = text.count(","), text.count(".")
        if commas and dots:
            seen.add("en" if text.rfind(".") > text.rfind(",") else "vi")
        elif commas > 1 and _grouped(text, ","):
            seen.add("en")
        elif (dots > 1 and _grouped(text, ".")) or (commas == 1 and len(text.split(",")[1]) != 3):
            seen.add("vi")
        elif dots == 1 and len(text.split(".")[1]) != 3:
            seen.add("en")
    return seen.pop() if len(seen) == 1 else ""


def check_range(
    value: Decimal, max_digits: int, decimal_places: int, minimum: Decimal | None = None
) -> str:
    """An error template if ``value`` does not fit a decimal column, else ``""``."""
    if not value.is_finite():
        return _("%(value)s is not a finite number")
    if minimum is not None and value < minimum:
        return _("%(value)s is below the smallest allowed value")
    try:
        quantised = value.quantize(Decimal(1).scaleb(-decimal_places))
    except InvalidOperation:
        return _("%(value)s is too large")
    if quantised != value:
        return _("%(value)s has more than the allowed decimal places")
    if len(quantised.as_tuple().digits) > max_digits:
        return _("%(value)s is too large")
    return ""
