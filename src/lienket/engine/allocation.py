"""Move this year's capital from projects that cannot disburse it to projects that can.

The 47th Intergovernmental Committee asks the two governments to "move the capital allocated in
the year from projects behind schedule to projects on or ahead of schedule that can disburse".
:func:`propose` turns that into a linear programme solved by HiGHS (``scipy.optimize.linprog``).

For project *i* with this year's allocation ``a``, new allocation ``x = a + up - down``:

- the total is kept: ``sum(up) = sum(down)``, and within every ring-fence (a funder's or a
  sector's projects, as a focal point sets) the fenced money stays inside the fence;
- a project gives only what it cannot disburse: ``x >= max(floor, capacity)`` where it gives,
  ``floor`` being what it has disbursed or committed this year (never taken back);
- ``x <= max(a, capacity)``: a receiver gets no more than it can absorb this year;
- ``up <= max_change`` and ``down <= max_change`` when a project has a limit;
- a project behind schedule never receives (``up = 0``).

Forecast disbursement is ``min(x, capacity)``: what the project can pay out this year with ``x``.
The programme is solved lexicographically, three times: (1) maximise the forecast disbursement;
(2) keeping that, maximise the priority-weighted disbursement (the tie-break); (3) keeping
both, move as little money as possible. Leaving everything unchanged is always feasible, so the
proposal is never worse than no move. Inputs that contradict each other (an allocation below
what was already disbursed, a negative capacity) are refused with a message naming the project
and the constraint, before anything is solved.

All amounts are in one currency (the caller converts with its dated rate table). No Django.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _

#: tolerance when a bound is read as binding, and below which a change is no move (money: a
#: thousandth of a unit is nothing)
TOLERANCE = 1e-3
#: relative slack when a solved stage's optimum becomes a constraint of the next
STAGE_SLACK = 1e-9


@dataclass(frozen=True)
class Project:
    """One project's position for the year, in the proposal's currency."""

    id: str
    allocation: float
    #: disbursed or committed so far this year: the allocation never goes below it
    floor: float = 0.0
    #: the most the project can disburse this year (its absorptive capacity)
    capacity: float = 0.0
    behind: bool = False
    #: the largest change, up or down, a focal point allows for this project (None: no limit)
    max_change: float | None = None
    priority: float = 1.0
    funder: str = ""
    sector: str = ""


@dataclass(frozen=True)
class Fence:
    """Money of a funder's (``kind="funder"``) or a sector's projects stays among them."""

    kind: str
    name: str


@dataclass(frozen=True)
class Move:
    """One project's allocation before and after, and why it stops where it does."""

    id: str
    before: float
    after: float
    forecast_before: float
    forecast_after: float
    #: the constraint that holds the project where it is: "capacity", "floor", "max_change",
    #: "behind", "fence", "not_needed" (a receiver whose room was not needed) or "" (no change
    #: and nothing binding)
    binding: str

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Proposal:
    moves: tuple[Move, ...]
    total: float
    forecast_before: float
    forecast_after: float
    moved: float
    fences: tuple[Fence, ...] = field(default_factory=tuple)

    @property
    def gain(self) -> float:
        """Extra forecast disbursement the proposal brings this year."""
        return self.forecast_after - self.forecast_before


def forecast(allocation: float, capacity: float) -> float:
    """What a project can disburse this year with ``allocation``."""
    return min(allocation, capacity)


def check(projects: Sequence[Project], fences: Iterable[Fence] = ()) -> list[RowError]:
    """Contradictions in the inputs, each naming the project and the constraint."""
    errors: list[RowError] = []
    seen: set[str] = set()

    def fail(p: Project, field_: str, message: str, **params: object) -> None:
        errors.append(RowError("allocation", 0, field_, message, {"project": p.id, **params}))

    for p in projects:
        if p.id in seen:
            fail(p, "id", _("project %(project)s is given twice"))
        seen.add(p.id)
        values = {"allocation": p.allocation, "floor": p.floor, "capacity": p.capacity,
                  "priority": p.priority}  # fmt: skip
        if p.max_change is not None:
            values["max_change"] = p.max_change
        for name, value in values.items():
            if not np.isfinite(value) or value < 0:
                message = _(
                    "project %(project)s: %(name)s is %(value)s, not an amount of 0 or more"
                )
                fail(p, name, message, name=name, value=value)
        if (
            np.isfinite(p.floor)
            and np.isfinite(p.allocation)
            and p.floor > p.allocation + TOLERANCE
        ):
            fail(p, "floor",
                 _("project %(project)s: the allocation (%(allocation)s) is below what it has "
                   "disbursed or committed (%(floor)s); correct one of the two"),
                 allocation=p.allocation, floor=p.floor)  # fmt: skip
    for f in fences:
        if f.kind not in ("funder", "sector"):
            errors.append(RowError("allocation", 0, "fence",
                                   _("a ring-fence is by funder or by sector, not %(kind)r"),
                                   {"kind": f.kind}))  # fmt: skip
        elif not any(getattr(p, f.kind) == f.name for p in projects):
            errors.append(RowError("allocation", 0, "fence",
                                   _("the ring-fence %(kind)s %(name)r holds no project"),
                                   {"kind": f.kind, "name": f.name}))  # fmt: skip
    return errors


