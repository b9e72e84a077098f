from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "saylau.media"
    label = "media"
    verbose_name = "Media monitoring"
    default_auto_field = "django.db.models.BigAutoField"
