# Each side's approval, refusal or comment on a reallocation proposal (issue 27).
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("projects", "0002_iati"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReallocationDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("side", models.CharField(max_length=3, verbose_name="side")),
                (
                    "verdict",
                    models.CharField(
                        choices=[
                            ("approve", "approved"),
                            ("refuse", "refused"),
                            ("comment", "commented"),
                        ],
                        max_length=8,
                        verbose_name="decision",
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=4000, verbose_name="note")),
                ("by_label", models.CharField(max_length=150, verbose_name="by")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="at")),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reallocation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="projects.reallocation",
                    ),
                ),
            ],
            options={
                "verbose_name": "decision on a reallocation",
                "verbose_name_plural": "decisions on reallocations",
                "ordering": ["at", "pk"],
            },
        ),
    ]
