"""Reading an IATI file: checked against the schema, then streamed into records."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from lienket.engine.errors import DataError
from lienket.engine.errors import RowError as _RowError
from lienket.engine.errors import mark as _  # marks messages; the web app translates them
from lienket.engine.io.iati.records import (
    CODE,
    FICTIONAL,
    MAX_BYTES,
    MAX_ERRORS,
    MAX_TAGS,
    NS,
    READ,
    READABLE,
    VERSION,
    XML_LANG,
    Activity,
    Budget,
    Country,
    Org,
    Parsed,
    PlannedDisbursement,
    Sector,
    Texts,
    Transaction,
)
from lienket.engine.io.iati.standard import (
    Standard,
    _error,
)


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
