from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lienket.core import translations


class ProjectsConfig(AppConfig):
    name = "lienket.projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from lienket.projects import jobs

        jobs.register()
        translations.register("projects.project", "location")
        translations.register_localized("projects.project", "name")
        translations.register("projects.milestone", "title")
        translations.register("projects.transaction", "description")
