"""Fixed wording of the statement in English (official), Russian and Kazakh.

Section titles, units named in footnotes, tier names, chart labels and the
note on the official language. Generated sentences live in ``compose``.
"""

from __future__ import annotations

LANGS = ("en", "ru", "kk")

# (id, level): the sections of the statement, in order.
SECTIONS: tuple[tuple[str, int], ...] = (
    ("conclusions", 1), ("background", 1), ("legal_framework", 1), ("administration", 1),
    ("voter_registration", 1), ("candidate_registration", 1), ("campaign", 1), ("media", 1),
    ("women", 1), ("minorities", 1), ("complaints", 1), ("observers", 1), ("election_day", 1),
    ("opening", 2), ("voting", 2), ("counting", 2), ("tabulation", 2), ("results_chain", 1),
    ("mission", 1),
)
SECTION_IDS = tuple(s for s, _ in SECTIONS)
PHASES = ("opening", "voting", "counting", "tabulation")

TITLES: dict[str, tuple[str, str, str]] = {
    "conclusions": ("Preliminary Conclusions", "Предварительные заключения",
                    "Алдын ала қорытындылар"),
    "background": ("Background", "Общие сведения", "Жалпы мәліметтер"),
    "legal_framework": ("Electoral System and Legal Framework",
                        "Избирательная система и правовая база",
                        "Сайлау жүйесі және құқықтық негіз"),
    "administration": ("Election Administration", "Избирательная администрация",
                       "Сайлауды әкімшілендіру"),
    "voter_registration": ("Voter Registration", "Регистрация избирателей",
                           "Сайлаушыларды тіркеу"),
    "candidate_registration": ("Candidate Registration", "Регистрация кандидатов",
                               "Кандидаттарды тіркеу"),
    "campaign": ("Election Campaign", "Предвыборная кампания", "Сайлау науқаны"),
    "media": ("Media", "Средства массовой информации", "Бұқаралық ақпарат құралдары"),
    "women": ("Participation of Women", "Участие женщин", "Әйелдердің қатысуы"),
    "minorities": ("National Minorities", "Национальные меньшинства", "Ұлттық азшылықтар"),
    "complaints": ("Complaints and Appeals", "Жалобы и апелляции", "Шағымдар мен апелляциялар"),
    "observers": ("Domestic and International Observers",
                  "Отечественные и международные наблюдатели",
                  "Отандық және халықаралық бақылаушылар"),
    "election_day": ("Election Day", "День выборов", "Сайлау күні"),
    "opening": ("Opening", "Открытие участков", "Учаскелердің ашылуы"),
    "voting": ("Voting", "Голосование", "Дауыс беру"),
    "counting": ("Counting", "Подсчёт голосов", "Дауыстарды санау"),
    "tabulation": ("Tabulation", "Сведение результатов", "Нәтижелерді жинақтау"),
    "results_chain": ("Results Chain", "Цепочка результатов", "Нәтижелер тізбегі"),
    "mission": ("Mission Information", "Информация о миссии", "Миссия туралы ақпарат"),
}

STATEMENT_TITLE = ("Statement of Preliminary Findings and Conclusions",
                   "Заявление о предварительных выводах и заключениях",
                   "Алдын ала тұжырымдар мен қорытындылар туралы мәлімдеме")

OFFICIAL_NOTE = {
    "en": "The English version of this statement is the only official document. "
          "The Russian and Kazakh versions are unofficial translations.",
    "ru": "Единственным официальным документом является английская версия настоящего "
          "заявления. Русская и казахская версии являются неофициальными переводами.",
    "kk": "Осы мәлімдеменің ағылшын тіліндегі нұсқасы ғана ресми құжат болып табылады. "
          "Орыс және қазақ тілдеріндегі нұсқалары – ресми емес аудармалар.",
}
# The language each note names as official; used when a mission's official language is not English.
LANGUAGE_NAMES = {
    "en": {"en": "English", "ru": "Russian", "kk": "Kazakh"},
    "ru": {"en": "английская", "ru": "русская", "kk": "казахская"},
    "kk": {"en": "ағылшын", "ru": "орыс", "kk": "қазақ"},
}
OFFICIAL_NOTE_OTHER = {
    "en": "The {name} version of this statement is the only official document.",
    "ru": "Единственным официальным документом является {name} версия настоящего заявления.",
    "kk": "Осы мәлімдеменің {name} тіліндегі нұсқасы ғана ресми құжат болып табылады.",
}

