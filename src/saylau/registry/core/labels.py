"""Words shown to users about the register audit, in English, Russian and Kazakh."""

from __future__ import annotations

Label = tuple[str, str, str]  # en, ru, kk
LANGS = ("en", "ru", "kk")

PAIR_STATUS: dict[str, Label] = {
    "match": ("Duplicate (automatic)", "Дубликат (автоматически)", "Қайталанған жазба (автоматты түрде)"),
    "review": ("Awaiting clerical review", "Ожидает ручной проверки", "Қолмен тексеруді күтуде"),
    "confirmed": ("Confirmed duplicate", "Подтверждённый дубликат", "Расталған қайталанған жазба"),
    "rejected": ("Not a duplicate", "Не дубликат", "Қайталанған жазба емес"),
}
PAIR_SOURCE: dict[str, Label] = {
    "iin": ("Same IIN", "Одинаковый ИИН", "Бірдей ЖСН"),
    "model": ("Probabilistic model", "Вероятностная модель", "Ықтималдық модель"),
}
FLAG_KIND: dict[str, Label] = {
    "over_110": ("Older than 110 on election day", "Старше 110 лет в день выборов", "Сайлау күні 110 жастан асқан"),
    "under_18": ("Under 18 on election day", "Моложе 18 лет в день выборов", "Сайлау күні 18 жасқа толмаған"),
    "iin_check_digit": ("IIN fails its check digit", "ИИН не проходит проверку контрольной цифры",
                        "ЖСН бақылау цифрынан өтпейді"),
    "iin_birth_date": ("IIN disagrees with the date of birth", "ИИН не совпадает с датой рождения",
                       "ЖСН туған күнмен сәйкес келмейді"),
    "iin_sex": ("IIN disagrees with the sex", "ИИН не совпадает с полом", "ЖСН жынысымен сәйкес келмейді"),
    "crowded_address": ("Many voters at one address", "Много избирателей по одному адресу",
                        "Бір мекенжайда сайлаушылар көп"),
    "deceased": ("On the deaths list", "В списке умерших", "Қайтыс болғандар тізімінде"),
    "special_on_home": ("On a special station's list and still on the home list",
                        "В списке специального участка и по-прежнему в списке по месту жительства",
                        "Арнайы учаске тізімінде және тұрғылықты жері бойынша тізімде де бар"),
    "growth_outlier": ("Growth far above the national rate", "Рост значительно выше общенационального",
                       "Өсім жалпыұлттық деңгейден едәуір жоғары"),
    "over_population": ("More voters than adult residents", "Избирателей больше, чем взрослых жителей",
                        "Сайлаушылар ересек тұрғындардан көп"),
}
DECISION_REASON: dict[str, Label] = {
    "same_person": ("The same person", "Одно и то же лицо", "Бір адам"),
    "different_people": ("Different people", "Разные лица", "Әртүрлі адамдар"),
    "relatives": ("Relatives (e.g. twins)", "Родственники (например, близнецы)", "Туыстар (мысалы, егіздер)"),
    "insufficient": ("Not enough to decide", "Недостаточно данных для решения", "Шешім үшін деректер жеткіліксіз"),
}


def pick(label: Label, lang: str) -> str:
    return label[LANGS.index(lang) if lang in LANGS else 0]
