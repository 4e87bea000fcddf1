"""Import 10,000 enterprises from XLSX: lienket's importer against a row-by-row ORM import.

    .venv/bin/python benchmarks/import_enterprises.py [--rows 10000]

Generates a seeded XLSX in the import layout, imports it with lienket (validation of every row,
bulk writes, duplicate flagging, all in one transaction) into a fresh SQLite database, then
imports the same file with the straightforward peer: openpyxl rows, `Enterprise.objects.create`
and one `EnterpriseProduct` insert per code, one transaction. Both runs are timed in this
process; the last line reads `rows_per_s=... lienket_s=... peer_s=... speedup=...`.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROWS = 10_000


def make_xlsx(rows: int, seed: int = 7) -> bytes:
    from openpyxl import Workbook

    from lienket import refdata
    from lienket.registry.importers import ENTERPRISE_OPTIONAL, ENTERPRISE_REQUIRED

    rng = random.Random(seed)
    codes = [c for c, h in refdata.hs_codes("HS2022").items() if h.level == 6]
    vn = [p.names.vi for (c, _), p in refdata.provinces().items() if c == "VNM"]
    la = [p.names.en for (c, _), p in refdata.provinces().items() if c == "LAO"]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    cols = ENTERPRISE_REQUIRED + ENTERPRISE_OPTIONAL
    ws.append(list(cols))
    for i in range(rows):
        lao = i % 2 == 1
        row = {
            "country": "LAO" if lao else "VNM",
            "name_vi": "" if lao else f"Công ty TNHH Sản xuất Thử {i} Bình Minh",
            "name_lo": f"ບໍລິສັດ ທົດລອງ {i} ຈຳກັດ" if lao else "",
            "name_en": f"Benchmark Firm {i} Co., Ltd",
            "tax_id": f"{100000000000 + i}" if lao else f"{1000000000 + i:010d}",
            "province": rng.choice(la if lao else vn),
            "sector": "industry",
            "stages": "processing",
            "products": " ".join(rng.sample(codes, 2)),
            "inputs": rng.choice(codes),
            "employees": str(rng.randint(1, 500)),
            "annual_revenue": str(rng.randint(1, 900) * 1_000_000_000),
            "fictional": "yes",
        }
        ws.append([row.get(c, "") for c in cols])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def peer_import(data: bytes) -> int:
    """The straightforward import: one ORM call per row and per product, no validation."""
    from django.db import transaction
    from openpyxl import load_workbook

    from lienket.registry.models import Enterprise, EnterpriseProduct

    ws = load_workbook(io.BytesIO(data), read_only=True).active
    rows = ws.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    n = 0
    with transaction.atomic():
        for values in rows:
            r = {h: ("" if v is None else str(v)) for h, v in zip(header, values, strict=False)}
            ent = Enterprise.objects.create(
                country=r["country"],
                name_vi=r["name_vi"],
                name_lo=r["name_lo"],
                name_en=r["name_en"],
                tax_id=r["tax_id"] + "p",
                province_code=r["province"][:8],
                sector=r["sector"],
                employees=int(r["employees"] or 0),
            )
            for code in r["products"].split():
                EnterpriseProduct.objects.create(enterprise=ent, role="made", hs_code=code)
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lienket-bench-"))
    os.environ["LIENKET_VAR_DIR"] = str(tmp)
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from rich.progress import Progress

    from lienket.registry.importers import import_enterprises
    from lienket.registry.models import Enterprise
    from lienket.registry.services import load_reference_zones

    call_command("migrate", verbosity=0)
    load_reference_zones()
    print(f"generating {args.rows} rows ...", file=sys.stderr)
    data = make_xlsx(args.rows)
    steward = User(is_superuser=True, is_active=True)

    with Progress(transient=True) as bar:
        tasks: dict[str, object] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)  # type: ignore[arg-type]

        start = time.perf_counter()
        result = import_enterprises(io.BytesIO(data), "bench.xlsx", steward, progress=report)
        lienket_s = time.perf_counter() - start
    assert result.created == args.rows
    Enterprise.objects.all().delete()

    start = time.perf_counter()
    peer_rows = peer_import(data)
    peer_s = time.perf_counter() - start
    assert peer_rows == args.rows
    print(
        f"lienket: {args.rows} rows validated and imported in {lienket_s:.1f} s; "
        f"peer (row-by-row ORM, no validation): {peer_s:.1f} s",
        file=sys.stderr,
    )
    print(
        f"rows_per_s={args.rows / lienket_s:.0f} lienket_s={lienket_s:.2f} "
        f"peer_s={peer_s:.2f} speedup={peer_s / lienket_s:.2f}"
    )


if __name__ == "__main__":
    main()
