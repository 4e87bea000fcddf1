"""The reallocation optimiser on a seeded portfolio: lienket against a dense formulation.

    .venv/bin/python benchmarks/allocation.py [--projects 2000] [--fences 6]

Generates, from a seed, a fictional portfolio of aid and investment projects (a third behind
schedule, allocations above and below what each can disburse, limits on change, funder
ring-fences), then in the same run:

- lienket: `lienket.engine.allocation.propose` (sparse constraint matrices, HiGHS, three
  lexicographic stages);
- the peer: the same three-stage programme built with dense NumPy matrices and solved by the
  same `scipy.optimize.linprog(method="highs")` — the formulation one writes first.

Both answers are compared (forecast disbursement equal to 1e-6). The last line reads
`projects=… solve_s=… peer_s=… speedup=<peer s / lienket s> equal=yes|no`.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy.optimize import linprog

from lienket.engine.allocation import Fence, Project, propose

SEED = 47  # the 47th Intergovernmental Committee


def portfolio(n: int, n_fences: int) -> tuple[list[Project], list[Fence]]:
    rng = np.random.default_rng(SEED)
    funders = [f"funder-{i}" for i in range(max(n_fences, 1) * 2)]
    projects = []
    for i in range(n):
        allocation = float(rng.lognormal(13, 1))  # about USD 0.4 million
        behind = bool(rng.random() < 0.33)
        capacity = allocation * float(rng.uniform(0.2, 0.9) if behind else rng.uniform(0.8, 1.8))
        projects.append(
            Project(
                id=f"P{i:05d}",
                allocation=allocation,
                floor=allocation * float(rng.uniform(0, 0.3)),
                capacity=capacity,
                behind=behind,
                max_change=allocation * 0.5 if rng.random() < 0.3 else None,
                priority=float(rng.integers(1, 4)),
                funder=str(rng.choice(funders)),
                sector=str(rng.choice(["agriculture", "energy", "health", "transport"])),
            )
        )
    return projects, [Fence("funder", f) for f in funders[:n_fences]]


def dense(projects: list[Project], fences: list[Fence]) -> float:
    """The peer: the same programme with dense matrices; returns the forecast disbursement."""
    n = len(projects)
    a = np.array([p.allocation for p in projects])
    floor = np.array([p.floor for p in projects])
    cap = np.array([p.capacity for p in projects])
    limit = np.array([np.inf if p.max_change is None else p.max_change for p in projects])
    w = np.array([p.priority for p in projects])
    behind = np.array([p.behind for p in projects])
    up_hi = np.where(behind, 0, np.minimum(np.maximum(cap - a, 0), limit))
    down_hi = np.minimum(np.maximum(a - np.maximum(floor, cap), 0), limit)
    bounds = list(zip(np.zeros(3 * n), np.concatenate([up_hi, down_hi, cap]), strict=True))
    eye = np.eye(n)
    a_ub = np.hstack([-eye, eye, eye])
    b_ub = a.copy()
    groups = [np.ones(n)] + [
        np.array([p.funder == f.name for p in projects], float) for f in fences
    ]
    g = np.vstack(groups)
    a_eq = np.hstack([g, -g, np.zeros((len(groups), n))])
    b_eq = np.zeros(len(groups))
    z = np.zeros(n)
    stages = [np.concatenate([z, z, -np.ones(n)]), np.concatenate([z, z, -w]),
              np.concatenate([np.ones(n), np.ones(n), z])]  # fmt: skip
    rows, limits = [a_ub], [b_ub]
    x = None
    for c in stages:
        res = linprog(c, A_ub=np.vstack(rows), b_ub=np.concatenate(limits), A_eq=a_eq,
                      b_eq=b_eq, bounds=bounds, method="highs")  # fmt: skip
        x = res.x
        value = float(c @ x)
        rows.append(c[None, :])
        limits.append(np.array([value + 1e-9 * max(1.0, abs(value))]))
    new = a + x[:n] - x[n : 2 * n]
    return float(np.minimum(new, cap).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--fences", type=int, default=6)
    args = parser.parse_args()
    projects, fences = portfolio(args.projects, args.fences)
    propose(projects[:10], [])  # load SciPy and HiGHS before timing
    start = time.perf_counter()
    proposal = propose(projects, fences)
    solve_s = time.perf_counter() - start
    print(
        f"lienket: moved {proposal.moved:,.0f} of {proposal.total:,.0f}; forecast disbursement "
        f"{proposal.forecast_before:,.0f} -> {proposal.forecast_after:,.0f}",
        flush=True,
    )
    start = time.perf_counter()
    peer_forecast = dense(projects, fences)
    peer_s = time.perf_counter() - start
    equal = abs(peer_forecast - proposal.forecast_after) <= 1e-6 * proposal.total
    print(f"peer (dense linprog): forecast disbursement {peer_forecast:,.0f}")
    print(
        f"projects={len(projects)} solve_s={solve_s:.3f} peer_s={peer_s:.3f} "
        f"speedup={peer_s / solve_s:.1f} equal={'yes' if equal else 'no'}"
    )


if __name__ == "__main__":
    main()
