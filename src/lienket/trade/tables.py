"""Every figure the trade pages show, as tables: one definition serves the page, the API and
the XLSX/CSV downloads, so the three never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lienket import refdata
from lienket.core import datalabels, labels
from lienket.engine.trade import analysis
from lienket.engine.trade import indicators as ind
from lienket.trade import services

# kinds decide formatting: text, code, usd, number, ratio, percent, year, status
Column = tuple[str, Any, str]


@dataclass
class Table:
    """Named columns (key, label, kind) and rows of plain values."""

    name: str
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    total_rows: int | None = None

    @property
    def keys(self) -> list[str]:
        return [c[0] for c in self.columns]

    def download_labels(self) -> list[str]:
        """Headers of a download: a status column is written in words, its code beside it."""
        out = []
        for _key, label, kind in self.columns:
            out.append(str(label))
            if kind == "status":
                out.append(f"{label} ({_('code')})")
        return out

    def download_values(self) -> list[list[Any]]:
        """Rows of a download in the reader's language, codes in their own columns."""
        out = []
        for r in self.rows:
            row: list[Any] = []
            for key, _label, kind in self.columns:
                value = _plain(r.get(key))
                if kind == "status":
                    row += [str(STATUS.get(value, value)) if value else None, value]
                else:
                    row.append(value)
            out.append(row)
        return out

    def json_rows(self) -> list[dict[str, Any]]:
        return [{k: _plain(r.get(k)) for k in self.keys} for r in self.rows]


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if not np.isfinite(value):
            return None
        # 568834509.1999999 is the sum of floats; no source has 16 significant digits
        return float(f"{value:.12g}")
    return value


STATUS = {
    "below": gettext_lazy("below target"),
    "within": gettext_lazy("within the target band"),
    "above": gettext_lazy("above target"),
    "no_data": gettext_lazy("no data"),
    "base": gettext_lazy("base year"),
}
SOURCE_LABELS = {
    "published": gettext_lazy("published figure"),
    "customs": gettext_lazy("national customs file"),
    "comtrade": gettext_lazy("UN Comtrade"),
    "baci": gettext_lazy("CEPII BACI (reconciled mirror)"),
}
FLOW_LABELS = {
    "export_to_LAO": gettext_lazy("exports to Lao PDR"),
    "import_from_LAO": gettext_lazy("imports from Lao PDR"),
    "export_to_VNM": gettext_lazy("exports to Viet Nam"),
    "import_from_VNM": gettext_lazy("imports from Viet Nam"),
    "two_way": gettext_lazy("two-way trade"),
}


def hs_label(code: str) -> str:
    """Description of an HS code of the store's edition in the reader's language, marked "[EN]"
    where no text in that language exists."""
    return labels.hs_plain(code, "HS2017")


def published() -> Table:
    """The published figures entered in lienket, each with its declarant and source."""
    from lienket.trade.models import PublishedFigure

    table = Table(
        "published",
        [
            ("period", _("Period"), "text"),
            ("reporter", _("Reported by"), "text"),
            ("reporter_code", _("Reported by (code)"), "code"),
            ("flow", _("Flow"), "text"),
            ("product_group", _("Product group"), "text"),
            ("value_usd", _("Value"), "usd"),
            ("yoy_growth_pct", _("Growth over a year before, %"), "number"),
            ("source", _("Source"), "text"),
            ("published", _("Published"), "text"),
            ("verified", _("Verified against the release"), "text"),
        ],
    )
    for f in PublishedFigure.objects.all():
        table.rows.append(
            {
                "period": str(f.period),
                "reporter": labels.country_name(f.declarant),
                "reporter_code": f.declarant,
                "flow": f"{f.get_flow_display()} – {labels.country_name(f.partner)}",
                "product_group": datalabels.label(f.product_group)
                if f.product_group
                else _("total"),
                "value_usd": f.value_usd,
                "yoy_growth_pct": float(f.stated_growth_pct)
                if f.stated_growth_pct is not None
                else None,
                "source": f.source_title
                + (f" <{f.source_url}>" if f.source_url else "")
                + (" — " + str(_("fictional")) if f.fictional else ""),
                "published": f.published.isoformat() if f.published else "",
                "verified": _("by %(who)s on %(day)s")
                % {"who": f.verified_by_label, "day": f.verified.date().isoformat()}
                if f.verified
                else _("not yet verified"),
            }
        )
    return table


def source_label(source: str, label: str) -> str:
    kind = SOURCE_LABELS.get(source)
    return f"{kind}: {label}" if kind else label


