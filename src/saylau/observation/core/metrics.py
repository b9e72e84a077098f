"""saylau's built-in finding metrics: every election-day figure of an ODIHR-style
preliminary statement that the built-in forms carry.

Each metric's ``id`` is written in the ``saylau::metric`` column of the
question it reads (a test holds the two together). Phrases follow the rules
in :mod:`saylau.observation.core.sentences`. Every definition is checked when
it is made (:func:`saylau.observation.core.findings.incoherence`): a ratio
counts members, not stations; a total counts protocols and is printed as a
count in the places that reported it, never as a share of them.
"""

from __future__ import annotations

from saylau.observation.core.findings import Metric


def _p(en: str, ru: str, kk: str) -> tuple[tuple[str, str], ...]:
    return (("en", en), ("ru", ru), ("kk", kk))


def _incident(form: str, question: str, en: str, ru: str, kk: str, unit: str = "stations",
              metric_id: str = "") -> Metric:
    return Metric(metric_id or f"{form}.{question}", form, "count_incident", question,
                  unit=unit, values=("yes",), style="count", phrase=_p(en, ru, kk))  # type: ignore[arg-type]


_RESTRICTED = ("Observers were restricted", "наблюдатели были ограничены в наблюдении",
               "бақылаушыларға шектеу қойылды")

