"""Money in several currencies, how each project stands, and the reallocation of a year's capital.

Views, the API, the CLI and the report call these functions, so every page shows the same
figures. Amounts convert to US dollars only through the steward's dated rate table
(:class:`~lienket.projects.models.ExchangeRate`): an amount whose currency has no rate on the
date is reported as unconverted, never guessed.
"""

from lienket.projects.services.money import (
    CENT,
    Rate,
    Rates,
    Total,
    budget_total,
    visible,
)
from lienket.projects.services.monitoring import (
    AidYear,
    Position,
    YearLine,
    aid_year,
    position,
    positions,
    with_monitoring,
)
from lienket.projects.services.power import (
    COMMITTED,
    STOPPED,
    CapacityYear,
    TariffLine,
    capacity_by_year,
    power_targets,
    tariff_review,
)
from lienket.projects.services.reallocation import (
    Candidate,
    OwnProposalError,
    SideDecidedError,
    StaleProposalError,
    build_portfolio,
    comment,
    decide,
    decided_sides,
    propose,
    reallocation_candidates,
    sides,
)

__all__ = [
    "CENT",
    "COMMITTED",
    "STOPPED",
    "AidYear",
    "Candidate",
    "CapacityYear",
    "OwnProposalError",
    "Position",
    "Rate",
    "Rates",
    "SideDecidedError",
    "StaleProposalError",
    "TariffLine",
    "Total",
    "YearLine",
    "aid_year",
    "budget_total",
    "build_portfolio",
    "capacity_by_year",
    "comment",
    "decide",
    "decided_sides",
    "position",
    "positions",
    "power_targets",
    "propose",
    "reallocation_candidates",
    "sides",
    "tariff_review",
    "visible",
    "with_monitoring",
]
