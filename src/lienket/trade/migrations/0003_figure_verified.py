"""Published figures carry who verified them against their release (issue 24)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trade", "0002_trade_imports"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedfigure",
            name="verified_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="verified by",
            ),
        ),
        migrations.AddField(
            model_name="publishedfigure",
            name="verified_by_label",
            field=models.CharField(blank=True, max_length=150, verbose_name="verified by"),
        ),
        migrations.AddField(
            model_name="publishedfigure",
            name="verified",
            field=models.DateTimeField(blank=True, null=True, verbose_name="verified on"),
        ),
    ]
