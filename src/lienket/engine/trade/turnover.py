"""Turnover between two countries as each side declares it, chosen from one source, never summed.

A turnover figure answers "how much did ``declarant`` trade with ``partner`` in ``period``?".
Several sources can answer it at once: a published official total, a national customs file,
UN Comtrade, a reconciled BACI file. Adding them would count the same trade twice (issue 8), so
for each declarant and period exactly one source is *chosen* by a precedence list and the others
are kept beside it as *alternatives* with their difference from the chosen value.

Rules, in the order they are applied:

1. A source answers a period when it gives the two-way total, or both the declarant's exports
   and imports, for exactly that period (the same year and months).
2. Fictional (demo) observations are used for a declarant only when no real observation of that
   declarant exists in any period, so one series is never part real and part invented.
3. The chosen source is the first of ``precedence`` that answers the period; within one source,
   the most recently published observation wins.
4. The Intergovernmental Committee's target is growth of ``low``–``high`` (10–15 %) on the
   previous year: the band for a period is ``turnover(same months of the year before) × (1 +
   low) … × (1 + high)`` from the same series. A part year is compared with the same months of
   the year before and is never shown as a full year.
5. A missing value is ``None`` ("no data"), never zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lienket.engine.trade.indicators import TARGET_HIGH, TARGET_LOW, growth

FLOWS = ("exports", "imports", "total")
DEFAULT_PRECEDENCE = ("published", "customs", "comtrade", "baci")
#: How far a published total may differ from its two flows before it is flagged (rounding).
TOTAL_TOLERANCE = 0.005

_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


@dataclass(frozen=True, order=True)
class Period:
    """A calendar year or a run of its months (``first_month`` to ``last_month``)."""

    year: int
    first_month: int = 1
    last_month: int = 12

    def __post_init__(self) -> None:
        if not (1 <= self.first_month <= self.last_month <= 12):
            raise ValueError(
                f"months must run within 1..12, got {self.first_month}..{self.last_month}"
            )
        if not (1900 <= self.year <= 2200):
            raise ValueError(f"year {self.year} is out of range")

    @property
    def full_year(self) -> bool:
        return (self.first_month, self.last_month) == (1, 12)

    @property
    def months_of_year(self) -> tuple[int, int]:
        """The run of months (first, last), whatever the year."""
        return self.first_month, self.last_month

    def previous(self) -> Period:
        """The same months of the year before (what growth and the band compare with)."""
        return Period(self.year - 1, self.first_month, self.last_month)

    def __str__(self) -> str:
        if self.full_year:
            return str(self.year)
        if self.first_month == self.last_month:
            return f"{self.year}-{self.first_month:02d}"
        return f"{self.year}-{self.first_month:02d}..{self.last_month:02d}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2025``, ``2025-Q3``, ``2025-H1``, ``2025-03``, ``2025-01..10`` or
        ``2025-01..2025-10``; raises ``ValueError`` on anything else."""
        t = text.strip().upper().replace("–", "..").replace(" ", "")
        if m := re.fullmatch(r"(\d{4})", t):
            return cls(int(m[1]))
        if m := re.fullmatch(r"(\d{4})-?Q([1-4])", t):
            return cls(int(m[1]), *_QUARTERS[int(m[2])])
        if m := re.fullmatch(r"(\d{4})-?H([12])", t):
            return cls(int(m[1]), 1, 6) if m[2] == "1" else cls(int(m[1]), 7, 12)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", t):
            return cls(int(m[1]), int(m[2]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})(?:\.\.|-)(?:(\d{4})-)?(\d{1,2})", t):
            if m[3] and m[3] != m[1]:
                raise ValueError(f"a period must stay within one year: {text!r}")
            return cls(int(m[1]), int(m[2]), int(m[4]))
        raise ValueError(f"{text!r} is not a period (2025, 2025-Q3, 2025-H1, 2025-01..10)")


