"""Every release of a published figure is kept, with its wording and what was confirmed when
it was entered (issue 27)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("trade", "0004_one_job_model")]

    operations = [
        migrations.AddField(
            model_name="publishedfigure",
            name="qualifier",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "as printed"),
                    ("more_than", "more than"),
                    ("at_least", "at least"),
                    ("about", "about"),
                    ("less_than", "less than"),
                ],
                default="",
                max_length=10,
                verbose_name="as worded",
            ),
        ),
        migrations.AddField(
            model_name="publishedfigure",
            name="confirmation",
            field=models.TextField(blank=True, verbose_name="confirmed despite"),
        ),
        migrations.AddField(
            model_name="publishedfigure",
            name="confirmed_by_label",
            field=models.CharField(blank=True, max_length=150, verbose_name="confirmed by"),
        ),
        migrations.AddField(
            model_name="publishedfigure",
            name="confirmed",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed on"),
        ),
    ]
