"""Hostile files against lienket's importers: peak memory, time, refusal, and what is left.

    .venv/bin/python benchmarks/hostile.py [--scale 1.0] [--ceiling-mb 1024]

Generates the probe files of issue 24 in a temporary folder (nothing is downloaded):

* ``bomb.zip``        a BACI release whose data member unpacks ~1,000 times its packed size;
* ``repeated.csv``    a BACI file whose millions of lines are one identical key;
* ``strings.xlsx``    a workbook inside the size and ratio limits holding millions of shared
                      strings;
* ``hugecell.xlsx``   a workbook whose one cell holds a text of tens of megabytes;
* ``iati.xml``        a valid IATI 2.03 file of thousands of activities, near the size limit;
* ``iati-dense.xml``  a well-formed file of millions of tiny elements inside the size limit;
* ``good.csv``        an ordinary BACI file of the same size as ``repeated.csv`` (the peer:
                      what an honest file of that size costs).

Each file goes through lienket's real importer (the trade store, the table reader of every
registry/project/work-plan import, the IATI reader) in a process of its own, which reports its
own peak resident memory. One line per file:

    file=<name> bytes=<size> peak_mb=<peak> seconds=<time> refused=<yes|no> left=<temporary files>

and a last line with the largest peak as a ratio of the ceiling (``ceiling_ratio`` at or under
1 is the goal) and of the ordinary file's peak (``peer_ratio``).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

CODES = "country_code,country_name,country_iso2,country_iso3\n704,VN,VN,VNM\n418,LA,LA,LAO\n"
HEADER = "t,i,j,k,v,q\n"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
kind, path, root = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
start = time.perf_counter()
refused, reason = False, ""
try:
    if kind == "trade":
        from lienket.engine.trade.store import TradeStore
        from lienket.refdata import trade_reference
        store = TradeStore(root, reference=trade_reference())
        if path.suffix == ".zip":
            store.import_archive(path)
        else:
            codes = path.with_name("country_codes_V202501.csv")
            store.import_file(path, "baci", countries_file=codes)
    elif kind == "table":
        from lienket.engine.io import tabular
        with path.open("rb") as f:
            tabular.read_table(f, path.name, ("name",))
    elif kind == "iati":
        import os
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
        from lienket.engine.io import iati
        from importlib.resources import files
        standard = iati.Standard(Path(str(files("lienket.refdata").joinpath("data", "iati"))))
        iati.parse(path.read_bytes(), path.name, standard)
except Exception as exc:  # a refusal is the expected answer to most probes
    refused, reason = True, f"{type(exc).__name__}: {str(exc)[:160]}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "seconds": time.perf_counter() - start,
                  "refused": refused, "reason": reason}))
"""


