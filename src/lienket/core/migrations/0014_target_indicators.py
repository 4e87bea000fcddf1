"""Targets for power capacity, aid disbursement and training completion (issue 27, part 3)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0013_committee_roles")]

    operations = [
        migrations.AlterField(
            model_name="target",
            name="indicator",
            field=models.CharField(
                choices=[
                    ("trade_growth", "two-way trade growth on the year before"),
                    ("power_capacity", "power capacity selling or committed to Viet Nam, MW"),
                    ("aid_disbursement", "share of the year's aid allocation disbursed"),
                    ("training_completion", "share of training places completed"),
                ],
                max_length=20,
                verbose_name="indicator",
            ),
        ),
    ]