PAGE = {"en": "Page", "ru": "Страница", "kk": "Бет"}
NOTES = {"en": "Notes", "ru": "Примечания", "kk": "Ескертпелер"}
# A figure's drill-down in the web application, at the end of its note.
LINK = {"en": "details: {url}", "ru": "подробнее: {url}", "kk": "толығырақ: {url}"}
DATA_NOTE = {
    "en": "Figures marked with a note come from the mission's data; each note names the unit, "
          "the numerator and denominator, the submissions counted and the metric. Rejected "
          "submissions are never counted.",
    "ru": "Цифры со сносками получены из данных миссии; в каждой сноске указаны единица "
          "измерения, числитель и знаменатель, учтённые отчёты и показатель. Отклонённые "
          "отчёты никогда не учитываются.",
    "kk": "Ескертпесі бар сандар миссияның деректерінен алынған; әр ескертпеде бірлік, "
          "алым мен бөлім, ескерілген есептер және көрсеткіш көрсетілген. Қабылданбаған "
          "есептер ешқашан ескерілмейді.",
}

# Footnote wording: unit, "n of d", metric.
FOOTNOTE = {
    "en": ("Unit: {unit}", "{n} of {d}", "metric {metric}", "95 per cent interval {low}–{high}"),
    "ru": ("Единица: {unit}", "{n} из {d}", "показатель {metric}",
           "95-процентный интервал {low}–{high}"),
    "kk": ("Бірлік: {unit}", "{d} ішінен {n}", "көрсеткіш {metric}",
           "95 пайыздық аралық {low}–{high}"),
}

# The filter a figure was computed from: review statuses counted, those left out, form, a
# condition on rows or the group ("region: R01").
FILTER = {
    "en": ("submissions counted: {statuses}", "(not counted: {statuses})", "form {form}",
           "{column}: {value}"),
    "ru": ("учтённые отчёты: {statuses}", "(не учтены: {statuses})", "форма {form}",
           "{column}: {value}"),
    "kk": ("ескерілген есептер: {statuses}", "(ескерілмегендер: {statuses})", "{form} нысаны",
           "{column}: {value}"),
}
# Review statuses of submissions (saylau.observation.choices.SubmissionStatus), plural.
REVIEW_STATUSES: dict[str, tuple[str, str, str]] = {
    "new": ("new", "новые", "жаңа"),
    "flagged": ("flagged", "с отметкой", "белгі қойылған"),
    "verified": ("verified", "подтверждённые", "расталған"),
    "rejected": ("rejected", "отклонённые", "қабылданбаған"),
}
# Columns a figure may be filtered or grouped by.
COLUMNS: dict[str, tuple[str, str, str]] = {
    "region_code": ("region", "регион", "өңір"),
    "urban": ("urban", "городской", "қалалық"),
    "hour": ("hour", "час", "сағат"),
    "coding": ("codings", "кодировки", "кодтаулар"),
    "outlet": ("outlet", "СМИ", "БАҚ"),
    "programme": ("programme type", "тип программы", "бағдарлама түрі"),
    "subject": ("subject", "субъект", "субъект"),
}
# The context of a count (a finding of kind total): the places it was reported from.
REPORTED_FROM = {"en": "reported from {n} {unit}", "ru": "сообщения: {unit} — {n}",
                 "kk": "хабарлағандар: {unit} – {n}"}

