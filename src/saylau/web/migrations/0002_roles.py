"""Data migration: the four role groups (see saylau.web.roles)."""

from django.db import migrations

ROLES = ("administrator", "analyst", "coordinator", "observer")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLES, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("web", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
