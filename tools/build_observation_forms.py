"""One-off build script for saylau's built-in observation forms (.xlsx).

The shipped source of truth is the .xlsx files in
``src/saylau/observation/forms/``; edit them in a spreadsheet like any XLSForm.
This script only wrote their first version from the table below, so that the
three languages were typed once, side by side. Running it again overwrites the
workbooks (review the diff before keeping it). Nothing imports this file.

    .venv/bin/python tools/build_observation_forms.py
"""

from __future__ import annotations

from pathlib import Path

from saylau.observation.xlsform import Choice, Form, Question, read_xlsform, write_xlsform

OUT = Path(__file__).resolve().parent.parent / "src" / "saylau" / "observation" / "forms"
EN, RU, KK = "English (en)", "Russian (ru)", "Kazakh (kk)"


def t(en: str, ru: str, kk: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((EN, en), (RU, ru), (KK, kk))))


NON_NEG = ". >= 0"
NON_NEG_MSG = t("Must be 0 or more", "Должно быть не меньше 0", "0-ден кем болмауы керек")

LISTS = {
    "yes_no": [("yes", "1", t("Yes", "Да", "Иә")), ("no", "0", t("No", "Нет", "Жоқ"))],
    "assessment": [
        ("very_good", "1", t("Very good", "Очень хорошо", "Өте жақсы")),
        ("good", "2", t("Good", "Хорошо", "Жақсы")),
        ("bad", "3", t("Bad", "Плохо", "Нашар")),
        ("very_bad", "4", t("Very bad", "Очень плохо", "Өте нашар")),
    ],
    "gender": [("female", "1", t("Female", "Женщина", "Әйел")),
               ("male", "2", t("Male", "Мужчина", "Ер"))],
    "incident_type": [
        ("identical_signatures", "1", t("Seemingly identical signatures on the voter list",
                                        "Одинаковые на вид подписи в списке избирателей",
                                        "Сайлаушылар тізіміндегі бірдей болып көрінетін қолтаңбалар")),
        ("ballot_stuffing", "2", t("Ballot stuffing", "Вброс бюллетеней",
                                   "Бюллетеньдерді заңсыз салу")),
        ("boxes_not_sealed", "3", t("Ballot box not properly sealed",
                                    "Ящик для голосования не опечатан надлежащим образом",
                                    "Сайлау жәшігі тиісінше мөрленбеген")),
        ("group_voting", "4", t("Group (family) voting", "Групповое (семейное) голосование",
                                "Топтық (отбасылық) дауыс беру")),
        ("multiple_voting", "5", t("Multiple voting", "Многократное голосование",
                                   "Бірнеше рет дауыс беру")),
        ("proxy_voting", "6", t("Voting on behalf of others", "Голосование за других избирателей",
                                "Басқа сайлаушылардың атынан дауыс беру")),
        ("voting_without_id", "7", t("Voting without identification",
                                     "Голосование без удостоверения личности",
                                     "Жеке басын куәландыратын құжатсыз дауыс беру")),
        ("voters_turned_away", "8", t("Voters turned away", "Отказ избирателям в голосовании",
                                      "Сайлаушыларға дауыс беруден бас тарту")),
        ("unauthorised_persons_present", "9", t("Unauthorised persons present",
                                                "Присутствие посторонних лиц",
                                                "Бөгде адамдардың болуы")),
        ("unauthorised_persons_directing", "10", t("Unauthorised persons directing the process",
                                                   "Посторонние лица руководят процессом",
                                                   "Бөгде адамдардың процеске басшылық етуі")),
        ("observers_restricted", "11", t("Observers restricted", "Ограничение наблюдателей",
                                         "Байқаушыларға шектеу қою")),
        ("stacks_of_ballots", "12", t("Stacks of ballots in a ballot box",
                                      "Пачки бюллетеней в ящике для голосования",
                                      "Сайлау жәшігіндегі бюллетеньдер бумасы")),
        ("choices_announced", "13", t("Voters' choices not announced during the count",
                                      "Выбор избирателей не оглашался при подсчёте",
                                      "Санау кезінде сайлаушылардың таңдауы жарияланбады")),
        ("protocol_difficulties", "14", t("PEC had difficulty completing the protocol",
                                          "УИК испытывала трудности с заполнением протокола",
                                          "УСК хаттаманы толтыруда қиналды")),
        ("protocol_presigned", "15", t("Protocol signed in advance", "Протокол подписан заранее",
                                       "Хаттамаға алдын ала қол қойылған")),
        ("protocol_posted", "16", t("Protocol not posted", "Протокол не вывешен",
                                    "Хаттама ілінбеді")),
        ("copy_given", "17", t("Copy of the protocol refused", "Отказ в выдаче копии протокола",
                               "Хаттама көшірмесін беруден бас тарту")),
        ("other", "99", t("Other", "Другое", "Басқа")),
    ],
    "concerns": [
        ("misuse_of_admin_resources", "1", t("Misuse of administrative resources",
                                             "Злоупотребление административным ресурсом",
                                             "Әкімшілік ресурсты теріс пайдалану")),
        ("pressure_on_voters", "2", t("Pressure on voters", "Давление на избирателей",
                                      "Сайлаушыларға қысым көрсету")),
        ("obstruction_of_campaign", "3", t("Obstruction of campaign events",
                                           "Препятствование агитационным мероприятиям",
                                           "Үгіт іс-шараларына кедергі келтіру")),
        ("detention_of_activists", "4", t("Detention of activists", "Задержания активистов",
                                          "Белсенділерді ұстау")),
        ("media_bias", "5", t("Biased media coverage", "Предвзятое освещение в СМИ",
                              "БАҚ-тағы біржақты жариялау")),
        ("complaints_not_decided", "6", t("Complaints not properly considered",
                                          "Жалобы не рассмотрены надлежащим образом",
                                          "Шағымдар тиісінше қаралмады")),
        ("voter_list_problems", "7", t("Problems with voter lists", "Проблемы со списками избирателей",
                                       "Сайлаушылар тізіміндегі кемшіліктер")),
        ("other", "8", t("Other", "Другое", "Басқа")),
        ("none", "9", t("None", "Нет", "Жоқ")),
    ],
}


