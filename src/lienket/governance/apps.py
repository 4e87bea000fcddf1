from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lienket.core import translations


class GovernanceConfig(AppConfig):
    name = "lienket.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        translations.register("governance.session", "body", "place", "chairs", "note")
        translations.register("governance.document", "parties", "signatories", "place", "note")
        translations.register_localized("governance.document", "title")
        translations.register("governance.commitment", "owner_body", "partners", "note")
        translations.register("governance.commitmentupdate", "note")
        translations.register_localized("governance.commitment", "text")
