from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "lienket.projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from lienket.projects import jobs

        jobs.register()
