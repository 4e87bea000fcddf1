"""The application's trade store and the data lienket ships or generates for it."""

from __future__ import annotations

import csv
import gzip
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

from lienket import refdata
from lienket.core import audit, roles
from lienket.core.models import Indicator, Target
from lienket.engine.trade import analysis, synthetic
from lienket.engine.trade.complexity import Complexity
from lienket.engine.trade.store import ImportRecord, ImportResult, StoreLimits, TradeStore
from lienket.engine.trade.turnover import Figure
from lienket.engine.trade.turnover import series as turnover_series
from lienket.trade import demomix

OTS_FILE = "trade/ots_world_exports_hs4_2017.csv.gz"
OTS_SOURCE = "ots"
OTS_EDITION = "HS2007"
DEMO_YEARS = range(2019, 2026)
DEMO_SEED = 2025
#: the demo's swing around the path through the published totals (a year of no published
#: figure only), so that its years fall below, within and above the Committee's band as real
#: years do; and each flow's yearly growth after the last published year
DEMO_SWING = {2020: 0.90, 2021: 1.02, 2023: 0.953}
DEMO_GROWTH_AFTER = {"export": 1.18, "import": 1.10}  # the first pair country's view


def get_store() -> TradeStore:
    """The store under ``LIENKET_TRADE_DIR`` (``var/trade`` by default), as the current reader
    may see it: a visitor or an enterprise user serving a request sees the public imports
    only; government roles, the command line and the background workers see every import."""
    user = audit.request_user()
    public_only = user is not None and not roles.can_read_private_trade(user)
    return store_at(settings.LIENKET_TRADE_DIR, public_only)


def store_at(root: Path | str, public_only: bool = False) -> TradeStore:
    """The trade store under ``root`` with lienket's reference data and the configured
    limits: every store the domain apps open is made here."""
    return TradeStore(
        root, reference=refdata.trade_reference(), public_only=public_only, limits=store_limits()
    )


def store_limits() -> StoreLimits:
    """What one trade file may cost, from the settings (issue 24)."""
    return StoreLimits(
        zip_ratio=settings.LIENKET_ZIP_MAX_RATIO,
        unzipped_bytes=settings.LIENKET_TRADE_UNZIPPED_MAX_MB * 1024 * 1024,
        duckdb_memory_mb=settings.LIENKET_DUCKDB_MEMORY_MB,
    )


def pair() -> tuple[str, str]:
    a, b = settings.LIENKET_COUNTRIES[:2]
    return a, b


def load_reference(store: TradeStore | None = None) -> ImportResult:
    """Load the real 2017 world export matrix by HS4 product (Open Trade Statistics)."""
    store = store or get_store()
    return store.import_world_exports(
        refdata.data_file(OTS_FILE),
        OTS_SOURCE,
        year=2017,
        edition=OTS_EDITION,
        note="UN Comtrade via Open Trade Statistics (economiccomplexity R package), 2017, HS2007",
    )


