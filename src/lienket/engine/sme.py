"""Size class of an enterprise under its own country's SME law.

The thresholds are data (``refdata/data/sme_rules.csv``), passed in; this module only applies
them. Two logics exist:

* ``employees_and_any_money`` (Viet Nam, Decree 80/2021/ND-CP Art. 5): a firm is in a class
  when its average insured employees do not exceed the class limit **and** either its annual
  revenue or its total capital does not exceed the class limit.
* ``any`` (Lao PDR, Decree 25/GOV 2017 Art. 4-6): a firm is in a class when it meets **one** of
  the conditions (employees, total assets, annual income).

Classes are tried from the smallest up; a firm that fits none is ``large``. A firm with no
figures at all is ``unknown``; a country without rules is ``unknown`` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

SIZE_ORDER = ("micro", "small", "medium")


@dataclass(frozen=True)
class SmeRule:
    """One row of a country's SME thresholds (limits are inclusive)."""

    country: str
    sector_group: str
    sectors: frozenset[str]
    size: str
    max_employees: int
    max_revenue: Decimal
    max_capital: Decimal
    currency: str
    logic: str
    verified: str
    source: str


def _fits(
    rule: SmeRule, employees: int | None, revenue: Decimal | None, capital: Decimal | None
) -> bool:
    emp_ok = employees is not None and employees <= rule.max_employees
    money = [
        v <= lim
        for v, lim in ((revenue, rule.max_revenue), (capital, rule.max_capital))
        if v is not None
    ]
    if rule.logic == "employees_and_any_money":
        return emp_ok and any(money)
    if rule.logic == "any":
        return emp_ok or any(money)
    raise ValueError(f"unknown SME rule logic {rule.logic!r}")


def classify_size(
    rules: Iterable[SmeRule],
    country: str,
    sector: str,
    employees: int | None,
    revenue: Decimal | None,
    capital: Decimal | None,
) -> tuple[str, SmeRule | None]:
    """Return ``(size, rule)``: the smallest class whose rule the firm meets, and that rule.

    ``revenue`` and ``capital`` are in the rule's currency (VND for Viet Nam, LAK for Lao PDR).
    ``size`` is one of ``micro``, ``small``, ``medium``, ``large`` or ``unknown``.
    """
    mine = [r for r in rules if r.country == country and sector in r.sectors]
    if not mine or (employees is None and revenue is None and capital is None):
        return "unknown", None
    for size in SIZE_ORDER:
        for rule in (r for r in mine if r.size == size):
            if _fits(rule, employees, revenue, capital):
                return size, rule
    if mine[0].logic == "employees_and_any_money" and (
        employees is None or (revenue is None and capital is None)
    ):
        return "unknown", None
    return "large", None
