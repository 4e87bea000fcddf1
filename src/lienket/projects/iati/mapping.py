"""How lienket's project fields map to IATI's codes (statuses, transactions, budgets, sectors,
organisations)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lienket.engine.io import iati
from lienket.projects.models import (
    BudgetKind,
    BudgetStatus,
    Sector,
    Status,
    TransactionKind,
)

#: lienket status → IATI ActivityStatus; and back (an activity keeps lienket's own status in
#: ``lienket:status`` when that status maps to the same IATI code)
STATUS_TO_IATI = {
    Status.PROPOSED: "1",
    Status.AGREED: "1",
    Status.UNDER_WAY: "2",
    Status.UNCONFIRMED: "2",
    Status.OPERATING: "4",
    Status.COMPLETED: "4",
    Status.CANCELLED: "5",
    Status.SUSPENDED: "6",
}
STATUS_FROM_IATI = {
    "1": Status.PROPOSED,
    "2": Status.UNDER_WAY,
    "3": Status.COMPLETED,
    "4": Status.COMPLETED,
    "5": Status.CANCELLED,
    "6": Status.SUSPENDED,
}
#: IATI TransactionType code → lienket's kind (the kinds are declared in code order)
TRANSACTION_FROM_IATI = {str(i): kind for i, kind in enumerate(TransactionKind.values, start=1)}
TRANSACTION_TO_IATI = {kind: code for code, kind in TRANSACTION_FROM_IATI.items()}
BUDGET_KINDS = {"1": BudgetKind.ORIGINAL, "2": BudgetKind.REVISED}
BUDGET_STATUSES = {"1": BudgetStatus.INDICATIVE, "2": BudgetStatus.COMMITTED}
#: DAC 3-digit sector category → lienket sector; a 5-digit code is read by its first three
#: digits, except those listed in SECTOR_FROM_CODE
SECTOR_FROM_CATEGORY = {
    **dict.fromkeys(("111", "112", "113", "114"), Sector.EDUCATION),
    **dict.fromkeys(("121", "122", "123", "130"), Sector.HEALTH),
    "140": Sector.URBAN,
    "210": Sector.TRANSPORT,
    **dict.fromkeys(("230", "231", "233", "234", "235", "236"), Sector.ENERGY),
    "232": Sector.RENEWABLE,
    **dict.fromkeys(("311", "312", "313"), Sector.FARMING),
    "321": Sector.MANUFACTURING,
    "322": Sector.MINING,
    "332": Sector.TOURISM,
}
SECTOR_FROM_CODE = {"43030": Sector.URBAN, "32161": Sector.AGRICULTURE}
#: lienket sector → the DAC code written when a project has no IATI sectors of its own
SECTOR_TO_IATI = {
    Sector.AGRICULTURE: ("1", "32161"),
    Sector.RENEWABLE: ("2", "232"),
    Sector.MINING: ("2", "322"),
    Sector.TOURISM: ("2", "332"),
    Sector.ENERGY: ("2", "230"),
    Sector.FARMING: ("2", "311"),
    Sector.TRANSPORT: ("2", "210"),
    Sector.HEALTH: ("2", "121"),
    Sector.EDUCATION: ("2", "111"),
    Sector.PUBLIC_BUILDINGS: ("2", "151"),
    Sector.URBAN: ("1", "43030"),
    Sector.BORDER: ("1", "33120"),
    Sector.MANUFACTURING: ("2", "321"),
    Sector.OTHER: ("2", "998"),
}
ROLE_LABELS = {
    "1": _("Funding"),
    "2": _("Accountable"),
    "3": _("Extending"),
    "4": _("Implementing"),
}
DATE_LABELS = {
    "1": _("Planned start"),
    "2": _("Actual start"),
    "3": _("Planned end"),
    "4": _("Actual end"),
}
#: which form field an IATI element fills, to name the element in an error
ELEMENT_OF = {
    "name_en": "title",
    "name_vi": "title",
    "name_lo": "title",
    "sector": "sector",
    "status": "activity-status",
    "country": "recipient-country",
    "sponsor": "participating-org",
    "executing_agency": "participating-org",
    "start_date": "activity-date",
    "end_date": "activity-date",
    "currency": "iati-activity",
    "code": "iati-activity",
}
LANGS = ("en", "vi", "lo")


@cache
def standard() -> iati.Standard:
    """The 2.03 schema and codelists bundled in ``refdata/data/iati`` (loaded once)."""
    return iati.Standard(Path(str(files("lienket.refdata").joinpath("data", "iati"))))


def own_org() -> iati.Org:
    return iati.Org(
        ref=settings.LIENKET_IATI_ORG_REF,
        type=settings.LIENKET_IATI_ORG_TYPE,
        names=(("en", settings.LIENKET_IATI_ORG_NAME),),
    )


def sector_of(sectors: Iterable[iati.Sector]) -> str:
    """lienket's sector from IATI sectors: the DAC sector with the largest share, read by its
    code or category; Sector.OTHER when none maps."""
    dac = [s for s in sectors if s.vocabulary in ("1", "2")]
    if not dac:
        return Sector.OTHER
    main = max(dac, key=lambda s: s.percentage if s.percentage is not None else Decimal(-1))
    if main.code in SECTOR_FROM_CODE:
        return SECTOR_FROM_CODE[main.code]
    return SECTOR_FROM_CATEGORY.get(main.code[:3], Sector.OTHER)


# --- JSON of the kept IATI details ---------------------------------------------------------


def _org_json(o: iati.Org | None) -> dict[str, Any]:
    if o is None:
        return {}
    return {
        "ref": o.ref,
        "type": o.type,
        "role": o.role,
        "activity_id": o.activity_id,
        "names": [list(n) for n in o.names],
    }


def _org(d: dict[str, Any] | None) -> iati.Org | None:
    if not d:
        return None
    return iati.Org(
        ref=d.get("ref", ""),
        type=d.get("type", ""),
        role=d.get("role", ""),
        activity_id=d.get("activity_id", ""),
        names=tuple((lang, text) for lang, text in d.get("names", [])),
    )


def _name(o: iati.Org, lang: str = "en") -> str:
    named = dict(o.names)
    return named.get(lang) or named.get("") or (o.names[0][1] if o.names else o.ref)


def _names(orgs: Iterable[iati.Org], role: str) -> str:
    return "; ".join(_name(o) for o in orgs if o.role == role)[:200]


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))
