from django.apps import AppConfig


class NominationConfig(AppConfig):
    name = "saylau.nomination"
    label = "nomination"
    verbose_name = "Candidates and accreditation"
    default_auto_field = "django.db.models.BigAutoField"
