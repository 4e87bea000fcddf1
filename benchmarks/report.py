"""Build the full periodic report of the demo data as PDF, against the typesetting alone.

    .venv/bin/python benchmarks/report.py [--period 2024] [--lang lo]

Uses the database `make run` prepared (runs `lienket setup --demo` first if it has no demo data).
Times lienket's whole build (data snapshot, every section from the pages' own functions,
charts, the HTML and WeasyPrint's PDF), then the named peer: WeasyPrint typesetting the
finished HTML of the same report on its own, the floor any HTML-to-PDF report pays. The last
line reads `report_s=... peer_s=... ratio=...`; the goal is report_s under 15 on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2024")
    parser.add_argument("--lang", default="lo", choices=("vi", "lo", "en"))
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienket.web.settings")
    import django

    django.setup()
    from lienket.registry.models import Enterprise

    if not Enterprise.objects.exists():
        from typer.testing import CliRunner

        from lienket.cli import app

        print("no demo data yet: running lienket setup --demo", flush=True)
        result = CliRunner().invoke(app, ["setup", "--demo"])
        assert result.exit_code == 0, result.output
    from weasyprint import HTML

    from lienket.core.pages import today
    from lienket.engine.trade.turnover import Period
    from lienket.reports import services, writers

    day = today()
    period = Period.parse(args.period)
    services.render(period, args.lang, "pdf", day)  # load fonts and caches once
    start = time.perf_counter()
    data, snap = services.render(period, args.lang, "pdf", day)
    report_s = time.perf_counter() - start
    doc, _snap = services.document(period, args.lang, day, snap=snap)
    text = writers.html(doc)
    start = time.perf_counter()
    HTML(string=text).write_pdf()
    peer_s = time.perf_counter() - start
    print(f"lienket: {len(data):,} bytes of PDF, {len(doc.sections)} sections, "
          f"{len(doc.sources)} sources, snapshot {snap['hash'][:12]}")  # fmt: skip
    print(f"peer (WeasyPrint typesetting the finished HTML alone): {peer_s:.2f} s")
    print(f"report_s={report_s:.2f} peer_s={peer_s:.2f} ratio={report_s / peer_s:.2f}")


if __name__ == "__main__":
    main()
