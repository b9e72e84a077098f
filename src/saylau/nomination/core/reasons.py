"""Why a support signature is invalid, and what a verification decides, in
English, Russian and Kazakh.

:data:`REASONS` is in precedence order: when several reasons apply to one
line, the first of them is the line's reason (:mod:`.signatures` says what
each one means). :data:`DECISIONS` are the outcomes of a verification by
sample or in full (:mod:`.sampling`).
"""

from __future__ import annotations

from saylau.registry.core.labels import Label, pick

__all__ = ["DECISIONS", "REASONS", "Label", "label", "pick"]

REASONS: dict[str, Label] = {
    "missing_field": ("A required field is empty", "Не заполнено обязательное поле",
                      "Міндетті жол толтырылмаған"),
    "unreadable_field": ("A field cannot be read", "Данные в поле невозможно прочитать",
                         "Жолдағы деректерді оқу мүмкін емес"),
    "outside_window": ("Signed outside the collection period", "Подпись поставлена вне периода сбора подписей",
                       "Қолтаңба жинау мерзімінен тыс қойылған"),
    "collector_not_accredited": ("Collected by a person not authorised to collect",
                                 "Подпись собрана неуполномоченным лицом",
                                 "Қолтаңбаны уәкілеттігі жоқ адам жинаған"),
    "not_found": ("Not on the voter register", "Не найден в регистре избирателей",
                  "Сайлаушылар тіркелімінде табылмады"),
    "deceased": ("Signed in the name of a deceased person", "Подпись от имени умершего",
                 "Қайтыс болған адамның атынан қойылған"),
    "under_age": ("Under voting age on the day signed", "Не достиг избирательного возраста на день подписи",
                  "Қол қойған күні сайлау жасына толмаған"),
    "other_region": ("Registered in another region than the sheet's",
                     "Зарегистрирован в другой области, чем указана в подписном листе",
                     "Қолтаңба парағында көрсетілгеннен басқа облыста тіркелген"),
    "duplicate_in_nominee": ("Signed more than once for the same nominee",
                             "Повторная подпись в поддержку того же кандидата",
                             "Сол үміткерді қолдап қайта қойылған қолтаңба"),
    "signed_for_two": ("Already signed for another nominee", "Уже поставил подпись в поддержку другого кандидата",
                       "Бұған дейін басқа үміткерді қолдап қол қойған"),
}

DECISIONS: dict[str, Label] = {
    "registered_enough": ("Enough valid signatures", "Достаточно действительных подписей",
                          "Жарамды қолтаңбалар жеткілікті"),
    "second_stage": ("A second sample is to be checked", "Требуется проверка дополнительной выборки",
                     "Қосымша іріктемені тексеру қажет"),
    "refused_invalid_share": ("Refused: too many invalid signatures in the sample",
                              "Отказ: доля недействительных подписей в выборке выше допустимой",
                              "Бас тарту: іріктемедегі жарамсыз қолтаңбалардың үлесі рұқсат етілгеннен жоғары"),
    "refused_too_few": ("Refused: too few valid signatures", "Отказ: недостаточно действительных подписей",
                        "Бас тарту: жарамды қолтаңбалар жеткіліксіз"),
    "refused_spread": ("Refused: signatures not spread over enough regions",
                       "Отказ: подписи собраны не в требуемом числе областей",
                       "Бас тарту: қолтаңбалар облыстардың қажетті санында жиналмаған"),
}


def label(table: dict[str, Label], code: str | None, lang: str = "en") -> str | None:
    """The label of ``code`` in ``lang`` (en, ru or kk); None for no code."""
    return None if code is None else pick(table[code], lang)
