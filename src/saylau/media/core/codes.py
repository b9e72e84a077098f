"""The codes a monitor writes and their labels in English, Russian and Kazakh.

One home for every code list: the models' choices (``saylau.media.choices``),
the importer, the coder's page and the statement read them from here.
Amounts are whole numbers in the outlet's unit: seconds for television and
radio, square centimetres for print, words for online media.
"""

from __future__ import annotations

Label = tuple[str, str, str]  # en, ru, kk
LANGS = ("en", "ru", "kk")

OUTLET_KINDS: dict[str, Label] = {
    "tv": ("Television", "Телевидение", "Теледидар"),
    "radio": ("Radio", "Радио", "Радио"),
    "print": ("Print", "Печатное издание", "Баспа басылымы"),
    "online": ("Online", "Интернет-издание", "Интернет-басылым"),
}
OWNERSHIP: dict[str, Label] = {
    "state": ("State", "Государственный", "Мемлекеттік"),
    "private": ("Private", "Частный", "Жеке"),
}
PROGRAMMES: dict[str, Label] = {
    "news": ("News", "Новости", "Жаңалықтар"),
    "current_affairs": ("Current affairs", "Общественно-политические программы",
                        "Қоғамдық-саяси бағдарламалар"),
    "paid": ("Paid advertising", "Платная агитация", "Ақылы үгіт"),
    "free": ("Free airtime", "Бесплатный эфир", "Тегін эфир"),
    "official_role": ("Official-role coverage", "Освещение в официальной роли",
                      "Ресми қызметін көрсету"),
    "other": ("Other programme", "Другая программа", "Басқа бағдарлама"),
}
SUBJECTS: dict[str, Label] = {
    "candidate": ("Candidate", "Кандидат", "Кандидат"),
    "party": ("Party", "Партия", "Партия"),
    "official": ("Official acting in office", "Должностное лицо при исполнении обязанностей",
                 "Қызметін атқарушы лауазымды тұлға"),
    "administration": ("Election administration", "Избирательная администрация",
                       "Сайлау әкімшілігі"),
    "other": ("Other subject", "Другой субъект", "Басқа субъект"),
}
TONES: dict[str, Label] = {
    "positive": ("Positive", "Позитивный", "Оң"),
    "neutral": ("Neutral", "Нейтральный", "Бейтарап"),
    "negative": ("Negative", "Негативный", "Теріс"),
}
SPEECH: dict[str, Label] = {
    "direct": ("Direct speech", "Прямая речь", "Төл сөз"),
    "indirect": ("Indirect speech", "Косвенная речь", "Төлеу сөз"),
}
LANGUAGES: dict[str, Label] = {
    "kk": ("Kazakh", "Казахский", "Қазақ тілі"),
    "ru": ("Russian", "Русский", "Орыс тілі"),
    "other": ("Other language", "Другой язык", "Басқа тіл"),
}
#: the unit of an item's amount, by kind of outlet
UNIT_OF_KIND = {"tv": "seconds", "radio": "seconds", "print": "cm2", "online": "words"}
UNITS: dict[str, Label] = {
    "seconds": ("seconds", "секунды", "секунд"),
    "cm2": ("square centimetres", "квадратные сантиметры", "шаршы сантиметр"),
    "words": ("words", "слова", "сөз"),
}
#: programme types that are the outlet's own editorial coverage (not bought, not allotted)
EDITORIAL = ("news", "current_affairs", "official_role", "other")
#: how programme types group in the comparison of paid against editorial coverage
PROGRAMME_GROUP = {**{p: "editorial" for p in EDITORIAL}, "paid": "paid", "free": "free"}
PROGRAMME_GROUPS: dict[str, Label] = {
    "editorial": ("Editorial coverage", "Редакционные материалы", "Редакциялық материалдар"),
    "paid": ("Paid advertising", "Платная агитация", "Ақылы үгіт"),
    "free": ("Free airtime", "Бесплатный эфир", "Тегін эфир"),
}
#: the coded variables whose agreement between coders is measured, and their level
VARIABLES: dict[str, str] = {
    "programme": "nominal", "subject": "nominal", "tone": "nominal", "speech": "nominal",
    "language": "nominal", "amount": "ratio",
}
VARIABLE_LABELS: dict[str, Label] = {
    "programme": ("Programme type", "Тип программы", "Бағдарлама түрі"),
    "subject": ("Subject", "Субъект", "Субъект"),
    "tone": ("Tone", "Тональность", "Реңк"),
    "speech": ("Speech", "Речь", "Сөз"),
    "language": ("Language", "Язык", "Тіл"),
    "amount": ("Duration or size", "Продолжительность или объём", "Ұзақтығы немесе көлемі"),
}


def pick(label: Label, lang: str) -> str:
    """The entry of ``label`` for ``lang`` (``en``, ``ru`` or ``kk``); English otherwise."""
    return label[LANGS.index(lang)] if lang in LANGS else label[0]
