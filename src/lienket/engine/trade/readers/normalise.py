"""Checking and converting the readers' blocks to the store's columns and target edition."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from lienket.engine.errors import RowError
from lienket.engine.errors import mark as _
from lienket.engine.trade.readers.common import (
    EDITION_ALIASES,
    Block,
    constant,
)
from lienket.engine.trade.schema import FLOW_SCHEMA, STATISTICAL_AREAS, Reference

_NUMBER = r"^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$"
#: Partner codes of regions and statistical areas (Comtrade's "E19", "S19", "_X", "X1", a
#: numeric area kept as "M49-490"): a digit or underscore tells them from a mistyped ISO 3
#: code, which stays an error.
PARTNER_AREA = r"^(M49-[0-9]{1,3}|[A-Z_]{0,2}[0-9_][A-Z0-9_]{0,3})$"


@dataclass
class Normaliser:
    """Checks blocks of one file and converts them to the store's target edition."""

    file: str
    source: str
    reference: Reference
    target_edition: str
    edition: str | None = None
    max_errors: int = 50
    errors: list[RowError] = field(default_factory=list)
    editions_seen: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._known = pa.array(sorted(set(self.reference.countries) | set(STATISTICAL_AREAS)))
        self._hs: dict[tuple[str, int], pa.Array] = {}
        self._concordance: dict[str, tuple[pa.Array, pa.Array, pa.Array]] = {}
        self._names: dict[str, str] = {}
        self.levels_seen: set[int] = set()
        #: lines kept with a change the reader states (a heading moved by the concordance)
        self.notices: dict[str, int] = {}

    def _mapping(
        self, edition: str, level: int, table: Mapping[str, str]
    ) -> tuple[pa.Array, pa.Array, pa.Array]:
        """Source codes, their target codes, and the source headings that split (level 4).

        At 4 digits a heading goes to the target heading most of its subheadings go to; a
        heading whose subheadings go to several (on a tie, the lowest code) is listed so the
        import can say so.
        """
        key = f"{edition}/{level}"
        if key not in self._concordance:
            if level == 6:
                pairs = dict(table)
                split: list[str] = []
            else:
                votes: dict[str, Counter[str]] = {}
                for src, dst in table.items():
                    votes.setdefault(src[:4], Counter())[dst[:4]] += 1
                pairs = {
                    h: max(sorted(c), key=c.__getitem__) for h, c in votes.items()
                }  # ties: lowest
                split = sorted(h for h, c in votes.items() if len(c) > 1)
            self._concordance[key] = (
                pa.array(list(pairs)), pa.array(list(pairs.values())), pa.array(split, pa.string())
            )  # fmt: skip
        return self._concordance[key]

    def _number(
        self,
        block: Block,
        column: str,
        type_: pa.DataType,
        message: str,
        pattern: str,
        blank_ok: bool = False,
    ) -> pa.Array | None:
        """The column as numbers; on failure, every bad cell is reported and ``None`` returned."""
        text = block.columns[column]
        if blank_ok:
            text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
        try:
            return pc.cast(text, type_)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            ok = pc.match_substring_regex(text, pattern)
            if blank_ok:
                ok = pc.fill_null(ok, True)
            self._check(pc.invert(ok), block, column, message, block.columns[column])
            if not pc.all(ok).as_py():
                return None
            # well-formed but out of range for the type (e.g. a quantity of 1e999)
            self._fail(0, column, _("a number in this column is out of range"))
            return None

    def _fail(self, line: int, column: str, message: str, **params: object) -> None:
        if len(self.errors) < self.max_errors:
            shown = self._names.get(column, column)  # the file's own column name
            self.errors.append(RowError(self.file, line, shown, message, params))

    def _check(
        self,
        mask: pa.Array,
        block: Block,
        column: str,
        message: str,
        values: pa.Array,
        **params: object,
    ) -> None:
        """Report rows where ``mask`` is true (or null) with their offending value."""
        if not pc.any(pc.fill_null(mask, True)).as_py():
            return
        idx = pc.indices_nonzero(pc.fill_null(mask, True)).to_pylist()
        shown = idx[: max(self.max_errors - len(self.errors), 0)]
        for i in shown:
            self._fail(block.lines[i].as_py(), column, message, value=values[i].as_py(), **params)
        if len(idx) > len(shown):
            self.errors.append(
                RowError(
                    self.file,
                    0,
                    self._names.get(column, column),
                    _("… and %(count)s more rows like these"),
                    {"count": len(idx) - len(shown)},
                )
            )

    def __call__(self, block: Block) -> pa.Table | None:
        """The block's rows in ``FLOW_SCHEMA``, or ``None`` if any row was wrong."""
        before = len(self.errors)
        if block.skip is not None:
            keep = pc.invert(block.skip)
            block = Block(
                {k: pc.filter(v, keep) for k, v in block.columns.items()},
                pc.filter(block.lines, keep),
                names=block.names,
                level=block.level,
            )
        self._names = block.names
        c = block.columns
        if len(block) == 0:
            return pa.Table.from_batches([], FLOW_SCHEMA)
        year = self._number(block, "year", pa.int16(), _("%(value)r is not a year"), r"^[0-9]{4}$")
        if year is not None:
            odd = pc.or_(pc.less(year, 1900), pc.greater(year, 2100))
            self._check(odd, block, "year", _("%(value)r is not a year"), c["year"])
        for col in ("reporter", "partner"):
            ok = pc.is_in(c[col], self._known)
            if col == "partner" and not pc.all(ok).as_py():
                # a regional or statistical area stays a (non-country) partner
                ok = pc.or_(ok, pc.match_substring_regex(c[col], PARTNER_AREA))
            self._check(pc.invert(ok), block, col, _("unknown country code %(value)r"), c[col])
        flow_ok = pc.is_in(c["flow"], pa.array(["X", "M"]))
        self._check(
            pc.invert(flow_ok),
            block,
            "flow",
            _("%(value)r is not a trade flow (export or import)"),
            c["flow"],
        )
        value = self._number(block, "value", pa.float64(), _("%(value)r is not a number"), _NUMBER)
        quantity = self._number(
            block, "quantity", pa.float64(), _("%(value)r is not a number"), _NUMBER, blank_ok=True
        )
        hs6 = c["hs6"]
        edition = self._editions(block)
        if edition is None:
            return None
        valid = self.reference.hs6.get(edition)
        if valid is None:
            self._fail(
                0,
                "",
                _("HS edition %(edition)s is not supported; convert the file to HS2017 or HS2022"),
                edition=edition,
            )
            return None
        level = block.level
        self.levels_seen.add(level)
        if len(self.levels_seen) > 1:
            self._fail(0, "hs6", _("the file mixes 6-digit codes and 4-digit headings"))
            return None
        if (edition, level) not in self._hs:
            codes = valid if level == 6 else {c[:level] for c in valid}
            self._hs[edition, level] = pa.array(sorted(codes))
        hs_ok = pc.is_in(hs6, self._hs[edition, level])
        self._check(
            pc.invert(hs_ok),
            block,
            "hs6",
            _("%(value)r is not a 6-digit code of %(edition)s")
            if level == 6
            else _("%(value)r is not a 4-digit heading of %(edition)s"),
            hs6,
            edition=edition,
        )
        if len(self.errors) > before:
            return None
        if edition != self.target_edition:
            table = self.reference.concordance.get((edition, self.target_edition))
            if table is None:
                self._fail(
                    0,
                    "",
                    _("no concordance from %(edition)s to %(target)s"),
                    edition=edition,
                    target=self.target_edition,
                )
                return None
            keys, targets, split = self._mapping(edition, level, table)
            if level == 4:
                moved = pc.sum(pc.is_in(hs6, split)).as_py() or 0
                if moved:
                    reason = _(
                        "headings whose subheadings the target edition spreads over several "
                        "headings, recorded under the heading most of them go to"
                    )
                    self.notices[reason] = self.notices.get(reason, 0) + moved
            hs6 = pc.take(targets, pc.index_in(hs6, keys))
        if year is None or value is None or quantity is None:
            return None
        if self.source == "baci":
            value = pc.multiply(value, 1000.0)
        negative = pc.less(value, 0)
        self._check(negative, block, "value", _("%(value)s is negative"), c["value"])
        if len(self.errors) > before:
            return None
        n = len(block)
        return pa.table(
            [
                year,
                c["reporter"],
                c["partner"],
                c["flow"],
                hs6,
                constant(self.target_edition, n),
                value,
                quantity,
                c["unit"],
                constant(self.source, n),
            ],
            schema=FLOW_SCHEMA,
        )

    def _editions(self, block: Block) -> str | None:
        """The one HS edition of this block: from the file's column, else as given."""
        named = {e for e in pc.unique(block.columns["edition"]).to_pylist() if e}
        editions = {EDITION_ALIASES.get(e.upper(), e) for e in named} or (
            {self.edition} if self.edition else set()
        )
        if not editions:
            self._fail(0, "", _("the file does not say its HS edition; give it (HS2017 or HS2022)"))
            return None
        if len(editions | self.editions_seen) > 1:
            self._fail(
                0,
                "edition",
                _("the file mixes HS editions (%(editions)s); split it by edition"),
                editions=", ".join(sorted(editions | self.editions_seen)),
            )
            return None
        self.editions_seen |= editions
        return str(editions.pop())
