"""Data migration: the data-entry clerks' group (see saylau.web.roles)."""

from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="data_clerk")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="data_clerk", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("web", "0002_roles")]

    operations = [migrations.RunPython(create_group, remove_group)]
