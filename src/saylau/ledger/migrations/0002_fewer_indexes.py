from django.db import migrations, models


class Migration(migrations.Migration):
    """``hash`` and ``batch_id`` lose their indexes: nothing looks entries up by
    them, and a bulk append of a million entries writes every index a million times."""

    dependencies = [
        ("ledger", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ledgerentry",
            name="hash",
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name="ledgerentry",
            name="batch_id",
            field=models.CharField(blank=True, max_length=40),
        ),
    ]
