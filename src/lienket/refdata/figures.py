"""Published Viet Nam - Lao trade figures and ADB sector indicators, with their sources."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lienket.refdata.base import (
    _float,
    rows,
)


@dataclass(frozen=True)
class PublishedFigure:
    """A Viet Nam - Lao trade figure as printed in a release, with its reporter and source."""

    period: str
    reporter: str
    flow: str
    product_group: str
    value_usd_million: float
    yoy_growth_pct: float | None
    source: str
    published: str  # the release's date (YYYY-MM-DD) when the source gives it, else ""
    qualifier: str = ""  # the release's wording: "more_than" for "more than 2 billion"


@cache
def published_trade() -> tuple[PublishedFigure, ...]:
    """Published aggregate Viet Nam - Lao trade figures (both sides' releases)."""
    return tuple(
        PublishedFigure(
            r["period"],
            r["reporter"],
            r["flow"],
            r["product_group"],
            float(r["value_usd_million"]),
            _float(r["yoy_growth_pct"]),
            r["source"],
            r["published"],
            r.get("qualifier", ""),
        )
        for r in rows("trade/published_vn_la.csv")
    )


@dataclass(frozen=True)
class SectorIndicator:
    """ADB MRIO indicators of one economy, sector and year."""

    year: int
    country: str
    sector: int
    sector_name: str
    exports_usd_million: float | None
    rca_gross: float | None
    rca_value_added: float | None
    gvc_forward: float | None
    gvc_backward: float | None
    gvc_participation: float | None


@cache
def adb_sector_indicators() -> tuple[SectorIndicator, ...]:
    """Gross and value-added RCA and GVC participation of Viet Nam and Lao PDR by sector."""
    return tuple(
        SectorIndicator(
            int(r["year"]),
            r["country"],
            int(r["sector"]),
            r["sector_name"],
            _float(r["exports_usd_million"]),
            _float(r["rca_gross"]),
            _float(r["rca_value_added"]),
            _float(r["gvc_forward"]),
            _float(r["gvc_backward"]),
            _float(r["gvc_participation"]),
        )
        for r in rows("trade/adb_mrio_vnm_lao.csv")
    )