def target_tracking(
    a: str, b: str, low: float = ind.TARGET_LOW, high: float = ind.TARGET_HIGH
) -> dict[str, Table]:
    """For each declarant, its turnover by period from one chosen source, against the band of
    ``low``-``high`` growth on the same months of the year before."""
    out = {}
    for declarant, partner in ((a, b), (b, a)):
        figures = services.turnover(declarant, partner, low, high)
        if not any(f.turnover is not None for f in figures):
            continue
        table = Table(
            f"turnover-{declarant}",
            [
                ("period", _("Period"), "text"),
                ("exports", _("Exports of %(country)s") % {"country": declarant}, "usd"),
                ("imports", _("Imports of %(country)s") % {"country": declarant}, "usd"),
                ("turnover", _("Turnover"), "usd"),
                ("source", _("Source"), "text"),
                ("previous", _("Same months a year before"), "usd"),
                ("growth", _("Growth"), "percent"),
                ("band_low", _("Target band, low"), "usd"),
                ("band_high", _("Target band, high"), "usd"),
                ("status", _("Status"), "status"),
                ("other_sources", _("Other sources (not added)"), "text"),
            ],
        )
        for f in figures:
            others = "; ".join(
                f"{source_label(o.source, o.label)}: {_money(o.turnover)}"
                + (
                    f" ({_('difference')} {_money(o.difference)})"
                    if o.difference is not None
                    else ""
                )
                + (f" — {_('fictional')}" if o.fictional else "")
                for o in f.alternatives
            )
            table.rows.append(
                {
                    "year": f.period.year,
                    "period": str(f.period),
                    "exports": f.exports,
                    "imports": f.imports,
                    "turnover": f.turnover,
                    "source": source_label(f.source, f.label)
                    + (f" — {_('fictional')}" if f.fictional else ""),
                    "previous": f.previous,
                    "growth": f.growth,
                    "band_low": f.band_low,
                    "band_high": f.band_high,
                    "status": f.status,
                    "other_sources": others,
                    "fictional": f.fictional,
                }
            )
        out[declarant] = table
    return out


def _money(value: float | None) -> str:
    return _("no data") if value is None else f"{value / 1e6:,.1f} M USD"


def mirror(a: str, b: str) -> Table:
    """Each direction by year: the exporter's declaration (FOB) and the importer's (CIF)."""
    t = analysis.turnover(services.get_store(), a, b)
    table = Table(
        "mirror",
        [
            ("year", _("Year"), "year"),
            ("direction", _("Direction"), "text"),
            ("exports_fob", _("Declared by the exporter (FOB)"), "usd"),
            ("imports_cif", _("Declared by the importer (CIF)"), "usd"),
            ("imports_fob", _("Importer's figure at FOB"), "usd"),
            ("gap", _("Gap"), "usd"),
            ("ratio", _("Importer / exporter"), "ratio"),
        ],
    )
    for year in t.years():
        for exporter, importer, flows in ((a, b, t.a_to_b), (b, a, t.b_to_a)):
            x, m = flows.get((exporter, year)), flows.get((importer, year))
            if x is None and m is None:
                continue
            g = ind.mirror_gap(x, m)
            table.rows.append(
                {
                    "year": year,
                    "direction": f"{exporter} → {importer}",
                    "exports_fob": g.exports_fob,
                    "imports_cif": g.imports_cif,
                    "imports_fob": g.imports_fob,
                    "gap": g.gap,
                    "ratio": g.ratio,
                }
            )
    return table


def top_products(exporter: str, importer: str, year: int, level: int, limit: int = 20) -> Table:
    source = services.flow_source(year)
    values = analysis.by_product(services.get_store(), exporter, importer, year, level, source)
    total = sum(values.values()) or 1.0
    table = Table(
        f"products-{exporter}-{importer}-{year}-hs{level}",
        [
            ("code", _("HS code"), "code"),
            ("description", _("Description"), "text"),
            ("value_usd", _("Value"), "usd"),
            ("share", _("Share"), "percent"),
        ],
        total_rows=len(values),
    )
    for code, v in sorted(values.items(), key=lambda kv: -kv[1])[:limit]:
        table.rows.append(
            {"code": code, "description": hs_label(code), "value_usd": v, "share": v / total}
        )
    return table


def chain_table(a: str, b: str, year: int) -> Table:
    source = services.flow_source(year)
    flows = analysis.chain_flows(services.get_store(), a, b, year, services.stage_of(), source)
    chains = refdata.chains()
    table = Table(
        f"chains-{year}",
        [
            ("chain", _("Chain"), "text"),
            ("stage", _("Stage"), "text"),
            ("direction", _("Direction"), "text"),
            ("value_usd", _("Value"), "usd"),
            ("products", _("Products traded"), "number"),
        ],
    )
    for f in flows:
        table.rows.append(
            {
                "chain": chains[f.chain].names.get(_lang()),
                "stage": str(STAGE_LABELS.get(f.stage, f.stage)),
                "direction": f"{f.exporter} → {f.importer}",
                "value_usd": f.value_usd,
                "products": f.products,
            }
        )
    return table


