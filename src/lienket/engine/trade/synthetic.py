"""Seeded, fictional world trade in CEPII BACI's file format, for benchmarks, tests and the demo.

The generated world has the nested structure of real trade (capable countries export most
products, simple products are exported by many), so that RCA, ECI and the product space give
meaningful, non-degenerate answers. Nothing generated here is real data: every file written
says so in its name, and the demo import is marked fictional in the store.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv


@dataclass(frozen=True)
class World:
    """Generated flows: arrays of exporter index, importer index, product index and value."""

    countries: tuple[tuple[str, str], ...]  # (numeric code, ISO 3)
    products: tuple[str, ...]
    year: int
    exporter: np.ndarray
    importer: np.ndarray
    product: np.ndarray
    value_usd: np.ndarray
    quantity_t: np.ndarray


def generate_world(
    countries: Sequence[tuple[str, str]],
    products: Sequence[str],
    year: int,
    seed: int,
    destinations: float = 24.0,
    pair_scale: Mapping[tuple[str, str], float] | None = None,
) -> World:
    """A fictional year of bilateral trade (exporter x importer x product).

    ``destinations`` is the mean number of markets of an exported product; ``pair_scale``
    multiplies the flows of chosen (exporter, importer) ISO pairs.
    """
    rng = np.random.default_rng(seed)
    n_c, n_p = len(countries), len(products)
    capability = rng.random(n_c)
    requirement = rng.random(n_p)
    size = rng.lognormal(0.0, 1.2, n_c)
    appetite = rng.lognormal(0.0, 1.0, n_c)
    prob = np.where(capability[:, None] > requirement[None, :], 0.85, 0.06)
    ci, pi = np.nonzero(rng.random((n_c, n_p)) < prob)
    lam = destinations * size[ci] / size.mean()
    n_dest = 1 + rng.poisson(np.minimum(lam, n_c - 2))
    exporter = np.repeat(ci, n_dest)
    product = np.repeat(pi, n_dest)
    weights = appetite / appetite.sum()
    importer = rng.choice(n_c, size=exporter.size, p=weights)
    keep = importer != exporter
    exporter, importer, product = exporter[keep], importer[keep], product[keep]
    key = (exporter.astype(np.int64) * n_c + importer) * n_p + product
    key = np.unique(key)
    product = (key % n_p).astype(np.int32)
    importer = ((key // n_p) % n_c).astype(np.int32)
    exporter = (key // (n_p * n_c)).astype(np.int32)
    value = rng.lognormal(11.0, 2.0, key.size) * size[exporter] * (0.5 + capability[exporter])
    if pair_scale:
        iso = [c[1] for c in countries]
        for (a, b), factor in pair_scale.items():
            if a in iso and b in iso:
                value[(exporter == iso.index(a)) & (importer == iso.index(b))] *= factor
    quantity = value / rng.lognormal(7.0, 1.0, key.size)
    return World(
        tuple(countries), tuple(products), year, exporter, importer, product, value, quantity
    )


def published_path(
    points: Mapping[int, float], years: Sequence[int], growth: float = 1.10
) -> dict[int, float]:
    """Totals for ``years`` that pass through the published ``points`` (year → value):
    geometric between two points, ``growth`` a year before the first and after the last."""
    known = sorted(points)
    out = {}
    for year in years:
        if year in points:
            out[year] = points[year]
            continue
        before = [y for y in known if y < year]
        after = [y for y in known if y > year]
        if before and after:
            y0, y1 = before[-1], after[0]
            rate = (points[y1] / points[y0]) ** (1 / (y1 - y0))
            out[year] = points[y0] * rate ** (year - y0)
        elif before:
            out[year] = points[before[-1]] * growth ** (year - before[-1])
        else:
            out[year] = points[after[0]] / growth ** (after[0] - year)
    return out


def with_pair_mix(
    world: World,
    exporter: str,
    importer: str,
    mix: Mapping[str, float],
    total: float,
    seed: int,
    lines: int = 80,
) -> World:
    """The world with the ``exporter`` → ``importer`` flows replaced by ``lines`` flows that
    follow ``mix`` (HS4 heading → share, say the exporter's real exports to the world) and sum
    to ``total`` USD: a fictional flow with a plausible product structure."""
    rng = np.random.default_rng(seed)
    iso = [c[1] for c in world.countries]
    ie, ii = iso.index(exporter), iso.index(importer)
    weights = np.zeros(len(world.products))
    by_heading: dict[str, list[int]] = {}
    for i, code in enumerate(world.products):
        by_heading.setdefault(code[:4], []).append(i)
    for heading, share in mix.items():
        found = by_heading.get(heading)
        if found:
            weights[found] += share / len(found)
    chosen = np.argsort(-weights, kind="stable")[:lines]
    chosen = chosen[weights[chosen] > 0]
    if chosen.size == 0:
        return world
    w = weights[chosen] * rng.lognormal(0.0, 0.25, chosen.size)
    values = total * w / w.sum()
    keep = ~((world.exporter == ie) & (world.importer == ii))
    n = chosen.size
    return World(
        world.countries,
        world.products,
        world.year,
        np.concatenate([world.exporter[keep], np.full(n, ie, dtype=world.exporter.dtype)]),
        np.concatenate([world.importer[keep], np.full(n, ii, dtype=world.importer.dtype)]),
        np.concatenate([world.product[keep], chosen.astype(world.product.dtype)]),
        np.concatenate([world.value_usd[keep], values]),
        np.concatenate([world.quantity_t[keep], values / rng.lognormal(7.0, 1.0, n)]),
    )


def write_baci(world: World, folder: Path, release: str = "V000000") -> tuple[Path, Path]:
    """Write ``BACI_HS17_Y<year>_<release>-FICTIONAL.csv`` and its country-code file."""
    folder.mkdir(parents=True, exist_ok=True)
    codes = folder / f"country_codes_{release}.csv"
    with codes.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["country_code", "country_name", "country_iso2", "country_iso3"])
        for num, iso in world.countries:
            w.writerow([num, f"{iso} (fictional)", "", iso])
    numeric = np.array([int(c[0]) for c in world.countries])
    table = pa.table(
        {
            "t": pa.array(np.full(world.exporter.size, world.year, dtype=np.int32)),
            "i": pa.array(numeric[world.exporter]),
            "j": pa.array(numeric[world.importer]),
            "k": pa.array(np.array([int(p) for p in world.products])[world.product]),
            "v": pa.array(np.round(world.value_usd / 1000.0, 3)),
            "q": pa.array(np.round(world.quantity_t, 3)),
        }
    )
    path = folder / f"BACI_HS17_Y{world.year}_{release}-FICTIONAL.csv"
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="none"))
    return path, codes


def write_comtrade_mirror(
    world: World, a: str, b: str, path: Path, seed: int, cif_fob: float = 1.06
) -> Path:
    """Fictional Comtrade-layout declarations of ``a`` and ``b`` about their mutual trade.

    Each side declares its exports FOB and its imports CIF, with reporting noise, so that the
    two declarations of one flow differ as real mirror data do.
    """
    rng = np.random.default_rng(seed)
    iso = [c[1] for c in world.countries]
    ia, ib = iso.index(a), iso.index(b)
    header = ["refYear", "reporterISO", "partnerISO", "flowCode", "classificationCode",
              "cmdCode", "primaryValue", "qty", "qtyUnitAbbr"]  # fmt: skip
    with path.open("a" if path.exists() else "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        if f.tell() == 0:
            w.writerow(header)
        for exp, imp in ((ia, ib), (ib, ia)):
            sel = np.nonzero((world.exporter == exp) & (world.importer == imp))[0]
            for k in sel:
                code = world.products[world.product[k]]
                v = world.value_usd[k]
                q = world.quantity_t[k] * 1000
                fob = v * rng.lognormal(0.0, 0.05)
                # small lines are declared loosely, large ones (power, copper) closely
                cif = v * cif_fob * rng.lognormal(0.0, 0.25 if v < 10e6 else 0.03)
                w.writerow(
                    [world.year, iso[exp], iso[imp], "X", "H5", code, round(fob, 2), round(q), "kg"]
                )
                if v >= 1e6 or rng.random() < 0.9:  # the importer misses some small lines
                    w.writerow(
                        [
                            world.year,
                            iso[imp],
                            iso[exp],
                            "M",
                            "H5",
                            code,
                            round(cif, 2),
                            round(q),
                            "kg",
                        ]
                    )
    return path
