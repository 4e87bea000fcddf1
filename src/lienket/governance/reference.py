"""Load the framework documents and sessions from the cited data (``refdata/data/governance``):
facts read in the two source documents lienket was conceived from, each row with its source.
Loading again updates the rows in place; a document's uploaded file is never touched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from lienket import refdata
from lienket.core.models import Target
from lienket.governance import commitments
from lienket.governance.models import Document, Session


@dataclass(frozen=True)
class Loaded:
    documents: int
    sessions: int
    targets: int = 0
    commitments: int = 0


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


@transaction.atomic
def load() -> Loaded:
    docs = {}
    for r in refdata.rows("governance/documents.csv"):
        doc, _created = Document.objects.update_or_create(
            code=r["code"],
            defaults={
                "kind": r["kind"],
                "title_vi": r["title_vi"],
                "title_lo": r["title_lo"],
                "title_en": r["title_en"],
                "parties": r["parties"],
                "signatories": r["signatories"],
                "signed_on": _day(r["signed_on"]),
                "signing_state": r["signing_state"],
                "place": r["place"],
                "valid_from": _day(r["valid_from"]),
                "valid_to": _day(r["valid_to"]),
                "source": r["source"],
                "source_date": _day(r["source_date"]),
                "note": r["note"],
            },
        )
        docs[doc.code] = doc
    sessions = 0
    for r in refdata.rows("governance/sessions.csv"):
        session, _created = Session.objects.update_or_create(
            body=r["body"],
            number=int(r["number"]),
            level=r["level"],
            defaults={
                "starts": _day(r["starts"]),
                "ends": _day(r["ends"]),
                "state": r["state"],
                "place": r["place"],
                "chairs": r["chairs"],
                "minutes": docs.get(r["minutes"]),
                "source": r["source"],
                "source_date": _day(r["source_date"]),
                "note": r["note"],
            },
        )
        session.documents.set([docs[c] for c in r["documents"].split() if c in docs])
        sessions += 1
    targets = 0
    for r in refdata.rows("governance/targets.csv"):
        Target.objects.update_or_create(
            indicator=r["indicator"],
            year=int(r["year"]),
            defaults={
                "low": Decimal(r["low"]) if r["low"] else None,
                "high": Decimal(r["high"]) if r["high"] else None,
                "wording": r["wording"],
                "session": int(r["session"]) if r["session"] else None,
                "source": r["source"],
                "note": r["note"],
            },
        )
        targets += 1
    return Loaded(len(docs), sessions, targets, commitments.load())
