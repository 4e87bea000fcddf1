"""Bulk import of enterprises and relationships from XLSX or CSV: every row, or none.

The whole file is validated first and every problem is collected (file, row, column, reason);
only a file without problems is written, inside one transaction. Likely duplicates of existing
firms (similar name, same province) are flagged for a steward, never merged.
"""

from lienket.registry.importers.columns import (
    ENTERPRISE_ALIASES,
    ENTERPRISE_EXPORT_ONLY,
    ENTERPRISE_HEADERS,
    ENTERPRISE_ID,
    ENTERPRISE_LABEL_COLUMNS,
    ENTERPRISE_OPTIONAL,
    ENTERPRISE_REQUIRED,
    RELATIONSHIP_ALIASES,
    RELATIONSHIP_EXPORT_ONLY,
    RELATIONSHIP_HEADERS,
    RELATIONSHIP_OPTIONAL,
    RELATIONSHIP_REQUIRED,
    TEXT_COLUMNS,
    Change,
    Progress,
    RowChecker,
)
from lienket.registry.importers.enterprises import (
    UPDATE_FIELDS,
    Parsed,
    flag_duplicates_of,
    import_enterprises,
)
from lienket.registry.importers.relationships import (
    import_relationships,
)

__all__ = [
    "ENTERPRISE_ALIASES",
    "ENTERPRISE_EXPORT_ONLY",
    "ENTERPRISE_HEADERS",
    "ENTERPRISE_ID",
    "ENTERPRISE_LABEL_COLUMNS",
    "ENTERPRISE_OPTIONAL",
    "ENTERPRISE_REQUIRED",
    "RELATIONSHIP_ALIASES",
    "RELATIONSHIP_EXPORT_ONLY",
    "RELATIONSHIP_HEADERS",
    "RELATIONSHIP_OPTIONAL",
    "RELATIONSHIP_REQUIRED",
    "TEXT_COLUMNS",
    "UPDATE_FIELDS",
    "Change",
    "Parsed",
    "Progress",
    "RowChecker",
    "flag_duplicates_of",
    "import_enterprises",
    "import_relationships",
]
