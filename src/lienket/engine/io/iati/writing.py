"""Writing records back as IATI 2.03, validated before it is returned."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from lxml import etree

from lienket.engine.io.iati.records import (
    CODE,
    FICTIONAL,
    NS,
    VERSION,
    XML_LANG,
    Activity,
    Org,
)
from lienket.engine.io.iati.standard import (
    Standard,
)


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
