from django.urls import path

from lienket.governance import api, views

urlpatterns = [
    path("governance/", views.overview, name="gov-overview"),
    path("governance/<slug:kind>/new/", views.edit, name="gov-new"),
    path("governance/<slug:kind>/<slug:key>/edit/", views.edit, name="gov-edit"),
    path("governance/documents/<slug:code>/", views.document, name="gov-document"),
    path("governance/documents/<slug:code>/file", views.document_file, name="gov-document-file"),
    path("governance/sessions/<int:pk>/", views.session, name="gov-session"),
    path("governance/commitments/", views.commitment_list, name="gov-commitments"),
    path("governance/commitments.xlsx", views.commitments_export, name="gov-commitments-export"),
    path("governance/commitments/import/", views.commitments_import, name="gov-commitments-import"),
    path("governance/inspections/", views.inspections, name="gov-inspections"),
    path("governance/commitments/<slug:code>/", views.commitment_detail, name="gov-commitment"),
    path("api/governance/commitments/", api.Commitments.as_view(), name="api-gov-commitments"),
]
