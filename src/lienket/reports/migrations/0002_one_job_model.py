# A report build is a core.models.Job (issue 25): its progress in sections is done/total.
from django.db import migrations, models

STATES = [("queued", "waiting"), ("running", "running"), ("done", "done"), ("failed", "failed")]


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_reports")]

    operations = [
        migrations.RenameField(model_name="report", old_name="step", new_name="done"),
        migrations.RenameField(model_name="report", old_name="steps", new_name="total"),
        migrations.AlterField(
            model_name="report", name="done", field=models.BigIntegerField(default=0)
        ),
        migrations.AlterField(
            model_name="report", name="total", field=models.BigIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="report",
            name="started",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="report",
            name="stage",
            field=models.CharField(blank=True, max_length=200, verbose_name="stage"),
        ),
        migrations.AlterField(
            model_name="report",
            name="state",
            field=models.CharField(
                choices=STATES, db_index=True, default="queued", max_length=8, verbose_name="state"
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="created",
            field=models.DateTimeField(auto_now_add=True, verbose_name="queued on"),
        ),
    ]
