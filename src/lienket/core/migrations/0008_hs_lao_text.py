import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_import_jobs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HsLaoText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("edition", models.CharField(max_length=8, verbose_name="HS edition")),
                ("code", models.CharField(max_length=6, verbose_name="HS code")),
                ("text", models.CharField(max_length=500, verbose_name="Lao description")),
                ("source", models.CharField(blank=True, max_length=300, verbose_name="source")),
                ("added_at", models.DateTimeField(auto_now=True, verbose_name="added")),
                (
                    "added_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "Lao HS description",
                "verbose_name_plural": "Lao HS descriptions",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("edition", "code"), name="one_lao_text_per_code"
                    )
                ],
            },
        ),
    ]
