"""Commitments as a spreadsheet in the reader's language, and back (issue 27).

The export has one row per commitment: its code, what it asks, owner, deadline, indicator and
target, status and progress (computed ones as the data gives them), the latest update and its
evidence, each code beside its words. The import reads the same sheet in any of the three
languages: it records, for each row whose status, progress or "what was done" changed, a dated
update with its evidence — the owners' way of reporting many commitments at once. It creates new
commitments only for the secretariats; every row is checked and the file saved whole or not at
all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from openpyxl import Workbook

from lienket.core import audit
from lienket.core.spreadsheet import choice_names, dropdowns, headers_of, notes_sheet, save, sheet
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Imported, read_table
from lienket.governance import commitments
from lienket.governance.models import Area, Commitment, CommitmentStatus, Session

REQUIRED = ("code", "status")
OPTIONAL = ("progress", "update_note", "evidence", "update_on", "area", "owner_side",
            "owner_body", "due", "text_en", "text_vi", "text_lo", "parent", "session")  # fmt: skip
EXPORT_ONLY = ("indicator", "target", "actual", "latest_update", "source")


@cache
def _headers() -> tuple[Any, dict[str, str]]:
    names: dict[str, Any] = {
        c: Commitment._meta.get_field(c).verbose_name
        for c in ("code", "status", "progress", "area", "owner_side", "owner_body", "due",
                  "text_en", "text_vi", "text_lo", "parent", "session", "indicator", "source")
    }  # fmt: skip
    names.update({
        "session": gettext_lazy("Committee session (number)"),
        "update_note": gettext_lazy("what was done (a new update)"),
        "evidence": gettext_lazy("evidence (address)"),
        "update_on": gettext_lazy("date of the update"),
        "target": gettext_lazy("target"),
        "actual": gettext_lazy("actual (computed by lienket)"),
        "latest_update": gettext_lazy("latest update"),
    })  # fmt: skip
    return headers_of(names)


def export_xlsx(on: date) -> bytes:
    """Every commitment, parents before their parts, under headers in the reader's language."""
    wb = Workbook()
    rows = []
    for e in commitments.entries(on):
        c = e.c
        target = ""
        if c.target_low is not None:
            target = f"{c.target_low}" + (f"–{c.target_high}" if c.target_high is not None else "")
        actual = ""
        if e.actual is not None:
            actual = f"{e.actual.value:.4f}" if e.actual.value is not None else e.actual.words
        latest = ""
        if e.latest is not None:
            latest = f"{e.latest.on.isoformat()}: {e.latest.note}"
        rows.append([
            c.code, str(CommitmentStatus(e.status).label), e.progress, "",
            e.latest.evidence if e.latest else "", "", str(Area(c.area).label), c.owner_side,
            c.owner_body, c.due or "", c.text_en, c.text_vi, c.text_lo,
            c.parent.code if c.parent else "", c.session.number if c.session else "",
            c.get_indicator_display() if c.indicator else "", target, actual, latest, c.source,
        ])  # fmt: skip
    columns = (*REQUIRED, *OPTIONAL, *EXPORT_ONLY)
    sheet(wb, _("Commitments"), columns, rows, required=REQUIRED, labels=_headers()[0](columns))
    # statuses and areas are written, and offered, as words of the sheet's language
    dropdowns(wb, wb.active, {2: [str(label) for _v, label in CommitmentStatus.choices],
                              7: [str(label) for _v, label in Area.choices]})  # fmt: skip
    notes_sheet(wb, _("Notes"), [
        _("One row per commitment. Change the status, the progress (0–100) or write what was "
          "done, with the evidence's address: each changed row becomes a dated update."),
        _("A status computed by lienket from the data (trade, power, aid, training) cannot be "
          "changed here; the progress and the update are kept."),
        _("The indicator, target, actual, latest update and source columns are for reading; the "
          "import ignores them. Statuses and areas are read in English, Vietnamese and Lao, as "
          "words or codes."),
        _("New rows (a new code) create commitments: only the Committee's secretariats may do "
          "that."),
    ])  # fmt: skip
    return save(wb)


def _int(text: str) -> int | None:
    t = text.strip()
    if not t:
        return None
    if t.endswith("%"):
        t = t[:-1].strip()
    return int(t) if t.isdigit() else -1


