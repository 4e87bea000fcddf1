"""Importing trade files into the store, all rows or none."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path, PurePath

import pyarrow.parquet as pq

from lienket.engine.errors import DataError, RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade import readers
from lienket.engine.trade.schema import (
    FLOW_SCHEMA,
)
from lienket.engine.trade.store.base import (
    StoreBase,
)
from lienket.engine.trade.store.checks import (
    KeyIndex,
    _monthly_run,
)
from lienket.engine.trade.store.records import (
    ImportRecord,
    ImportResult,
    file_sha256,
)
from lienket.engine.trade.store.stream import Tally, check_request, stream_blocks, write_later

Overlap = list[ImportRecord]


class Importing(StoreBase):
    """Importing a trade file or an archive of them, all or nothing."""

    def import_file(
        self,
        path: Path | str,
        source: str,
        *,
        reporter: str | None = None,
        edition: str | None = None,
        countries_file: Path | str | None = None,
        replace: bool = False,
        fictional: bool = False,
        note: str = "",
        months: tuple[int, int] = (1, 12),
        progress: Callable[[int, int], None] | None = None,
        partner: str | None = None,
        flow: str | None = None,
        year: int | None = None,
    ) -> ImportResult:
        """Check a trade file and add it to the store, all rows or none.

        ``source`` is "comtrade", "baci" or "customs". ``reporter`` (ISO 3) is required for a
        customs file; ``edition`` is required where the file does not say it (customs, a
        BACI file not named ``BACI_HSxx_...``). ``months`` (first, last) says which months of
        its years the file covers when it is a part year (say (1, 10) for January-October); a
        monthly file (Comtrade ``period`` 202503, a customs table's month column) says it
        itself. ``partner``, ``flow`` and ``year`` stand for columns a customs table carries
        only in its title.
        ``progress(done_bytes, total_bytes)`` is called as the file is read. Raises
        :class:`DataError` naming file, line and column.
        """
        path = Path(path)
        first, last = months
        check_request(path, source, first, last)
        sha = file_sha256(path)
        existing = self._records()
        for r in existing:
            if r.sha256 == sha and r.kind == "flows":
                return ImportResult(r, already=True)
        blocks, given_edition = self._blocks(
            path, source, reporter, edition, countries_file, progress, (partner, flow, year)
        )
        normalise = readers.Normaliser(
            path.name, source, self.reference, self.edition, given_edition
        )
        import_id, final = self._new_file("flows", sha)
        stack = contextlib.ExitStack()
        work = stack.enter_context(self._workdir())
        tmp = work / "flows.parquet"
        keys = KeyIndex(work / "keys.parquet")
        tally = Tally()
        writer = pq.ParquetWriter(tmp, FLOW_SCHEMA, compression="zstd")
        # Parquet encoding runs in a second thread (it releases the GIL) while the next block
        # is parsed and checked: the two halves of an import overlap on two cores.
        pool = ThreadPoolExecutor(max_workers=1)
        pending: list[Future[None]] = []
        try:
            stream_blocks(
                blocks, normalise, keys, tally, lambda t: write_later(pool, writer, t, pending)
            )
            for done in pending[-1:]:
                done.result()
            writer.close()
            rows, skipped, notices, slices = tally.rows, tally.skipped, tally.notices, tally.slices
            if not normalise.errors and rows == 0:
                normalise.errors.append(
                    RowError(
                        path.name,
                        0,
                        "",
                        _("the file holds no export or import lines at 6 or 4 digits"),
                    )
                )
            for reason, n in normalise.notices.items():
                notices[reason] = notices.get(reason, 0) + n
            if normalise.errors:
                raise DataError(normalise.errors)
            # issue 24 - 33.5 M copies of one line were stored as USD 50 bn
            implausible = keys.duplicates(path.name) + self._implausible(
                path.name, tally.biggest, tally.by_year
            )
            if implausible:
                raise DataError(implausible)
            if tally.monthly:
                first, last = _monthly_run(path.name, tally.monthly, (first, last))
            record = ImportRecord(
                id=import_id,
                kind="flows",
                file=path.name,
                sha256=sha,
                source=source,
                source_edition=normalise.editions_seen.pop() if normalise.editions_seen else "",
                edition=self.edition,
                rows=rows,
                skipped=skipped,
                years=sorted({s[1] for s in slices}),
                reporters=sorted({s[0] for s in slices}),
                slices=sorted(slices),
                value_usd=tally.value,
                imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
                fictional=fictional,
                note=note,
                months=(first, last),
                notices=notices,
                level=min(normalise.levels_seen, default=6),
            )
            already, overlap = self._keep(record, slices, tmp, final, replace)
            if already is not None:
                return already  # its work folder goes
        except BaseException:
            with contextlib.suppress(Exception):
                for done in pending[-1:]:
                    done.result()
                writer.close()
            raise  # the work folder, and what was written in it, goes below
        finally:
            pool.shutdown(wait=True)
            keys.close()
            stack.close()
        for r in overlap:
            self._path(r).unlink(missing_ok=True)
        return ImportResult(record, replaced=[r.file for r in overlap])

    def _keep(self, record: ImportRecord, slices: set[tuple[str, int, str]], tmp: Path,
              final: Path, replace: bool) -> tuple[ImportResult | None, Overlap]:  # fmt: skip
        """Put a checked file in place and in the manifest, under the manifest's lock: the
        same bytes imported meanwhile give that import; an overlap is refused unless replaced
        (returned, for its files to go once the manifest no longer names them)."""
        with self._manifest_lock():
            # read again under the lock: another import may have finished meanwhile
            existing = self._records()
            already = next(
                (r for r in existing if r.sha256 == record.sha256 and r.kind == "flows"), None
            )
            if already is not None:
                return ImportResult(already, already=True), []
            overlap = self._overlap(existing, record.source, record.months, slices)
            if overlap and not replace:
                raise DataError([RowError(record.file, 0, "", _(
                    "the store already holds %(source)s data for the same reporter, year and "
                    "flow from %(file)s; remove that import or ask to replace it"),
                    {"source": record.source, "file": overlap[0].file})])  # fmt: skip
            os.replace(tmp, final)
            gone = {r.id for r in overlap}
            try:
                self._write_manifest([r for r in existing if r.id not in gone] + [record])
            except BaseException:
                final.unlink(missing_ok=True)
                raise
        return None, overlap

    def _implausible(self, name: str, biggest: float, by_year: dict[int, float]) -> list[RowError]:
        """A line (``biggest``, its value) or a year's total no real trade reaches."""
        problems = []
        if biggest > self.limits.row_usd:
            problems.append(RowError(name, 0, "value", _(
                "a line is worth USD %(value)s, more than any bilateral trade of one product "
                "(USD %(limit)s): check the unit of the value column"),
                {"value": f"{biggest:,.0f}", "limit": f"{self.limits.row_usd:,.0f}"}))  # fmt: skip
        for year, total in sorted(by_year.items()):
            if total > self.limits.year_usd:
                problems.append(RowError(name, 0, "value", _(
                    "the lines of %(year)s add up to USD %(value)s, more than all the world's "
                    "merchandise trade of a year (about USD 24 trillion): the file repeats lines "
                    "or its unit is wrong"),
                    {"year": year, "value": f"{total:,.0f}"}))  # fmt: skip
        return problems

    @staticmethod
    def _overlap(
        existing: list[ImportRecord],
        source: str,
        months: tuple[int, int],
        slices: set[tuple[str, int, str]],
    ) -> list[ImportRecord]:
        """Imports of the same source and months that cover one of ``slices``."""
        return [
            r
            for r in existing
            if r.kind == "flows"
            and r.source == source
            and r.months == months
            and set(r.slices) & slices
        ]

    def _blocks(
        self,
        path: Path,
        source: str,
        reporter: str | None,
        edition: str | None,
        countries_file: Path | str | None,
        progress: Callable[[int, int], None] | None,
        given: tuple[str | None, str | None, int | None] = (None, None, None),
    ) -> tuple[Iterator[readers.Block], str | None]:
        def need(message: str, **params: object) -> DataError:
            return DataError([RowError(path.name, 0, "", message, params)])

        edition = readers.EDITION_ALIASES.get((edition or "").upper(), edition) or None
        total = path.stat().st_size
        tracker = (lambda done: progress(done, total)) if progress else None
        if source == "comtrade":
            numeric = self.reference.numeric_countries
            return readers.read_comtrade(path, tracker, numeric), edition
        if source == "baci":
            codes = Path(countries_file) if countries_file else readers.find_baci_countries(path)
            if codes is None:
                raise need(
                    _(
                        "the BACI country-code file (country_codes_V….csv) is not beside "
                        "the file; give it"
                    )
                )
            edition = edition or readers.baci_edition(path)
            return readers.read_baci(path, readers.baci_country_codes(codes), tracker), edition
        if reporter is None or not self.reference.knows(reporter.upper()):
            raise need(
                _("a customs file needs its reporter as an ISO 3 code (got %(value)r)"),
                value=reporter,
            )
        defaulted = ""
        year = given[2]
        if edition is None and year is not None and year >= 2017:
            # the edition in force for the period (HS2017 from 2017, HS2022 from 2022), stated
            edition = "HS2022" if year >= 2022 else "HS2017"
            defaulted = _("the HS edition was not given: the edition in force in the file's "
                          "year was used (HS2017 from 2017, HS2022 from 2022)")  # fmt: skip
        if edition is None:
            raise need(_("a customs file needs its HS edition (HS2017 or HS2022), or its year"))
        resolve = self.reference.resolve_country
        blocks = readers.read_customs(path, reporter.upper(), *given, resolve)
        if defaulted:
            blocks = _noted(blocks, defaulted)
        return blocks, edition

    def import_archive(
        self,
        path: Path | str,
        *,
        replace: bool = False,
        fictional: bool = False,
        note: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ImportResult]:
        """Import a BACI release as CEPII publishes it: a zip of one CSV per year
        (``BACI_HS17_Y2022_V202501.csv``) with its ``country_codes_V*.csv``. All years or
        none: if one year is refused, the years imported before it are removed again.
        """
        path = Path(path)
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            message = _("the file is not a readable zip archive (%(reason)s)")
            raise DataError([RowError(path.name, 0, "", message, {"reason": exc})]) from exc
        with archive:
            names = archive.namelist()
            codes = sorted(n for n in names if PurePath(n).name.startswith("country_codes"))
            data = sorted(n for n in names if re.fullmatch(r"BACI_.+\.csv", PurePath(n).name))
            if not codes or not data:
                message = _(
                    "the archive holds no BACI data files (BACI_….csv) with their "
                    "country_codes_V….csv"
                )
                raise DataError([RowError(path.name, 0, "", message)])
            self.root.mkdir(parents=True, exist_ok=True)
            self._check_archive(path.name, archive, [*codes[-1:], *data])
            done: list[ImportResult] = []
            with self._workdir() as where:
                codes_path = where / PurePath(codes[-1]).name
                with archive.open(codes[-1]) as src, codes_path.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                try:
                    for member in data:
                        target = where / PurePath(member).name
                        with archive.open(member) as src, target.open("wb") as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                        done.append(
                            self.import_file(target, "baci", countries_file=codes_path,
                                             replace=replace, fictional=fictional, note=note,
                                             progress=progress)
                        )  # fmt: skip
                        target.unlink()
                except BaseException:
                    for result in done:
                        if not result.already:
                            self.remove(result.record.id)
                    raise
        return done

    def _check_archive(self, name: str, archive: zipfile.ZipFile, members: list[str]) -> None:
        """Refuse an archive before anything is unpacked: a member that unpacks to more than
        ``zip_ratio`` times its packed size, or members that unpack to more than
        ``unzipped_bytes`` or than the free disk (issue 24: 7.8 MB unpacked to 3.2 GB)."""
        infos = [archive.getinfo(m) for m in members]
        for info in infos:
            if info.file_size > self.limits.zip_ratio * max(info.compress_size, 1) and (
                info.file_size > 1024**2
            ):
                message = _(
                    "%(member)s unpacks to %(size)s MB, more than %(ratio)s times its packed "
                    "size: the archive is refused as it may be built to exhaust the server"
                )
                raise DataError([RowError(name, 0, "", message, {
                    "member": info.filename, "size": f"{info.file_size / 1024**2:,.0f}",
                    "ratio": self.limits.zip_ratio})])  # fmt: skip
        total = sum(i.file_size for i in infos)
        free = shutil.disk_usage(self.root).free
        if total > min(self.limits.unzipped_bytes, free):
            message = _(
                "the archive unpacks to %(size)s MB; at most %(limit)s MB can be unpacked here"
            )
            limit = min(self.limits.unzipped_bytes, free) / 1024**2
            raise DataError([RowError(name, 0, "", message, {
                "size": f"{total / 1024**2:,.0f}", "limit": f"{limit:,.0f}"})])  # fmt: skip


def _noted(blocks: Iterator[readers.Block], notice: str) -> Iterator[readers.Block]:
    """The blocks, the first carrying ``notice`` (counted once)."""
    for n, block in enumerate(blocks):
        if n == 0:
            block.notices[notice] = block.notices.get(notice, 0) + 1
        yield block
