"""What delivers a commitment (links), joint inspections and their follow-up commitments, and
the indicators lienket computes for power, aid and training (issue 27)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0002_calendar_token_hashed"),
        ("governance", "0002_commitments"),
        ("linkage", "0002_agreement_sides"),
        ("projects", "0003_joint_reallocation_decisions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="commitment",
            name="indicator",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "none (progress reported)"),
                    ("trade_growth", "two-way trade growth on the year before"),
                    ("power_capacity", "power capacity against the next target"),
                    ("aid_disbursement", "aid disbursed against the year's allocation"),
                    ("training_places", "training places completed"),
                ],
                max_length=20,
                verbose_name="indicator computed by lienket",
            ),
        ),
        migrations.CreateModel(
            name="CommitmentLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "added_by_label",
                    models.CharField(blank=True, max_length=150, verbose_name="added by"),
                ),
                (
                    "activity",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cooperation.activity",
                    ),
                ),
                (
                    "commitment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="links",
                        to="governance.commitment",
                    ),
                ),
                (
                    "course",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cooperation.course",
                    ),
                ),
                (
                    "pilot",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="linkage.pilotproject",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="projects.project",
                    ),
                ),
            ],
            options={
                "verbose_name": "what delivers a commitment",
                "verbose_name_plural": "what delivers the commitments",
                "ordering": ["commitment", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Inspection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("on", models.DateField(verbose_name="date")),
                (
                    "team_vnm",
                    models.TextField(max_length=1000, verbose_name="team of the Vietnamese side"),
                ),
                (
                    "team_lao",
                    models.TextField(max_length=1000, verbose_name="team of the Lao side"),
                ),
                ("findings", models.TextField(max_length=8000, verbose_name="findings")),
                (
                    "recorded_by_label",
                    models.CharField(blank=True, max_length=150, verbose_name="recorded by"),
                ),
                ("recorded", models.DateTimeField(auto_now_add=True, verbose_name="recorded")),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="inspections",
                        to="projects.project",
                        verbose_name="project",
                    ),
                ),
            ],
            options={
                "verbose_name": "joint inspection",
                "verbose_name_plural": "joint inspections",
                "ordering": ["-on", "pk"],
            },
        ),
        migrations.AddField(
            model_name="commitment",
            name="inspection",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="actions",
                to="governance.inspection",
                verbose_name="from the inspection",
            ),
        ),
    ]
