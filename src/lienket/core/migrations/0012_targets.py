# Targets recorded for a year, with their source (issue 27).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0011_text_translations")]

    operations = [
        migrations.CreateModel(
            name="Target",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "indicator",
                    models.CharField(
                        choices=[("trade_growth", "two-way trade growth on the year before")],
                        max_length=20,
                        verbose_name="indicator",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                (
                    "low",
                    models.DecimalField(
                        blank=True, decimal_places=4, max_digits=12, null=True, verbose_name="low"
                    ),
                ),
                (
                    "high",
                    models.DecimalField(
                        blank=True, decimal_places=4, max_digits=12, null=True, verbose_name="high"
                    ),
                ),
                ("wording", models.CharField(blank=True, max_length=200, verbose_name="as stated")),
                ("source", models.CharField(max_length=400, verbose_name="source")),
                (
                    "session",
                    models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="session"),
                ),
                ("note", models.TextField(blank=True, max_length=4000, verbose_name="note")),
            ],
            options={
                "verbose_name": "target",
                "verbose_name_plural": "targets",
                "ordering": ["indicator", "year"],
                "constraints": [
                    models.UniqueConstraint(fields=("indicator", "year"), name="one_target_a_year")
                ],
            },
        ),
    ]