@dataclass(frozen=True)
class Observation:
    """One figure of one source: ``declarant``'s ``flow`` with ``partner`` in ``period``.

    ``source`` is the kind ("published", "customs", "comtrade", "baci"); ``label`` names the
    release or file; ``published`` (ISO date or "") orders observations of the same kind.
    """

    declarant: str
    partner: str
    flow: str  # "exports", "imports" or "total"
    period: Period
    value_usd: float
    source: str
    label: str
    fictional: bool = False
    published: str = ""


@dataclass(frozen=True)
class Candidate:
    """What one source says of a declarant's turnover in a period."""

    source: str
    label: str
    fictional: bool
    exports: float | None
    imports: float | None
    turnover: float | None


@dataclass(frozen=True)
class Alternative:
    """A source that was not chosen, with its difference from the chosen turnover."""

    source: str
    label: str
    fictional: bool
    turnover: float | None
    difference: float | None


@dataclass(frozen=True)
class Figure:
    """The chosen turnover of a declarant in a period, against the Committee's target band."""

    period: Period
    exports: float | None
    imports: float | None
    turnover: float | None
    source: str
    label: str
    fictional: bool
    previous: float | None
    growth: float | None
    band_low: float | None
    band_high: float | None
    status: str  # "below", "within", "above", "no_data" or "base"
    alternatives: tuple[Alternative, ...] = ()
    #: where the period's growth target comes from: "recorded" (a target recorded for its
    #: year), "default" (the configured default band) or "none"; and the rates applied
    band_basis: str = "default"
    target_low: float | None = None
    target_high: float | None = None


def candidates(observations: Iterable[Observation]) -> list[Candidate]:
    """Each source's answer for one declarant and period (observations already filtered)."""
    by_source: dict[tuple[str, bool], dict[str, Observation]] = {}
    for o in sorted(observations, key=lambda o: (o.published, o.label)):
        by_source.setdefault((o.source, o.fictional), {})[o.flow] = o  # latest published wins
    out = []
    for (source, fictional), flows in by_source.items():
        x, m, t = (flows.get(f) for f in FLOWS)
        exports = x.value_usd if x else None
        imports = m.value_usd if m else None
        if t is not None:
            turnover: float | None = t.value_usd
        else:
            turnover = exports + imports if exports is not None and imports is not None else None
        labels = sorted({o.label for o in flows.values()})
        out.append(Candidate(source, "; ".join(labels), fictional, exports, imports, turnover))
    return out


def _rank(precedence: Sequence[str], source: str) -> int:
    return precedence.index(source) if source in precedence else len(precedence)


def choose(found: Sequence[Candidate], precedence: Sequence[str]) -> Candidate | None:
    """The first source in ``precedence`` whose turnover is known, or ``None``."""
    known = [c for c in found if c.turnover is not None]
    known.sort(key=lambda c: (_rank(precedence, c.source), c.source))
    return known[0] if known else None


def band(
    previous: float | None, low: float = TARGET_LOW, high: float = TARGET_HIGH
) -> tuple[float | None, float | None]:
    """The target band of a period: ``previous × (1 + low)`` … ``previous × (1 + high)``."""
    if previous is None or previous <= 0:
        return None, None
    return previous * (1 + low), previous * (1 + high)


def status(value: float | None, low: float | None, high: float | None, first: bool) -> str:
    """``below``/``within``/``above`` the band; ``base`` for a series' first period with
    nothing before it; ``no_data`` when the value or the previous year is missing."""
    if value is None:
        return "no_data"
    if low is None or high is None:
        return "base" if first else "no_data"
    if value < low - 1e-9 * abs(low):
        return "below"
    if value > high + 1e-9 * abs(high):
        return "above"
    return "within"