UNITS: dict[str, tuple[str, str, str]] = {
    "stations": ("polling stations observed", "наблюдавшиеся избирательные участки",
                 "байқалған сайлау учаскелері"),
    "counts": ("counts observed", "наблюдавшиеся подсчёты голосов", "байқалған дауыс санаулар"),
    "observations": ("observations", "наблюдения", "байқаулар"),
    "decs": ("district election commissions observed",
             "наблюдавшиеся окружные избирательные комиссии",
             "байқалған округтік сайлау комиссиялары"),
    "protocols": ("PEC protocols", "протоколы УИК", "УСК хаттамалары"),
    "pec_members_present": ("PEC members present in polling stations observed",
                            "присутствовавшие члены УИК на наблюдавшихся участках",
                            "байқалған учаскелерде болған УСК мүшелері"),
    "members": ("commission members", "члены комиссий", "комиссия мүшелері"),
    "chairs": ("commission chairs", "председатели комиссий", "комиссия төрағалары"),
    "commissions": ("commissions", "комиссии", "комиссиялар"),
    "members_recorded": ("commission members whose ethnicity is recorded",
                         "члены комиссий с указанной национальностью",
                         "ұлты көрсетілген комиссия мүшелері"),
    "registered": ("registered voters", "зарегистрированные избиратели",
                   "тіркелген сайлаушылар"),
    "valid": ("valid votes", "действительные голоса", "жарамды дауыстар"),
    "all_stations": ("polling stations", "избирательные участки", "сайлау учаскелері"),
    "candidates": ("candidates", "кандидаты", "кандидаттар"),
    "observers": ("observers", "наблюдатели", "бақылаушылар"),
    "states": ("participating States", "государства-участники", "қатысушы мемлекеттер"),
    "complaints": ("complaints", "жалобы", "шағымдар"),
    "records": ("records in the voter register", "записи в списках избирателей", "сайлаушылар тізіміндегі жазбалар"),
    "districts": ("electoral districts", "избирательные округа", "сайлау округтері"),
    "coverage": ("news coverage of the candidates", "освещение кандидатов в новостях",
                 "жаңалықтардағы кандидаттарды көрсету"),
    "media_news": ("seconds of the outlet's news coverage of the candidates",
                   "секунды новостного освещения кандидатов в этом СМИ",
                   "осы БАҚ жаңалықтарындағы кандидаттарды көрсету секундтары"),
    "media_subject_news": ("seconds of the candidate's news coverage in the outlet",
                           "секунды новостного освещения кандидата в этом СМИ",
                           "осы БАҚ жаңалықтарындағы кандидатты көрсету секундтары"),
    "media_official": ("seconds of the candidate's official-role coverage outside news",
                       "секунды освещения кандидата в официальной роли вне новостей",
                       "кандидаттың жаңалықтардан тыс ресми қызметін көрсету секундтары"),
    "media_paid": ("seconds of paid advertising on the monitored broadcasters",
                   "секунды платной агитации на контролируемых телеканалах",
                   "бақыланған арналардағы ақылы үгіт секундтары"),
    "stations_entered": ("polling stations with both the PEC protocol and the DEC's entry of it",
                         "избирательные участки, где есть и протокол УИК, и его ввод ОИК",
                         "УСК хаттамасы да, оны ОСК енгізгені де бар сайлау учаскелері"),
    "stations_copied": ("polling stations with both the PEC protocol and the observers' copy of it",
                        "избирательные участки, где есть и протокол УИК, и его копия наблюдателей",
                        "УСК хаттамасы да, оның бақылаушылар түсірген көшірмесі де бар сайлау учаскелері"),
    "line_difference": ("difference on one protocol line (the figure compared minus the PEC protocol's)",
                        "расхождение по одной строке протокола (сравниваемое число минус число протокола УИК)",
                        "хаттаманың бір жолындағы айырма (салыстырылған сан минус УСК хаттамасындағы сан)"),
    "corrections": ("corrections of entered protocols", "исправления введённых протоколов",
                    "енгізілген хаттамалардың түзетулері"),
    "protocols_checked": ("protocols checked", "проверенные протоколы", "тексерілген хаттамалар"),
    "protocols_quarantined": ("protocols quarantined", "протоколы на карантине",
                              "карантинге алынған хаттамалар"),
    "qc_share": ("estimate from the observers' protocol copies (a sample of polling stations)",
                 "оценка по копиям протоколов наблюдателей (выборка избирательных участков)",
                 "бақылаушылардың хаттама көшірмелері бойынша бағалау (сайлау учаскелерінің іріктемесі)"),
    "official_share": ("official result", "официальный результат", "ресми нәтиже"),
    "votes_winner": ("votes for the winner", "голоса за победителя", "жеңімпазға берілген дауыстар"),
    "stations_examined": ("polling stations in the official results",
                          "избирательные участки в официальных результатах",
                          "ресми нәтижелердегі сайлау учаскелері"),
    "stations_tested": ("polling stations tested (at least 100 voters, percentages up to 99)",
                        "проверенные избирательные участки (не менее 100 избирателей, проценты не выше 99)",
                        "тексерілген сайлау учаскелері (кемінде 100 сайлаушы, пайыздар 99-дан аспайды)"),
    "nominees": ("nominees for the election", "выдвинутые кандидаты", "ұсынылған үміткерлер"),
    "signature_lines": ("supporting signatures (lines of the signature sheets)",
                        "подписи избирателей (строки подписных листов)",
                        "сайлаушылардың қолтаңбалары (қолтаңба парақтарының жолдары)"),
    "signatures_struck": ("signatures the territorial commissions invalidated",
                          "подписи, признанные территориальными комиссиями недействительными",
                          "аумақтық комиссиялар жарамсыз деп таныған қолтаңбалар"),
    "sessions": ("signature verification sessions", "заседания по проверке подписей",
                 "қолтаңбаларды тексеру отырыстары"),
    "signatures_sampled": ("signatures in the commission's sample", "подписи в выборке комиссии",
                           "комиссия іріктемесіндегі қолтаңбалар"),
    "signatures_projected": ("valid signatures projected from the sample (of the signatures submitted)",
                             "расчётное число действительных подписей по выборке (из представленных)",
                             "іріктеме бойынша есептелген жарамды қолтаңбалар (ұсынылғандардың ішінен)"),
    "signatures_required": ("valid signatures required for registration",
                            "число действительных подписей, необходимое для регистрации",
                            "тіркеу үшін қажет жарамды қолтаңбалар саны"),
    "proxies": ("candidates' proxies accredited", "зарегистрированные доверенные лица кандидатов",
                "кандидаттардың тіркелген сенім білдірілген өкілдері"),
    "proxy_filings": ("proxies filed for accreditation", "доверенные лица, представленные к регистрации",
                      "тіркеуге ұсынылған сенім білдірілген өкілдер"),
    "accredited": ("observers and media representatives accredited",
                   "аккредитованные наблюдатели и представители СМИ",
                   "аккредиттелген бақылаушылар мен БАҚ өкілдері"),
    "restriction_reports": ("reports of observers restricted on election day",
                            "сообщения об ограничении работы наблюдателей в день выборов",
                            "сайлау күні бақылаушылардың жұмысын шектеу туралы хабарламалар"),
    "media_items": ("items coded by two monitors", "материалы, закодированные двумя мониторами",
                    "екі монитор кодтаған материалдар"),
}

