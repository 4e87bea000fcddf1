from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeConfig(AppConfig):
    name = "lienket.trade"
    verbose_name = _("Trade")

    def ready(self) -> None:
        from lienket.trade import jobs

        jobs.register()