def propose(projects: Sequence[Project], fences: Iterable[Fence] = ()) -> Proposal:
    """The reallocation that maximises this year's forecast disbursement (see the module)."""
    fences = tuple(fences)
    errors = check(projects, fences)
    if errors:
        raise DataError(errors)
    n = len(projects)
    a = np.array([p.allocation for p in projects], dtype=float)
    floor = np.array([p.floor for p in projects], dtype=float)
    cap = np.array([p.capacity for p in projects], dtype=float)
    limit = np.array([np.inf if p.max_change is None else p.max_change for p in projects])
    weight = np.array([p.priority for p in projects], dtype=float)
    behind = np.array([p.behind for p in projects], dtype=bool)
    if n == 0:
        return Proposal((), 0.0, 0.0, 0.0, 0.0, fences)

    # The programme is solved in units of the largest amount, so that the solver's tolerances
    # are relative to the portfolio and a small project beside a large one keeps its money.
    scale = max(1.0, float(np.abs(np.concatenate([a, floor])).max()))
    up_full = np.where(behind, 0.0, np.minimum(np.maximum(cap - a, 0.0), limit))
    down_full = np.minimum(np.maximum(a - np.maximum(floor, cap), 0.0), limit)
    up_hi, down_hi = up_full / scale, down_full / scale
    a_s, cap_s = a / scale, cap / scale

    # variables: up (n), down (n), d (n) = forecast disbursement
    bounds = np.concatenate([
        np.column_stack([np.zeros(n), up_hi]),
        np.column_stack([np.zeros(n), down_hi]),
        np.column_stack([np.zeros(n), cap_s]),
    ])  # fmt: skip
    eye = sparse.identity(n, format="csr")
    # d - up + down <= a   (disbursement within the new allocation; d <= cap is a bound)
    a_ub = sparse.hstack([-eye, eye, eye], format="csr")
    b_ub = a_s.copy()
    # money is kept: overall, and inside every fence
    rows = [np.ones(n)]
    for f in fences:
        rows.append(np.array([getattr(p, f.kind) == f.name for p in projects], dtype=float))
    groups = sparse.csr_matrix(np.vstack(rows))
    a_eq = sparse.hstack([groups, -groups, sparse.csr_matrix((groups.shape[0], n))], format="csr")
    b_eq = np.zeros(groups.shape[0])

    def solve(c: np.ndarray, keep: list[tuple[np.ndarray, float]]) -> np.ndarray:
        """Minimise ``c`` keeping each earlier optimum ``row @ x <= value`` within a slack.

        The slack starts at a billionth; should the solver's own tolerance make a kept optimum
        unreachable, it widens a hundredfold, twice, before giving up."""
        for slack in (STAGE_SLACK, STAGE_SLACK * 1e2, STAGE_SLACK * 1e4):
            ub, bu = a_ub, b_ub
            if keep:
                ub = sparse.vstack([a_ub, *[sparse.csr_matrix(row) for row, _ in keep]],
                                   format="csr")  # fmt: skip
                bu = np.concatenate([b_ub, [v + slack * max(1.0, abs(v)) for _, v in keep]])
            res = linprog(c, A_ub=ub, b_ub=bu, A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                          method="highs")  # fmt: skip
            if res.status == 0 or not keep:
                break
        if res.status != 0:
            raise DataError([RowError("allocation", 0, "", _("the solver stopped: %(reason)s"),
                                      {"reason": res.message})])  # fmt: skip
        return np.asarray(res.x)

    z = np.zeros(n)
    # 1. the most forecast disbursement
    c1 = np.concatenate([z, z, -np.ones(n)])
    keep1 = (c1, float(c1 @ solve(c1, [])))
    # 2. keeping it, the priority-weighted disbursement
    c2 = np.concatenate([z, z, -weight])
    keep2 = (c2, float(c2 @ solve(c2, [keep1])))
    # 3. keeping both, the least money moved
    c3 = np.concatenate([np.ones(n), np.ones(n), z])
    x3 = solve(c3, [keep1, keep2])

    up, down = x3[:n] * scale, x3[n : 2 * n] * scale
    fenced = {(f.kind, f.name) for f in fences}
    groups_of = [
        frozenset(k for k in (("funder", p.funder), ("sector", p.sector)) if k in fenced)
        for p in projects
    ]
    after = _snap(a, a + up - down, a - down_full, a + up_full, groups_of, scale)
    moves = []
    for i, p in enumerate(projects):
        in_fence = ("funder", p.funder) in fenced or ("sector", p.sector) in fenced
        moves.append(
            Move(
                id=p.id,
                before=float(a[i]),
                after=float(after[i]),
                forecast_before=float(forecast(a[i], cap[i])),
                forecast_after=float(forecast(after[i], cap[i])),
                binding=_binding(p, float(a[i]), float(after[i]), in_fence),
            )
        )
    return Proposal(
        moves=tuple(moves),
        total=float(a.sum()),
        forecast_before=float(np.minimum(a, cap).sum()),
        forecast_after=float(np.minimum(after, cap).sum()),
        moved=float(np.maximum(after - a, 0).sum()),
        fences=fences,
    )


