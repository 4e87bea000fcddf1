"""A work plan's activities in and out of XLSX: the export imports back; the import is all or
nothing, every problem named by row and column. A row whose number exists in the plan updates
that activity; other activities are kept."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, BinaryIO

from django.db import transaction
from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket import refdata
from lienket.cooperation.models import Activity, ActivityStatus, Organisation, Side, WorkPlan
from lienket.cooperation.services.progress import state_label
from lienket.core import audit
from lienket.core.spreadsheet import choice_names, headers_of, save, sheet
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Imported, read_table

REQUIRED = ("number", "title_en", "lead", "organisation", "start", "due")
OPTIONAL = ("title_vi", "title_lo", "status", "done_on", "chain")
EXPORT_ONLY = ("lead_label", "organisation_name", "status_label", "state", "state_label",
               "chain_label")  # fmt: skip


@cache
def _headers() -> tuple[Any, dict[str, str]]:
    """Each column's name in the three languages: the model's field names, and for the label
    columns an export adds, what they hold."""
    names: dict[str, Any] = {
        c: Activity._meta.get_field(c).verbose_name for c in (*REQUIRED, *OPTIONAL)
    }
    names.update({
        "lead_label": gettext_lazy("lead side (in words)"),
        "organisation_name": gettext_lazy("organisation (name)"),
        "status_label": gettext_lazy("status (in words)"),
        "state": gettext_lazy("state on the day of the export"),
        "state_label": gettext_lazy("state (in words)"),
        "chain_label": gettext_lazy("value chain (in words)"),
    })  # fmt: skip
    return headers_of(names)


def export_xlsx(plan: WorkPlan, states: dict[int, str]) -> bytes:
    """The plan's activities: every code beside its words in the reader's language, under a
    header in the reader's language; the file imports back."""
    lang = (get_language() or "en")[:2]
    chains = refdata.chains()
    wb = Workbook()
    rows = [
        [a.number, a.title_en, a.lead, a.organisation.code, a.start, a.due, a.title_vi,
         a.title_lo, a.status, a.done_on or "", a.chain, a.get_lead_display(),
         a.organisation.name, a.get_status_display(), states.get(a.pk, ""),
         state_label(states[a.pk]) if states.get(a.pk) else "",
         chains[a.chain].names.get(lang) if a.chain in chains else ""]
        for a in plan.activities.select_related("organisation")
    ]  # fmt: skip
    columns = (*REQUIRED, *OPTIONAL, *EXPORT_ONLY)
    sheet(wb, _("Activities"), columns, rows, required=REQUIRED, labels=_headers()[0](columns))
    return save(wb)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def import_activities(
    plan: WorkPlan, stream: BinaryIO, name: str, by: Any, dry_run: bool = False
) -> Imported:
    table = read_table(stream, name, REQUIRED, OPTIONAL, ignored=EXPORT_ONLY, aliases=_headers()[1])
    errors: list[RowError] = []
    orgs = {o.code.casefold(): o for o in Organisation.objects.all()}
    for o in list(orgs.values()):
        for n in (o.name_en, o.name_vi, o.name_lo):
            if n:
                orgs.setdefault(n.casefold(), o)
    sides, statuses = choice_names(Side), choice_names(ActivityStatus)
    existing = {a.number: a for a in plan.activities.all()}
    chains = refdata.chains()
    seen: dict[str, int] = {}
    staged: list[tuple[Activity, bool]] = []

    def bad(line: int, column: str, message: str, **params: object) -> None:
        errors.append(RowError(name, line, column, message, params))

    for line, row in table.rows:
        number = row.get("number", "").strip()
        if not number:
            bad(line, "number", gettext_noop("The activity needs a number."))
            continue
        if number in seen:
            bad(line, "number", gettext_noop("The number %(number)s is also on row %(other)s."),
                number=number, other=seen[number])  # fmt: skip
            continue
        seen[number] = line
        start, due = _date(row.get("start", "")), _date(row.get("due", ""))
        for column, value, parsed in (("start", row.get("start", ""), start),
                                      ("due", row.get("due", ""), due)):  # fmt: skip
            if parsed is None:
                bad(line, column, gettext_noop("%(value)r is not a date (YYYY-MM-DD)."),
                    value=value)  # fmt: skip
        if start and due and due < start:
            bad(line, "due", gettext_noop("The due date %(due)s is before the start %(start)s."),
                due=due.isoformat(), start=start.isoformat())  # fmt: skip
        done_text = row.get("done_on", "").strip()
        done_on = _date(done_text) if done_text else None
        if done_text and done_on is None:
            bad(line, "done_on", gettext_noop("%(value)r is not a date (YYYY-MM-DD)."),
                value=done_text)  # fmt: skip
        org = orgs.get(row.get("organisation", "").strip().casefold())
        if org is None:
            bad(line, "organisation",
                gettext_noop("%(value)r is not a known organisation (give its code or name)."),
                value=row.get("organisation", ""))  # fmt: skip
        lead = sides.get(row.get("lead", "").strip().casefold())
        if lead is None:
            bad(line, "lead", gettext_noop("%(value)r is not a side (VNM, LAO or joint)."),
                value=row.get("lead", ""))  # fmt: skip
        status_text = row.get("status", "").strip()
        status = statuses.get(status_text.casefold()) if status_text else ActivityStatus.OPEN
        if status is None:
            bad(line, "status", gettext_noop("%(value)r is not a status (open, done, cancelled)."),
                value=status_text)  # fmt: skip
        if status == ActivityStatus.DONE and done_on is None and done_text == "":
            bad(line, "done_on", gettext_noop("A done activity needs the day it was done."))
        chain = row.get("chain", "").strip()
        if chain and chain not in chains:
            bad(line, "chain", gettext_noop("%(value)r is not a value chain code."), value=chain)
        if not row.get("title_en", "").strip():
            bad(line, "title_en", gettext_noop("The activity needs an English title."))
        if errors and errors[-1].row == line:
            continue
        a = existing.get(number) or Activity(plan=plan, number=number)
        update = a.pk is not None
        a.title_en = row["title_en"].strip()[:300]
        a.title_vi = row.get("title_vi", "").strip()[:300]
        a.title_lo = row.get("title_lo", "").strip()[:300]
        a.lead, a.organisation, a.start, a.due = lead, org, start, due
        a.status, a.done_on, a.chain = status, done_on, chain
        staged.append((a, update))
    if errors:
        raise DataError(table.as_written(errors))
    created = sum(1 for _a, u in staged if not u)
    notices = tuple(table.as_written(table.notices))
    if dry_run:
        return Imported(created, len(staged) - created, True, notices, checked=len(staged))
    with transaction.atomic():
        for a, _u in staged:
            a.save()
        audit.record_many(by, "imported", [a for a, _u in staged],
                          [f"{name}: {a.number}" for a, _u in staged])  # fmt: skip
    return Imported(created, len(staged) - created, False, notices, checked=len(staged))
