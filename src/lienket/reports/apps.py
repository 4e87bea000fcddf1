from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "lienket.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from lienket.reports import services

        services.register()
