from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lienket.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from lienket.core import checks, cleaning, signals  # noqa: F401  (registers checks, receivers)

        cleaning.install()
