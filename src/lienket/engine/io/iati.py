"""IATI activity files (standard 2.03): read them into plain records, write records back.

Reading is strict where the standard is: a file is first checked against the official 2.03
XML schema and the codelists the read fields use, and every problem is reported with its line
and element; a file with any problem is refused whole. What lienket does not keep (results,
locations, documents, policy markers …) is named in a notice, never dropped silently. Files of
versions 2.01 and 2.02 are read with the 2.03 schema (the elements lienket reads did not
change); files of version 1, or with no version, are refused with that reason.

Writing produces ``<iati-activities version="2.03">`` with the elements in the schema's order
and validates the result before returning it, so an export that would not validate is a bug
that fails loudly rather than a file a publisher would have rejected.

lienket adds two attributes in its own namespace (allowed by the schema's ``anyAttribute``):
``lienket:code`` (the project's code) and ``lienket:fictional`` (demo records), so that a
round trip keeps which records are invented.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lxml import etree

from lienket.engine.errors import DataError
from lienket.engine.errors import RowError as _RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them

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


def _error(
    file: str, line: int, element: str, message: str, params: Mapping[str, object] | None = None
) -> _RowError:
    return _RowError(file, line, element, message, params or {}, place="element")


def _codes(path: Path) -> frozenset[str]:
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    return frozenset((item.findtext("code") or "").strip() for item in tree.iter("codelist-item"))


class Standard:
    """The 2.03 schema and codelists, loaded once; safe to share between threads (validation,
    the only stateful step in lxml, is serialised)."""

    def __init__(self, directory: Path) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.schema = etree.XMLSchema(
            etree.parse(str(directory / "iati-activities-schema.xsd"), parser)
        )
        self.codes: Mapping[str, frozenset[str]] = {
            name: _codes(directory / "codelists" / f"{name}.xml") for name in CODELISTS
        }
        self._lock = threading.Lock()

    def validate(self, tree: Any) -> list[tuple[int, str, str]]:
        """Schema errors of ``tree`` as (line, element, message)."""
        with self._lock:
            if self.schema.validate(tree):
                return []
            return [
                (e.line, e.path.rsplit("/", 1)[-1].split("[")[0], e.message)
                for e in self.schema.error_log
            ]


# --- reading -------------------------------------------------------------------------------


class _Reader:
    def __init__(self, name: str, standard: Standard) -> None:
        self.name = name
        self.codes = standard.codes
        self.errors: list[_RowError] = []
        self.notices: list[_RowError] = []

    def error(self, el: Any, message: str, **params: object) -> None:
        self.errors.append(_error(self.name, el.sourceline or 0, _tag(el), message, params))

    def code(self, el: Any, attribute: str, codelist: str, default: str = "") -> str:
        value = (el.get(attribute) or default).strip()
        if value and value not in self.codes[codelist]:
            self.error(
                el,
                _("%(value)r is not a code of the IATI %(codelist)s codelist (@%(attribute)s)."),
                value=value,
                codelist=codelist,
                attribute=attribute,
            )
        return value

    def texts(self, el: Any | None, lang: str) -> Texts:
        if el is None:
            return ()
        return tuple(
            (n.get(XML_LANG) or lang, (n.text or "").strip())
            for n in el.findall("narrative")
            if (n.text or "").strip()
        )

    def day(self, el: Any | None, attribute: str = "iso-date") -> date:
        # the schema checked xsd:date; a time-zone suffix ("2024-01-01Z") is not part of the day
        return (
            date.fromisoformat((el.get(attribute) or "").strip()[:10])
            if el is not None
            else (date.min)
        )

    def org(self, el: Any | None, lang: str, role: str = "") -> Org | None:
        if el is None:
            return None
        if el.get("type"):
            self.code(el, "type", "OrganisationType")
        return Org(
            ref=(el.get("ref") or "").strip(),
            type=(el.get("type") or "").strip(),
            names=self.texts(el, lang),
            role=role,
            activity_id=(
                el.get("activity-id")
                or el.get("provider-activity-id")
                or el.get("receiver-activity-id")
                or ""
            ).strip(),
        )

    def money(self, el: Any, default_currency: str) -> tuple[Decimal, str, date]:
        value = el.find("value")
        currency = (value.get("currency") or default_currency).strip()
        if not currency:
            self.error(
                value,
                _("The value has no currency: give @currency or the activity's @default-currency."),
            )
        elif currency not in self.codes["Currency"]:
            self.error(value, _("%(value)r is not an ISO 4217 currency code."), value=currency)
        try:
            amount = Decimal((value.text or "").strip())
        except InvalidOperation:  # the schema checked xsd:decimal; kept for safety
            self.error(value, _("%(value)r is not a number."), value=value.text)
            amount = Decimal(0)
        return amount, currency, self.day(value, "value-date")

    def activity(self, el: Any, root_lang: str) -> Activity:
        lang = el.get(XML_LANG) or root_lang
        currency = (el.get("default-currency") or "").strip()
        if currency and currency not in self.codes["Currency"]:
            self.error(el, _("%(value)r is not an ISO 4217 currency code."), value=currency)
        ident = (el.findtext("iati-identifier") or "").strip()
        if not ident:
            self.error(el.find("iati-identifier"), _("The activity has no identifier."))
        reporting = el.find("reporting-org")
        rep = self.org(reporting, lang) or Org()
        orgs = tuple(
            o
            for p in el.findall("participating-org")
            if (o := self.org(p, lang, self.code(p, "role", "OrganisationRole"))) is not None
        )
        status = self.code(el.find("activity-status"), "code", "ActivityStatus")
        dates = tuple(
            (self.code(d, "type", "ActivityDateType"), self.day(d))
            for d in el.findall("activity-date")
        )
        countries = tuple(
            Country(
                (c.get("code") or "").strip().upper(),
                Decimal(c.get("percentage")) if c.get("percentage") else None,
            )
            for c in el.findall("recipient-country")
        )
        sectors = []
        for s in el.findall("sector"):
            vocabulary = (s.get("vocabulary") or "1").strip()
            if vocabulary in ("1", "2"):
                self.code(s, "code", "Sector" if vocabulary == "1" else "SectorCategory")
            sectors.append(
                Sector(
                    (s.get("code") or "").strip(),
                    vocabulary,
                    Decimal(s.get("percentage")) if s.get("percentage") else None,
                    self.texts(s, lang),
                )
            )
        budgets = []
        for b in el.findall("budget"):
            start, end = self.day(b.find("period-start")), self.day(b.find("period-end"))
            if end < start:
                self.error(b, _("The budget period ends before it starts."))
            value, cur, value_date = self.money(b, currency)
            budgets.append(
                Budget(
                    start, end, value, cur, value_date,
                    self.code(b, "type", "BudgetType", "1"),
                    self.code(b, "status", "BudgetStatus", "1"),
                    _flag(b),
                )
            )  # fmt: skip
        planned = []
        for p in el.findall("planned-disbursement"):
            start = self.day(p.find("period-start"))
            until = self.day(p.find("period-end")) if p.find("period-end") is not None else None
            if until is not None and until < start:
                self.error(p, _("The planned disbursement's period ends before it starts."))
            value, cur, value_date = self.money(p, currency)
            planned.append(
                PlannedDisbursement(
                    start, until, value, cur, value_date,
                    self.code(p, "type", "BudgetType"),
                    self.org(p.find("provider-org"), lang),
                    self.org(p.find("receiver-org"), lang),
                    _flag(p),
                )
            )  # fmt: skip
        transactions = []
        for t in el.findall("transaction"):
            value, cur, value_date = self.money(t, currency)
            transactions.append(
                Transaction(
                    self.code(t.find("transaction-type"), "code", "TransactionType"),
                    self.day(t.find("transaction-date")),
                    value,
                    cur,
                    value_date,
                    (t.get("ref") or "").strip(),
                    self.texts(t.find("description"), lang),
                    self.org(t.find("provider-org"), lang),
                    self.org(t.find("receiver-org"), lang),
                    _flag(t),
                )
            )
        return Activity(
            identifier=ident,
            reporting_org=rep,
            titles=self.texts(el.find("title"), lang),
            status=status,
            dates=dates,
            participating_orgs=orgs,
            descriptions=tuple(
                ((d.get("type") or "1").strip(), n_lang, text)
                for d in el.findall("description")
                for n_lang, text in self.texts(d, lang)
            ),
            currency=currency,
            lang=lang,
            countries=countries,
            sectors=tuple(sectors),
            budgets=tuple(budgets),
            planned_disbursements=tuple(planned),
            transactions=tuple(transactions),
            secondary_reporter=(reporting.get("secondary-reporter") or "").strip() in ("1", "true"),
            code=(el.get(CODE) or "").strip(),
            fictional=_flag(el),
            extension=tuple(
                sorted(
                    (str(etree.QName(k).localname), v.strip())
                    for k, v in el.attrib.items()
                    if k.startswith("{" + NS + "}") and k not in (CODE, FICTIONAL)
                )
            ),
            line=el.sourceline or 0,
            ignored=tuple(_tag(c) for c in el if isinstance(c.tag, str) and _tag(c) not in READ),
        )


def _tag(el: Any) -> str:
    if el is None:
        return ""
    return str(etree.QName(el).localname) if isinstance(el.tag, str) else ""


def _flag(el: Any) -> bool:
    return (el.get(FICTIONAL) or "").strip() in ("1", "true")


def parse(data: bytes, name: str, standard: Standard) -> Parsed:
    """Read an IATI activity file, or raise DataError listing every problem with its line.

    Duplicate identifiers are an error naming both lines; elements lienket does not keep are
    listed in a notice per element name.
    """
    if len(data) > MAX_BYTES:
        raise DataError(
            [
                _error(
                    name, 0, "",
                    _("The file is %(size)s bytes; lienket reads IATI files up to %(limit)s."),
                    {"size": len(data), "limit": MAX_BYTES},
                )
            ]
        )  # fmt: skip
    if data.count(b"<") > MAX_TAGS:
        raise DataError(
            [
                _error(
                    name, 0, "",
                    _("The file holds more than %(limit)s elements; lienket reads IATI files of "
                      "up to that many: split it, or export only the activities of the two "
                      "countries."),
                    {"limit": f"{MAX_TAGS // 2:,}"},
                )
            ]
        )  # fmt: skip
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise DataError(
            [
                _error(
                    name, line, "",
                    _("The file is not well-formed XML: %(reason)s"),
                    {"reason": exc.msg},
                )
            ]
        ) from exc  # fmt: skip
    root = tree.getroot()
    if tree.docinfo.doctype:
        raise DataError(
            [_error(name, 1, "", _("The file declares a DOCTYPE, which IATI files never do."))]
        )
    if _tag(root) != "iati-activities":
        raise DataError(
            [
                _error(
                    name, root.sourceline or 1, _tag(root),
                    _(
                        "The file starts with <%(element)s>: an IATI activity file starts "
                        "with <iati-activities version=\"2.03\">. Files before version 2 "
                        "are not read; convert it to 2.03 first."
                    ),
                    {"element": _tag(root)},
                )
            ]
        )  # fmt: skip
    version = (root.get("version") or "").strip()
    if version not in READABLE:
        raise DataError(
            [
                _error(
                    name, root.sourceline or 1, "iati-activities",
                    _(
                        "The file declares IATI version %(version)r; lienket reads version "
                        "2.03 (and 2.01, 2.02). Files of version 1 use other elements: "
                        "convert it to 2.03 first."
                    ),
                    {"version": version or "(none)"},
                )
            ]
        )  # fmt: skip
    schema_errors = standard.validate(tree)
    if schema_errors:
        raise DataError(
            [
                _error(name, line, element, _("Not valid IATI 2.03: %(reason)s"),
                         {"reason": message})
                for line, element, message in schema_errors[:MAX_ERRORS]
            ]
        )  # fmt: skip
    reader = _Reader(name, standard)
    root_lang = root.get(XML_LANG) or ""
    activities = [reader.activity(a, root_lang) for a in root.findall("iati-activity")]
    lines: dict[str, list[int]] = {}
    for a in activities:
        lines.setdefault(a.identifier, []).append(a.line)
    for ident, where in lines.items():
        if ident and len(where) > 1:
            reader.errors.append(
                _error(
                    name, where[1], "iati-identifier",
                    _("The identifier %(identifier)s is also used by the activity on line "
                      "%(lines)s: each activity needs its own."),
                    {"identifier": ident, "lines": ", ".join(map(str, where[:1] + where[2:]))},
                )
            )  # fmt: skip
    if reader.errors:
        raise DataError(reader.errors[:MAX_ERRORS])
    ignored = Counter(tag for a in activities for tag in a.ignored)
    for tag, count in sorted(ignored.items()):
        reader.notices.append(
            _error(
                name, 0, tag,
                _("lienket does not keep <%(element)s> (%(count)s in the file): it is not "
                  "imported and will not be in an export."),
                {"element": tag, "count": count},
            )
        )  # fmt: skip
    if version != VERSION:
        reader.notices.append(
            _error(
                name, root.sourceline or 1, "iati-activities",
                _("The file is IATI version %(version)s; it was read with the 2.03 schema."),
                {"version": version},
            )
        )  # fmt: skip
    return Parsed(tuple(activities), version, tuple(reader.notices))


# --- writing -------------------------------------------------------------------------------


def _sub(parent: Any, tag: str, attrs: Mapping[str, str] | None = None) -> Any:
    return etree.SubElement(parent, tag, {k: v for k, v in (attrs or {}).items() if v})


def _narratives(el: Any, texts: Iterable[tuple[str, str]]) -> Any:
    for lang, text in texts:
        n = etree.SubElement(el, "narrative", {XML_LANG: lang} if lang else {})
        n.text = text
    return el


def _num(value: Decimal) -> str:
    return format(value.normalize() if value == value.to_integral() else value, "f")


def _value(parent: Any, value: Decimal, currency: str, value_date: date) -> None:
    v = _sub(parent, "value", {"currency": currency, "value-date": value_date.isoformat()})
    v.text = _num(value)


def _org(parent: Any, tag: str, org: Org | None, id_attr: str = "") -> None:
    if org is None:
        return
    attrs = {"ref": org.ref, "type": org.type}
    if id_attr:
        attrs[id_attr] = org.activity_id
    _narratives(_sub(parent, tag, attrs), org.names)


def _fictional(attrs: dict[str, str], fictional: bool) -> dict[str, str]:
    if fictional:
        attrs[FICTIONAL] = "true"
    return attrs


def _activity(root: Any, a: Activity) -> None:
    attrs = {"default-currency": a.currency, CODE: a.code}
    attrs.update({f"{{{NS}}}{k}": v for k, v in a.extension})
    if a.lang:
        attrs[XML_LANG] = a.lang
    el = _sub(root, "iati-activity", _fictional(attrs, a.fictional))
    _sub(el, "iati-identifier").text = a.identifier
    rep = a.reporting_org
    _narratives(
        _sub(
            el, "reporting-org",
            {"ref": rep.ref, "type": rep.type, "secondary-reporter": "1" * a.secondary_reporter},
        ),
        rep.names,
    )  # fmt: skip
    _narratives(_sub(el, "title"), a.titles)
    by_type: dict[str, list[tuple[str, str]]] = {}
    for kind, lang, text in a.descriptions:
        by_type.setdefault(kind, []).append((lang, text))
    for kind, texts in by_type.items():
        _narratives(_sub(el, "description", {"type": kind}), texts)
    for o in a.participating_orgs:
        attrs = {"ref": o.ref, "type": o.type, "role": o.role, "activity-id": o.activity_id}
        _narratives(_sub(el, "participating-org", attrs), o.names)
    _sub(el, "activity-status", {"code": a.status})
    for kind, day in a.dates:
        _sub(el, "activity-date", {"type": kind, "iso-date": day.isoformat()})
    for c in a.countries:
        pct = "" if c.percentage is None else _num(c.percentage)
        _sub(el, "recipient-country", {"code": c.code, "percentage": pct})
    for s in a.sectors:
        pct = "" if s.percentage is None else _num(s.percentage)
        attrs = {"vocabulary": s.vocabulary, "code": s.code, "percentage": pct}
        _narratives(_sub(el, "sector", attrs), s.names)
    for b in a.budgets:
        e = _sub(el, "budget", _fictional({"type": b.type, "status": b.status}, b.fictional))
        _sub(e, "period-start", {"iso-date": b.start.isoformat()})
        _sub(e, "period-end", {"iso-date": b.end.isoformat()})
        _value(e, b.value, b.currency, b.value_date)
    for p in a.planned_disbursements:
        e = _sub(el, "planned-disbursement", _fictional({"type": p.type}, p.fictional))
        _sub(e, "period-start", {"iso-date": p.start.isoformat()})
        if p.end is not None:
            _sub(e, "period-end", {"iso-date": p.end.isoformat()})
        _value(e, p.value, p.currency, p.value_date)
        _org(e, "provider-org", p.provider, "provider-activity-id")
        _org(e, "receiver-org", p.receiver, "receiver-activity-id")
    for t in a.transactions:
        e = _sub(el, "transaction", _fictional({"ref": t.ref}, t.fictional))
        _sub(e, "transaction-type", {"code": t.type})
        _sub(e, "transaction-date", {"iso-date": t.date.isoformat()})
        _value(e, t.value, t.currency, t.value_date)
        if t.description:
            _narratives(_sub(e, "description"), t.description)
        _org(e, "provider-org", t.provider, "provider-activity-id")
        _org(e, "receiver-org", t.receiver, "receiver-activity-id")


def write(
    activities: Sequence[Activity],
    generated: datetime,
    standard: Standard,
    comments: Sequence[str] = (),
) -> bytes:
    """The activities as an IATI 2.03 file, validated against the schema before it returns.

    ``comments`` are written at the top of the file (e.g. the source and which records are
    fictional). Raises ValueError, naming each schema error, if the result does not validate.
    """
    root = etree.Element("iati-activities", nsmap={"lienket": NS})
    root.set("version", VERSION)
    root.set("generated-datetime", generated.isoformat(timespec="seconds"))
    for text in comments:
        root.append(etree.Comment(" " + text.replace("--", "- -") + " "))
    for a in activities:
        _activity(root, a)
    tree = root.getroottree()
    problems = standard.validate(tree)
    if problems:
        raise ValueError("; ".join(f"line {ln}, <{el}>: {msg}" for ln, el, msg in problems[:20]))
    out: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out
