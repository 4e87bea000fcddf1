"""Projects in and out of spreadsheets: an export that imports back, and an all-or-nothing import.

Each row is checked by the same form as the create and edit pages, so a file and a page accept
exactly the same values; every problem is reported by file, row and column, and only a file
without problems is written, in one transaction. A row whose code exists updates that project.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language, gettext_lazy, gettext_noop
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lienket import refdata
from lienket.core import audit
from lienket.core.spreadsheet import choice_names, dropdowns, headers_of, notes_sheet, save, sheet
from lienket.engine.errors import DataError, RowError
from lienket.engine.io.tabular import Imported, read_table
from lienket.projects.forms import BY_KIND, COMMON, ProjectForm, fields_of
from lienket.projects.models import Kind, Project, Sector, Status, Technology
from lienket.projects.services import Rates
from lienket.registry.models import Zone
from lienket.registry.validation import FieldError, parse_bool

REQUIRED = ("kind", "code", "name_en", "sector", "status", "country")
OPTIONAL = tuple(
    dict.fromkeys(
        f for f in (*COMMON, *[f for fs in BY_KIND.values() for f in fs]) if f not in REQUIRED
    )
)
#: columns an export adds for the reader; an import ignores them
EXPORT_ONLY = (
    "kind_label",
    "sector_label",
    "status_label",
    "budget_usd",
    "usd_rate_date",
    "verified",
    "sources",
)
CHOICES = {"kind": Kind, "sector": Sector, "status": Status, "technology": Technology}


def _names() -> dict[str, Any]:
    """Each column's name: the model field's (translated) verbose name; an export's label
    columns say they hold the coded column in words."""
    names: dict[str, Any] = {
        c: Project._meta.get_field(c).verbose_name for c in (*REQUIRED, *OPTIONAL)
    }
    names.update({
        "kind_label": gettext_lazy("kind (in words)"),
        "sector_label": gettext_lazy("sector (in words)"),
        "status_label": gettext_lazy("status (in words)"),
        "budget_usd": gettext_lazy("budget in US dollars"),
        "usd_rate_date": gettext_lazy("date of the dollar rate"),
        "verified": gettext_lazy("verified"),
        "sources": gettext_lazy("sources"),
    })  # fmt: skip
    return names


@cache
def _headers() -> tuple[Any, dict[str, str]]:
    return headers_of(_names())


def HEADERS(columns: tuple[str, ...]) -> list[str]:  # noqa: N802 - reads as the header row
    """The header row in the active language."""
    return list(_headers()[0](columns))


def _lang() -> str:
    return (get_language() or "en")[:2]


def export_xlsx(projects: list[Project], on: date) -> bytes:
    """All the given projects with every field, codes and labels in separate columns."""
    rates = Rates.load()
    wb = Workbook()
    columns = (*REQUIRED, *OPTIONAL, *EXPORT_ONLY)
    rows = []
    for p in projects:
        values: list[object] = []
        for c in (*REQUIRED, *OPTIONAL):
            v = getattr(p, c + "_id" if c in ("zone", "investor") else c, "")
            if c == "zone" and p.zone_id:
                v = p.zone.code
            values.append("" if v is None else v if not isinstance(v, bool) else int(v))
        usd = rates.to_usd(p.budget, p.currency, on)
        values += [
            p.get_kind_display(),
            p.get_sector_display(),
            p.get_status_display(),
            usd,
            on.isoformat() if usd is not None else "",
            p.verified,
            " ".join(s.get("url", "") for s in p.sources),
        ]
        rows.append(values)
    sheet(wb, _("Projects"), columns, rows, required=REQUIRED, labels=HEADERS(columns))
    return save(wb)


def template_xlsx() -> bytes:
    """An empty import template: the header in the reader's language, drop-down lists of the
    coded columns (their values in the reader's language; the import also reads codes and the
    other languages) and a notes sheet."""
    wb = Workbook()
    columns = (*REQUIRED, *OPTIONAL)
    sheet(wb, _("Projects"), columns, [], required=REQUIRED, labels=HEADERS(columns))
    lists: dict[int, list[str]] = {
        i: [str(label) for _v, label in CHOICES[c].choices]
        for i, c in enumerate(columns, start=1)
        if c in CHOICES
    }
    lists[columns.index("country") + 1] = [
        refdata.countries()[c].names.get(_lang()) for c in settings.LIENKET_COUNTRIES[:2]
    ]
    lists[columns.index("currency") + 1] = ["USD", "VND", "LAK", "JPY", "KRW", "EUR", "CNY"]
    lists[columns.index("fictional") + 1] = ["0", "1"]
    dropdowns(wb, wb.worksheets[0], lists)
    notes_sheet(
        wb,
        _("notes"),
        [
            _("Keep the header row. Highlighted columns must be filled in every row."),
            _("Kind: investment, power or aid; a kind's own columns are read for it only."),
            _("Kind, sector, status and technology: pick from the list, or give the code or the "
              "name in Vietnamese, Lao or English."),
            _("Country: the country where the project is (its name or ISO code)."),
            _("Dates: YYYY-MM-DD. Amounts: digits, with a full stop for decimals."),
            _("A row whose code exists updates that project; an import is all or nothing."),
        ],
    )  # fmt: skip
    return save(wb)


def choice_labels() -> dict[str, dict[str, str]]:
    """For each choice column, its codes and its labels in the three languages (case-folded),
    each mapped to the code: a file may give either."""
    return {column: choice_names(enum) for column, enum in CHOICES.items()}


def import_projects(stream: BinaryIO, name: str, by: Any, dry_run: bool = False) -> Imported:
    table = read_table(stream, name, REQUIRED, OPTIONAL, ignored=EXPORT_ONLY, aliases=_headers()[1])
    errors: list[RowError] = []
    existing = {
        p.code: p
        for p in Project.objects.filter(code__in=[r.get("code", "") for _n, r in table.rows])
    }
    labels = choice_labels()
    zones = dict(Zone.objects.values_list("code", "pk"))
    seen: dict[str, int] = {}
    forms: list[tuple[int, ProjectForm, bool]] = []
    for line, row in table.rows:
        code = row.get("code", "").strip()
        if code in seen:
            errors.append(
                RowError(
                    name,
                    line,
                    "code",
                    gettext_noop("The code %(code)s is also on row %(other)s."),
                    {"code": code, "other": seen[code]},
                )
            )
            continue
        seen[code] = line
        kind = labels["kind"].get(row.get("kind", "").strip().casefold(), "")
        if kind not in Kind.values:
            errors.append(
                RowError(
                    name,
                    line,
                    "kind",
                    gettext_noop("%(value)r is not a kind of project (investment, power or aid)."),
                    {"value": row.get("kind", "")},
                )
            )
            continue
        instance = existing.get(code)
        if instance is not None and instance.kind != kind:
            errors.append(
                RowError(
                    name,
                    line,
                    "kind",
                    gettext_noop("Project %(code)s is already registered as another kind."),
                    {"code": code},
                )
            )
            continue
        data = {c: row.get(c, "").strip() for c in fields_of(kind)}
        for column, names in labels.items():
            if data.get(column):
                data[column] = names.get(data[column].casefold(), data[column])
        if instance is not None:
            data["code"] = instance.code
        if data.get("zone"):
            data["zone"] = str(zones.get(data["zone"], "unknown"))
        try:
            data["fictional"] = "on" if parse_bool(data.get("fictional", "")) else ""
        except FieldError as exc:
            errors.append(RowError(name, line, "fictional", exc.message, exc.params))
            continue
        form = ProjectForm(data, kind=kind, instance=instance)
        if not form.is_valid():
            for field, messages in form.errors.items():
                for message in messages:
                    errors.append(
                        RowError(name, line, "" if field == "__all__" else field, str(message))
                    )
            continue
        forms.append((line, form, instance is not None))
    if errors:
        raise DataError(table.as_written(errors))
    created = sum(1 for _l, _f, update in forms if not update)
    updated = len(forms) - created
    if dry_run:
        return Imported(
            created,
            updated,
            True,
            tuple(table.as_written(table.notices)),
            checked=created + updated,
        )
    with transaction.atomic():
        saved = [form.save() for _l, form, _u in forms]
        audit.record_many(by, "imported", saved, [f"{name}: {p.code}" for p in saved])
    return Imported(
        created, updated, False, tuple(table.as_written(table.notices)), checked=created + updated
    )