def import_xlsx(
    stream: BinaryIO,
    name: str,
    by: Any,
    may_create: bool,
    on: date,
    dry_run: bool = False,
    may_update: Callable[[Commitment], bool] = lambda c: True,
) -> Imported:
    """Check every row, then record the updates (and new commitments) of all rows or none.

    A row changing a commitment ``may_update`` refuses (a line ministry's official and another
    body's commitment) is an error naming the row."""
    table = read_table(stream, name, REQUIRED, OPTIONAL, ignored=EXPORT_ONLY,
                       aliases=_headers()[1])  # fmt: skip
    statuses, areas = choice_names(CommitmentStatus), choice_names(Area)
    existing = {c.code: c for c in Commitment.objects.all()}
    # what the export showed (computed, rolled up or late): an unchanged row changes nothing
    shown = {e.c.code: e for e in commitments.entries(on)}
    errors: list[RowError] = []
    staged: list[tuple[str, dict[str, Any]]] = []
    seen: dict[str, int] = {}

    def bad(line: int, column: str, message: str, **params: object) -> None:
        errors.append(RowError(name, line, column, message, params))

    for line, row in table.rows:
        code = row.get("code", "").strip()
        if not code:
            bad(line, "code", gettext_noop("The commitment needs its code."))
            continue
        if code in seen:
            bad(line, "code", gettext_noop("The code %(code)s is also on row %(other)s."),
                code=code, other=seen[code])  # fmt: skip
            continue
        seen[code] = line
        status = statuses.get(row.get("status", "").strip().casefold())
        if status is None:
            bad(line, "status", gettext_noop("%(value)r is not a status (%(known)s)."),
                value=row.get("status", ""), known=", ".join(CommitmentStatus.values))  # fmt: skip
        progress = _int(row.get("progress", ""))
        if progress is not None and not 0 <= progress <= 100:
            bad(line, "progress", gettext_noop("%(value)r is not a progress from 0 to 100."),
                value=row.get("progress", ""))  # fmt: skip
        when_text = row.get("update_on", "").strip()
        try:
            when = date.fromisoformat(when_text[:10]) if when_text else on
        except ValueError:
            bad(line, "update_on", gettext_noop("%(value)r is not a date (YYYY-MM-DD)."),
                value=when_text)  # fmt: skip
            when = on
        evidence = row.get("evidence", "").strip()
        if evidence and not evidence.startswith(("http://", "https://")):
            bad(line, "evidence", gettext_noop("%(value)r is not a web address."), value=evidence)
        note = row.get("update_note", "").strip()
        c = existing.get(code)
        if c is None:
            if not may_create:
                bad(line, "code", gettext_noop(
                    "%(code)r is not a known commitment; only the Committee's secretariats add "
                    "commitments."), code=code)  # fmt: skip
                continue
            area = areas.get(row.get("area", "").strip().casefold())
            if area is None:
                bad(line, "area", gettext_noop("%(value)r is not an area (%(known)s)."),
                    value=row.get("area", ""), known=", ".join(Area.values))  # fmt: skip
            if not (row.get("text_en", "") or row.get("text_vi", "") or row.get("text_lo", "")):
                bad(line, "text_en", gettext_noop("A new commitment needs its text."))
            due_text = row.get("due", "").strip()
            due = None
            if due_text:
                try:
                    due = date.fromisoformat(due_text[:10])
                except ValueError:
                    bad(line, "due", gettext_noop("%(value)r is not a date (YYYY-MM-DD)."),
                        value=due_text)  # fmt: skip
            parent = row.get("parent", "").strip()
            if parent and parent not in existing and parent not in seen:
                bad(line, "parent", gettext_noop("%(value)r is not a known commitment."),
                    value=parent)  # fmt: skip
            session_text = row.get("session", "").strip()
            if (
                session_text
                and not Session.objects.filter(
                    number=int(session_text) if session_text.isdigit() else -1
                ).exists()
            ):
                bad(line, "session", gettext_noop("%(value)r is not a recorded session."),
                    value=session_text)  # fmt: skip
            if errors and errors[-1].row == line:
                continue
            staged.append(("create", {
                "code": code[:60], "status": status, "progress": progress, "area": area,
                "owner_side": row.get("owner_side", "").strip()[:5] or "joint",
                "owner_body": row.get("owner_body", "").strip()[:200], "due": due,
                "text_en": row.get("text_en", "").strip()[:2000],
                "text_vi": row.get("text_vi", "").strip()[:2000],
                "text_lo": row.get("text_lo", "").strip()[:2000], "parent": parent,
                "session": int(session_text) if session_text.isdigit() else None,
                "note": note, "evidence": evidence, "on": when,
            }))  # fmt: skip
            continue
        if errors and errors[-1].row == line:
            continue
        was = shown[code]
        changed = (status != was.status and not c.indicator) or progress != was.progress or note
        if changed and not may_update(c):
            bad(line, "code",
                gettext_noop("You may not update %(code)s: it is owned by %(owner)s."),
                code=code, owner=c.owner_body or c.owner_side)  # fmt: skip
            continue
        if changed:
            staged.append(("update", {"c": c, "status": status, "progress": progress,
                                      "note": note, "evidence": evidence, "on": when}))  # fmt: skip
    if errors:
        raise DataError(table.as_written(errors))
    created = sum(1 for kind, _v in staged if kind == "create")
    notices = tuple(table.as_written(table.notices))
    if dry_run:
        return Imported(created, len(staged) - created, True, notices, checked=len(seen))
    with transaction.atomic():
        for kind, v in staged:
            if kind == "create":
                c = Commitment.objects.create(
                    code=v["code"], status=v["status"], progress=v["progress"], area=v["area"],
                    owner_side=v["owner_side"], owner_body=v["owner_body"], due=v["due"],
                    text_en=v["text_en"], text_vi=v["text_vi"], text_lo=v["text_lo"],
                    parent=Commitment.objects.filter(code=v["parent"]).first(),
                    session=Session.objects.filter(number=v["session"], level="plenary").first()
                    if v["session"] else None,
                    source=_("imported from %(file)s") % {"file": name},
                )  # fmt: skip
                audit.record(by, "imported", c, f"{name}: commitment {c.code}")
                if v["note"]:
                    commitments.record_update(c, v["on"], v["status"], v["progress"], v["note"],
                                              v["evidence"], by)  # fmt: skip
            else:
                commitments.record_update(
                    v["c"], v["on"], v["status"], v["progress"],
                    v["note"] or _("updated from %(file)s") % {"file": name}, v["evidence"], by,
                )  # fmt: skip
    return Imported(created, len(staged) - created, False, notices, checked=len(seen))
