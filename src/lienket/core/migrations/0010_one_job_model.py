# Every background job shares core.models.Job (issue 25): one state vocabulary, progress as
# done/total in the job's own unit.
from django.db import migrations, models

STATES = [("queued", "waiting"), ("running", "running"), ("done", "done"), ("failed", "failed")]


class Migration(migrations.Migration):
    dependencies = [("core", "0009_api_tokens_hashed")]

    operations = [
        migrations.AlterField(
            model_name="importjob",
            name="created",
            field=models.DateTimeField(auto_now_add=True, verbose_name="queued on"),
        ),
        migrations.AlterField(
            model_name="importjob", name="done", field=models.BigIntegerField(default=0)
        ),
        migrations.AlterField(
            model_name="importjob", name="total", field=models.BigIntegerField(default=0)
        ),
        migrations.AlterField(
            model_name="importjob",
            name="stage",
            field=models.CharField(blank=True, max_length=200, verbose_name="stage"),
        ),
        migrations.AlterField(
            model_name="importjob",
            name="state",
            field=models.CharField(
                choices=STATES, db_index=True, default="queued", max_length=8, verbose_name="state"
            ),
        ),
    ]
