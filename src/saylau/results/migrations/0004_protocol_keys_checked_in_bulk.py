# Protocols: unit and superseded protocol checked set-wise by the bulk writer instead of per-row foreign keys.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('geography', '0001_initial'),
        ('results', '0003_protocol_keys'),
    ]

    operations = [
        migrations.AlterField(
            model_name='protocol',
            name='supersedes',
            field=models.OneToOneField(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='superseded_by', to='results.protocol'),
        ),
        migrations.AlterField(
            model_name='protocol',
            name='unit',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='protocols', to='geography.unit'),
        ),
    ]
