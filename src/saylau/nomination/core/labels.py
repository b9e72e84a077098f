"""Words shown to users about nominees and accreditation, in English, Russian and Kazakh.

Codes are what the data stores; people read these labels. The reasons a
signature line is invalid and the sample decisions are in
:mod:`saylau.nomination.core.reasons`.
"""

from __future__ import annotations

from saylau.registry.core.labels import LANGS, Label, pick

__all__ = ["LANGS", "Label", "pick", "NOMINATED_BY", "STATUS", "CHECK", "CHECK_OUTCOME", "DOCUMENT",
           "ACCREDITATION_KIND", "ACCREDITATION_STATUS", "REFUSAL", "SIGNATURE_OUTCOME", "DEADLINE", "EVIDENCE",
           "EVIDENCE_PARTS", "LANGUAGE_NAME"]

NOMINATED_BY: dict[str, Label] = {
    "self": ("Self-nominated", "Самовыдвижение", "Өзін-өзі ұсыну"),
    "association": ("Nominated by a public association", "Выдвинут общественным объединением",
                    "Қоғамдық бірлестік ұсынған"),
    "party": ("Nominated by a political party", "Выдвинут политической партией", "Саяси партия ұсынған"),
}

#: The path to registration, in order; ``refused`` and ``withdrawn`` may follow any step.
STATUS: dict[str, Label] = {
    "nominated": ("Nominated", "Выдвинут", "Ұсынылды"),
    "documents": ("Documents accepted", "Документы приняты", "Құжаттар қабылданды"),
    "signatures": ("Signatures submitted", "Подписи представлены", "Қолтаңбалар тапсырылды"),
    "registered": ("Registered as a candidate", "Зарегистрирован кандидатом", "Кандидат ретінде тіркелді"),
    "refused": ("Refused registration", "Отказано в регистрации", "Тіркеуден бас тартылды"),
    "withdrawn": ("Withdrawn", "Снял свою кандидатуру", "Кандидатурасын қайтарып алды"),
}

#: The eligibility checks (:mod:`saylau.nomination.core.eligibility`), in the order they are made.
CHECK: dict[str, Label] = {
    "citizenship": ("Citizen by birth", "Гражданство по рождению", "Тумысынан азаматтығы"),
    "age": ("Minimum age on election day", "Минимальный возраст на день выборов", "Сайлау күніндегі ең төменгі жас"),
    "residence": ("Years of residence in the country", "Срок проживания в стране", "Елде тұру мерзімі"),
    "language": ("Proficiency in the state language", "Владение государственным языком",
                 "Мемлекеттік тілді меңгеруі"),
    "fee": ("Election fee paid", "Избирательный взнос внесён", "Сайлау жарнасы төленді"),
    "tax_nominee": ("Nominee's tax declaration", "Налоговая декларация кандидата",
                    "Үміткердің салық декларациясы"),
    "tax_spouse": ("Spouse's tax declaration", "Налоговая декларация супруга (супруги)",
                   "Жұбайының салық декларациясы"),
    "documents": ("Other required documents", "Прочие необходимые документы", "Басқа қажетті құжаттар"),
}

CHECK_OUTCOME: dict[str, Label] = {
    "passed": ("Met", "Соответствует", "Сәйкес келеді"),
    "failed": ("Not met", "Не соответствует", "Сәйкес келмейді"),
    "not_checked": ("Not checked", "Не проверялось", "Тексерілмеген"),
}

#: The documents a nominee files besides the fee and tax declarations (the ``documents`` check).
DOCUMENT: dict[str, Label] = {
    "application": ("Application to stand", "Заявление о согласии баллотироваться",
                    "Сайлауға түсуге келісімі туралы өтініш"),
    "identity": ("Copy of the identity document", "Копия удостоверения личности", "Жеке куәлігінің көшірмесі"),
    "biography": ("Biography", "Биографические данные", "Өмірбаяндық деректер"),
    "nomination_record": ("Record of the nominating meeting", "Протокол собрания о выдвижении",
                          "Ұсыну туралы жиналыс хаттамасы"),
}

