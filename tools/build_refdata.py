"""Rebuild the generated reference-data CSVs in src/lienket/refdata/data from their sources.

Run by a maintainer when a source changes (not at install time):

    .venv/bin/python tools/build_refdata.py ../shared/data

Sources (see src/lienket/refdata/SOURCES.md): pycountry (ISO 3166-1 and its iso-codes
translations), vietnam-provinces (the 34 provincial units of 2025), the project's shared data
folder (HS nomenclatures and BEC concordances, the 2025 province merger table).
The hand-kept files (Lao provinces, chains, gates, ports, zones, SME rules, tax-id formats) are
edited directly and are not touched here.
"""

from __future__ import annotations

import csv
import gettext
import gzip
import json
import shutil
import sys
import unicodedata
from pathlib import Path

import pycountry
from vietnam_provinces import Province

OUT = Path(__file__).resolve().parents[1] / "src" / "lienket" / "refdata" / "data"

# UNCTAD "stages of processing" grouping of BEC Rev.4 basic categories.
STAGE_OF_BEC = {
    **dict.fromkeys(["111", "21", "31"], "primary"),
    **dict.fromkeys(["121", "22", "322", "42", "53"], "intermediate"),
    **dict.fromkeys(["41", "521"], "capital"),
    **dict.fromkeys(["112", "122", "522", "61", "62", "63"], "consumption"),
    **dict.fromkeys(["321", "51", "7"], "mixed"),
}


def bec_basic(code: str) -> str:
    """BEC Rev.4 basic category: the package pads codes to 3 digits ("210" is category 21)."""
    code = code.strip()
    if len(code) == 3 and code.endswith("00"):
        return code[0]
    if len(code) == 3 and code.endswith("0"):
        return code[:2]
    return code


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    with (OUT / name).open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


# Short names that officials use, typed by the project for the pair, ASEAN and main partners;
# iso-codes gives official long forms ("Cộng hoà Nhân dân Dân chủ Lào") or leaves them English.
SHORT_NAMES = {
    "VNM": ("Viet Nam", "Việt Nam", "ຫວຽດນາມ"),
    "LAO": ("Lao PDR", "Lào", "ລາວ"),
    "KHM": ("Cambodia", "Campuchia", "ກຳປູເຈຍ"),
    "THA": ("Thailand", "Thái Lan", "ໄທ"),
    "MMR": ("Myanmar", "Myanmar", "ມຽນມາ"),
    "MYS": ("Malaysia", "Malaysia", "ມາເລເຊຍ"),
    "SGP": ("Singapore", "Singapore", "ສິງກະໂປ"),
    "IDN": ("Indonesia", "Indonesia", "ອິນໂດເນເຊຍ"),
    "PHL": ("Philippines", "Philippines", "ຟີລິບປິນ"),
    "BRN": ("Brunei Darussalam", "Brunei", "ບຣູໄນ"),
    "TLS": ("Timor-Leste", "Timor-Leste", "ຕີມໍ-ເລສເຕ"),
    "CHN": ("China", "Trung Quốc", "ຈີນ"),
    "JPN": ("Japan", "Nhật Bản", "ຍີ່ປຸ່ນ"),
    "KOR": ("Republic of Korea", "Hàn Quốc", "ເກົາຫຼີໃຕ້"),
    "USA": ("United States", "Hoa Kỳ", "ສະຫະລັດອາເມລິກາ"),
    "IND": ("India", "Ấn Độ", "ອິນເດຍ"),
    "AUS": ("Australia", "Úc", "ອົດສະຕຣາລີ"),
    "DEU": ("Germany", "Đức", "ເຢຍລະມັນ"),
    "FRA": ("France", "Pháp", "ຝຣັ່ງ"),
    "RUS": ("Russian Federation", "Nga", "ຣັດເຊຍ"),
}


