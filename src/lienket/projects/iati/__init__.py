"""IATI 2.03 in and out of the projects registry.

An activity file is read by :mod:`lienket.engine.io.iati` (schema, codelists, duplicate
identifiers); this module then checks each activity as the project form checks a page (same
rules, errors named by line and element) and writes all activities or none. An activity
already imported (same identifier), or exported by this installation (``{our ref}-{code}``),
updates its project: the fields IATI carries are replaced, lienket's own (notes, sources,
milestones, progress, priority) are kept.

What goes where:

* titles → ``name_en``/``name_vi``/``name_lo`` (other languages are kept in ``iati``);
* participating organisations → kept in ``iati``; the funding ones (role 1) are the project's
  sponsor, the implementing ones (role 4) its executing agency;
* recipient country → ``country`` (Lao PDR or Viet Nam; all countries kept in ``iati``);
* sectors → kept in ``iati``; lienket's sector from the one with the largest share;
* activity dates → ``start_date`` (actual, else planned) and ``end_date`` likewise;
* budgets → :class:`Budget`; a budget for exactly one calendar year (the revised one where
  both are given) is also that year's :class:`Allocation`;
* planned disbursements → :class:`PlannedDisbursement`; transactions → :class:`Transaction`.

An export writes those fields back; where a user changed a field on a page after the import
(the sponsor, the country, the dates, an allocation), the export writes the changed value.
"""

from lienket.projects.iati.exporting import (
    Exported,
    export_iati,
    kept_rows,
    to_activity,
)
from lienket.projects.iati.importing import (
    allocations_of,
    import_iati,
)
from lienket.projects.iati.mapping import (
    BUDGET_KINDS,
    BUDGET_STATUSES,
    DATE_LABELS,
    ELEMENT_OF,
    LANGS,
    ROLE_LABELS,
    SECTOR_FROM_CATEGORY,
    SECTOR_FROM_CODE,
    SECTOR_TO_IATI,
    STATUS_FROM_IATI,
    STATUS_TO_IATI,
    TRANSACTION_FROM_IATI,
    TRANSACTION_TO_IATI,
    own_org,
    sector_of,
    standard,
)

__all__ = [
    "BUDGET_KINDS",
    "BUDGET_STATUSES",
    "DATE_LABELS",
    "ELEMENT_OF",
    "LANGS",
    "ROLE_LABELS",
    "SECTOR_FROM_CATEGORY",
    "SECTOR_FROM_CODE",
    "SECTOR_TO_IATI",
    "STATUS_FROM_IATI",
    "STATUS_TO_IATI",
    "TRANSACTION_FROM_IATI",
    "TRANSACTION_TO_IATI",
    "Exported",
    "allocations_of",
    "export_iati",
    "import_iati",
    "kept_rows",
    "own_org",
    "sector_of",
    "standard",
    "to_activity",
]
