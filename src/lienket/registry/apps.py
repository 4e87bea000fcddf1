from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "lienket.registry"
    verbose_name = _("Registry")

    def ready(self) -> None:
        from lienket.registry import jobs

        jobs.register()
