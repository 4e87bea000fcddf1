from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "lienket.cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from lienket.cooperation import jobs

        jobs.register()
