"""HS codes as people and offices type them: one rule for every reader and form."""

from __future__ import annotations

#: What :func:`hs_digits` did to a code (``""`` when it is read as typed).
PADDED = "padded"
NATIONAL = "national"


def hs_digits(raw: str) -> tuple[str, str]:
    """The digits of an HS code as typed, and what was done to read them.

    Dots and spaces are removed ("0810.10" → 081010). Every HS code and national tariff line
    has an even number of digits, so an odd-length code lost its leading zero to a
    spreadsheet and gets it back (``PADDED``). A national tariff line of 8 or 10 digits (Viet
    Nam's and the ASEAN nomenclature) is cut to its HS subheading (``NATIONAL``). Anything
    else is returned as is for the caller to check.
    """
    code = raw.strip().replace(".", "").replace(" ", "")
    if not code.isdigit():
        return code, ""
    what = ""
    if len(code) in (3, 5, 7, 9):
        code, what = "0" + code, PADDED
    if len(code) in (8, 10):
        code, what = code[:6], NATIONAL
    return code, what
