from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lienket.core import translations


class CooperationConfig(AppConfig):
    name = "lienket.cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from lienket.cooperation import jobs

        jobs.register()
        translations.register("cooperation.meeting", "title", "place", "agenda")
        translations.register("cooperation.decision", "text")
        translations.register("cooperation.member", "position")