BUILTIN_METRICS: tuple[Metric, ...] = (
    Metric("opening.assessment_negative", "opening", "share_negative_assessment", "assessment",
           phrase=_p("Opening was assessed negatively", "открытие было оценено отрицательно",
                     "учаскенің ашылуы теріс бағаланды")),
    _incident("opening", "observers_restricted", *_RESTRICTED),
    Metric("voting.assessment_negative", "voting", "share_negative_assessment", "assessment",
           phrase=_p("Voting was assessed negatively", "голосование было оценено отрицательно",
                     "дауыс беру теріс бағаланды")),
    _incident("voting", "identical_signatures",
              "Seemingly identical signatures on voter lists were observed",
              "в списках избирателей были замечены одинаковые на вид подписи",
              "сайлаушылар тізімінде бірдей болып көрінетін қолтаңбалар байқалды"),
    _incident("voting", "ballot_stuffing", "Ballot stuffing was observed",
              "наблюдался вброс бюллетеней", "бюллетеньдерді заңсыз салу байқалды"),
    _incident("voting", "boxes_not_sealed", "Ballot boxes were not properly sealed",
              "ящики для голосования не были надлежащим образом опечатаны",
              "сайлау жәшіктері тиісінше мөрленбеген"),
    _incident("voting", "group_voting", "Group voting was observed",
              "наблюдалось групповое голосование", "топтық дауыс беру байқалды"),
    _incident("voting", "multiple_voting", "Multiple voting was observed",
              "наблюдалось многократное голосование", "бірнеше рет дауыс беру байқалды"),
    _incident("voting", "proxy_voting", "Proxy voting was observed",
              "наблюдалось голосование за других избирателей",
              "басқа сайлаушылардың атынан дауыс беру байқалды"),
    _incident("voting", "voting_without_id", "Voters were allowed to vote without identification",
              "избирателей допускали к голосованию без удостоверения личности",
              "сайлаушыларға жеке басын куәландыратын құжатсыз дауыс беруге рұқсат етілді"),
    _incident("voting", "voters_turned_away", "Voters were turned away",
              "избирателям отказывали в голосовании", "сайлаушыларға дауыс беруден бас тартылды"),
    _incident("voting", "unauthorised_persons_present", "Unauthorised persons were present",
              "присутствовали посторонние лица", "бөгде адамдар болды"),
    _incident("voting", "unauthorised_persons_directing",
              "Unauthorised persons were directing the process",
              "посторонние лица руководили процессом", "бөгде адамдар процеске басшылық етті"),
    _incident("voting", "observers_restricted", *_RESTRICTED),
    Metric("voting.party_observers_present", "voting", "n_of_m", "party_observers_present",
           values=("yes",),
           phrase=_p("Party observers or candidate proxies were present",
                     "присутствовали наблюдатели от партий или доверенные лица кандидатов",
                     "партия бақылаушылары немесе кандидаттардың сенім білдірілген адамдары болды")),
    # counts members (women of members present), each observed station once by its latest visit
    Metric("voting.women_members", "voting", "ratio", "pec_members_women",
           denominator_question="pec_members_total", unit="members", per="place",
           phrase=_p("Women made up {share} of the PEC members present in polling stations observed",
                     "Доля женщин среди присутствовавших членов УИК на наблюдавшихся "
                     "избирательных участках составила {share}",
                     "Байқалған сайлау учаскелерінде болған УСК мүшелерінің {share} әйелдер болды")),
    Metric("voting.chair_women", "voting", "n_of_m", "pec_chair_gender", values=("female",),
           phrase=_p("The PEC was chaired by a woman", "председателем УИК была женщина",
                     "УСК-ны әйел басқарды")),
    Metric("counting.assessment_negative", "counting", "share_negative_assessment", "assessment",
           style="proportion",
           phrase=_p("Counting was assessed negatively", "подсчёт голосов был оценён отрицательно",
                     "дауыстарды санау теріс бағаланды")),
    _incident("counting", "stacks_of_ballots", "Stacks of ballots were found in ballot boxes",
              "в ящиках для голосования были обнаружены пачки бюллетеней",
              "сайлау жәшіктерінен бюллетеньдер бумасы табылды"),
    _incident("counting", "observers_restricted", *_RESTRICTED, unit="observations"),
    Metric("counting.choices_not_announced", "counting", "n_of_m", "choices_announced",
           unit="observations", values=("no",), style="proportion",
           phrase=_p("Voters' choices were not announced", "выбор избирателей не оглашался",
                     "сайлаушылардың таңдауы жарияланбады")),
    Metric("counting.protocol_difficulties", "counting", "n_of_m", "protocol_difficulties",
           unit="observations", values=("yes",), style="proportion",
           phrase=_p("The PEC had difficulty completing the results protocol",
                     "УИК испытывала трудности при заполнении протокола",
                     "УСК нәтижелер хаттамасын толтыруда қиналды")),
    _incident("counting", "protocol_presigned", "Protocols had been signed in advance",
              "протоколы были подписаны заранее", "хаттамаларға алдын ала қол қойылған",
              unit="observations"),
    Metric("counting.protocol_not_posted", "counting", "n_of_m", "protocol_posted",
           unit="observations", values=("no",), style="proportion",
           phrase=_p("The protocol was not posted", "протокол не был вывешен", "хаттама ілінбеді")),
    Metric("counting.copy_refused", "counting", "n_of_m", "copy_given",
           unit="observations", values=("no",), style="proportion",
           phrase=_p("Observers were refused a copy of the protocol",
                     "наблюдателям отказали в копии протокола",
                     "бақылаушыларға хаттама көшірмесі берілмеді")),
    Metric("tabulation.assessment_negative", "tabulation", "share_negative_assessment",
           "assessment",
           phrase=_p("Tabulation was assessed negatively",
                     "сведение результатов было оценено отрицательно",
                     "нәтижелерді жинақтау теріс бағаланды")),
    Metric("tabulation.not_transparent", "tabulation", "n_of_m", "transparent", values=("no",),
           phrase=_p("Tabulation was not transparent", "сведение результатов не было прозрачным",
                     "нәтижелерді жинақтау ашық болмады")),
    _incident("tabulation", "observers_restricted", *_RESTRICTED),
    # totals count protocols: printed as a count in the DECs observed, never as a share of them
    Metric("tabulation.protocols_completed_at_dec", "tabulation", "total",
           "protocols_completed_at_dec", unit="protocols", per="place", style="count",
           phrase=_p("PEC protocols completed on DEC premises",
                     "протоколов УИК, заполненных в помещениях ОИК",
                     "ОСК үй-жайларында толтырылған УСК хаттамаларының")),
    Metric("tabulation.protocols_corrected_without_decision", "tabulation", "total",
           "protocols_corrected_without_decision", unit="protocols", per="place", style="count",
           phrase=_p("PEC protocols corrected without a formal DEC decision",
                     "протоколов УИК, исправленных без официального решения ОИК",
                     "ОСК-ның ресми шешімінсіз түзетілген УСК хаттамаларының")),
)

METRICS_BY_ID: dict[str, Metric] = {m.id: m for m in BUILTIN_METRICS}