TIER_NAMES: dict[str, tuple[str, str, str]] = {
    "CEC": ("CEC", "ЦИК", "Орталық сайлау комиссиясы"),
    "TEC": ("TEC", "ТИК", "АСК"),
    "DEC": ("DEC", "ОИК", "ОСК"),
    "PEC": ("PEC", "УИК", "УСК"),
}

ROLES: dict[str, tuple[str, str, str]] = {
    "core": ("core team experts", "эксперты основной группы", "негізгі топ сарапшылары"),
    "lto": ("long-term observers", "долгосрочные наблюдатели", "ұзақ мерзімді бақылаушылар"),
    "sto": ("short-term observers", "краткосрочные наблюдатели", "қысқа мерзімді бақылаушылар"),
}

ETHNICITY: dict[str, tuple[str, str, str]] = {
    "Kazakh": ("Kazakh", "казахи", "қазақтар"),
    "Russian": ("Russian", "русские", "орыстар"),
    "Uzbek": ("Uzbek", "узбеки", "өзбектер"),
    "Uighur": ("Uighur", "уйгуры", "ұйғырлар"),
    "Ukrainian": ("Ukrainian", "украинцы", "украиндар"),
    "Tatar": ("Tatar", "татары", "татарлар"),
    "German": ("German", "немцы", "немістер"),
    "Korean": ("Korean", "корейцы", "корейлер"),
}