def real_export_mix(*countries: str) -> dict[str, dict[str, float]]:
    """Each country's real exports to the world in 2017 by HS4 heading, as shares (OTS file,
    read once for all of them)."""
    values: dict[str, dict[str, float]] = {c: {} for c in countries}
    with gzip.open(refdata.data_file(OTS_FILE), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["reporter_iso"] in values and r["export_value_usd"]:
                values[r["reporter_iso"]][r["product_code"]] = float(r["export_value_usd"])
    out = {}
    for country, by_heading in values.items():
        whole = sum(by_heading.values()) or 1.0
        out[country] = {k: v / whole for k, v in by_heading.items() if v > 0}
    return out


def published_flows(a: str, b: str) -> dict[tuple[str, str], dict[int, float]]:
    """Published full-year totals (USD) of the flows a→b and b→a, from the exporter's release
    where there is one, else the importer's: the demo's fictional totals follow them."""
    out: dict[tuple[str, str], dict[int, float]] = {}
    for fig in sorted(refdata.published_trade(), key=lambda f: f.flow.startswith("import")):
        if fig.product_group != "TOTAL" or not fig.period.isdigit():
            continue
        if fig.flow.startswith("export_to_"):
            pair_ = (fig.reporter, fig.flow.removeprefix("export_to_"))
        elif fig.flow.startswith("import_from_"):
            pair_ = (fig.flow.removeprefix("import_from_"), fig.reporter)
        else:
            continue
        if set(pair_) == {a, b}:
            out.setdefault(pair_, {}).setdefault(int(fig.period), fig.value_usd_million * 1e6)
    return out


def load_demo(
    store: TradeStore | None = None,
    years: range = DEMO_YEARS,
    n_countries: int = 50,
    n_products: int = 1200,
    progress: Callable[[int, int], None] | None = None,
) -> list[ImportResult]:
    """Generate and import fictional world trade (BACI layout) and fictional mirror declarations.

    Viet Nam - Lao flows follow a mix built from real figures (``demomix``: the published
    product groups, the goods the sources name, then each exporter's real 2017 exports to the
    world by HS4 heading, Open Trade Statistics) and are scaled so that their totals pass through
    the published totals, with a stated swing between them (``DEMO_SWING``) so that the demo
    shows every state of the band; every row is fictional and marked so in the store.
    Running it again imports nothing new (same seed, same bytes).
    """
    store = store or get_store()
    a, b = pair()
    codes = refdata.countries()
    chosen = [a, b, "CHN", "THA", "KHM", "USA", "JPN", "KOR", "DEU", "IND", "SGP", "MYS", "IDN"]
    chosen += sorted(c for c in codes if codes[c].m49 and c not in chosen)
    countries = [(codes[c].m49, c) for c in chosen[:n_countries]]
    chain_codes = sorted(refdata.chain_stages_of_hs6("HS2017"))
    others = sorted(c for c, h in refdata.hs_codes("HS2017").items() if h.level == 6)
    world_mix = real_export_mix(a, b)
    mixes = {a: demomix.pair_mix(a, b, world_mix[a]), b: demomix.pair_mix(b, a, world_mix[b])}
    # the headings of the pair's demo trade, so that the generated world has their codes
    leading = {h for mix in mixes.values() for h in sorted(mix, key=mix.__getitem__)[-60:]}
    products = sorted(
        set(chain_codes)
        | set(others[:: max(1, len(others) // n_products)])
        | {c for c in others if c[:4] in leading}
    )
    totals = {}
    for (x, m), points in published_flows(a, b).items():
        after = DEMO_GROWTH_AFTER["export" if x == a else "import"]
        path = synthetic.published_path(points, list(years), growth=after)
        totals[(x, m)] = {
            y: v if y in points else v * DEMO_SWING.get(y, 1.0) for y, v in path.items()
        }
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        mirror = folder / "comtrade_VNM_LAO_demo-FICTIONAL.csv"
        for n, year in enumerate(years):
            world = synthetic.generate_world(countries, products, year, DEMO_SEED + year, 6.0)
            for exporter, importer in ((a, b), (b, a)):
                total = totals.get((exporter, importer), {}).get(year, 500e6 * 1.1**n)
                world = synthetic.with_pair_mix(
                    world, exporter, importer, mixes[exporter], total, DEMO_SEED + year
                )
            path, country_file = synthetic.write_baci(world, folder / str(year), "V000000")
            note = "Fictional demo data generated by lienket (not real trade)"
            out.append(
                store.import_file(
                    path, "baci", countries_file=country_file, fictional=True, note=note
                )
            )
            synthetic.write_comtrade_mirror(world, a, b, mirror, DEMO_SEED + year)
            if progress:
                progress(n + 1, len(years) + 1)
        out.append(
            store.import_file(
                mirror, "comtrade", fictional=True, note="Fictional mirror declarations (demo)"
            )
        )
        if progress:
            progress(len(years) + 1, len(years) + 1)
    return out


def stage_of() -> dict[str, tuple[tuple[str, str], ...]]:
    """6-digit codes of the store's edition mapped to their (chain, stage) pairs."""
    return refdata.chain_stages_of_hs6(get_store().edition)


def manifest_stamp(store: TradeStore) -> float:
    """When the store's manifest last changed: a key for what is computed from the store."""
    path = store.manifest_path
    return path.stat().st_mtime_ns if path.exists() else 0.0


#: complexity results kept in this process (one at HS6 holds about 200 MB): keyed by the
#: store's manifest stamp, so an import makes the old ones unreachable and the bound evicts them
COMPLEXITY_CACHE = 4


@lru_cache(maxsize=COMPLEXITY_CACHE)
def _complexity(
    root: str, stamp: float, year: int, level: int, source: str, public_only: bool = False
) -> Complexity | None:
    store = store_at(root, public_only)
    matrix = analysis.export_matrix(store, year, level, source or None)
    return matrix.complexity() if matrix else None


def complexity_of(year: int, level: int, source: str = "") -> Complexity | None:
    """Complexity of a year's world matrix, cached until the store changes."""
    store = get_store()
    return _complexity(
        str(store.root), manifest_stamp(store), year, level, source, store.public_only
    )


def datasets() -> list[dict[str, object]]:
    """World matrices the advantage pages can use (year, HS level, source), newest first.

    A world matrix needs every exporter: the bundled 2017 HS4 matrix, BACI, or a Comtrade
    file with many reporters; bilateral customs files are not enough.
    """
    out: dict[tuple[int, int, str], dict[str, object]] = {}
    for r in get_store().imports():
        if r.kind == "flows" and not (r.source == "baci" or len(r.reporters) >= 20):
            continue
        levels = (4,) if r.kind == "world" else (6, 4)
        for year in r.years:
            for level in levels:
                blank = {"year": year, "level": level, "source": r.source, "edition": r.edition}
                entry = out.setdefault((year, level, r.source), {**blank, "fictional": False})
                entry["fictional"] = bool(entry["fictional"]) or r.fictional
    return [out[k] for k in sorted(out, key=lambda k: (-k[0], -k[1], k[2]))]


def flow_source(year: int | None = None) -> str | None:
    """The source to read bilateral product detail from: the first of the turnover's
    precedence (``LIENKET_TURNOVER_PRECEDENCE``) that has product lines for the year, so the
    product and chain tables follow the turnover's order of sources (issue 26)."""
    records = [r for r in get_store().imports() if r.kind == "flows"]
    if year is not None:
        records = [r for r in records if year in r.years]
    sources = {r.source for r in records}
    for preferred in (*precedence(), "customs", "comtrade", "baci"):
        if preferred in sources:
            return preferred
    return None


def turnover(
    declarant: str,
    partner: str,
    low: float | None = None,
    high: float | None = None,
) -> list[Figure]:
    """The declarant's turnover with ``partner`` by period: published figures entered by users
    and the store's files, one source per period by ``LIENKET_TURNOVER_PRECEDENCE``. Each
    year's band is the target recorded for it (``core.Target``, issue 27), else ``low``-``high``
    when given (a what-if on the dashboard), else the configured default band."""
    from lienket.trade import figures

    found = figures.observations(declarant, partner)
    found += analysis.store_observations(get_store(), declarant, partner)
    explicit = low is not None and high is not None
    if explicit:
        targets: dict[int, tuple[float, float]] = {}
        default: tuple[float, float] | None = (float(low), float(high))  # type: ignore[arg-type]
    else:
        targets = recorded_targets()
        default = settings.LIENKET_DEFAULT_TRADE_BAND
    lo, hi = default if default else (None, None)
    return turnover_series(found, declarant, partner, precedence(), lo, hi, targets)


def recorded_targets() -> dict[int, tuple[float, float]]:
    """The two-way trade growth band recorded for each year."""
    return {
        t.year: (float(t.low), float(t.high))
        for t in Target.objects.filter(indicator=Indicator.TRADE_GROWTH)
        if t.low is not None and t.high is not None
    }


def target_of(year: int) -> Target | None:
    """The trade target recorded for ``year``, with its source (``None``: none recorded)."""
    return Target.objects.filter(indicator=Indicator.TRADE_GROWTH, year=year).first()


def precedence() -> tuple[str, ...]:
    """The order in which sources answer for a turnover figure (first wins)."""
    return tuple(settings.LIENKET_TURNOVER_PRECEDENCE)


def import_trade_file(
    store: TradeStore,
    path: Path,
    source: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    by: Any = None,
    **options: object,
) -> list[ImportResult]:
    """Import one trade file, or every year of a BACI release zip: the command line's and the
    web upload's one way in. ``options`` are those of :meth:`TradeStore.import_file`. Each
    stored file is recorded in the audit log against ``by``."""
    if path.suffix.lower() == ".zip":
        results = store.import_archive(
            path, replace=bool(options.get("replace")), progress=progress
        )
    else:
        results = [store.import_file(path, source, progress=progress, **options)]  # type: ignore[arg-type]
    for res in results:
        if not res.already:
            r = res.record
            audit.record(by, "imported", None,
                         f"trade file {r.file} ({r.source}, {r.rows} lines, years "
                         f"{', '.join(map(str, r.years))}; store id {r.id})")  # fmt: skip
    return results


def remove_import(store: TradeStore, import_id: str, by: Any = None) -> ImportRecord:
    """Remove one import from the trade store, recorded in the audit log (issue 24 - the
    command line's removal left no trace). ``KeyError`` when there is no such import."""
    gone = store.remove(import_id)
    summary = f"trade file {gone.file} ({gone.source}, {gone.rows} lines; store id {gone.id})"
    audit.record(by, "deleted", None, summary)
    return gone
