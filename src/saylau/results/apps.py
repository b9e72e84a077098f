from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "saylau.results"
    label = "results"
    verbose_name = "Results chain"
    default_auto_field = "django.db.models.BigAutoField"
