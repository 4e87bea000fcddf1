# Translations of texts users enter (issue 26, part 5).
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("core", "0010_one_job_model"),
    ]

    operations = [
        migrations.CreateModel(
            name="TextTranslation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("field", models.CharField(max_length=60, verbose_name="field")),
                (
                    "lang",
                    models.CharField(
                        choices=[("en", "English"), ("vi", "Vietnamese"), ("lo", "Lao")],
                        max_length=2,
                        verbose_name="language",
                    ),
                ),
                ("text", models.TextField(max_length=8000, verbose_name="translation")),
                ("source", models.TextField(max_length=8000, verbose_name="text translated")),
                ("at", models.DateTimeField(auto_now=True, verbose_name="translated")),
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
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "verbose_name": "translation of entered text",
                "verbose_name_plural": "translations of entered text",
                "indexes": [
                    models.Index(fields=["content_type", "lang"], name="translation_by_type")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "field", "lang"),
                        name="one_translation",
                    )
                ],
            },
        ),
    ]
