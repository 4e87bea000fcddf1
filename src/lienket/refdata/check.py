"""Cross-file consistency checks of the bundled reference data (``lienket refdata check``)."""

from __future__ import annotations

from collections.abc import Callable

from lienket import refdata as rd

SME_SECTORS = {"agriculture", "industry", "construction", "trade", "services"}


def _provinces() -> list[str]:
    problems = []
    counts = {c: sum(1 for k in rd.provinces() if k[0] == c) for c in ("VNM", "LAO")}
    if counts != {"VNM": 34, "LAO": 18}:
        problems.append(f"provinces: expected 34 VNM and 18 LAO units, found {counts}")
    if len(rd.former_provinces()) != 63:
        problems.append(f"provinces_vnm_former.csv: expected 63 rows, {len(rd.former_provinces())}")
    for f in rd.former_provinces():
        if ("VNM", f.new_code) not in rd.provinces():
            problems.append(f"provinces_vnm_former.csv: {f.name_vi} maps to unknown {f.new_code}")
    for v in rd.place_variants():
        known = (
            v.code in rd.countries()
            if v.kind == "country"
            else (v.country, v.code) in rd.provinces()
        )
        if not known:
            problems.append(f"place_variants.csv: {v.variant} maps to unknown {v.kind} {v.code}")
    return problems


def _hs() -> list[str]:
    problems = []
    for edition in rd.HS_EDITIONS:
        codes = rd.hs_codes(edition)
        for c in codes.values():
            if len(c.code) != c.level or not c.code.isdigit():
                problems.append(f"{edition} {c.code}: level {c.level} does not match the code")
            if c.parent and c.parent not in codes:
                problems.append(f"{edition} {c.code}: parent {c.parent} missing")
            if c.stage and c.stage not in rd.BEC_STAGES:
                problems.append(f"{edition} {c.code}: unknown stage {c.stage}")
    return problems


def _chains() -> list[str]:
    problems = []
    hs = rd.hs_codes("HS2022")
    for p in rd.chain_products():
        chain = rd.chains().get(p.chain)
        if chain is None:
            problems.append(f"chain_products.csv: unknown chain {p.chain}")
        elif p.stage not in chain.stages:
            problems.append(f"chain_products.csv: {p.chain} has no stage {p.stage}")
        if p.hs not in hs:
            problems.append(f"chain_products.csv: {p.hs} ({p.note}) is not an HS2022 code")
    for chain in rd.chains().values():
        bad = set(chain.stages) - set(rd.STAGES)
        if bad:
            problems.append(f"chains.csv: {chain.code} has unknown stages {sorted(bad)}")
    return problems


def _places() -> list[str]:
    problems = []
    known = rd.provinces()
    for g in rd.border_gates():
        for key in (("VNM", g.vn_province), ("LAO", g.la_province)):
            if key not in known:
                problems.append(f"border_gates.csv: {g.code} has unknown province {key}")
    for s in rd.seaports():
        if ("VNM", s.province) not in known:
            problems.append(f"seaports.csv: {s.code} has unknown province {s.province}")
    for z in rd.zones():
        if z.province and (z.country, z.province) not in known:
            problems.append(f"zones.csv: {z.code} has unknown province {z.province}")
        for lat, lon in ((z.latitude, z.longitude),):
            if lat is not None and not (8 <= lat <= 24 and 100 <= (lon or 0) <= 110):
                problems.append(f"zones.csv: {z.code} coordinates outside Viet Nam / Lao PDR")
    return problems


def _sme() -> list[str]:
    problems = []
    for r in rd.sme_rules():
        if r.country not in rd.countries():
            problems.append(f"sme_rules.csv: unknown country {r.country}")
        if r.sectors - SME_SECTORS:
            problems.append(f"sme_rules.csv: unknown sectors {sorted(r.sectors - SME_SECTORS)}")
    return problems


CHECKS: dict[str, Callable[[], list[str]]] = {
    "countries and provinces": _provinces,
    "HS nomenclatures": _hs,
    "priority chains": _chains,
    "gates, ports and zones": _places,
    "SME rules": _sme,
}


def run_checks() -> dict[str, list[str]]:
    """Run every check; returns the problems found by each (empty lists when all is well)."""
    return {name: check() for name, check in CHECKS.items()}
