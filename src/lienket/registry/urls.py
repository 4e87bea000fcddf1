from django.urls import path

from lienket.registry import views

urlpatterns = [
    path("", views.home, name="home"),
    path("enterprises/", views.enterprise_list, name="enterprise-list"),
    path("enterprises/export.xlsx", views.enterprise_export, name="enterprise-export"),
    path("enterprises/new/", views.enterprise_create, name="enterprise-create"),
    path("enterprises/<int:pk>/", views.enterprise_detail, name="enterprise-detail"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit, name="enterprise-edit"),
    path("zones/", views.zone_list, name="zone-list"),
    path("zones/<slug:code>/", views.zone_detail, name="zone-detail"),
    path("relationships/", views.relationship_list, name="relationship-list"),
    path("relationships/new/", views.relationship_create, name="relationship-create"),
    path("relationships/export.xlsx", views.relationship_export, name="relationship-export"),
    path("import/", views.import_page, name="import"),
    path("import/errors.xlsx", views.import_errors_download, name="import-errors"),
    path("import/jobs/<int:pk>/", views.import_job, name="import-job"),
    path(
        "import/jobs/<int:pk>/errors.xlsx", views.import_errors_download, name="import-job-errors"
    ),
    path("import/template/<slug:kind>.xlsx", views.import_template, name="import-template"),
    path("duplicates/", views.duplicate_list, name="duplicate-list"),
    path("duplicates/<int:pk>/", views.duplicate_resolve, name="duplicate-resolve"),
]