def series(
    observations: Iterable[Observation],
    declarant: str,
    partner: str,
    precedence: Sequence[str] = DEFAULT_PRECEDENCE,
    low: float | None = TARGET_LOW,
    high: float | None = TARGET_HIGH,
    targets: Mapping[int, tuple[float, float]] | None = None,
) -> list[Figure]:
    """The declarant's turnover with ``partner`` by period, each from one source, with the band.

    Full years run without gaps from the first to the last (a missing year is a ``no_data``
    row); each part-year period follows its year. A real figure answers for its period; the
    fictional demo answers only for a period no real source covers (``fictional`` on the
    figure), and a real figure's growth and band never come from a demo figure.

    ``targets`` gives the growth band recorded for a year (issue 27); a year without one takes
    ``low``-``high`` as the default, stated as such, or has no band (status ``no_target``) when
    there is no default.
    """
    mine = [o for o in observations if o.declarant == declarant and o.partner == partner]
    real_periods = {o.period for o in mine if not o.fictional}
    # a real figure answers for its period and the demo's is only shown beside it; a period
    # no real source covers is answered by the fictional demo, marked so (never added)
    usable = [o for o in mine if not o.fictional or o.period not in real_periods]
    shown_only = [o for o in mine if o.fictional and o.period in real_periods]
    periods = {o.period for o in usable}
    years = [p.year for p in periods if p.full_year]
    if years:
        periods |= {Period(y) for y in range(min(years), max(years) + 1)}
    chosen: dict[Period, tuple[Candidate | None, list[Candidate]]] = {}
    for p in sorted(periods, key=lambda p: (p.year, p.full_year, p.first_month, p.last_month)):
        found = candidates(o for o in usable if o.period == p)
        extra = candidates(o for o in shown_only if o.period == p)
        pick = choose(found, precedence)
        chosen[p] = (pick, [c for c in found if c is not pick] + extra)
    out = []
    for p, (pick, others) in chosen.items():
        value = pick.turnover if pick else None
        before = chosen.get(p.previous(), (None, []))[0]
        real = pick is not None and not pick.fictional
        if real and before is not None and before.fictional:
            before = None  # a real figure's band never comes from the demo
        prev = before.turnover if before else None
        if targets and p.year in targets:
            rates: tuple[float, float] | None = targets[p.year]
            basis = "recorded"
        elif low is not None and high is not None:
            rates, basis = (low, high), "default"
        else:
            rates, basis = None, "none"
        lo, hi = band(prev, *rates) if rates else (None, None)
        first = not any(
            q.year < p.year
            and q.months_of_year == p.months_of_year
            and not (real and chosen[q][0] is not None and chosen[q][0].fictional)
            for q in chosen
        )
        alternatives = tuple(
            Alternative(
                c.source,
                c.label,
                c.fictional,
                c.turnover,
                c.turnover - value if c.turnover is not None and value is not None else None,
            )
            for c in sorted(others, key=lambda c: (_rank(precedence, c.source), c.label))
        )
        out.append(
            Figure(
                period=p,
                exports=pick.exports if pick else None,
                imports=pick.imports if pick else None,
                turnover=value,
                source=pick.source if pick else "",
                label=pick.label if pick else "",
                fictional=pick.fictional if pick else False,
                previous=prev,
                growth=growth(prev, value),
                band_low=lo,
                band_high=hi,
                status=(
                    "no_target"
                    if rates is None and value is not None and prev is not None
                    else status(value, lo, hi, first)
                ),
                alternatives=alternatives,
                band_basis=basis,
                target_low=rates[0] if rates else None,
                target_high=rates[1] if rates else None,
            )
        )
    return out


def total_disagrees(
    total: float, exports: float, imports: float, tolerance: float = TOTAL_TOLERANCE
) -> bool:
    """Whether a published two-way total differs from the sum of its two flows by more than
    rounding (``tolerance`` as a share of the total)."""
    return abs(total - (exports + imports)) > tolerance * max(abs(total), 1.0)


def most_complete(figures: Iterable[Figure]) -> Figure | None:
    """Of figures of one year, the full year if there is one, else the longest run of months
    to date (what "the year so far" reads from)."""
    return max(
        figures,
        key=lambda f: (f.period.last_month - f.period.first_month, f.period.last_month),
        default=None,
    )
