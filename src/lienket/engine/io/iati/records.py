"""IATI records as lienket keeps them, the codelists it reads and the limits of a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from lienket.engine.errors import RowError as _RowError

VERSION = "2.03"
#: versions read with the 2.03 schema; anything else is refused
READABLE = ("2.01", "2.02", "2.03")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = "urn:lienket:iati:1"
CODE = f"{{{NS}}}code"
FICTIONAL = f"{{{NS}}}fictional"
#: largest file read (bytes); the IATI registry's own limit for a file is 60 MB
MAX_BYTES = 60_000_000
#: tags ("<") a file may hold: the parsed tree costs memory by element more than by byte, so a
#: file of millions of tiny elements inside MAX_BYTES is refused before it is parsed (issue 24:
#: 55 MB took 3 GB); 3.2 million tags (1.6 million elements) parse in about 800 MB
MAX_TAGS = 3_200_000
#: errors listed at most; a file is refused whatever their number
MAX_ERRORS = 500
#: the codelists whose codes the read fields are checked against
CODELISTS = (
    "ActivityStatus",
    "ActivityDateType",
    "TransactionType",
    "OrganisationRole",
    "OrganisationType",
    "BudgetType",
    "BudgetStatus",
    "Currency",
    "Sector",
    "SectorCategory",
)
#: elements of an activity that lienket reads; every other child is named in a notice
READ = frozenset(
    {
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
        "recipient-country",
        "sector",
        "budget",
        "planned-disbursement",
        "transaction",
    }
)

Texts = tuple[tuple[str, str], ...]
"""Narratives of one element: (language, text) in the file's order; "" when no language."""


@dataclass(frozen=True)
class Org:
    """An organisation as IATI names it: ``role`` is an OrganisationRole code ("" where none)."""

    ref: str = ""
    type: str = ""
    names: Texts = ()
    role: str = ""
    activity_id: str = ""


@dataclass(frozen=True)
class Sector:
    code: str
    vocabulary: str = "1"
    percentage: Decimal | None = None
    names: Texts = ()


@dataclass(frozen=True)
class Country:
    code: str
    percentage: Decimal | None = None


@dataclass(frozen=True)
class Budget:
    start: date
    end: date
    value: Decimal
    currency: str
    value_date: date
    type: str = "1"
    status: str = "1"
    fictional: bool = False


@dataclass(frozen=True)
class PlannedDisbursement:
    start: date
    end: date | None
    value: Decimal
    currency: str
    value_date: date
    type: str = ""
    provider: Org | None = None
    receiver: Org | None = None
    fictional: bool = False


@dataclass(frozen=True)
class Transaction:
    type: str
    date: dt.date
    value: Decimal
    currency: str
    value_date: dt.date
    ref: str = ""
    description: Texts = ()
    provider: Org | None = None
    receiver: Org | None = None
    fictional: bool = False


@dataclass(frozen=True)
class Activity:
    """One ``iati-activity`` with the fields lienket keeps."""

    identifier: str
    reporting_org: Org
    titles: Texts
    status: str
    dates: tuple[tuple[str, date], ...]
    participating_orgs: tuple[Org, ...]
    #: (description type, language, text)
    descriptions: tuple[tuple[str, str, str], ...] = ()
    currency: str = ""
    lang: str = ""
    countries: tuple[Country, ...] = ()
    sectors: tuple[Sector, ...] = ()
    budgets: tuple[Budget, ...] = ()
    planned_disbursements: tuple[PlannedDisbursement, ...] = ()
    transactions: tuple[Transaction, ...] = ()
    secondary_reporter: bool = False
    #: lienket's own attributes: the project's code, whether it is a demo record, and others
    #: (its lienket sector and status) as (name, value)
    code: str = ""
    fictional: bool = False
    extension: tuple[tuple[str, str], ...] = ()
    #: where the activity starts in its file, and the elements lienket did not read
    line: int = field(default=0, compare=False)
    ignored: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Parsed:
    activities: tuple[Activity, ...]
    version: str
    notices: tuple[_RowError, ...] = ()
