# A trade file import is a core.models.Job (issue 25): its progress in bytes is done/total.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATES = [("queued", "waiting"), ("running", "running"), ("done", "done"), ("failed", "failed")]


class Migration(migrations.Migration):
    dependencies = [
        ("trade", "0003_figure_verified"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="tradeimport", old_name="done_bytes", new_name="done"),
        migrations.RenameField(model_name="tradeimport", old_name="total_bytes", new_name="total"),
        migrations.AddField(
            model_name="tradeimport",
            name="stage",
            field=models.CharField(blank=True, max_length=200, verbose_name="stage"),
        ),
        migrations.AlterField(
            model_name="tradeimport",
            name="state",
            field=models.CharField(
                choices=STATES, db_index=True, default="queued", max_length=8, verbose_name="state"
            ),
        ),
        migrations.AlterField(
            model_name="tradeimport",
            name="created",
            field=models.DateTimeField(auto_now_add=True, verbose_name="queued on"),
        ),
        migrations.AlterField(
            model_name="tradeimport",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                related_name="+",
                on_delete=django.db.models.deletion.SET_NULL,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterModelOptions(
            name="tradeimport",
            options={
                "ordering": ["-created", "-pk"],
                "verbose_name": "trade file import",
                "verbose_name_plural": "trade file imports",
            },
        ),
    ]
