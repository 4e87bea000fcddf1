from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0005_audit_logins")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="changes",
            field=models.JSONField(blank=True, default=dict, verbose_name="changes"),
        ),
    ]