def bomb(folder: Path, scale: float) -> Path:
    path = folder / "BACI_HS17_V202501.zip"
    line = b"2022,704,418,010121,1.5,2\n"
    block = line * (1024**2 // len(line))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("country_codes_V202501.csv", CODES)
        with z.open("BACI_HS17_Y2022_V202501.csv", "w", force_zip64=True) as member:
            member.write(HEADER.encode())
            for _ in range(int(1024 * scale)):
                member.write(block)
    return path


#: partners of the ordinary file (ISO numeric and alpha-3), so that no key repeats
PARTNERS = (
    (4, "AFG"), (8, "ALB"), (12, "DZA"), (24, "AGO"), (32, "ARG"), (36, "AUS"),
    (40, "AUT"), (50, "BGD"), (56, "BEL"), (76, "BRA"), (124, "CAN"), (156, "CHN"),
)  # fmt: skip


def baci_lines(folder: Path, name: str, lines: int, repeated: bool) -> Path:
    from lienket.refdata import hs_codes

    extra = "".join(f"{n},{iso},{iso[:2]},{iso}\n" for n, iso in PARTNERS)
    (folder / "country_codes_V202501.csv").write_text(CODES + extra)
    codes = [c for c in hs_codes("HS2017") if len(c) == 6]
    path = folder / name
    year = name.split("_Y")[1][:4]
    with path.open("w") as f:
        f.write(HEADER)
        if repeated:
            f.write(f"{year},704,418,010121,1.5,2\n" * lines)
            return path
        n = 0
        for y in range(1996, 2025):  # about 140,000 keys a year
            for i in (704, 418):
                for j, _ in [*PARTNERS, (418 if i == 704 else 704, "")]:
                    for c in codes:
                        if n == lines:
                            return path
                        f.write(f"{y},{i},{j},{c},1.5,2\n")
                        n += 1
    return path


def workbook(path: Path, strings: list[str], rows: list[list[int]]) -> Path:
    """A minimal valid XLSX written directly (openpyxl would take minutes for millions)."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
            'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
            '"xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id='
            '"rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
            '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
                b'.org/spreadsheetml/2006/main">'
            )
            for s in strings:
                f.write(f"<si><t>{s}</t></si>".encode())
            f.write(b"</sst>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            for r, cells in enumerate(rows, start=1):
                row = "".join(f'<c r="{chr(65 + k)}{r}" t="s"><v>{v}</v></c>'
                              for k, v in enumerate(cells))  # fmt: skip
                f.write(f'<row r="{r}">{row}</row>'.encode())
            f.write(b"</sheetData></worksheet>")
    return path


def iati_file(path: Path, activities: int) -> Path:
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" '
            'generated-datetime="2026-01-01T00:00:00">\n')  # fmt: skip
    with path.open("w") as f:
        f.write(head)
        for i in range(activities):
            f.write(
                f'<iati-activity last-updated-datetime="2026-01-01T00:00:00" xml:lang="en" '
                f'default-currency="USD"><iati-identifier>XM-BENCH-{i}</iati-identifier>'
                f'<reporting-org ref="XM-BENCH" type="10"><narrative>Bench</narrative>'
                f"</reporting-org><title><narrative>Project {i} of a long benchmark file with "
                f"a title of ordinary length</narrative></title><description><narrative>"
                f"{'A description of an aid project in Lao PDR. ' * 6}</narrative></description>"
                f'<participating-org role="1" type="10" ref="XM-BENCH"><narrative>Bench'
                f'</narrative></participating-org><activity-status code="2"/>'
                f'<activity-date type="1" iso-date="2024-01-01"/>'
                f'<recipient-country code="LA" percentage="100"/>'
                f'<sector vocabulary="1" code="32110" percentage="100"/>'
                f'<budget type="1" status="1"><period-start iso-date="2024-01-01"/><period-end '
                f'iso-date="2024-12-31"/><value currency="USD" value-date="2024-01-01">100000'
                f"</value></budget>"
                + "".join(
                    f'<transaction><transaction-type code="3"/><transaction-date iso-date='
                    f'"2024-{m:02d}-15"/><value currency="USD" value-date="2024-{m:02d}-15">'
                    f"{1000 + m}</value></transaction>"
                    for m in range(1, 13)
                )
                + "</iati-activity>\n"
            )
        f.write("</iati-activities>\n")
    return path


def iati_dense(path: Path, scale: float) -> Path:
    """A well-formed file of millions of tiny elements, inside the IATI size limit."""
    with path.open("w") as f:
        f.write('<?xml version="1.0"?>\n<iati-activities version="2.03"><iati-activity>')
        f.write('<x a="1"/>' * int(5_000_000 * scale))
        f.write("</iati-activity></iati-activities>\n")
    return path


def run(kind: str, path: Path, root: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(path), str(root)],  # noqa: S603
                          capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode:
        return {"peak_mb": float("nan"), "seconds": 0, "refused": True,
                "reason": f"crashed: {done.stderr.strip()[-200:]}"}  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--ceiling-mb", type=float, default=1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        root = folder / "store"
        lines = int(3_000_000 * args.scale)
        n = int(3_000_000 * args.scale)
        probes = [
            ("trade", bomb(folder, args.scale)),
            ("trade", baci_lines(folder, "BACI_HS17_Y2022_V202501.csv", lines, repeated=True)),
            (
                "table",
                workbook(
                    folder / "strings.xlsx",
                    ["name", *(f"s{i}" for i in range(n))],
                    [[0]] + [[i] for i in range(1, 2001)],
                ),
            ),
            # random text packs about 1.3 times: one cell inside every size and ratio limit
            (
                "table",
                workbook(
                    folder / "hugecell.xlsx",
                    ["name", base64.b64encode(os.urandom(int(15e6 * args.scale))).decode()],
                    [[0], [1]],
                ),
            ),
            ("iati", iati_file(folder / "iati.xml", int(20_000 * args.scale))),
            ("iati", iati_dense(folder / "iati-dense.xml", args.scale)),
        ]
        peer_dir = folder / "peer"
        peer_dir.mkdir()
        peer = baci_lines(peer_dir, "BACI_HS17_Y2021_V202501.csv", lines, repeated=False)
        peaks = []
        for kind, path in [*probes, ("trade", peer)]:
            started = time.perf_counter()
            out = run(kind, path, root)
            left = [p for p in root.rglob("*") if p.name.startswith((".work-", ".tmp-", ".unzip-"))]
            peaks.append(float(out["peak_mb"]))
            print(
                f"file={path.name} bytes={path.stat().st_size} peak_mb={out['peak_mb']:.0f} "
                f"seconds={time.perf_counter() - started:.1f} "
                f"refused={'yes' if out['refused'] else 'no'} left={len(left)}"
                + (f"  ({out['reason']})" if out["reason"] else "")
            )
        worst = max(peaks[:-1])
        print(
            f"worst_peak_mb={worst:.0f} ceiling_mb={args.ceiling_mb:.0f} "
            f"ceiling_ratio={worst / args.ceiling_mb:.2f} peer_peak_mb={peaks[-1]:.0f} "
            f"peer_ratio={worst / peaks[-1]:.2f}"
        )


if __name__ == "__main__":
    main()
