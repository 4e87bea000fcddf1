from django.urls import path

from lienket.cooperation import views

urlpatterns = [
    path("cooperation/", views.overview, name="coop-overview"),
    path("cooperation/group/", views.members, name="coop-members"),
    path("cooperation/plans/<int:pk>/", views.plan_detail, name="coop-plan"),
    path("cooperation/plans/<int:pk>/export.xlsx", views.plan_export, name="coop-plan-export"),
    path("cooperation/plans/<int:pk>/import/", views.plan_import, name="coop-plan-import"),
    path(
        "cooperation/plans/<int:plan>/activities/new/",
        views.activity_form,
        name="coop-activity-new",
    ),
    path("cooperation/plans/<int:pk>/<slug:action>/", views.plan_action, name="coop-plan-action"),
    path("cooperation/activities/<int:pk>/", views.activity_detail, name="coop-activity"),
    path("cooperation/activities/<int:pk>/edit/", views.activity_form, name="coop-activity-edit"),
    path("cooperation/meetings/", views.meeting_list, name="coop-meetings"),
    path("cooperation/meetings/<int:pk>/", views.meeting_detail, name="coop-meeting"),
    path("cooperation/meetings/<int:pk>/minutes", views.meeting_minutes, name="coop-minutes"),
    path("cooperation/decisions/", views.decision_list, name="coop-decisions"),
    path("cooperation/training/", views.training, name="coop-training"),
    path("cooperation/training/new/", views.course_form, name="coop-course-new"),
    path("cooperation/courses/<slug:code>/", views.course_detail, name="coop-course"),
    path("cooperation/courses/<slug:code>/edit/", views.course_form, name="coop-course-edit"),
    path("cooperation/courses/<slug:code>/nominate/", views.course_nominate, name="coop-nominate"),
    path(
        "cooperation/courses/<slug:code>/attendance/",
        views.course_attendance,
        name="coop-attendance",
    ),
    path("cooperation/certificates/<slug:number>.pdf", views.certificate, name="coop-certificate"),
    path("cooperation/reminders/", views.reminders_page, name="coop-reminders"),
    path("cooperation/calendar/", views.calendar_page, name="coop-calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="coop-calendar-feed"),
    path("verify/", views.verify, name="verify"),
    path("verify/<slug:number>/", views.verify, name="verify-number"),
]
