from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "saylau.registry"
    label = "registry"
    verbose_name = "Voter register audit"
    default_auto_field = "django.db.models.BigAutoField"