def countries() -> None:
    tr = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("vi", "lo")
    }
    rows = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        en, vi, lo = SHORT_NAMES.get(
            c.alpha_3, (name, tr["vi"].gettext(c.name), tr["lo"].gettext(c.name))
        )
        rows.append([c.alpha_3, c.alpha_2, c.numeric, en, vi, lo])
    write("countries.csv", ["iso3", "iso2", "m49", "name_en", "name_vi", "name_lo"], rows)


def ascii_fold(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def vn_provinces(shared: Path) -> None:
    rows, by_short = [], {}
    for p in Province.iter_all():
        code = f"{int(p.code):02d}"
        short = p.name.removeprefix("Thành phố ").strip()
        by_short[short] = code
        kind = "city" if p.name.startswith("Thành phố") else "province"
        rows.append([code, p.name, short, ascii_fold(short), kind])
    write("provinces_vnm.csv", ["code", "name_vi", "short_name_vi", "name_en", "kind"], rows)

    merged = []
    with (shared / "boundaries" / "vn_province_merger_2025.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            merged.append(
                [
                    r["old_province"],
                    r["old_iso3166_2"],
                    by_short[r["new_province"]],
                    r["verified_in_source"].lower(),
                    r["source_url"],
                ]
            )
    write(
        "provinces_vnm_former.csv",
        ["old_name_vi", "old_iso3166_2", "new_code", "verified", "source_url"],
        merged,
    )


def hs(shared: Path, edition: str, bec_file: str, hs_col: str, bec_col: str) -> None:
    bec: dict[str, str] = {}
    with (shared / "hs_concordances" / bec_file).open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            bec.setdefault(r[hs_col], bec_basic(r[bec_col]))
    rows = []
    src = shared / "hs_concordances" / f"hs{edition}_codes.csv"
    with src.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            b = bec.get(r["code"], "") if r["level"] == "6" else ""
            rows.append(
                [
                    r["code"],
                    r["level"],
                    r["parent"],
                    r["section"],
                    r["description"],
                    b,
                    STAGE_OF_BEC.get(b, ""),
                ]
            )
    write(
        f"hs{edition}.csv",
        ["code", "level", "parent", "section", "description", "bec4", "stage"],
        rows,
    )


def trade(shared: Path) -> None:
    """Trade reference data: the HS2022->HS2017 table, the 2017 world export matrix (HS2007
    4-digit), the published Viet Nam - Lao aggregates and the ADB MRIO indicators of the two."""
    shutil.copyfile(shared / "hs_concordances" / "hs2022_to_hs2017.csv", OUT / "hs2022_to_hs2017.csv")
    trade_dir = OUT / "trade"
    trade_dir.mkdir(exist_ok=True)
    shutil.copyfile(
        shared / "ots_world_trade_2017" / "world_exports_hs4_2017.csv.gz",
        trade_dir / "ots_world_exports_hs4_2017.csv.gz",
    )
    shutil.copyfile(
        shared / "published_vn_la" / "vn_la_trade_published.csv",
        trade_dir / "published_vn_la.csv",
    )
    economies = {}
    with (shared / "adb_mrio_indicators" / "mrio_economies.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            economies[r["mrio"]] = r["mrio_code"]
    keep = {"VIE": "VNM", "LAO": "LAO"}
    sectors = {}
    with (shared / "adb_mrio_indicators" / "mrio_sectors.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            sectors[r["c_ind"]] = r["c_name"]
    out = []
    rca = {}
    with gzip.open(shared / "adb_mrio_indicators" / "rca_mrio62_2000_2021.csv.gz", "rt") as f:
        for r in csv.DictReader(f):
            if r["agg"] == "35" and economies.get(r["s"]) in keep:
                rca[(r["t"], keep[economies[r["s"]]], r["i"])] = r
    with gzip.open(
        shared / "adb_mrio_indicators" / "gvc_participation_mrio72_2017_2021.csv.gz", "rt"
    ) as f:
        gvc = {}
        for r in csv.DictReader(f):
            if r["agg"] == "35" and economies.get(r["s"]) in keep:
                gvc[(r["t"], keep[economies[r["s"]]], r["i"])] = r
    for key in sorted(set(rca) | set(gvc)):
        year, iso, sector = key
        a, b = rca.get(key, {}), gvc.get(key, {})
        out.append([
            year, iso, sector, sectors[sector],
            a.get("exports_si", ""), a.get("rca", ""), a.get("rca_vaxes", ""),
            b.get("GVCP_trade_f", ""), b.get("GVCP_trade_b", ""), b.get("GVCP_trade", ""),
        ])
    write(
        "trade/adb_mrio_vnm_lao.csv",
        ["year", "country", "sector", "sector_name", "exports_usd_million", "rca_gross",
         "rca_value_added", "gvc_forward", "gvc_backward", "gvc_participation"],
        out,
    )


def _rings(geometry: dict) -> list[list[list[float]]]:
    """Outer rings of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [poly[0] for poly in geometry["coordinates"]]


def _area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a /= 2
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a), cx / (6 * a), cy / (6 * a)


def geography(shared: Path) -> None:
    """Province centroids and neighbours (from shared vertices), and a light SVG map.

    Viet Nam's 34 units of 2025 are the unions of the former 63 (geoBoundaries, 2008
    boundaries); Lao PDR's 18 are geoBoundaries' 2017 provinces. Centroids are area-weighted;
    two provinces are neighbours when their simplified outlines share at least two vertices.
    """
    former = {}
    with (OUT / "provinces_vnm_former.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            former[r["old_iso3166_2"]] = r["new_code"]
    shapes: dict[tuple[str, str], list[list[list[float]]]] = {}
    for country, name in (("VNM", "vnm_adm1_geoboundaries_simplified.geojson"), ("LAO", "lao_adm1_geoboundaries_simplified.geojson")):
        data = json.loads((shared / "boundaries" / name).read_text(encoding="utf-8"))
        for feature in data["features"]:
            iso = feature["properties"]["shapeISO"]
            code = former.get(iso) if country == "VNM" else iso
            if code is None:
                raise SystemExit(f"no 2025 unit for {iso}")
            shapes.setdefault((country, code), []).extend(_rings(feature["geometry"]))
    rows, vertices = [], {}
    for key, rings in sorted(shapes.items()):
        total = sx = sy = 0.0
        for ring in rings:
            a, x, y = _area_centroid(ring)
            total += a
            sx += a * x
            sy += a * y
        vertices[key] = {(round(x, 3), round(y, 3)) for ring in rings for x, y in ring}
        rows.append([key[0], key[1], f"{sy / total:.4f}", f"{sx / total:.4f}"])
    out = []
    for country, code, lat, lon in rows:
        mine = vertices[(country, code)]
        near = sorted(
            c for (k, c), v in vertices.items() if k == country and c != code and len(mine & v) >= 2
        )
        out.append([country, code, lat, lon, " ".join(near)])
    write("province_geo.csv", ["country", "code", "latitude", "longitude", "neighbours"], out)
    # the map: outlines snapped to a 0.03 degree grid (integers in hundredths of a degree)
    paths = {}
    for (country, code), rings in shapes.items():
        parts = []
        for ring in rings:
            pts = []
            for x, y in ring:
                p = (round(x / 0.03) * 3, round(y / 0.03) * 3)  # hundredths of a degree, 0.03 grid
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) >= 4:
                parts.append(pts)
        paths[f"{country}:{code}"] = parts
    (OUT / "map_vn_la.json").write_text(json.dumps(paths, separators=(",", ":")), encoding="utf-8")
    print(f"map_vn_la.json: {len(paths)} provinces")


def main(shared: Path) -> None:
    countries()
    vn_provinces(shared)
    hs(shared, "2022", "hs2022_to_bec4_single.csv", "HS6_6d", "BEC4_3d")
    hs(shared, "2017", "hs2017_to_bec4_un.csv", "hs2017", "bec4")
    trade(shared)
    geography(shared)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
