"""Border gates, seaports and economic zones."""

from __future__ import annotations

from functools import cache

from lienket.refdata.base import (
    BorderGate,
    Names,
    Seaport,
    Zone,
    _bool,
    _float,
    rows,
)


@cache
def border_gates() -> tuple[BorderGate, ...]:
    """Viet Nam - Lao border gate pairs."""
    return tuple(
        BorderGate(
            r["code"],
            r["vn_gate"],
            r["vn_province_code"],
            r["la_gate"],
            r["la_province_code"],
            r["status"],
            r["road"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            r["coordinate_quality"],
            r["verified"],
            r["source_url"],
            r["notes"],
        )
        for r in rows("border_gates.csv")
    )


@cache
def seaports() -> tuple[Seaport, ...]:
    """Vietnamese seaports, with those serving Lao transit cargo marked."""
    return tuple(
        Seaport(
            r["code"],
            r["name"],
            r["name_vi"],
            r["province_code"],
            r["unlocode"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            _bool(r["serves_lao"]),
            r["coordinate_quality"],
            _bool(r["verified"]),
            r["source"],
            r["notes"],
        )
        for r in rows("seaports.csv")
    )


@cache
def zones() -> tuple[Zone, ...]:
    """Zones of both countries (Lao SEZs, Vietnamese economic and border zones, parks)."""
    return tuple(
        Zone(
            r["code"],
            r["country"],
            r["province_code"],
            r["kind"],
            Names(r["name_en"], r["name_vi"], r["name_lo"]),
            r["status"],
            _float(r["latitude"]),
            _float(r["longitude"]),
            r["coordinate_quality"],
            _bool(r["verified"]),
            r["notes"],
        )
        for r in rows("zones.csv")
    )
