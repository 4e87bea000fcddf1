"""Comparative advantage, the product space and economic complexity, on a country x product matrix.

Notation: ``X[c, p]`` exports of country ``c`` in product ``p`` (one year, any HS level).

- **RCA** (Balassa 1965): ``RCA[c,p] = (X[c,p] / X[c,:].sum()) / (X[:,p].sum() / X.sum())``.
- **Mcp**: 1 where ``RCA >= threshold`` (1 by default), else 0.
- **Diversity** ``k_c0 = Σ_p M[c,p]``; **ubiquity** ``k_p0 = Σ_c M[c,p]``.
- **ECI / PCI** (Hidalgo & Hausmann 2009; Hausmann et al., *The Atlas of Economic Complexity*,
  2014): ``kc`` is the eigenvector of the second-largest eigenvalue of
  ``M̃cc = D⁻¹ M U⁻¹ Mᵀ`` (D, U diagonal diversity and ubiquity), ``kp = U⁻¹ Mᵀ kc``. The sign
  is chosen so that ECI correlates positively with diversity (the Atlas convention); ECI is
  standardised, and PCI is standardised with the *mean and standard deviation of ECI* so the two
  share one scale, as the Atlas and Harvard's ``ecomplexity`` package do.
- **Proximity** (Hidalgo et al. 2007): ``φ[p,q] = Σ_c M[c,p] M[c,q] / max(k_p0, k_q0)``.
- **Density**: ``d[c,p] = Σ_q M[c,q] φ[p,q] / Σ_q φ[p,q]``.
- **COI**: ``Σ_p d[c,p] (1 − M[c,p]) PCI[p]``, standardised across countries.
- **COG**: ``(1 − M[c,p]) Σ_q (1 − M[c,q]) φ[q,p] PCI[q] / Σ_r φ[q,r]`` (with PCI before
  standardisation, divided by the standard deviation of ECI).

Countries that export nothing and products nobody exports are left out of the result (they
are listed in ``dropped_countries`` / ``dropped_products``): their shares are 0/0. Every value
in a :class:`Complexity` is a finite number.

The eigenvector is computed on the country side (a symmetric C x C problem, ``numpy.linalg.eigh``)
and carried to products through ``kp = U⁻¹ Mᵀ kc``; this gives the same vectors as the
product-side P x P eigenproblem that the ``ecomplexity`` package solves, at a fraction of the
cost when products outnumber countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Complexity:
    """Every product-space and complexity measure of one country x product matrix."""

    countries: tuple[str, ...]
    products: tuple[str, ...]
    exports: Matrix
    rca: Matrix
    mcp: Matrix
    diversity: Matrix
    ubiquity: Matrix
    eci: Matrix
    pci: Matrix
    proximity: Matrix
    density: Matrix
    coi: Matrix
    cog: Matrix
    dropped_countries: tuple[str, ...] = ()
    dropped_products: tuple[str, ...] = ()
    determined: bool = True

    def country(self, code: str) -> int:
        """Row index of a country."""
        return self.countries.index(code)

    def product(self, code: str) -> int:
        """Column index of a product."""
        return self.products.index(code)


def rca(exports: Matrix) -> Matrix:
    """Balassa's revealed comparative advantage; 0 where a share is undefined (0/0)."""
    x = np.asarray(exports, dtype=np.float64)
    total = x.sum()
    if total <= 0:
        return np.zeros_like(x)
    country = x.sum(axis=1, keepdims=True)
    product = x.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (x / country) / (product / total)
    return np.asarray(np.nan_to_num(out, nan=0.0, posinf=0.0, neginf=0.0), dtype=np.float64)


def mcp(rca_values: Matrix, threshold: float = 1.0) -> Matrix:
    """1.0 where the country has comparative advantage (RCA >= threshold), else 0.0."""
    return (np.asarray(rca_values) >= threshold).astype(np.float64)


def proximity(m: Matrix) -> Matrix:
    """Product proximity: co-exporting countries over the larger ubiquity of the pair."""
    ubiquity = m.sum(axis=0)
    phi = np.ascontiguousarray(m.T) @ m
    # no country exports either product: its co-exports are 0 too, so any divisor will do
    safe = np.where(ubiquity > 0, ubiquity, 1.0)
    # divide in row blocks: a P x P temporary of the larger ubiquities would cost more than
    # the matrix product itself at HS6 scale
    for start in range(0, len(safe), 256):
        rows = slice(start, start + 256)
        np.divide(phi[rows], np.maximum(safe[rows, None], safe[None, :]), out=phi[rows])
    return phi


def density(m: Matrix, phi: Matrix) -> Matrix:
    """Share of each product's proximity mass that a country already exports with RCA."""
    weight = phi.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (m @ phi.T) / weight[None, :]
    return np.asarray(np.nan_to_num(out, nan=0.0), dtype=np.float64)


