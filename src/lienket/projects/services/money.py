"""Amounts in their currency and in USD at the recorded rates; who sees which projects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet

from lienket.core import roles
from lienket.projects.models import (
    ExchangeRate,
    Kind,
    Project,
)

CENT = Decimal("0.01")


def visible(user: Any) -> QuerySet[Project]:
    """The projects ``user`` may read: every one, but aid projects only for government roles."""
    qs = Project.objects.select_related("zone", "investor")
    return qs if roles.can_read_aid(user) else qs.exclude(kind=Kind.AID)


# --- money -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    currency: str
    usd_per_unit: Decimal
    valid_from: date | None
    source: str
    fictional: bool


class Rates:
    """The rate table as it stood when read: immutable, shared by one request's conversions."""

    def __init__(self, rows: Iterable[ExchangeRate]) -> None:
        table: dict[str, list[Rate]] = defaultdict(list)
        for r in rows:
            table[r.currency].append(
                Rate(r.currency, r.usd_per_unit, r.valid_from, r.source, r.fictional)
            )
        self._table = {
            c: sorted(v, key=lambda r: r.valid_from or date.min) for c, v in table.items()
        }

    @classmethod
    def load(cls) -> Rates:
        return cls(ExchangeRate.objects.all())

    def rate(self, currency: str, on: date) -> Rate | None:
        if currency == "USD":
            return Rate("USD", Decimal(1), None, "", False)
        found = None
        for r in self._table.get(currency, ()):
            if r.valid_from is None or r.valid_from <= on:
                found = r
        return found

    def to_usd(self, amount: Decimal | None, currency: str, on: date) -> Decimal | None:
        if amount is None:
            return None
        r = self.rate(currency, on)
        return None if r is None else (amount * r.usd_per_unit).quantize(CENT, ROUND_HALF_UP)


@dataclass
class Total:
    """A sum in US dollars, with the amounts that could not be converted kept apart."""

    usd: Decimal = Decimal(0)
    counted: int = 0
    unconverted: dict[str, Decimal] = field(default_factory=dict)
    rates: dict[str, Rate] = field(default_factory=dict)

    def add(self, rates: Rates, amount: Decimal | None, currency: str, on: date) -> None:
        if amount is None:
            return
        r = rates.rate(currency, on)
        if r is None:
            self.unconverted[currency or "?"] = self.unconverted.get(currency or "?", 0) + amount
            return
        self.usd += amount * r.usd_per_unit
        self.counted += 1
        if currency != "USD":
            self.rates[currency] = r


def budget_total(projects: Iterable[Project], on: date, rates: Rates | None = None) -> Total:
    rates = rates or Rates.load()
    total = Total()
    for p in projects:
        total.add(rates, p.budget, p.currency, on)
    total.usd = total.usd.quantize(CENT, ROUND_HALF_UP)
    return total