def _snap(
    a: np.ndarray,
    after: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    groups: Sequence[frozenset[tuple[str, str]]],
    scale: float,
) -> np.ndarray:
    """The solver's allocations with its last-digit noise removed.

    Values within a ten-millionth of the portfolio's scale of a bound or of the old allocation are
    set to it. Then the total is restored, first inside each set of fences and then overall, on
    a project with room between its bounds (one not held at a bound first, and of those the
    one that changes most), so the proposal keeps
    every total exactly and no bound is crossed.
    """
    tol = 1e-7 * scale
    out = np.clip(after, low, high)
    for target in (a, low, high):
        out = np.where(np.abs(out - target) <= tol, target, out)
    for key in [*sorted(set(groups), key=sorted), None]:
        members = np.array([key is None or g == key for g in groups])
        residual = float(out[members].sum() - a[members].sum())
        if not residual:
            continue
        room = members & (out - residual >= low - tol) & (out - residual <= high + tol)
        free = room & (out > low + tol) & (out < high - tol)  # not held at a bound: preferred
        room = free if free.any() else room
        if room.any():
            i = int(np.argmax(np.where(room, np.abs(out - a), -1.0)))
            # the last binary digits of the subtraction are noise too: keep 12 significant
            value = out[i] - residual
            out[i] = round(value, 12 - math.ceil(math.log10(max(1.0, abs(value)))))
    return np.asarray(out, dtype=float)


def _binding(p: Project, before: float, after: float, in_fence: bool) -> str:
    """The constraint that holds a project where the proposal leaves it.

    ``capacity`` (a receiver full, or a giver down to what it can disburse), ``floor`` (down to
    what it has disbursed or committed), ``max_change``, ``behind`` (behind schedule: receives
    nothing), ``fence`` (the money could not leave or enter its ring-fence), ``funds`` (a
    receiver with room when the money to move ran out, higher priorities first),
    ``no_receiver`` (a giver whose surplus no project could take), or ``""`` (nothing to move).
    """

    def near(x: float, y: float) -> bool:
        return abs(x - y) <= TOLERANCE

    change = after - before
    limited = p.max_change is not None and near(abs(change), p.max_change)
    if change > TOLERANCE or (p.capacity > before + TOLERANCE):  # wants money
        if p.behind:
            return "behind"
        if near(after, p.capacity):
            return "capacity"
        if limited:
            return "max_change"
        return "fence" if in_fence else "funds"
    keep = max(p.floor, p.capacity)
    if change < -TOLERANCE or before > keep + TOLERANCE:  # has money it cannot disburse
        if near(after, keep):
            return "capacity" if p.capacity >= p.floor else "floor"
        if limited:
            return "max_change"
        return "fence" if in_fence else "no_receiver"
    return ""
