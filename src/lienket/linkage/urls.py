from django.urls import path

from lienket.linkage import api, views

urlpatterns = [
    path("chains/", views.chains, name="chains"),
    path("chains/<slug:code>/", views.chain_detail, name="chain-detail"),
    path("partners/", views.partner_home, name="partner-home"),
    path("partners/<int:pk>/", views.partner_finder, name="partner-finder"),
    path("matches/", views.match_list, name="match-list"),
    path("matches/<int:pk>/", views.match_detail, name="match-detail"),
    path("pilots/", views.pilots, name="pilots"),
    path("pilots/projects/<int:pk>/", views.pilot_project, name="pilot-project"),
    path("routes/", views.routes, name="routes"),
    path("map/", views.map_page, name="map"),
    path("api/suggestions/<int:pk>/", api.Suggestions.as_view(), name="api-suggestions"),
    path("api/matches/", api.Matches.as_view(), name="api-matches"),
    path("api/matches/<int:pk>/steps/", api.MatchStep.as_view(), name="api-match-step"),
    path(
        "api/matches/<int:pk>/disclosure/",
        api.MatchDisclosure.as_view(),
        name="api-match-disclosure",
    ),
    path("api/pilots/", api.Pilots.as_view(), name="api-pilots"),
    path("api/routes/", api.Routes.as_view(), name="api-routes"),
]
