from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("linkage", "0001_matches_and_pilots")]

    operations = [
        migrations.AddField(
            model_name="match",
            name="supplier_agreed",
            field=models.CharField(
                blank=True,
                max_length=200,
                verbose_name="agreement confirmed for the supplier by",
            ),
        ),
        migrations.AddField(
            model_name="match",
            name="buyer_agreed",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="agreement confirmed for the buyer by"
            ),
        ),
    ]