def yn(name: str, en: str, ru: str, kk: str, negative: str = "yes", incident: bool = True,
       metric: str = "", **kw: str) -> Question:
    return Question("select_one", name, "yes_no", t(en, ru, kk), required="yes",
                    negative=tuple(negative.split()), incident=name if incident else "",
                    metric=metric, **kw)


def integer(name: str, en: str, ru: str, kk: str, constraint: str = NON_NEG,
            message=NON_NEG_MSG, required: str = "yes", metric: str = "") -> Question:
    return Question("integer", name, labels=t(en, ru, kk), required=required,
                    constraint=constraint, constraint_messages=message, metric=metric)


STATION = Question("text", "station_code", labels=t(
    "Polling station number", "Номер избирательного участка", "Сайлау учаскесінің нөмірі"),
    required="yes")
ARRIVAL = Question("time", "arrival_time", labels=t(
    "Time of arrival", "Время прибытия", "Келген уақыты"), required="yes")
RESTRICTED = ("observers_restricted", "Were observers restricted in their observation?",
              "Были ли наблюдатели ограничены в возможности наблюдать?",
              "Байқаушылардың байқау жүргізуіне шектеу қойылды ма?")


def assessment(form: str, en: str, ru: str, kk: str) -> Question:
    return Question("select_one", "assessment", "assessment", t(en, ru, kk), required="yes",
                    negative=("bad", "very_bad"), metric=f"{form}.assessment_negative")


