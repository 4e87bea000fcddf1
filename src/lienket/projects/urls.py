from django.urls import path

from lienket.projects import views

urlpatterns = [
    path("map/data.geojson", views.map_data, name="map-data"),
    path("projects/", views.project_list, name="project-list"),
    path("projects/export.xlsx", views.project_export, name="project-export"),
    path("projects/new/", views.project_create, name="project-create"),
    path("projects/import/", views.import_page, name="project-import"),
    path("projects/import/template.xlsx", views.import_template, name="project-template"),
    path("projects/iati/", views.iati_import_page, name="project-iati-import"),
    path("projects/iati/export.xml", views.iati_export, name="project-iati-export"),
    path("projects/monitoring/", views.monitoring_page, name="project-monitoring"),
    path("projects/power/", views.power_page, name="project-power"),
    path("projects/map/", views.map_page, name="project-map"),
    path("projects/rates/", views.rate_list, name="rate-list"),
    path("projects/reallocation/", views.reallocation_list, name="reallocation-list"),
    path("projects/reallocation/<int:pk>/", views.reallocation_detail, name="reallocation-detail"),
    path(
        "projects/reallocation/<int:pk>/decide/",
        views.reallocation_decide,
        name="reallocation-decide",
    ),
    path(
        "projects/reallocation/<int:pk>/comment/",
        views.reallocation_comment,
        name="reallocation-comment",
    ),
    path("projects/<slug:code>/", views.project_detail, name="project-detail"),
    path("projects/<slug:code>/edit/", views.project_edit, name="project-edit"),
]
