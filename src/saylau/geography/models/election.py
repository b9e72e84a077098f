from django.core.exceptions import ValidationError
from django.db import models

from saylau.geography.choices import ElectionKind

SUPPORTED_LANGUAGES = ("en", "ru", "kk")


class MultilingualName(models.Model):
    """A name in English, Russian and Kazakh; English is required."""

    name_en = models.CharField("name (English)", max_length=200)
    name_ru = models.CharField("name (Russian)", max_length=200, blank=True)
    name_kk = models.CharField("name (Kazakh)", max_length=200, blank=True)

    class Meta:
        abstract = True

    def name(self, lang: str = "en") -> str:
        """The name in ``lang``, falling back to English when it is missing."""
        return getattr(self, f"name_{lang}", "") or self.name_en

    def __str__(self) -> str:
        return self.name_en


class Election(MultilingualName):
    """One election (or referendum): the root that every other record hangs from."""

    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=ElectionKind.choices)
    date = models.DateField("election day")
    languages = models.CharField(
        max_length=40,
        default="en,ru,kk",
        help_text="Comma-separated language codes the election's documents are issued in.",
    )
    official_language = models.CharField(
        max_length=5, default="en", help_text="The language whose version is authoritative."
    )

    class Meta:
        ordering = ["-date", "slug"]

    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    def clean(self) -> None:
        codes = self.language_list()
        unknown = [c for c in codes if c not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValidationError({"languages": f"unsupported language(s): {', '.join(unknown)}"})
        if self.official_language not in codes:
            raise ValidationError({"official_language": "must be one of the election's languages"})