ACCREDITATION_KIND: dict[str, Label] = {
    "proxy": ("Candidate's proxy", "Доверенное лицо кандидата", "Кандидаттың сенім білдірілген өкілі"),
    "domestic_observer": ("Domestic observer", "Национальный наблюдатель", "Отандық бақылаушы"),
    "international_observer": ("International observer", "Международный наблюдатель", "Халықаралық бақылаушы"),
    "media": ("Media representative", "Представитель СМИ", "БАҚ өкілі"),
}

ACCREDITATION_STATUS: dict[str, Label] = {
    "accredited": ("Accredited", "Аккредитован", "Аккредиттелді"),
    "refused": ("Refused", "Отказано", "Бас тартылды"),
    "revoked": ("Revoked", "Аккредитация отозвана", "Аккредитациясы қайтарылып алынды"),
}

#: Why a filing is refused (:func:`saylau.nomination.core.accreditation.validate`), in the order checked.
REFUSAL: dict[str, Label] = {
    "missing_field": ("A required field is empty", "Не заполнено обязательное поле", "Міндетті жол толтырылмаған"),
    "not_a_candidate": ("The candidate is not registered", "Кандидат не зарегистрирован",
                        "Кандидат тіркелмеген"),
    "no_nominator": ("No nominating organisation", "Не указана выдвинувшая организация",
                     "Ұсынған ұйым көрсетілмеген"),
    "not_a_voter": ("Not on the voter register", "Нет в списке избирателей", "Сайлаушылар тізімінде жоқ"),
    "duplicate": ("Filed twice", "Подано повторно", "Қайталап берілген"),
    "over_limit": ("Over the limit per polling station", "Превышен лимит на избирательный участок",
                   "Сайлау учаскесіне белгіленген шектен асып кетті"),
}

#: What the territorial commissions' own record says of a line (the official verification).
SIGNATURE_OUTCOME: dict[str, Label] = {
    "accepted": ("Accepted", "Признана действительной", "Жарамды деп танылды"),
    "struck_with_reason": ("Struck, reason recorded", "Признана недействительной, основание указано",
                           "Жарамсыз деп танылды, негізі көрсетілген"),
    "struck_without_reason": ("Struck, no reason recorded", "Признана недействительной без указания основания",
                              "Негізі көрсетілмей жарамсыз деп танылды"),
}

#: The dates of the nomination calendar (:mod:`saylau.nomination.core.schedule`).
DEADLINE: dict[str, Label] = {
    "called": ("Election called", "Назначение выборов", "Сайлауды тағайындау"),
    "nomination_opens": ("Nomination opens", "Начало выдвижения", "Ұсынудың басталуы"),
    "nomination_closes": ("Nomination closes", "Окончание выдвижения", "Ұсынудың аяқталуы"),
    "documents_decided_by": ("Eligibility decided by", "Решение о соответствии требованиям — не позднее",
                             "Талаптарға сәйкестігі туралы шешім — кешіктірмей"),
    "collect_from": ("Signature collection opens", "Начало сбора подписей", "Қолтаңба жинаудың басталуы"),
    "submit_by": ("Signatures submitted by", "Представление подписей — не позднее",
                  "Қолтаңбаларды тапсыру — кешіктірмей"),
    "verified_by": ("Signatures verified by", "Проверка подписей — не позднее",
                    "Қолтаңбаларды тексеру — кешіктірмей"),
    "registration_decided_by": ("Registration decided by", "Решение о регистрации — не позднее",
                                "Тіркеу туралы шешім — кешіктірмей"),
    "registration_closes": ("Registration closes", "Окончание регистрации кандидатов",
                            "Кандидаттарды тіркеудің аяқталуы"),
    "election_day": ("Election day", "День выборов", "Сайлау күні"),
}

