"""Disclosure by consent (issue 24); the search text holds names only (the tax id is private)."""

import django.db.models.deletion
from django.db import migrations, models

from lienket.engine.text import search_key


def names_only(apps, schema_editor):
    Enterprise = apps.get_model("registry", "Enterprise")
    for e in Enterprise.objects.only("pk", "name_vi", "name_lo", "name_en").iterator():
        text = search_key(e.name_vi, e.name_lo, e.name_en)
        Enterprise.objects.filter(pk=e.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0003_enterprise_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="Disclosure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("by", models.CharField(max_length=150, verbose_name="consented by")),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "firm",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="disclosures",
                        to="registry.enterprise",
                        verbose_name="enterprise",
                    ),
                ),
                (
                    "to",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="registry.enterprise",
                        verbose_name="disclosed to",
                    ),
                ),
            ],
            options={
                "verbose_name": "disclosure consent",
                "verbose_name_plural": "disclosure consents",
                "ordering": ["-created", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("firm", "to"), name="one_disclosure_per_pair"),
                    models.CheckConstraint(
                        condition=models.Q(("firm", models.F("to")), _negated=True),
                        name="disclosure_not_to_itself",
                    ),
                ],
            },
        ),
        migrations.RunPython(names_only, migrations.RunPython.noop),
    ]
