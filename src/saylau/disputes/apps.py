from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "saylau.disputes"
    label = "disputes"
    verbose_name = "Complaints and appeals"
    default_auto_field = "django.db.models.BigAutoField"
