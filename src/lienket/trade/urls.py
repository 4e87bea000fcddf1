from django.urls import path

from lienket.trade import api, views

urlpatterns = [
    path("trade/", views.dashboard, name="trade-dashboard"),
    path("trade/advantage/", views.advantage, name="trade-advantage"),
    path("trade/opportunities/", views.opportunities, name="trade-opportunities"),
    path("trade/sectors/", views.sectors, name="trade-sectors"),
    path("trade/data/", views.data, name="trade-data"),
    path("trade/figures/", views.figures_page, name="trade-figures"),
    path("trade/figures/history/", views.figure_history, name="trade-figure-history"),
    path("trade/imports/", views.imports_page, name="trade-imports"),
    path("trade/imports/<int:pk>/", views.import_detail, name="trade-import"),
    path("api/trade/imports/<int:pk>/", api.ImportStatus.as_view(), name="api-trade-import"),
    path("api/trade/figures/", api.Figures.as_view(), name="api-trade-figures"),
    path(
        "api/trade/figures/history/", api.FigureHistory.as_view(), name="api-trade-figure-history"
    ),
    path("api/trade/published/", api.Published.as_view(), name="api-trade-published"),
    path("api/trade/turnover/", api.TurnoverApi.as_view(), name="api-trade-turnover"),
    path("api/trade/products/", api.Products.as_view(), name="api-trade-products"),
    path("api/trade/chains/", api.Chains.as_view(), name="api-trade-chains"),
    path("api/trade/advantage/", api.Advantage.as_view(), name="api-trade-advantage"),
    path("api/trade/potential/", api.PotentialApi.as_view(), name="api-trade-potential"),
    path("api/trade/linkage/", api.Linkage.as_view(), name="api-trade-linkage"),
    path("api/trade/sectors/", api.Sectors.as_view(), name="api-trade-sectors"),
]
