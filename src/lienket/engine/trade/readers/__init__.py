"""Readers for official trade statistics, normalised to the store's columns.

Each reader streams its file in blocks (constant memory, however large the file) and yields
:class:`Block` objects: the rows of one block as string columns under canonical names, with
their line numbers. :func:`normalise` then checks and converts a block. Supported sources:

- **UN Comtrade** CSV, both the Comtrade+ layout (``refYear``, ``reporterISO``, ``partnerISO``,
  ``flowCode``, ``cmdCode``, ``classificationCode``, ``primaryValue``, ...) of the bulk and API
  downloads and the legacy layout (``Year``, ``Reporter ISO``, ``Trade Flow Code``, ...).
- **CEPII BACI** CSV (``t,i,j,k,v,q``; ``v`` in thousands of USD, ``q`` in tonnes) with the
  release's ``country_codes_V*.csv`` file, which maps BACI's numeric codes to ISO 3.
- A **national customs** XLSX or CSV with columns year, partner, hs_code, flow, value_usd and
  optionally quantity and unit; the reporter and HS edition are given by the user.
"""

from lienket.engine.trade.readers.baci import (
    BACI_COLUMNS,
    baci_country_codes,
    baci_edition,
    find_baci_countries,
    read_baci,
)
from lienket.engine.trade.readers.common import (
    BLOCK_BYTES,
    CANONICAL,
    EDITION_ALIASES,
    FLOW_WORDS,
    OTHER_FLOWS,
    SOURCES,
    Block,
    OnProgress,
    constant,
    flow_codes,
    line_numbers,
    unreadable,
)
from lienket.engine.trade.readers.comtrade import (
    AREA_M49,
    COMTRADE_COLUMNS,
    read_comtrade,
)
from lienket.engine.trade.readers.customs import (
    CUSTOMS_COLUMNS,
    CUSTOMS_EXTRA,
    read_customs,
)
from lienket.engine.trade.readers.normalise import (
    _NUMBER,
    PARTNER_AREA,
    Normaliser,
)

__all__ = [
    "AREA_M49",
    "BACI_COLUMNS",
    "BLOCK_BYTES",
    "CANONICAL",
    "COMTRADE_COLUMNS",
    "CUSTOMS_COLUMNS",
    "CUSTOMS_EXTRA",
    "EDITION_ALIASES",
    "FLOW_WORDS",
    "OTHER_FLOWS",
    "PARTNER_AREA",
    "SOURCES",
    "_NUMBER",
    "Block",
    "Normaliser",
    "OnProgress",
    "baci_country_codes",
    "baci_edition",
    "constant",
    "find_baci_countries",
    "flow_codes",
    "line_numbers",
    "read_baci",
    "read_comtrade",
    "read_customs",
    "unreadable",
]
