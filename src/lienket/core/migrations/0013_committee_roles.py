# The Cooperation Committees' secretariats and line-ministry officials (issue 27).
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0012_targets")]

    operations = [
        migrations.AlterField(
            model_name="profile",
            name="role",
            field=models.CharField(
                choices=[
                    ("focal", "Focal point"),
                    ("reader", "Ministry reader"),
                    ("enterprise", "Enterprise user"),
                    ("secretariat", "Cooperation Committee secretariat"),
                    ("ministry", "Line-ministry official"),
                ],
                max_length=16,
                verbose_name="role",
            ),
        ),
    ]