STAGE_LABELS = {
    "raw_material": gettext_lazy("raw material"),
    "processing": gettext_lazy("production and processing"),
    "manufacturing": gettext_lazy("manufacturing"),
    "design": gettext_lazy("design"),
    "distribution": gettext_lazy("distribution"),
}


def _lang() -> str:
    from django.utils.translation import get_language

    return (get_language() or "en")[:2]


def advantage(
    a: str,
    b: str,
    year: int,
    level: int,
    source: str,
    min_rca: float = 0.0,
    chain: str = "",
    query: str = "",
    sort: str = "-rca_b",
) -> tuple[Table, dict[str, Any] | None]:
    """Products with each side's RCA, PCI, density and opportunity gain; and a summary."""
    result = services.complexity_of(year, level, source)
    columns: list[Column] = [
        ("code", _("HS code"), "code"),
        ("description", _("Description"), "text"),
        ("rca_a", _("RCA %(country)s") % {"country": a}, "ratio"),
        ("rca_b", _("RCA %(country)s") % {"country": b}, "ratio"),
        ("exports_a", _("Exports %(country)s") % {"country": a}, "usd"),
        ("exports_b", _("Exports %(country)s") % {"country": b}, "usd"),
        ("pci", _("Product complexity (PCI)"), "number"),
        ("ubiquity", _("Countries with RCA"), "number"),
        ("density_a", _("Density %(country)s") % {"country": a}, "ratio"),
        ("density_b", _("Density %(country)s") % {"country": b}, "ratio"),
        ("cog_a", _("Opportunity gain %(country)s") % {"country": a}, "number"),
        ("cog_b", _("Opportunity gain %(country)s") % {"country": b}, "number"),
    ]
    table = Table(f"advantage-{year}-hs{level}", columns)
    if result is None or (a not in result.countries and b not in result.countries):
        return table, None
    ia = result.country(a) if a in result.countries else None
    ib = result.country(b) if b in result.countries else None
    in_chain: set[str] | None = None
    if chain:
        in_chain = {
            c for c, pairs in services.stage_of().items() for ch, _s in pairs if ch == chain
        }
        if level == 4:
            in_chain = {c[:4] for c in in_chain}
    q = query.strip().lower()

    def get(matrix: np.ndarray, row: int | None, j: int) -> float | None:
        return float(matrix[row, j]) if row is not None else None

    for j, code in enumerate(result.products):
        ra, rb = get(result.rca, ia, j), get(result.rca, ib, j)
        xa, xb = get(result.exports, ia, j), get(result.exports, ib, j)
        if not (xa or xb):
            continue
        if min_rca and max(ra or 0.0, rb or 0.0) < min_rca:
            continue
        if in_chain is not None and code not in in_chain:
            continue
        description = hs_label(code)
        if q and q not in code and q not in description.lower():
            continue
        table.rows.append(
            {
                "code": code,
                "description": description,
                "rca_a": ra,
                "rca_b": rb,
                "exports_a": xa,
                "exports_b": xb,
                "pci": float(result.pci[j]),
                "ubiquity": int(result.ubiquity[j]),
                "density_a": get(result.density, ia, j),
                "density_b": get(result.density, ib, j),
                "cog_a": get(result.cog, ia, j),
                "cog_b": get(result.cog, ib, j),
            }
        )
    _sort(table, sort)
    table.total_rows = len(table.rows)
    n = len(result.countries)
    order = np.argsort(-result.eci)
    rank = {result.countries[i]: r + 1 for r, i in enumerate(order)}
    similarity = None
    if ia is not None and ib is not None:
        similarity = ind.export_similarity(result.exports[ia], result.exports[ib])
    summary = {
        "countries": n,
        "products": len(result.products),
        "eci_a": float(result.eci[ia]) if ia is not None else None,
        "eci_b": float(result.eci[ib]) if ib is not None else None,
        "rank_a": rank.get(a),
        "rank_b": rank.get(b),
        "diversity_a": int(result.diversity[ia]) if ia is not None else None,
        "diversity_b": int(result.diversity[ib]) if ib is not None else None,
        "similarity": similarity,
    }
    return table, summary


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


def _sort(table: Table, sort: str) -> None:
    key = sort.lstrip("-")
    if key not in table.keys:
        key, sort = table.keys[0], table.keys[0]
    reverse = sort.startswith("-")

    def value(row: dict[str, Any]) -> Any:
        v = row.get(key)
        if v is None:
            return (1, 0) if not reverse else (-1, 0)
        return (0, v)

    table.rows.sort(key=value, reverse=reverse)


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
    ranked = found.ranked()
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
