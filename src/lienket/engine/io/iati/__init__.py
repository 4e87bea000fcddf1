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

from lienket.engine.io.iati.reading import (
    parse,
)
from lienket.engine.io.iati.records import (
    CODE,
    CODELISTS,
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
)
from lienket.engine.io.iati.writing import (
    write,
)

__all__ = [
    "CODE",
    "CODELISTS",
    "FICTIONAL",
    "MAX_BYTES",
    "MAX_ERRORS",
    "MAX_TAGS",
    "NS",
    "READ",
    "READABLE",
    "VERSION",
    "XML_LANG",
    "Activity",
    "Budget",
    "Country",
    "Org",
    "Parsed",
    "PlannedDisbursement",
    "Sector",
    "Standard",
    "Texts",
    "Transaction",
    "parse",
    "write",
]
