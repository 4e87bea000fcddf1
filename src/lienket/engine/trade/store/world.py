"""Importing world export matrices (country x product) into the store."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade import readers
from lienket.engine.trade.schema import (
    WORLD_EXPORT_SCHEMA,
)
from lienket.engine.trade.store.base import (
    StoreBase,
)
from lienket.engine.trade.store.records import (
    ImportRecord,
    ImportResult,
    file_sha256,
)


class WorldImports(StoreBase):
    """Importing a world matrix of exports by country and product."""

    def import_world_exports(
        self,
        path: Path | str,
        source: str,
        *,
        year: int,
        edition: str,
        note: str = "",
    ) -> ImportResult:
        """Add a country x product export matrix (``reporter_iso,product_code,export_value_usd``).

        Used for the 2017 world matrix by HS 4-digit product of Open Trade Statistics. Codes
        are kept in their own edition (``edition``); they are checked for shape only.
        """
        path = Path(path)
        sha = file_sha256(path)
        existing = self._records()
        for r in existing:
            if r.sha256 == sha and r.kind == "world":
                return ImportResult(r, already=True)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as f:
            try:
                table = pacsv.read_csv(
                    f,
                    convert_options=pacsv.ConvertOptions(
                        column_types={
                            "reporter_iso": pa.string(),
                            "product_code": pa.string(),
                            "export_value_usd": pa.string(),
                        }
                    ),
                )
            except (OSError, pa.ArrowInvalid, EOFError) as exc:
                raise DataError([readers.unreadable(path, exc)]) from exc
        for col in ("reporter_iso", "product_code", "export_value_usd"):
            if col not in table.column_names:
                raise DataError(
                    [
                        RowError(
                            path.name,
                            1,
                            col,
                            _("required column %(column)s is missing"),
                            {"column": col},
                        )
                    ]
                )
        errors: list[RowError] = []
        lines = pa.array(range(2, table.num_rows + 2))
        block = readers.Block({}, lines)
        check = readers.Normaliser(path.name, source, self.reference, self.edition)
        reporter = pc.utf8_upper(pc.utf8_trim_whitespace(table["reporter_iso"]))
        ok = pc.is_in(reporter, pa.array(sorted(self.reference.countries)))
        check._check(
            pc.invert(ok), block, "reporter_iso", _("unknown country code %(value)r"), reporter
        )
        code = pc.utf8_trim_whitespace(table["product_code"])
        ok = pc.match_substring_regex(code, r"^[0-9]{4}([0-9]{2})?$")
        check._check(pc.invert(ok), block, "product_code", _("%(value)r is not an HS code"), code)
        value = table["export_value_usd"]
        ok = pc.match_substring_regex(value, readers._NUMBER)
        check._check(
            pc.invert(ok), block, "export_value_usd", _("%(value)r is not a number"), value
        )
        errors = check.errors
        if errors:
            raise DataError(errors)
        n = table.num_rows
        out = pa.table(
            [
                readers.constant(year, n, pa.int16()),
                reporter,
                code,
                readers.constant(edition, n),
                pc.cast(value, pa.float64()),
                readers.constant(source, n),
            ],
            schema=WORLD_EXPORT_SCHEMA,
        )
        import_id, final = self._new_file("world", sha)
        with self._workdir() as work:
            tmp = work / "world.parquet"
            pq.write_table(out, tmp, compression="zstd")
            reporters = sorted(set(reporter.to_pylist()))
            record = ImportRecord(
                id=import_id,
                kind="world",
                file=path.name,
                sha256=sha,
                source=source,
                source_edition=edition,
                edition=edition,
                rows=n,
                skipped={},
                years=[year],
                reporters=reporters,
                slices=[(r, year, "X") for r in reporters],
                value_usd=pc.sum(out["value_usd"]).as_py() or 0.0,
                imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
                note=note,
            )
            with self._manifest_lock():
                os.replace(tmp, final)
                self._write_manifest([*self._records(), record])
            return ImportResult(record)
