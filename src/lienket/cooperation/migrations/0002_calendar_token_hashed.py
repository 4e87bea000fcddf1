"""Calendar-feed secrets stored as digests (issue 24): the existing addresses keep working."""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    CalendarToken = apps.get_model("cooperation", "CalendarToken")
    for t in CalendarToken.objects.all():
        t.prefix = t.token[:8]
        t.digest = hashlib.sha256(t.token.encode()).hexdigest()
        t.save(update_fields=["prefix", "digest"])


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_cooperation")]

    operations = [
        migrations.AddField(
            model_name="calendartoken",
            name="prefix",
            field=models.CharField(blank=True, max_length=8, verbose_name="starts with"),
        ),
        migrations.AddField(
            model_name="calendartoken",
            name="digest",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendartoken", name="token"),
        migrations.AlterField(
            model_name="calendartoken",
            name="digest",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
