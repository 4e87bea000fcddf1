from django.urls import path

from lienket.governance import views

urlpatterns = [
    path("governance/", views.overview, name="gov-overview"),
    path("governance/documents/<slug:code>/", views.document, name="gov-document"),
    path("governance/sessions/<int:pk>/", views.session, name="gov-session"),
]