CHART = {
    "assessment_by_phase": ("Negative assessments by phase", "Отрицательные оценки по этапам",
                            "Кезеңдер бойынша теріс бағалар"),
    "assessment_by_region": ("Voting assessed negatively, by region",
                             "Отрицательные оценки голосования по регионам",
                             "Дауыс берудің теріс бағалары, өңірлер бойынша"),
    "incidents": ("Incidents on election day (polling stations or counts)",
                  "Нарушения в день выборов (участки или подсчёты)",
                  "Сайлау күнгі оқиғалар (учаскелер немесе санаулар)"),
    "fingerprint": ("Turnout and the winner's share by polling station (official results)",
                    "Явка и доля победителя по участкам (официальные результаты)",
                    "Учаскелер бойынша қатысу және жеңімпаздың үлесі (ресми нәтижелер)"),
    "media": ("Share of news coverage by candidate", "Доля освещения кандидатов в новостях",
              "Жаңалықтардағы кандидаттардың үлесі"),
    "media_subjects": ("Editorial time by subject, per outlet", "Редакционное время по субъектам в каждом СМИ",
                       "Әр БАҚ-тағы редакциялық уақыт, субъектілер бойынша"),
    "media_tone": ("Tone of the candidates' news coverage (broadcasters)",
                   "Тональность освещения кандидатов в новостях (телеканалы)",
                   "Жаңалықтардағы кандидаттарды көрсету реңкі (арналар)"),
    "share_axis": ("per cent negative", "процент отрицательных", "теріс бағалар, пайыз"),
    "count_axis": ("places or counts", "участки или подсчёты", "учаскелер немесе санаулар"),
    "turnout_axis": ("turnout, per cent", "явка, процентов", "қатысу, пайыз"),
    "winner_axis": ("winner's share, per cent", "доля победителя, процентов",
                    "жеңімпаздың үлесі, пайыз"),
    "stations_axis": ("polling stations", "участки", "учаскелер"),
    "coverage_axis": ("per cent of coverage", "процент освещения", "көрсету, пайыз"),
    "interval": ("lines: 95 per cent interval", "линии: 95-процентный интервал",
                 "сызықтар: 95 пайыздық аралық"),
}

# Short labels for incident bars: metric id -> (en, ru, kk)
INCIDENTS: dict[str, tuple[str, str, str]] = {
    "voting.identical_signatures": ("identical signatures", "одинаковые подписи",
                                    "бірдей қолтаңбалар"),
    "voting.ballot_stuffing": ("ballot stuffing", "вброс бюллетеней", "бюллетень салу"),
    "voting.boxes_not_sealed": ("boxes not sealed", "ящики не опечатаны", "жәшіктер мөрленбеген"),
    "voting.group_voting": ("group voting", "групповое голосование", "топтық дауыс беру"),
    "voting.multiple_voting": ("multiple voting", "многократное голосование",
                               "бірнеше рет дауыс беру"),
    "voting.proxy_voting": ("proxy voting", "голосование за других", "басқаның атынан дауыс"),
    "voting.voting_without_id": ("voting without ID", "голосование без документа",
                                 "құжатсыз дауыс беру"),
    "voting.voters_turned_away": ("voters turned away", "отказ в голосовании",
                                  "дауыс беруден бас тарту"),
    "voting.unauthorised_persons_present": ("unauthorised persons present",
                                            "присутствие посторонних", "бөгде адамдар"),
    "voting.unauthorised_persons_directing": ("unauthorised persons directing",
                                              "посторонние руководили", "бөгделер басшылық етті"),
    "voting.observers_restricted": ("observers restricted (voting)",
                                    "ограничения наблюдателей (голосование)",
                                    "бақылаушыларға шектеу (дауыс беру)"),
    "counting.stacks_of_ballots": ("stacks of ballots in boxes", "пачки бюллетеней в ящиках",
                                   "жәшіктегі бюллетень бумалары"),
    "counting.observers_restricted": ("observers restricted (counting)",
                                      "ограничения наблюдателей (подсчёт)",
                                      "бақылаушыларға шектеу (санау)"),
    "counting.protocol_presigned": ("protocols signed in advance", "протоколы подписаны заранее",
                                    "хаттамаларға алдын ала қол қойылған"),
}


def pick(values: tuple[str, str, str], lang: str) -> str:
    """The entry for ``lang`` of an (en, ru, kk) triple."""
    return values[LANGS.index(lang)]


def statuses(codes: tuple[str, ...], lang: str) -> str:
    """Review statuses in ``lang``: 'new, flagged, verified'."""
    return ", ".join(pick(REVIEW_STATUSES.get(c, (c, c, c)), lang) for c in codes)


MISSION_DEFAULT = ("International Election Observation Mission",
                   "Международная миссия по наблюдению за выборами",
                   "Халықаралық сайлауды байқау миссиясы")
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "kk": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"),
}


def long_date(iso: str, lang: str) -> str:
    """'2011-04-03' -> '3 April 2011', '3 апреля 2011 г.', '2011 жылғы 3 сәуір'."""
    if len(iso) < 10:
        return iso
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    name = MONTHS[lang][month - 1]
    return {"en": f"{day} {name} {year}", "ru": f"{day} {name} {year} г.",
            "kk": f"{year} жылғы {day} {name}"}[lang]
