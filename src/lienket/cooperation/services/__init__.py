"""Cooperation rules in one place: plan progress, agreement and revision, nominations within
capacity, completion and certificates, reminders and the calendar feed."""

from lienket.cooperation.services.plans import (
    PlanError,
    agree,
    revise,
)
from lienket.cooperation.services.progress import (
    STATE_COLOURS,
    Row,
    gantt,
    item_of,
    progress,
    rows,
    state_label,
)
from lienket.cooperation.services.reminders import (
    Reminder,
    calendar,
    calendar_owner,
    calendar_token,
    reminders,
    send_reminders,
)
from lienket.cooperation.services.training import (
    CapacityError,
    certificate_pdf,
    nominate,
    record_attendance,
    verify_url,
    visible_courses,
    visible_nominations,
)

__all__ = [
    "STATE_COLOURS",
    "CapacityError",
    "PlanError",
    "Reminder",
    "Row",
    "agree",
    "calendar",
    "calendar_owner",
    "calendar_token",
    "certificate_pdf",
    "gantt",
    "item_of",
    "nominate",
    "progress",
    "record_attendance",
    "reminders",
    "revise",
    "rows",
    "send_reminders",
    "state_label",
    "verify_url",
    "visible_courses",
    "visible_nominations",
]
