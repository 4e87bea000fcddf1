"""Bilateral trade indicators: growth, target tracking, mirror gaps and trade indices.

Pure functions of numbers and NumPy vectors; the store and the pages feed them. Where a
value cannot be defined (growth from a zero year, a share of nothing) the result is ``None``
with the reason stated in the docstring, never ``NaN`` or an exception.

Formulas and sources:

- **Growth** ``g_t = V_t / V_{t-1} − 1``; **compound growth** ``(V_last / V_first)^(1/n) − 1``.
- **Target band** (the cooperation plan's 10–15 % a year): from a base year ``b``, the band for
  year ``t`` is ``V_b (1 + low)^(t−b)`` to ``V_b (1 + high)^(t−b)``; a year is *on track* when
  its growth over the previous year reaches ``low``, *below* otherwise.
- **Mirror gap** (IMF, *IMTS 2010*, ch. 12): an exporter reports FOB, the partner reports the
  same goods CIF. The gap is ``M_partner / cif_fob − X_reporter``; ``cif_fob`` is 1.06 by
  default (the IMF's conventional 6 % CIF/FOB margin, *DOTS Guide*).
- **Trade complementarity** (Michaely 1996): ``TC_ij = 100 (1 − Σ_k |m_ik − x_jk| / 2)`` with
  ``m_ik`` the share of product k in i's imports and ``x_jk`` in j's exports.
- **Trade intensity** (Brown 1949; Kojima 1964): ``TII_ij = (X_ij / X_i) / (M_j / M_w)``.
- **Export similarity** (Finger & Kreinin 1979): ``ES_ij = 100 Σ_k min(x_ik, x_jk)`` with
  export shares.
- **Untapped export potential**, in the manner of ITC's Export Potential Map (Decreux &
  Spies 2016): potential exports of i to j in product k are ``supply_ik × demand_jk × ease_ij``
  with supply the exporter's share of world exports of k, demand the importer's imports of k
  from the world, and ease the ratio of actual to hypothetical total trade between the two,
  ``A_ij / Σ_k supply_ik demand_jk``, so that potentials add up to actual trade. The untapped
  part is ``max(potential − actual, 0)``. ITC projects supply and demand five years ahead
  with GDP and tariffs; lienket uses the latest observed year and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float64]

TARGET_LOW = 0.10
TARGET_HIGH = 0.15
CIF_FOB = 1.06


def growth(previous: float | None, current: float | None) -> float | None:
    """Year-on-year growth; ``None`` if either year is missing or the previous year is zero."""
    if previous is None or current is None or previous <= 0:
        return None
    return current / previous - 1.0


def compound_growth(first: float | None, last: float | None, years: int) -> float | None:
    """Average annual growth over ``years`` years; ``None`` without two positive values."""
    if first is None or last is None or first <= 0 or last < 0 or years <= 0:
        return None
    return float((last / first) ** (1.0 / years) - 1.0)


@dataclass(frozen=True)
class MirrorGap:
    """What an exporter declared against what its partner declared for the same flow."""

    exports_fob: float | None
    imports_cif: float | None
    imports_fob: float | None
    gap: float | None
    ratio: float | None


def mirror_gap(
    exports_fob: float | None, imports_cif: float | None, cif_fob: float = CIF_FOB
) -> MirrorGap:
    """Mirror comparison of one flow; parts that need a missing side are ``None``."""
    imports_fob = imports_cif / cif_fob if imports_cif is not None else None
    gap = imports_fob - exports_fob if imports_fob is not None and exports_fob is not None else None
    ratio = None
    if imports_fob is not None and exports_fob:
        ratio = imports_fob / exports_fob
    return MirrorGap(exports_fob, imports_cif, imports_fob, gap, ratio)


def _shares(values: Vector) -> Vector | None:
    v = np.asarray(values, dtype=np.float64)
    total = v.sum()
    return v / total if total > 0 else None


def complementarity(imports_i: Vector, exports_j: Vector) -> float | None:
    """Michaely's index (0–100) of how j's exports match i's imports; ``None`` if either is 0."""
    m, x = _shares(imports_i), _shares(exports_j)
    if m is None or x is None:
        return None
    return float(100.0 * (1.0 - np.abs(m - x).sum() / 2.0))


def intensity(
    bilateral: float, exports_i: float, imports_j: float, world_imports: float
) -> float | None:
    """Trade intensity of i's exports to j (1 = as expected from j's weight in world imports)."""
    if exports_i <= 0 or imports_j <= 0 or world_imports <= 0:
        return None
    return (bilateral / exports_i) / (imports_j / world_imports)


def export_similarity(exports_i: Vector, exports_j: Vector) -> float | None:
    """Finger–Kreinin similarity (0–100) of two export baskets; ``None`` if either is empty."""
    a, b = _shares(exports_i), _shares(exports_j)
    if a is None or b is None:
        return None
    return float(100.0 * np.minimum(a, b).sum())


@dataclass(frozen=True)
class Potential:
    """Untapped potential of one exporter in one market, product by product."""

    products: tuple[str, ...]
    supply: Vector
    demand: Vector
    actual: Vector
    potential: Vector
    untapped: Vector
    ease: float | None

    def ranked(self, limit: int | None = None) -> list[int]:
        """Product indices by untapped value, largest first (ties by code)."""
        order = sorted(
            (i for i in range(len(self.products)) if self.untapped[i] > 0),
            key=lambda i: (-self.untapped[i], self.products[i]),
        )
        return order[:limit] if limit else order


def export_potential(
    products: Sequence[str],
    exporter_exports: Vector,
    world_exports: Vector,
    importer_imports: Vector,
    actual: Vector,
) -> Potential:
    """Potential and untapped exports of one exporter to one importer by product.

    ``exporter_exports`` and ``world_exports`` are the exporter's and the world's exports of each
    product (to the world); ``importer_imports`` the importer's imports of each product from the
    world; ``actual`` the exporter's exports to the importer. Without any actual bilateral
    trade, ease is undefined (``None``) and potentials assume the exporter's average access
    (ease 1).
    """
    x = np.asarray(exporter_exports, dtype=np.float64)
    w = np.asarray(world_exports, dtype=np.float64)
    d = np.asarray(importer_imports, dtype=np.float64)
    a = np.asarray(actual, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        supply = np.where(w > 0, x / w, 0.0)
    hypothetical = supply * d
    total_hyp = hypothetical.sum()
    ease = float(a.sum() / total_hyp) if total_hyp > 0 and a.sum() > 0 else None
    potential = hypothetical * (ease if ease is not None else 1.0)
    untapped = np.maximum(potential - a, 0.0)
    return Potential(tuple(products), supply, d, a, potential, untapped, ease)