def _standardise(values: Matrix, like: Matrix) -> Matrix:
    if like.size == 0:
        return np.zeros_like(values)
    sd = like.std()
    if not np.isfinite(sd) or sd == 0:
        return np.zeros_like(values)
    return np.asarray((values - like.mean()) / sd, dtype=np.float64)


def _eigenvectors(m: Matrix) -> tuple[Matrix, Matrix] | None:
    """Signed, unstandardised ECI and PCI vectors, or ``None`` when they are undetermined."""
    n_c, n_p = m.shape
    if n_c < 2 or n_p < 1:
        return None
    diversity = m.sum(axis=1)
    ubiquity = m.sum(axis=0)
    # symmetric form of M̃cc: S = D^-1/2 M U^-1 Mᵀ D^-1/2, same eigenvalues; kc = D^-1/2 v
    d_half = 1.0 / np.sqrt(diversity)
    a = (m * d_half[:, None]) / np.sqrt(ubiquity)[None, :]
    values, vectors = np.linalg.eigh(a @ a.T)
    kc = vectors[:, np.argsort(values)[-2]] * d_half
    kp = (m.T @ kc) / ubiquity  # a product: mean of the vector over the countries exporting it
    kc = (m @ kp) / diversity  # a country: mean of the product vector over its products
    if kc.std() < 1e-12 * max(1.0, float(np.abs(kc).max())):
        return None
    sign = np.sign(np.corrcoef(diversity, kc)[0, 1]) if diversity.std() > 0 else 1.0
    sign = sign or 1.0
    return sign * kc, sign * kp


def eci_pci(m: Matrix) -> tuple[Matrix, Matrix, bool]:
    """ECI and PCI (Atlas sign and scale) of a binary matrix with no empty row or column.

    The third item is ``False`` when the eigenproblem has no second eigenvector that tells
    countries apart (fewer than two countries, or all countries alike); ECI and PCI are then 0.
    """
    vectors = _eigenvectors(m)
    if vectors is None:
        return np.zeros(m.shape[0]), np.zeros(m.shape[1]), False
    kc, kp = vectors
    return _standardise(kc, kc), _standardise(kp, kc), True


def complexity(
    exports: Matrix,
    countries: Sequence[str],
    products: Sequence[str],
    threshold: float = 1.0,
) -> Complexity:
    """RCA, Mcp, diversity, ubiquity, ECI, PCI, proximity, density, COI and COG of one year."""
    x = np.asarray(exports, dtype=np.float64)
    if x.shape != (len(countries), len(products)):
        raise ValueError(f"matrix is {x.shape}, labels are {len(countries)} x {len(products)}")
    if (x < 0).any() or not np.isfinite(x).all():
        raise ValueError("exports must be finite and non-negative")
    keep_c = x.sum(axis=1) > 0
    keep_p = x.sum(axis=0) > 0
    x = x[keep_c][:, keep_p]
    kept_c = tuple(c for c, k in zip(countries, keep_c, strict=True) if k)
    kept_p = tuple(p for p, k in zip(products, keep_p, strict=True) if k)
    dropped_c = tuple(c for c, k in zip(countries, keep_c, strict=True) if not k)
    dropped_p = tuple(p for p, k in zip(products, keep_p, strict=True) if not k)
    r = rca(x)
    m = mcp(r, threshold)
    diversity = m.sum(axis=1)
    ubiquity = m.sum(axis=0)
    # ECI/PCI on the countries and products that take part in the binary network
    ok_c, ok_p = diversity > 0, ubiquity > 0
    eci = np.zeros(len(kept_c))
    pci = np.zeros(len(kept_p))
    raw_pci = np.zeros(len(kept_p))
    vectors = _eigenvectors(m[ok_c][:, ok_p])
    sd = 0.0
    if vectors is not None:
        kc, kp = vectors
        eci[ok_c], pci[ok_p] = _standardise(kc, kc), _standardise(kp, kc)
        raw_pci[ok_p], sd = kp, float(kc.std())
    phi = proximity(m)
    # density and COG share one product with the (symmetric) proximity matrix:
    # d = M φ / w and COG = (1 − M) ∘ (((1 − M) ∘ PCI/w) φ), w the row sums of φ
    weight = phi.sum(axis=1)
    safe = np.where(weight > 0, weight, 1.0)
    both = np.vstack([m, (1 - m) * (raw_pci / safe)[None, :]]) @ phi
    dens = both[: len(kept_c)] / safe[None, :]
    coi = ((dens * (1 - m)) * raw_pci[None, :]).sum(axis=1)
    coi = _standardise(coi, coi)
    cog = (1 - m) * both[len(kept_c) :]
    cog = cog / sd if sd > 0 else np.zeros_like(cog)
    return Complexity(
        countries=kept_c,
        products=kept_p,
        exports=x,
        rca=r,
        mcp=m,
        diversity=diversity,
        ubiquity=ubiquity,
        eci=eci,
        pci=pci,
        proximity=phi,
        density=dens,
        coi=coi,
        cog=cog,
        dropped_countries=dropped_c,
        dropped_products=dropped_p,
        determined=vectors is not None,
    )
