from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_amount_limits")]

    operations = [
        migrations.AddField(
            model_name="enterprise",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
    ]
