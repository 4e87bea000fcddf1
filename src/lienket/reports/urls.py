from django.urls import path

from lienket.reports import views

urlpatterns = [
    path("reports/", views.report_list, name="report-list"),
    path("reports/template/", views.template_edit, name="report-template"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("reports/<int:pk>/status.json", views.report_status, name="report-status"),
    path("reports/<int:pk>/download/", views.report_download, name="report-download"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report-submit"),
    path("reports/<int:pk>/delete/", views.report_delete, name="report-delete"),
]
