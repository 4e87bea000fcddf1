"""API tokens stored hashed (issue 24): lienket's own token table replaces DRF's authtoken,
whose tokens (kept in clear) are moved over as digests; audit events recorded before the rule
have their secrets redacted."""

import hashlib
import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SENSITIVE = re.compile(r"(^|_)(password|passwd|secret|token|key|digest|salt|session)(_|$)")


def move_tokens(apps, schema_editor):
    from datetime import timedelta

    from django.utils import timezone

    ApiToken = apps.get_model("core", "ApiToken")
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id FROM authtoken_token")
        rows = cursor.fetchall()
    expires = timezone.now() + timedelta(days=getattr(settings, "LIENKET_TOKEN_DAYS", 90))
    for key, user_id in rows:
        ApiToken.objects.create(
            user_id=user_id,
            prefix=key[:8],
            digest=hashlib.sha256(key.encode()).hexdigest(),
            expires=expires,
        )
    schema_editor.execute(schema_editor.sql_delete_table % {"table": "authtoken_token"})


def scrub_audit(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    for event in AuditEvent.objects.filter(object_type__in=("token", "calendartoken", "apitoken")):
        event.summary = "[redacted]"
        event.changes = {k: ["[redacted]", "[redacted]"] for k in (event.changes or {})}
        event.save(update_fields=["summary", "changes"])
    for event in AuditEvent.objects.exclude(changes={}).iterator():
        changes = event.changes if isinstance(event.changes, dict) else {}
        if any(SENSITIVE.search(str(k).lower()) for k in changes):
            event.changes = {
                k: ["[redacted]", "[redacted]"] if SENSITIVE.search(str(k).lower()) else v
                for k, v in changes.items()
            }
            event.save(update_fields=["changes"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_hs_lao_text"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("prefix", models.CharField(max_length=8, verbose_name="starts with")),
                ("digest", models.CharField(max_length=64, unique=True)),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="issued")),
                ("expires", models.DateTimeField(verbose_name="expires")),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_token",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"verbose_name": "API token", "verbose_name_plural": "API tokens"},
        ),
        migrations.RunPython(move_tokens, migrations.RunPython.noop),
        migrations.RunPython(scrub_audit, migrations.RunPython.noop),
    ]
