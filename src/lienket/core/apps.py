from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lienket.engine.io import tabular


class CoreConfig(AppConfig):
    name = "lienket.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from lienket.core import checks, cleaning, signals  # noqa: F401  (registers checks, receivers)

        cleaning.install()
        from lienket.core import jobs

        jobs.register()
        from django.conf import settings

        tabular.set_limits(
            tabular.Limits(
                max_bytes=settings.LIENKET_IMPORT_MAX_MB * 1024 * 1024,
                max_rows=settings.LIENKET_IMPORT_MAX_ROWS,
                max_zip_ratio=settings.LIENKET_ZIP_MAX_RATIO,
                max_unzipped_bytes=settings.LIENKET_ZIP_MAX_MB * 1024 * 1024,
            )
        )
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_save, pre_save

        from lienket.core import datacache

        connection_created.connect(datacache.install, dispatch_uid="lienket-data-version")

        from lienket.core import audit

        pre_save.connect(audit.before_save, dispatch_uid="lienket-audit-before")
        post_save.connect(audit.after_save, dispatch_uid="lienket-audit-after")
        post_delete.connect(audit.after_delete, dispatch_uid="lienket-audit-delete")
        from django.contrib.auth import get_user_model

        from lienket.core import tokens

        pre_save.connect(
            tokens.revoke_on_password_change,
            sender=get_user_model(),
            dispatch_uid="lienket-token-password",
        )
