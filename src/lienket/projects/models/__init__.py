"""Investment, power-trade and aid-funded projects in one registry, with their money and progress.

Real rows (loaded from cited public sources) keep every source, its date and the ``verified``
flag; a figure as the source printed it is kept beside the number lienket reads from it, so a
page shows both. Demo rows and figures carry ``fictional=True``.
"""

from lienket.projects.models.money import (
    Allocation,
    Budget,
    BudgetKind,
    BudgetStatus,
    PlannedDisbursement,
    Transaction,
    TransactionKind,
)
from lienket.projects.models.monitoring import (
    ExchangeRate,
    Milestone,
    ProgressReport,
)
from lienket.projects.models.power import (
    Statement,
    TariffCeiling,
    Topic,
)
from lienket.projects.models.project import (
    Kind,
    Project,
    Sector,
    Status,
    Technology,
    Verified,
    money_field,
)
from lienket.projects.models.reallocation import (
    ProposalStatus,
    Reallocation,
    ReallocationDecision,
    ReallocationLine,
    Verdict,
)

__all__ = [
    "Allocation",
    "Budget",
    "BudgetKind",
    "BudgetStatus",
    "ExchangeRate",
    "Kind",
    "Milestone",
    "PlannedDisbursement",
    "ProgressReport",
    "Project",
    "ProposalStatus",
    "Reallocation",
    "ReallocationDecision",
    "ReallocationLine",
    "Sector",
    "Statement",
    "Status",
    "TariffCeiling",
    "Technology",
    "Topic",
    "Transaction",
    "TransactionKind",
    "Verdict",
    "Verified",
    "money_field",
]
