"""Opportunity tables (potential, linkage, sectors) and their sorting and pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import datalabels
from lienket.engine.trade import analysis
from lienket.trade import services
from lienket.trade.tables.base import (
    Column,
    Table,
    _lang,
    hs_label,
)


def sort_headers(table: Table, sort: str) -> list[dict[str, Any]]:
    """Each column's header as a link that sorts by it: a second click reverses the order. The
    arrow and ``aria-sort`` say the order the rows are in now."""
    current = sort.lstrip("-")
    out = []
    for key, label, kind in table.columns:
        active = key == current
        descending = sort.startswith("-")
        if active:
            following = key if descending else f"-{key}"
        else:
            following = key if kind in ("text", "code") else f"-{key}"
        out.append({
            "key": key, "label": label, "kind": kind, "next": following,
            "arrow": ("↓" if descending else "↑") if active else "",
            "aria": ("descending" if descending else "ascending") if active else "",
        })  # fmt: skip
    return out


@dataclass
class Page:
    """One page of a long table: its rows and where it sits."""

    rows: list[Any]
    number: int
    pages: int
    first: int
    last: int
    total: int


def paginate(rows: list[Any], raw: str | None, size: int = 100) -> Page:
    """The page ``raw`` (1-based, as typed in the address; a bad value is page 1)."""
    total = len(rows)
    pages = max(1, -(-total // size))
    try:
        number = min(max(int(raw or 1), 1), pages)
    except ValueError:
        number = 1
    start = (number - 1) * size
    chunk = rows[start : start + size]
    return Page(chunk, number, pages, start + 1 if chunk else 0, start + len(chunk), total)


def potential(exporter: str, importer: str, year: int, limit: int = 100) -> Table | None:
    """Untapped potential of the exporter in the importer's market, ranked."""
    found = analysis.potential(services.get_store(), exporter, importer, year, 6, "baci")
    if found is None:
        return None
    table = Table(
        f"potential-{exporter}-{importer}-{year}",
        [
            ("code", _("HS code"), "code"),
            ("description", _("Description"), "text"),
            ("supply", _("Exporter's share of world supply"), "percent"),
            ("demand", _("Importer's imports from the world"), "usd"),
            ("potential", _("Potential"), "usd"),
            ("actual", _("Actual"), "usd"),
            ("untapped", _("Untapped"), "usd"),
        ],
    )
    ranked = [i for i in found.ranked() if refdata.promoted(found.products[i])]
    table.left_out = len(found.ranked()) - len(ranked)
    table.total_rows = len(ranked)
    for i in ranked[:limit]:
        code = found.products[i]
        table.rows.append(
            {
                "code": code,
                "description": hs_label(code),
                "supply": found.supply[i],
                "demand": found.demand[i],
                "potential": found.potential[i],
                "actual": found.actual[i],
                "untapped": found.untapped[i],
            }
        )
    return table


def linkage(a: str, b: str, year: int, limit: int = 100) -> Table | None:
    found = analysis.linkage_candidates(
        services.get_store(), a, b, year, services.stage_of(), "baci"
    )
    if found is None:
        return None
    kept = [c for c in found if refdata.promoted(c.input_code)]
    left_out, found = len(found) - len(kept), kept
    chains = refdata.chains()
    table = Table(
        f"linkage-{year}",
        [
            ("chain", _("Chain"), "text"),
            ("supplier", _("Supplier country"), "code"),
            ("buyer", _("Buyer country"), "code"),
            ("input_code", _("Input (HS)"), "code"),
            ("description", _("Description"), "text"),
            ("supplier_rca", _("Supplier's RCA"), "ratio"),
            ("buyer_world_imports", _("Buyer's imports from the world"), "usd"),
            ("buyer_imports_from_supplier", _("of which from the supplier"), "usd"),
            ("open_value", _("Open to the supplier"), "usd"),
            ("downstream_exports", _("Buyer's downstream exports in the chain"), "usd"),
            ("downstream_codes", _("Main downstream products"), "text"),
        ],
        total_rows=len(found),
        left_out=left_out,
    )
    for c in found[:limit]:
        table.rows.append(
            {
                "chain": chains[c.chain].names.get(_lang()),
                "supplier": c.supplier,
                "buyer": c.buyer,
                "input_code": c.input_code,
                "description": hs_label(c.input_code),
                "supplier_rca": c.supplier_rca,
                "buyer_world_imports": c.buyer_world_imports,
                "buyer_imports_from_supplier": c.buyer_imports_from_supplier,
                "open_value": c.open_value,
                "downstream_exports": c.downstream_exports,
                "downstream_codes": " ".join(c.downstream_codes),
            }
        )
    return table


def sectors(year: int) -> Table:
    """ADB MRIO indicators of the two economies by sector for one year."""
    rows: dict[int, dict[str, Any]] = {}
    for s in refdata.adb_sector_indicators():
        if s.year != year:
            continue
        row = rows.setdefault(
            s.sector, {"sector": s.sector, "sector_name": datalabels.label(s.sector_name)}
        )
        p = s.country.lower()
        row[f"rca_{p}"] = s.rca_gross
        row[f"rca_va_{p}"] = s.rca_value_added
        row[f"gvc_f_{p}"] = s.gvc_forward
        row[f"gvc_b_{p}"] = s.gvc_backward
    columns: list[Column] = [("sector_name", _("Sector (ADB MRIO)"), "text")]
    for country in services.pair():
        p = country.lower()
        columns += [
            (f"rca_{p}", _("RCA, gross, %(country)s") % {"country": country}, "ratio"),
            (f"rca_va_{p}", _("RCA, value added, %(country)s") % {"country": country}, "ratio"),
            (f"gvc_f_{p}", _("GVC forward, %(country)s") % {"country": country}, "percent"),
            (f"gvc_b_{p}", _("GVC backward, %(country)s") % {"country": country}, "percent"),
        ]
    return Table(f"adb-sectors-{year}", columns, [rows[k] for k in sorted(rows)])
