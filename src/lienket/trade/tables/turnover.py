"""Turnover against the target band, mirror statistics, top products and chains."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from lienket import refdata
from lienket.core import formats, labels
from lienket.engine.trade import analysis
from lienket.engine.trade import indicators as ind
from lienket.engine.trade.turnover import Period
from lienket.trade import services
from lienket.trade.tables.base import (
    SOURCE_LABELS,
    STAGE_LABELS,
    Table,
    _lang,
    hs_label,
    source_label,
)


def target_tracking(
    a: str, b: str, low: float | None = None, high: float | None = None
) -> dict[str, Table]:
    """For each declarant, its turnover by period from one chosen source, against each year's
    growth band on the same months of the year before: the target recorded for the year, else
    the default band (or ``low``-``high`` when given, a what-if), and which it is."""
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
                ("target", _("Target"), "text"),
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
                    "target": target_words(f),
                    "other_sources": others,
                    "fictional": f.fictional,
                }
            )
        out[declarant] = table
    return out


def target_words(f: object) -> str:
    """A period's growth target in words, with where it comes from."""
    lo, hi = getattr(f, "target_low", None), getattr(f, "target_high", None)
    basis = getattr(f, "band_basis", "")
    if lo is None or hi is None or basis == "none":
        return _("no target recorded")
    band = f"{formats.percent(lo, _lang(), 0)}–{formats.percent(hi, _lang(), 0)}"
    if basis == "recorded":
        t = services.target_of(f.period.year)  # type: ignore[attr-defined]
        session = t.session if t else None
        if session:
            return _("%(band)s, set at session %(n)s") % {"band": band, "n": session}
        return _("%(band)s, recorded target") % {"band": band}
    return _("%(band)s, default band (no target recorded for the year)") % {"band": band}


def _money(value: float | None) -> str:
    if value is None:
        return _("no data")
    amount = formats.usd_million(value, translation.get_language() or "en")
    return _("%(amount)s million USD") % {"amount": amount}


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


def detail_note(exporter: str, importer: str, year: int, source: str | None, total: float) -> str:
    """Where a product or chain table's lines come from, and the turnover's own figure for the
    same flow and year beside it (two sources side by side, never reconciled)."""
    if not source:
        return ""
    fictional = any(
        r.fictional
        for r in services.get_store().imports()
        if r.source == source and year in r.years
    )
    lang = _lang()
    words = _(
        "Product lines: %(source)s%(fictional)s, %(year)s; their sum %(total)s million USD."
    ) % {
        "source": SOURCE_LABELS.get(source, source),
        "fictional": f" ({_('fictional')})" if fictional else "",
        "year": year,
        "total": formats.usd_million(total, lang),
    }
    figure = next(
        (f for f in services.turnover(exporter, importer) if f.period == Period(year)), None
    )
    if figure is not None and figure.exports is not None:
        words += " " + _(
            "The turnover uses %(source)s: exports of %(country)s %(value)s million USD, shown "
            "beside it, not added."
        ) % {
            "source": source_label(figure.source, figure.label)
            + (f" ({_('fictional')})" if figure.fictional else ""),
            "country": labels.country_name(exporter),
            "value": formats.usd_million(figure.exports, lang),
        }
    return words


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
        note=detail_note(exporter, importer, year, source, sum(values.values())),
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
    fictional = source is not None and any(
        r.fictional
        for r in services.get_store().imports()
        if r.source == source and year in r.years
    )
    table = Table(
        f"chains-{year}",
        [
            ("chain", _("Chain"), "text"),
            ("stage", _("Stage"), "text"),
            ("direction", _("Direction"), "text"),
            ("value_usd", _("Value"), "usd"),
            ("products", _("Products traded"), "number"),
        ],
        note=(
            _(
                "Source: %(source)s%(fictional)s, %(year)s; the chains' flows are product lines, "
                "not the turnover's figure."
            )
            % {
                "source": SOURCE_LABELS.get(source, source),
                "year": year,
                "fictional": f" ({_('fictional')})" if fictional else "",
            }
            if source
            else ""
        ),
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
