"""Long tables are paged, say where the reader is, sort by a header click and download whole."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lienket.trade import tables


def test_paginate_keeps_a_bad_page_number_in_range():
    rows = list(range(250))
    assert tables.paginate(rows, "2").rows == list(range(100, 200))
    last = tables.paginate(rows, "99")
    assert (last.number, last.first, last.last, last.total) == (3, 201, 250, 250)
    assert tables.paginate(rows, "x").number == 1
    assert tables.paginate([], None).first == 0


def test_the_advantage_table_is_paged_sorted_by_header_and_downloads_every_row(client, trade_store):
    url = "/trade/advantage/"
    response = client.get(url, {"dataset": "2017-hs4-ots", "sort": "-rca_b", "page": "2"})
    body = response.content.decode()
    total = len(response.context["table"].rows)
    assert total > 1000
    assert f"Rows 101–200 of {total:,}" in body or f"Rows 101–200 of {total}" in body
    assert 'aria-sort="descending"' in body
    header = next(h for h in response.context["headers"] if h["key"] == "rca_b")
    assert header["arrow"] == "↓" and header["next"] == "rca_b"  # a second click: ascending
    ascending = client.get(url, {"dataset": "2017-hs4-ots", "sort": "rca_b"}).context["page"]
    values = [r["rca_b"] for r in ascending.rows if r["rca_b"] is not None]
    assert values == sorted(values)
    download = client.get(url, {"dataset": "2017-hs4-ots", "table": "advantage-2017-hs4",
                                "format": "xlsx", "page": "2"})  # fmt: skip
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert sheet.max_row == total + 1  # every row, not the page
