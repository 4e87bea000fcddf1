"""Trade ingest and the full indicator set: lienket against pandas + Harvard's `ecomplexity`.

    .venv/bin/python benchmarks/trade_indicators.py [--countries 220] [--products 5000]

Generates, from a seed, one fictional world year in CEPII BACI's layout at HS6 scale (about 220
countries x 5,000 products, about 10 million exporter-importer-product rows), then in the same
run and on the same file:

- lienket: `TradeStore.import_file` (streaming, every row checked, Parquet out), then the full
  indicator set — the HS6 export matrix from DuckDB, RCA, Mcp, diversity, ubiquity, ECI, PCI,
  proximity, density, COI, COG, and for the Viet Nam - Lao pair turnover, export similarity,
  complementarity, trade intensity, untapped potential both ways and linkage candidates;
- the peer: `pandas.read_csv`, a groupby to exporter x product, then `ecomplexity` (the
  Growth Lab's package: RCA, Mcp, ECI, PCI, proximity, density, COI, COG).

Each side runs in its own child process so that its peak memory (max RSS) is its own. The
results are compared (RCA and density to 1e-9, ECI correlation >= 0.9999). The last line reads
`speedup=<peer s / lienket s> lienket_s=… peer_s=… lienket_peak_gib=… equal=yes|no`.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from lienket.refdata import trade_reference

SEED = 20251
YEAR = 2022


def generate(folder: Path, n_countries: int, n_products: int) -> tuple[Path, Path, int]:
    from lienket import refdata
    from lienket.engine.trade import synthetic

    codes = refdata.countries()
    first = ["VNM", "LAO"]
    isos = first + sorted(c for c in codes if codes[c].m49 and c not in first)
    countries = [(codes[c].m49, c) for c in isos[:n_countries]]
    hs6 = sorted(c for c, h in refdata.hs_codes("HS2017").items() if h.level == 6 and c < "9999")
    step = max(1, len(hs6) // n_products)
    products = hs6[::step][:n_products]
    world = synthetic.generate_world(countries, products, YEAR, SEED, destinations=24.0)
    path, country_file = synthetic.write_baci(world, folder)
    return path, country_file, int(world.exporter.size)


def run_lienket(path: str, country_file: str, out: str, queue: mp.Queue) -> None:
    from lienket import refdata
    from lienket.engine.trade import analysis
    from lienket.engine.trade import indicators as ind
    from lienket.engine.trade.store import TradeStore

    stage_of = refdata.chain_stages_of_hs6("HS2017")
    store = TradeStore(Path(out) / "store", reference=trade_reference())
    start = time.perf_counter()
    store.import_file(path, "baci", countries_file=country_file)
    ingested = time.perf_counter()
    matrix = analysis.export_matrix(store, YEAR, 6, "baci")
    assert matrix is not None
    result = matrix.complexity()
    t = analysis.turnover(store, "VNM", "LAO", "baci")
    vn, la = result.country("VNM"), result.country("LAO")
    ind.export_similarity(result.exports[vn], result.exports[la])
    imports_la, _ = analysis.world_totals(store, "LAO", YEAR, "M", 6, "baci")
    la_imports = np.array([imports_la.get(p, 0.0) for p in result.products])
    ind.complementarity(la_imports, result.exports[vn])
    world_imports = float(result.exports.sum())
    bilateral = t.a_to_b.get(("baci", YEAR), 0.0)
    ind.intensity(bilateral, result.exports[vn].sum(), la_imports.sum(), world_imports)
    analysis.potential(store, "VNM", "LAO", YEAR, 6, "baci", matrix)
    analysis.potential(store, "LAO", "VNM", YEAR, 6, "baci", matrix)
    analysis.linkage_candidates(store, "VNM", "LAO", YEAR, stage_of, "baci", 1.0, matrix, result)
    done = time.perf_counter()
    np.savez(
        Path(out) / "lienket.npz",
        countries=np.array(result.countries),
        products=np.array(result.products),
        rca=result.rca,
        density=result.density,
        eci=result.eci,
        pci=result.pci,
    )
    queue.put((ingested - start, done - ingested))


def run_peer(path: str, country_file: str, out: str, queue: mp.Queue) -> None:
    import pandas as pd
    from ecomplexity import ecomplexity

    start = time.perf_counter()
    frame = pd.read_csv(path, dtype={"k": str})
    read_csv_s = time.perf_counter() - start
    codes = pd.read_csv(country_file, dtype={"country_code": int})
    iso = dict(zip(codes["country_code"], codes["country_iso3"], strict=True))
    frame["k"] = frame["k"].str.zfill(6)
    exports = frame.groupby(["t", "i", "k"], as_index=False)["v"].sum()
    exports["loc"] = exports["i"].map(iso)
    read = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = ecomplexity(
            exports,
            {"time": "t", "loc": "loc", "prod": "k", "val": "v"},
            check_logsupermodularity=False,
            verbose=False,
        )
    elapsed = time.perf_counter() - start
    result[["loc", "k", "rca", "density", "eci", "pci"]].to_parquet(Path(out) / "peer.parquet")
    queue.put((read, elapsed - read, read_csv_s))


def child(target, *args):
    """Run ``target`` in a fresh process and return what it put on the queue."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    answer = queue.get()
    proc.join()
    return answer