OPENING = [
    STATION, ARRIVAL,
    yn("opened_on_time", "Did the polling station open on time?",
       "Открылся ли избирательный участок вовремя?", "Сайлау учаскесі уақытында ашылды ма?",
       negative="no", incident=False),
    yn("ballot_boxes_sealed", "Were the ballot boxes shown empty and properly sealed?",
       "Были ли ящики для голосования показаны пустыми и надлежащим образом опечатаны?",
       "Сайлау жәшіктерінің бос екені көрсетіліп, олар тиісінше мөрленді ме?",
       negative="no", incident=False),
    yn("ballots_counted_before_opening",
       "Were the ballots counted and their number recorded before opening?",
       "Были ли бюллетени пересчитаны и их число записано до открытия?",
       "Ашылғанға дейін бюллетеньдер саналып, олардың саны жазылды ма?",
       negative="no", incident=False),
    yn(*RESTRICTED, metric="opening.observers_restricted"),
    assessment("opening", "Overall assessment of the opening", "Общая оценка открытия участка",
               "Учаскенің ашылуына жалпы баға"),
]

VOTING = [
    STATION, ARRIVAL,
    yn("identical_signatures", "Did you see seemingly identical signatures on the voter list?",
       "Видели ли вы в списке избирателей подписи, которые выглядят одинаковыми?",
       "Сайлаушылар тізімінде бірдей болып көрінетін қолтаңбаларды көрдіңіз бе?",
       metric="voting.identical_signatures"),
    yn("ballot_stuffing", "Did you observe ballot stuffing?", "Наблюдали ли вы вброс бюллетеней?",
       "Бюллетеньдерді заңсыз салуды байқадыңыз ба?", metric="voting.ballot_stuffing"),
    yn("boxes_not_sealed", "Were any ballot boxes not properly sealed?",
       "Были ли ящики для голосования, опечатанные ненадлежащим образом?",
       "Тиісінше мөрленбеген сайлау жәшіктері болды ма?", metric="voting.boxes_not_sealed"),
    yn("group_voting", "Did you observe group (family) voting?",
       "Наблюдали ли вы групповое (семейное) голосование?",
       "Топтық (отбасылық) дауыс беруді байқадыңыз ба?", metric="voting.group_voting"),
    yn("multiple_voting", "Did you observe anyone voting more than once?",
       "Наблюдали ли вы, как кто-либо голосовал более одного раза?",
       "Біреудің бірнеше рет дауыс бергенін байқадыңыз ба?", metric="voting.multiple_voting"),
    yn("proxy_voting", "Did you observe voting on behalf of other voters?",
       "Наблюдали ли вы голосование за других избирателей?",
       "Басқа сайлаушылардың атынан дауыс беруді байқадыңыз ба?", metric="voting.proxy_voting"),
    yn("voting_without_id", "Were voters allowed to vote without identification?",
       "Допускались ли избиратели к голосованию без документа, удостоверяющего личность?",
       "Сайлаушыларға жеке басын куәландыратын құжатсыз дауыс беруге рұқсат етілді ме?",
       metric="voting.voting_without_id"),
    yn("voters_turned_away", "Were voters turned away?",
       "Было ли отказано кому-либо из избирателей в голосовании?",
       "Сайлаушыларға дауыс беруден бас тартылды ма?", metric="voting.voters_turned_away"),
    yn("unauthorised_persons_present", "Were unauthorised persons present in the polling station?",
       "Присутствовали ли на избирательном участке посторонние лица?",
       "Сайлау учаскесінде бөгде адамдар болды ма?",
       metric="voting.unauthorised_persons_present"),
    yn("unauthorised_persons_directing", "Were unauthorised persons directing the process?",
       "Руководили ли посторонние лица процессом голосования?",
       "Бөгде адамдар дауыс беру процесіне басшылық етті ме?",
       metric="voting.unauthorised_persons_directing",
       relevant="${unauthorised_persons_present} = 'yes'"),
    yn(*RESTRICTED, metric="voting.observers_restricted"),
    yn("party_observers_present", "Were party observers or candidate proxies present?",
       "Присутствовали ли наблюдатели от партий или доверенные лица кандидатов?",
       "Партия байқаушылары немесе кандидаттардың сенім білдірілген адамдары болды ма?",
       negative="", incident=False, metric="voting.party_observers_present"),
    integer("pec_members_total", "How many PEC members were present?",
            "Сколько членов УИК присутствовало?", "УСК-ның қанша мүшесі болды?",
            constraint=". >= 0 and . <= 30",
            message=t("Enter a number from 0 to 30", "Введите число от 0 до 30",
                      "0-ден 30-ға дейінгі санды енгізіңіз")),
    integer("pec_members_women", "How many of them were women?", "Сколько из них женщин?",
            "Олардың қаншасы әйел?", constraint=". >= 0 and . <= ${pec_members_total}",
            message=t("Cannot exceed the number of PEC members present",
                      "Не может превышать число присутствовавших членов УИК",
                      "Болған УСК мүшелерінің санынан аспауы керек"),
            metric="voting.women_members"),
    Question("select_one", "pec_chair_gender", "gender", t(
        "Gender of the PEC chairperson", "Пол председателя УИК", "УСК төрағасының жынысы"),
        required="yes", metric="voting.chair_women"),
    integer("voters_in_station", "How many voters were in the polling station during your visit?",
            "Сколько избирателей находилось на участке во время вашего посещения?",
            "Сіз болған кезде учаскеде қанша сайлаушы болды?"),
    assessment("voting", "Overall assessment of the voting", "Общая оценка процесса голосования",
               "Дауыс беру процесіне жалпы баға"),
]

