"""A report may be the implementation report of a session's commitments (issue 27)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_one_job_model")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="session",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="implementation report of session"
            ),
        ),
    ]
