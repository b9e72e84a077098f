from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "saylau.geography"
    label = "geography"
    verbose_name = "Election structure"
    default_auto_field = "django.db.models.BigAutoField"