_PROTOCOL = [
    ("p_registered", "Voters on the voter list", "Число избирателей, включённых в список",
     "Тізімге енгізілген сайлаушылар саны"),
    ("p_ballots_received", "Ballots received by the PEC", "Число бюллетеней, полученных УИК",
     "УСК алған бюллетеньдер саны"),
    ("p_issued_in_station", "Ballots issued in the polling station",
     "Число бюллетеней, выданных в помещении для голосования",
     "Дауыс беру үй-жайында берілген бюллетеньдер саны"),
    ("p_issued_mobile", "Ballots issued for voting outside the polling station",
     "Число бюллетеней, выданных для голосования вне помещения",
     "Үй-жайдан тыс дауыс беру үшін берілген бюллетеньдер саны"),
    ("p_issued_early", "Ballots issued for early voting",
     "Число бюллетеней, выданных для досрочного голосования",
     "Мерзімінен бұрын дауыс беру үшін берілген бюллетеньдер саны"),
    ("p_cancelled", "Unused ballots cancelled", "Число погашенных неиспользованных бюллетеней",
     "Жойылған пайдаланылмаған бюллетеньдер саны"),
    ("p_found_in_boxes", "Ballots found in the ballot boxes",
     "Число бюллетеней, обнаруженных в ящиках для голосования",
     "Сайлау жәшіктерінен табылған бюллетеньдер саны"),
    ("p_invalid", "Invalid ballots", "Число недействительных бюллетеней",
     "Жарамсыз бюллетеньдер саны"),
    ("p_valid", "Valid ballots", "Число действительных бюллетеней", "Жарамды бюллетеньдер саны"),
]