def compare(out: Path) -> bool:
    import pandas as pd

    mine = np.load(out / "lienket.npz")
    peer = pd.read_parquet(out / "peer.parquet")
    ci = {c: i for i, c in enumerate(mine["countries"])}
    pi = {p: i for i, p in enumerate(mine["products"])}
    peer = peer[peer["loc"].isin(ci) & peer["k"].isin(pi)]
    r = peer["loc"].map(ci).to_numpy()
    p = peer["k"].map(pi).to_numpy()
    rca_ok = np.abs(mine["rca"][r, p] - peer["rca"].to_numpy()).max() < 1e-9
    den_ok = np.abs(mine["density"][r, p] - peer["density"].to_numpy()).max() < 1e-9
    eci_ok = np.corrcoef(mine["eci"][r], peer["eci"].to_numpy())[0, 1] >= 0.9999
    pci_ok = np.corrcoef(mine["pci"][p], peer["pci"].to_numpy())[0, 1] >= 0.9999
    print(f"rca_equal={rca_ok} density_equal={den_ok} eci_corr_ok={eci_ok} pci_corr_ok={pci_ok}")
    return bool(rca_ok and den_ok and eci_ok and pci_ok)


def peak_gib_of_children() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1 << 20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=int, default=220)
    parser.add_argument("--products", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        path, country_file, rows = generate(folder, args.countries, args.products)
        size = path.stat().st_size / 1e6
        took = time.perf_counter() - t0
        print(f"generated {rows} rows ({size:.0f} MB) in {took:.1f} s", flush=True)
        ingest_s, indicators_s = child(run_lienket, str(path), str(country_file), tmp)
        lienket_peak = peak_gib_of_children()
        lienket_s = ingest_s + indicators_s
        print(f"lienket: ingest {ingest_s:.2f} s, indicators {indicators_s:.2f} s", flush=True)
        peer_read_s, peer_index_s, read_csv_s = child(run_peer, str(path), str(country_file), tmp)
        peer_s = peer_read_s + peer_index_s
        print(
            f"peer: pandas read_csv + groupby {peer_read_s:.2f} s, "
            f"ecomplexity {peer_index_s:.2f} s",
            flush=True,
        )
        print(f"indicators_speedup={peer_index_s / indicators_s:.1f} (ecomplexity / lienket)")
        equal = compare(folder)
    # issue 8: the ingest (every row checked, Parquet written) against pandas.read_csv alone
    print(
        f"ingest_s={ingest_s:.2f} read_csv_s={read_csv_s:.2f} "
        f"ingest_speedup={read_csv_s / ingest_s:.1f} (read_csv / lienket ingest)"
    )
    print(
        f"speedup={peer_s / lienket_s:.1f} lienket_s={lienket_s:.2f} peer_s={peer_s:.2f} "
        f"lienket_peak_gib={lienket_peak:.2f} equal={'yes' if equal else 'no'}"
    )
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
