"""The joint working group, its work plans and meetings, and training the Lao side nominates for.

Organisations, members, plans, meetings, programmes and trainees invented for the demo carry
``fictional=True`` and the badge on every page.
"""

from lienket.cooperation.models.group import (
    GroupRole,
    Member,
    Organisation,
    Side,
)
from lienket.cooperation.models.plans import (
    Activity,
    ActivityStatus,
    Decision,
    Meeting,
    PlanStatus,
    ProgressNote,
    WorkPlan,
)
from lienket.cooperation.models.training import (
    CalendarToken,
    Course,
    Language,
    Nomination,
    Session,
    Trainee,
    TraineeKind,
    TrainingProgramme,
    certificate_number,
)

__all__ = [
    "Activity",
    "ActivityStatus",
    "CalendarToken",
    "Course",
    "Decision",
    "GroupRole",
    "Language",
    "Meeting",
    "Member",
    "Nomination",
    "Organisation",
    "PlanStatus",
    "ProgressNote",
    "Session",
    "Side",
    "Trainee",
    "TraineeKind",
    "TrainingProgramme",
    "WorkPlan",
    "certificate_number",
]