COUNTING = [
    STATION, ARRIVAL,
    yn("stacks_of_ballots", "Were stacks of ballots found in the ballot boxes?",
       "Были ли в ящиках для голосования обнаружены пачки бюллетеней?",
       "Сайлау жәшіктерінен бюллетеньдер бумасы табылды ма?", metric="counting.stacks_of_ballots"),
    yn(*RESTRICTED, metric="counting.observers_restricted"),
    yn("choices_announced", "Was the voter's choice on each ballot announced aloud?",
       "Оглашался ли вслух выбор избирателя по каждому бюллетеню?",
       "Әр бюллетень бойынша сайлаушының таңдауы дауыстап жарияланды ма?",
       negative="no", metric="counting.choices_not_announced"),
    yn("protocol_difficulties", "Did the PEC have difficulty completing the results protocol?",
       "Испытывала ли УИК трудности при заполнении протокола об итогах голосования?",
       "УСК дауыс беру қорытындылары туралы хаттаманы толтыруда қиналды ма?",
       metric="counting.protocol_difficulties"),
    yn("protocol_presigned", "Had PEC members signed the protocol in advance?",
       "Подписали ли члены УИК протокол заранее?",
       "УСК мүшелері хаттамаға алдын ала қол қойды ма?", metric="counting.protocol_presigned"),
    yn("protocol_posted", "Was a copy of the protocol posted for public familiarisation?",
       "Была ли копия протокола вывешена для всеобщего ознакомления?",
       "Хаттаманың көшірмесі көпшілік танысуы үшін ілінді ме?",
       negative="no", metric="counting.protocol_not_posted"),
    yn("copy_given", "Were observers given a copy of the protocol on request?",
       "Выдавалась ли наблюдателям по их запросу копия протокола?",
       "Байқаушыларға сұрауы бойынша хаттаманың көшірмесі берілді ме?",
       negative="no", metric="counting.copy_refused"),
    Question("begin group", "protocol", labels=t(
        "Figures of the PEC results protocol", "Данные протокола УИК об итогах голосования",
        "УСК дауыс беру қорытындылары туралы хаттамасының деректері"),
        relevant="${copy_given} = 'yes' or ${protocol_posted} = 'yes'"),
    *[integer(n, en, ru, kk) for n, en, ru, kk in _PROTOCOL],
    Question("begin repeat", "candidate_votes", labels=t(
        "Votes for each candidate", "Голоса за каждого кандидата", "Әр кандидатқа берілген дауыстар")),
    integer("candidate_number", "Candidate's number on the ballot", "Номер кандидата в бюллетене",
            "Кандидаттың бюллетеньдегі нөмірі", constraint=". >= 1",
            message=t("Must be 1 or more", "Должно быть не меньше 1", "1-ден кем болмауы керек")),
    integer("votes", "Votes for the candidate", "Число голосов за кандидата",
            "Кандидатқа берілген дауыстар саны"),
    Question("end repeat", ""),
    Question("end group", ""),
    assessment("counting", "Overall assessment of the counting", "Общая оценка подсчёта голосов",
               "Дауыстарды санауға жалпы баға"),
]

TABULATION = [
    Question("text", "dec_code", labels=t(
        "District election commission number", "Номер окружной избирательной комиссии",
        "Округтік сайлау комиссиясының нөмірі"), required="yes"),
    ARRIVAL,
    yn("transparent", "Was the tabulation process transparent?",
       "Был ли процесс сведения результатов прозрачным?",
       "Нәтижелерді жинақтау процесі ашық болды ма?", negative="no", incident=False,
       metric="tabulation.not_transparent"),
    yn(*RESTRICTED, metric="tabulation.observers_restricted"),
    integer("protocols_completed_at_dec",
            "How many PEC protocols did you see being completed on DEC premises?",
            "Сколько протоколов УИК, по вашим наблюдениям, заполнялось в помещении ОИК?",
            "ОСК үй-жайында толтырылған УСК хаттамаларының қаншасын көрдіңіз?",
            metric="tabulation.protocols_completed_at_dec"),
    integer("protocols_corrected_without_decision",
            "How many PEC protocols were corrected without a formal DEC decision?",
            "Сколько протоколов УИК было исправлено без официального решения ОИК?",
            "УСК хаттамаларының қаншасы ОСК-ның ресми шешімінсіз түзетілді?",
            metric="tabulation.protocols_corrected_without_decision"),
    assessment("tabulation", "Overall assessment of the tabulation",
               "Общая оценка сведения результатов", "Нәтижелерді жинақтауға жалпы баға"),
]

