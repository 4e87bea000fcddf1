"""Cooperation pages: thin views that check the role, call a service and render."""

from lienket.cooperation.views.feeds import (
    calendar_feed,
    calendar_page,
    reminders_page,
)
from lienket.cooperation.views.meetings import (
    decision_list,
    meeting_detail,
    meeting_list,
    meeting_minutes,
)
from lienket.cooperation.views.plans import (
    activity_detail,
    activity_form,
    members,
    overview,
    plan_action,
    plan_detail,
    plan_export,
    plan_import,
)
from lienket.cooperation.views.training import (
    certificate,
    course_attendance,
    course_detail,
    course_form,
    course_nominate,
    training,
    verify,
)

__all__ = [
    "activity_detail",
    "activity_form",
    "calendar_feed",
    "calendar_page",
    "certificate",
    "course_attendance",
    "course_detail",
    "course_form",
    "course_nominate",
    "decision_list",
    "meeting_detail",
    "meeting_list",
    "meeting_minutes",
    "members",
    "overview",
    "plan_action",
    "plan_detail",
    "plan_export",
    "plan_import",
    "reminders_page",
    "training",
    "verify",
]