#: The evidence of an eligibility check (:func:`saylau.nomination.core.eligibility.evidence`), by the
#: check's ``key``; placeholders are filled in each language (numbers and dates in its style).
EVIDENCE: dict[str, Label] = {
    "age_unknown": ("date of birth not established", "дата рождения не установлена", "туған күні анықталмаған"),
    "age": ("born {birth}: {years} on election day {day} ({required} required, reached on {reaches})",
            "дата рождения {birth}: полных лет на день выборов {day} — {years} (требуется не менее {required}; "
            "дата достижения {required} лет — {reaches})",
            "туған күні {birth}: сайлау күні ({day}) толық жасы — {years} (кемінде {required} жас талап етіледі; "
            "{required} жасқа толу күні — {reaches})"),
    "citizenship_not_required": ("citizenship by birth not required", "гражданство по рождению не требуется",
                                 "тумысынан азаматтық талап етілмейді"),
    "citizenship_unknown": ("citizenship not established", "гражданство не установлено", "азаматтығы анықталмаған"),
    "citizenship_by_birth": ("citizen by birth", "гражданин по рождению", "тумысынан азамат"),
    "citizenship_acquired": ("citizenship acquired later, not by birth", "гражданство приобретено позднее, не по "
                             "рождению", "азаматтық тумысынан емес, кейін алынған"),
    "residence_unknown": ("residence not established", "срок проживания не установлен", "тұру мерзімі анықталмаған"),
    "residence": ("resident since {since}: {years} full years on election day ({required} required)",
                  "проживает в стране с {since}: полных лет на день выборов — {years} (требуется не менее {required})",
                  "елде {since} бастап тұрады: сайлау күні толық жыл саны — {years} (кемінде {required} жыл талап "
                  "етіледі)"),
    "language_not_required": ("no language test required", "проверка владения языком не требуется",
                              "тілді меңгеруін тексеру талап етілмейді"),
    "language_unknown": ("no conclusion of the language commission", "заключения языковой комиссии нет",
                         "тіл комиссиясының қорытындысы жоқ"),
    "language": ("language commission: {language} test {verdict}{errors} ({criteria})",
                 "языковая комиссия: тест на знание {language} {verdict}{errors} ({criteria})",
                 "тіл комиссиясы: {language} тілінен сынақ — {verdict}{errors} ({criteria})"),
    "fee_not_required": ("no fee required", "взнос не требуется", "жарна талап етілмейді"),
    "fee_unknown": ("no record of payment", "сведений об оплате нет", "төлем туралы мәлімет жоқ"),
    "fee": ("paid {paid} {currency} of {amount} {currency} required",
            "внесено {paid} {currency}, требуется {amount} {currency}",
            "төленгені {paid} {currency}, талап етілетіні {amount} {currency}"),
    "tax_not_required": ("no tax declaration of the {whose} required", "налоговая декларация {whose} не требуется",
                         "{whose} салық декларациясы талап етілмейді"),
    "tax_unmarried": ("not married: no spouse's declaration due", "не состоит в браке: декларация супруга не "
                      "требуется", "некеде емес: жұбайының декларациясы талап етілмейді"),
    "tax_unknown": ("the {whose}'s declaration not examined", "декларация {whose} не рассматривалась",
                    "{whose} декларациясы қаралмаған"),
    "tax_filed": ("the {whose}'s tax declaration filed", "налоговая декларация {whose} представлена",
                  "{whose} салық декларациясы тапсырылды"),
    "tax_not_filed": ("the {whose}'s tax declaration not filed", "налоговая декларация {whose} не представлена",
                      "{whose} салық декларациясы тапсырылмаған"),
    "documents_unknown": ("documents not examined", "документы не рассматривались", "құжаттар қаралмаған"),
    "documents_missing": ("missing: {docs}", "не представлены: {docs}", "тапсырылмағандары: {docs}"),
    "documents_all": ("all {n} filed: {docs}", "представлены все документы ({n}): {docs}",
                      "барлық құжаттар тапсырылды ({n}): {docs}"),
}
#: the parts the evidence is made of
EVIDENCE_PARTS: dict[str, Label] = {
    "passed": ("passed", "сдан", "тапсырылды"),
    "failed": ("failed", "не сдан", "тапсырылмады"),
    "errors": (", {n} errors counted", ", ошибок насчитано: {n}", ", {n} қате саналды"),
    "criteria_published": ("criteria published", "критерии опубликованы", "критерийлері жарияланған"),
    "criteria_unpublished": ("criteria not published", "критерии не опубликованы", "критерийлері жарияланбаған"),
    "nominee": ("nominee", "кандидата", "үміткердің"),
    "spouse": ("spouse", "супруга (супруги)", "жұбайының"),
}
#: a tested language's name as the evidence uses it (Russian in the genitive)
LANGUAGE_NAME: dict[str, Label] = {
    "kk": ("Kazakh language", "казахского языка", "қазақ"),
    "ru": ("Russian language", "русского языка", "орыс"),
}
