# The event column loses its index: entries are looked up by object type and id (the composite index).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ledger', '0003_signingkey_merklenode_checkpoint'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ledgerentry',
            name='event',
            field=models.CharField(max_length=60),
        ),
    ]