INCIDENT = [
    STATION,
    Question("select_one", "incident_type", "incident_type", t(
        "Type of incident", "Вид нарушения", "Бұзушылық түрі"), required="yes"),
    Question("text", "description", labels=t(
        "What happened? Who was involved?", "Что произошло? Кто был вовлечён?",
        "Не болды? Оған кімдер қатысты?"), required="yes"),
    Question("time", "incident_time", labels=t(
        "Time of the incident", "Время нарушения", "Бұзушылық болған уақыт"), required="yes"),
]

LTO = [
    Question("text", "region_code", labels=t("Region code", "Код региона", "Өңір коды"),
             required="yes"),
    Question("date", "week_start", labels=t(
        "First day of the reporting week", "Первый день отчётной недели", "Есепті аптаның бірінші күні"),
        required="yes", constraint=". <= today()", constraint_messages=t(
            "The week cannot start in the future", "Неделя не может начинаться в будущем",
            "Апта болашақта басталуы мүмкін емес")),
    integer("campaign_events_observed", "Campaign events observed this week",
            "Число агитационных мероприятий, за которыми вы наблюдали за неделю",
            "Осы аптада байқаған үгіт іс-шараларыңыздың саны"),
    integer("complaints_learned", "Complaints you learned of this week",
            "Число жалоб, о которых вы узнали за неделю",
            "Осы аптада білген шағымдарыңыздың саны"),
    Question("text", "summary", labels=t(
        "Summary of the week", "Краткий итог недели", "Аптаның қысқаша қорытындысы"), required="yes"),
    Question("select_multiple", "concerns", "concerns", t(
        "Concerns noted", "Отмеченные проблемы", "Байқалған мәселелер"),
        constraint="not(selected(., 'none') and count-selected(.) > 1)",
        constraint_messages=t("'None' cannot be combined with other answers",
                              "«Нет» нельзя сочетать с другими ответами",
                              "«Жоқ» жауабын басқа жауаптармен бірге таңдауға болмайды")),
]

FORMS = {
    "opening": ("O", t("Opening", "Открытие", "Ашылу"), OPENING),
    "voting": ("V", t("Voting", "Голосование", "Дауыс беру"), VOTING),
    "counting": ("C", t("Counting", "Подсчёт голосов", "Дауыстарды санау"), COUNTING),
    "tabulation": ("T", t("Tabulation", "Сведение результатов", "Нәтижелерді жинақтау"), TABULATION),
    "incident": ("I", t("Incident", "Нарушение", "Бұзушылық"), INCIDENT),
    "lto_report": ("L", t("Long-term observer weekly report",
                          "Еженедельный отчёт долгосрочного наблюдателя",
                          "Ұзақ мерзімді байқаушының апталық есебі"), LTO),
}


def _sms_codes(rows: list[Question]) -> list[Question]:
    letters, out, depth = iter("ABCDEFGHJKLMNPQRSTUVWXYZ"), [], 0
    for q in rows:
        depth += q.type == "begin repeat"
        depth -= q.type == "end repeat"
        coded = q.type in ("select_one", "integer") and depth == 0
        out.append(Question(**{**q.__dict__, "sms": next(letters)}) if coded else q)
    return out


def build() -> None:
    for form_id, (code, titles, rows) in FORMS.items():
        lists = sorted({q.list_name for q in rows if q.list_name}, key=list(LISTS).index)
        choices = tuple(Choice(name_list, name, labels, (("saylau::sms", sms),))
                        for name_list in lists for name, sms, labels in LISTS[name_list])
        form = Form(form_id=form_id, title=dict(titles)[EN], version="2026112401",
                    default_language=EN, survey=tuple(_sms_codes(rows)), choices=choices,
                    settings_extra=(("saylau::sms", code),))
        path = OUT / f"{form_id}.xlsx"
        write_xlsform(form, path)
        assert read_xlsform(path) == form, form_id


if __name__ == "__main__":
    build()
