"""The forensics report's wording in English, Russian and Kazakh, and numbers
in each language's style (en 1,234.5; ru and kk 1 234,5 with a no-break
space). Pure code: the HTML report reads it, nothing else.

Test names (2BL, LastC, C05s, ...), parameter symbols (f_i, f_e, α, θ), file
formats and the names in the data (candidates, units) stay as they are.
"""

from __future__ import annotations

import math

LANGS = ("en", "ru", "kk")

# key: (English, Russian, Kazakh); ``{name}`` fields are filled by ``text``
TEXT: dict[str, tuple[str, str, str]] = {
    "title": ("Election forensics", "Статистический анализ результатов выборов",
              "Сайлау нәтижелерін статистикалық талдау"),
    "summary": ("{stations} stations analysed; turnout {turnout}%, {winner} {share}% (sums over "
                "all readable rows). Seed {seed}. {problems} problem(s) in the input.",
                "Проанализировано участков: {stations}; явка {turnout}%, {winner} {share}% "
                "(суммы по всем прочитанным строкам). Зерно генератора: {seed}. Проблем во "
                "входных данных: {problems}.",
                "Талданған учаскелер: {stations}; қатысу {turnout}%, {winner} {share}% (оқылған "
                "барлық жолдардың қосындысы). Кездейсоқ сандар тұқымы: {seed}. Кіріс "
                "деректердегі ақаулар: {problems}."),
    "fingerprint": ("Fingerprint", "Отпечаток выборов", "Сайлаудың саусақ ізі"),
    "logodds": ("Excess kurtosis of the log-odds of the winner's share: {k} ({n} stations).",
                "Избыточный эксцесс логита доли победителя: {k} (участков: {n}).",
                "Жеңімпаз үлесі логитінің артық эксцессі: {k} (учаскелер: {n})."),
    "klimek": ("Klimek fraud model", "Модель фальсификаций Климека",
               "Климектің бұрмалау моделі"),
    "parameter": ("parameter", "параметр", "параметр"),
    "mean_repeats": ("mean over repeats", "среднее по повторам", "қайталаулар бойынша орташа"),
    "sd": ("sd", "ст. откл.", "стандартты ауытқу"),
    "f_i": ("f_i (incremental)", "f_i (постепенные)", "f_i (біртіндеп)"),
    "f_e": ("f_e (extreme)", "f_e (экстремальные)", "f_e (шекті)"),
    "integer": ("Integer percentages", "Целые проценты", "Бүтін пайыздар"),
    "integer_intro": ("{n} stations, {r} binomial null replicates.",
                      "Участков: {n}; повторов биномиальной нулевой модели: {r}.",
                      "Учаскелер: {n}; биномдық нөлдік модельдің қайталаулары: {r}."),
    "quantity": ("quantity", "величина", "шама"),
    "observed": ("observed", "наблюдаемое", "байқалған"),
    "null_mean": ("null mean", "среднее при нулевой модели", "нөлдік модельдің орташасы"),
    "null_sd": ("null sd", "ст. откл. при нулевой модели", "нөлдік модельдің ауытқуы"),
    "excess": ("excess", "избыток", "артықшылық"),
    "p_value": ("p-value", "p-значение", "p-мәні"),
    "turnout": ("turnout", "явка", "қатысу"),
    "share": ("share", "доля", "үлес"),
    "winner share": ("winner share", "доля победителя", "жеңімпаз үлесі"),
    "either": ("either", "любое из двух", "екеуінің бірі"),
    "anomaly": ("anomaly", "аномалия", "ауытқу"),
    "shpilkin": ("Shpilkin excess votes", "Избыточные голоса по Шпилькину",
                 "Шпилькин бойынша артық дауыстар"),
    "peak": ("clean peak turnout %", "явка чистого пика, %", "таза шыңдағы қатысу, %"),
    "clean_share": ("clean share %", "чистая доля, %", "таза үлес, %"),
    "excess_votes": ("excess votes", "избыточные голоса", "артық дауыстар"),
    "official_share": ("official share %", "официальная доля, %", "ресми үлес, %"),
    "corrected_share": ("corrected share %", "исправленная доля, %", "түзетілген үлес, %"),
    "registered_by_turnout": ("Registered voters by turnout",
                              "Зарегистрированные избиратели по явке",
                              "Тіркелген сайлаушылар қатысу бойынша"),
    "turnout_pct": ("turnout, %", "явка, %", "қатысу, %"),
    "share_pct": ("winner's share, %", "доля победителя, %", "жеңімпаз үлесі, %"),
    "stations": ("stations", "участки", "учаскелер"),
    "basic": ("Basic tests (Kalinin-Mebane)", "Базовые тесты (Калинин и Мебейн)",
              "Негізгі тесттер (Калинин мен Мебейн)"),
    "test": ("test", "тест", "тест"),
    "what": ("what", "что измеряется", "не өлшенеді"),
    "value": ("value", "значение", "мәні"),
    "low": ("{level}% low", "нижняя граница {level}%", "{level}% төменгі шегі"),
    "high": ("{level}% high", "верхняя граница {level}%", "{level}% жоғарғы шегі"),
    "null": ("null", "нулевое значение", "нөлдік мәні"),
    "significant": ("significant", "значимо", "маңызды"),
    "yes": ("yes", "да", "иә"),
    "no": ("no", "нет", "жоқ"),
    "unit_basic": ("Basic tests per unit, on turnout and every candidate",
                   "Базовые тесты по единицам, для явки и каждого кандидата",
                   "Бірліктер бойынша негізгі тесттер, қатысу мен әр кандидат үшін"),
    "unit_basic_intro": (
        "Definitions: <b>{name}</b> (LastC and C05s on counts &ge; {m}; {kurt} kurtosis; "
        "Sobyanin-Sukhovolsky as {sob}; {interval} bootstrap intervals at {level}% from {reps} "
        "replicates; DipT {dip}). Each unit has a row of values and a row of intervals, as in "
        "EFToolkit; <span class='yes'>red</span>: the interval excludes the null (dip: p &lt; "
        "{alpha}). The same tables are written as CSV beside this page.",
        "Определения: <b>{name}</b> (LastC и C05s по числам &ge; {m}; эксцесс: {kurt}; "
        "Собянин-Суховольский: {sob}; бутстреп-интервалы ({interval}) на уровне {level}% по "
        "{reps} повторам; DipT: {dip}). У каждой единицы строка значений и строка "
        "интервалов, как в EFToolkit; <span class='yes'>красным</span>: интервал не содержит "
        "нулевого значения (dip: p &lt; {alpha}). Те же таблицы записаны в CSV рядом с этой "
        "страницей.",
        "Анықтамалар: <b>{name}</b> (LastC және C05s &ge; {m} сандары бойынша; эксцесс: "
        "{kurt}; Собянин-Суховольский: {sob}; {level}% деңгейіндегі бутстреп аралықтары "
        "({interval}), қайталаулар: {reps}; DipT: {dip}). Әр бірліктің мәндер жолы мен "
        "аралықтар жолы бар, EFToolkit кестесіндегідей; <span class='yes'>қызыл</span>: "
        "аралық нөлдік мәнді қамтымайды (dip: p &lt; {alpha}). Осы кестелер осы беттің "
        "жанына CSV файлдары ретінде жазылған."),
    "kurt_excess": ("excess", "избыточный", "артық"),
    "kurt_raw": ("raw (normal 3)", "полный (нормальное 3)", "толық (қалыпты 3)"),
    "sob_slope": ("the slope of votes/registered on turnout",
                  "наклон голосов на избирателя по явке",
                  "дауыс пен сайлаушы қатынасының қатысу бойынша еңісі"),
    "sob_eftoolkit": ("EFToolkit: slope of share on turnout minus mean share",
                      "как в EFToolkit: наклон доли по явке минус средняя доля",
                      "EFToolkit бойынша: үлестің қатысу бойынша еңісі минус орташа үлес"),
    "interval_percentile": ("percentile", "процентильные", "процентильдік"),
    "interval_basic": ("basic (EFToolkit)", "базовые, как в EFToolkit",
                       "негізгі, EFToolkit бойынша"),
    "dip_p": ("is the p-value", "p-значение", "p-мәні"),
    "dip_stat": ("is the dip statistic, its p-value beside it",
                 "статистика провала, p-значение рядом",
                 "ойыс статистикасы, p-мәні қасында"),
    "dip_description": ("Hartigan's dip statistic of turnout (p-value from diptest)",
                        "статистика провала Хартигана для явки (p-значение по diptest)",
                        "Хартиганның қатысу бойынша ойыс статистикасы (p-мәні diptest бойынша)"),
    "unit": ("unit", "единица", "бірлік"),
    "Turnout": ("Turnout", "Явка", "Қатысу"),
    "National": ("National", "Вся страна", "Бүкіл ел"),
    "rozenas": ("Coarse fractions (Rozenas RKD)", "Простые дроби (тест Розенаса RKD)",
                "Қарапайым бөлшектер (Розенастың RKD тесті)"),
    "fractions": ("Fractions", "Дроби", "Бөлшектер"),
    "envelope": ("95% envelope", "95% коридор", "95% дәлізі"),
    "by_unit": ("By {unit}", "По единицам: {unit}", "Бірліктер бойынша: {unit}"),
    "turnout_col": ("turnout %", "явка, %", "қатысу, %"),
    "share_col": ("share %", "доля, %", "үлес, %"),
    "integer_obs": ("integer obs", "целых набл.", "бүтін, байқалған"),
    "integer_exp": ("integer exp", "целых ожид.", "бүтін, күтілген"),
    "excess_pp": ("excess pp", "избыток, п. п.", "артықшылық, п. т."),
    "corr": ("corr", "корр.", "корр."),
    "mixture": ("Finite mixture model (Mebane-Egami)",
                "Модель конечной смеси (Мебейн и Эгами)",
                "Шекті қоспа моделі (Мебейн мен Эгами)"),
    "mixture_intro": (
        "{n} stations ({fitted} in the fit); maximum likelihood {state} after {it} iterations; "
        "{b} bootstrap refits give the {level}% intervals. Likelihood ratio against no fraud: "
        "{lr}; expected stations with fraud: {fs}.",
        "Участков: {n} (в оценке: {fitted}); максимум правдоподобия {state}, итераций: {it}; "
        "{b} бутстреп-повторов дают {level}% интервалы. Отношение правдоподобия против "
        "модели без фальсификаций: {lr}; ожидаемое число участков с фальсификациями: {fs}.",
        "Учаскелер: {n} (бағалауда: {fitted}); шындыққа ұқсастық максимумы {state}, "
        "итерациялар: {it}; {b} бутстреп қайталауы {level}% аралықтарын береді. "
        "Бұрмалаусыз модельмен шындыққа ұқсастық қатынасы: {lr}; бұрмалауы бар "
        "учаскелердің күтілетін саны: {fs}."),
    "converged": ("reached", "достигнут", "табылды"),
    "stopped": ("not reached", "не достигнут", "табылмады"),
    "f_i_long": ("f_i (incremental fraud)", "f_i (постепенные фальсификации)",
                 "f_i (біртіндеп бұрмалау)"),
    "f_e_long": ("f_e (extreme fraud)", "f_e (экстремальные фальсификации)",
                 "f_e (шекті бұрмалау)"),
    "mu_t": ("honest turnout mean", "средняя честная явка", "адал қатысудың орташасы"),
    "sigma_t": ("honest turnout sd", "ст. откл. честной явки", "адал қатысудың ауытқуы"),
    "mu_v": ("honest share mean", "средняя честная доля", "адал үлестің орташасы"),
    "sigma_v": ("honest share sd", "ст. откл. честной доли", "адал үлестің ауытқуы"),
    "theta": ("θ (incremental magnitude)", "θ (величина постепенных)",
              "θ (біртіндеп бұрмалау шамасы)"),
    "alpha": ("α (stealing exponent)", "α (показатель перетока голосов)",
              "α (дауыс ұрлау дәрежесі)"),
    "estimate": ("estimate", "оценка", "бағалау"),
    "interval": ("interval", "интервал", "аралық"),
    "spatial": ("Spatial clustering by {level}", "Пространственная кластеризация: {level}",
                "Кеңістіктік кластерлеу: {level}"),
    "spatial_intro": (
        "{n} places; neighbours: {nb}, row-standardised; {perm} permutations. Anomaly = share "
        "of a place's stations on the list of stations to look at.",
        "Мест: {n}; соседи: {nb}, веса нормированы по строкам; перестановок: {perm}. Аномалия "
        "— доля участков места в списке участков для проверки.",
        "Орындар: {n}; көршілер: {nb}, салмақтар жол бойынша нормаланған; ауыстырулар: {perm}. "
        "Ауытқу — орынның тексерілетін учаскелер тізіміндегі учаскелерінің үлесі."),
    "islands": ("Left out without a neighbour: {x}.", "Исключены, так как без соседей: {x}.",
                "Көршісі жоқ болғандықтан алынып тасталды: {x}."),
    "knn": ("{k} nearest", "{k} ближайших", "ең жақын {k}"),
    "adjacency": ("adjacency list", "список смежности", "көршілер тізімі"),
    "variable": ("variable", "переменная", "айнымалы"),
    "moran": ("Moran's I", "I Морана", "Моран I"),
    "expected": ("expected", "ожидаемое", "күтілгені"),
    "p_perm": ("p (perm.)", "p (перест.)", "p (ауыст.)"),
    "hot_spots": ("hot spots", "горячие точки", "ыстық нүктелер"),
    "cold_spots": ("cold spots", "холодные точки", "суық нүктелер"),
    "map_of": ("map of {x}", "карта: {x}", "карта: {x}"),
    "spots": ("Hot and cold spots (local Getis-Ord G*)",
              "Горячие и холодные точки (локальная G* Гетиса-Орда)",
              "Ыстық және суық нүктелер (Гетис пен Ордтың жергілікті G*)"),
    "place": ("place", "место", "орын"),
    "spot": ("spot", "тип", "түрі"),
    "hot": ("hot", "горячая", "ыстық"),
    "cold": ("cold", "холодная", "суық"),
    "extremes": ("Stations at 100%", "Участки со 100%", "100% учаскелер"),
    "extremes_intro": ("Of {n} stations; shares are of {den}.",
                       "Из {n} участков; доли — от {den}.",
                       "Барлығы {n} учаске; үлестер {den} бойынша есептелген."),
    "den_valid": ("valid ballots", "действительных бюллетеней", "жарамды бюллетеньдер"),
    "den_received": ("valid + invalid ballots", "действительных и недействительных бюллетеней",
                     "жарамды және жарамсыз бюллетеньдер"),
    "what_col": ("what", "что", "не"),
    "turnout_100": ("turnout exactly 100%", "явка ровно 100%", "қатысу дәл 100%"),
    "turnout_above": ("turnout above 100% (left out of the other tests)",
                      "явка выше 100% (исключены из других тестов)",
                      "қатысу 100%-дан жоғары (басқа тесттерге кірмейді)"),
    "turnout_at_above": ("turnout at or above 100%", "явка 100% и выше",
                         "қатысу 100% және одан жоғары"),
    "their_registered": ("their registered voters", "их зарегистрированные избиратели",
                         "олардың тіркелген сайлаушылары"),
    "their_given": ("their ballots issued", "выданные там бюллетени",
                    "оларда берілген бюллетеньдер"),
    "one_candidate": ("one candidate with all {den}", "у одного кандидата все голоса ({den})",
                      "бір кандидатта барлық дауыс ({den})"),
    "both": ("both at once", "оба сразу", "екеуі бірге"),
    "first_of": ("The first {k} of {n} by source row; the JSON report lists them all.",
                 "Первые {k} из {n} по строке источника; в JSON-отчёте — все.",
                 "Бастапқы жол реті бойынша {n} ішінен алғашқы {k}; JSON есебінде барлығы бар."),
    "row": ("row", "строка", "жол"),
    "station": ("station", "участок", "учаске"),
    "registered": ("registered", "зарег.", "тіркелген"),
    "issued": ("issued", "выдано", "берілген"),
    "valid": ("valid", "действ.", "жарамды"),
    "invalid": ("invalid", "недейств.", "жарамсыз"),
    "why": ("why", "причина", "себебі"),
    "look": ("Stations to look at", "Участки для проверки", "Тексерілетін учаскелер"),
    "look_intro": ("{n} station(s) with at least one reason, most suspicious first",
                   "Участков хотя бы с одной причиной: {n}, самые подозрительные первыми",
                   "Кемінде бір себебі бар учаскелер: {n}, ең күдіктілері алдымен"),
    "look_pages": ("; {k} pages of {page}: ", "; страниц по {page}: {k}: ",
                   "; әр бетте {page}, беттер саны {k}: "),
    "look_json": (". The JSON report holds the whole list.", ". Полный список — в JSON-отчёте.",
                  ". Толық тізім JSON есебінде."),
    "reasons": ("reasons", "причины", "себептер"),
    "report": ("report", "отчёт", "есеп"),
    "pages": ("pages", "страницы", "беттер"),
    "page_title": ("stations {a}–{b}", "участки {a}–{b}", "учаскелер {a}–{b}"),
    "page_heading": ("Stations to look at, {a}–{b} of {n}", "Участки для проверки: {a}–{b} из {n}",
                     "Тексерілетін учаскелер: {n} ішінен {a}–{b}"),
    "problems": ("Input problems", "Проблемы во входных данных", "Кіріс деректердегі ақаулар"),
    "column": ("column", "столбец", "баған"),
    "expected_col": ("expected", "ожидалось", "күтілгені"),
}

# the basic tests, by name (their English text is the one the results carry)
TESTS: dict[str, tuple[str, str, str]] = {
    "2BL": ("mean second digit of the winner's counts >= 10",
            "среднее второй цифры голосов победителя (числа ≥ 10)",
            "жеңімпаз дауыстарының екінші цифрының орташасы (≥ 10 сандар)"),
    "LastC": ("mean last digit of the winner's counts >= {m}",
              "среднее последней цифры голосов победителя (числа ≥ {m})",
              "жеңімпаз дауыстарының соңғы цифрының орташасы (≥ {m} сандар)"),
    "C05s": ("share of the winner's counts >= {m} ending in 0 or 5",
             "доля голосов победителя (числа ≥ {m}), оканчивающихся на 0 или 5",
             "жеңімпаз дауыстарының 0 не 5 цифрымен аяқталатын үлесі (≥ {m} сандар)"),
    "P05s": ("share of winner percentages (rounded) ending in 0 or 5",
             "доля округлённых процентов победителя, оканчивающихся на 0 или 5",
             "жеңімпаздың дөңгелектенген пайыздарының 0 не 5 цифрымен аяқталатын үлесі"),
    "Skew": ("skewness of the winner's share", "асимметрия доли победителя",
             "жеңімпаз үлесінің асимметриясы"),
    "Kurt": ("excess kurtosis of the winner's share", "избыточный эксцесс доли победителя",
             "жеңімпаз үлесінің артық эксцессі"),
    "Sobyanin": ("Sobyanin-Sukhovolsky slope: winner/registered on turnout",
                 "наклон Собянина-Суховольского: голоса победителя на избирателя по явке",
                 "Собянин-Суховольский еңісі: жеңімпаз дауысы мен сайлаушы қатынасы қатысу "
                 "бойынша"),
    "Corr": ("correlation of turnout and winner's share", "корреляция явки и доли победителя",
             "қатысу мен жеңімпаз үлесінің корреляциясы"),
}

# reasons a station is listed, and the input problems' expectations (as the
# results carry them, in English)
PHRASES: dict[str, tuple[str, str]] = {
    "turnout 100%": ("явка 100%", "қатысу 100%"),
    "turnout above 100%": ("явка выше 100%", "қатысу 100%-дан жоғары"),
    "winner has every ballot": ("у победителя все бюллетени", "барлық бюллетень жеңімпазда"),
    "turnout and winner share both >= 95%": ("явка и доля победителя ≥ 95%",
                                             "қатысу мен жеңімпаз үлесі ≥ 95%"),
    "integer turnout percentage": ("целый процент явки", "қатысудың бүтін пайызы"),
    "integer winner-share percentage": ("целый процент доли победителя",
                                        "жеңімпаз үлесінің бүтін пайызы"),
    "turnout > 4 robust z above unit median": ("явка выше медианы единицы более чем на 4 "
                                               "робастных z",
                                               "қатысу бірлік медианасынан 4 робастық z-тен "
                                               "артық"),
    "excess votes > 25% of ballots": ("избыточные голоса > 25% бюллетеней",
                                      "артық дауыстар бюллетеньдердің 25%-нан көп"),
    "a whole number >= 0": ("целое число ≥ 0", "бүтін сан ≥ 0"),
    "registered voters > 0": ("зарегистрированных избирателей > 0",
                              "тіркелген сайлаушылар > 0"),
    "ballots issued <= registered voters": ("выдано бюллетеней ≤ зарегистрированных",
                                            "берілген бюллетеньдер ≤ тіркелген сайлаушылар"),
    "ballots found in boxes > 0": ("бюллетеней в ящиках > 0", "жәшіктердегі бюллетеньдер > 0"),
    "candidates' votes <= valid ballots": ("голоса кандидатов ≤ действительных бюллетеней",
                                           "кандидаттардың дауыстары ≤ жарамды бюллетеньдер"),
    "valid ballots > 0 (shares are of valid ballots)": (
        "действительных бюллетеней > 0 (доли от действительных)",
        "жарамды бюллетеньдер > 0 (үлестер жарамды бюллетеньдерден)"),
}


def check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


def text(key: str, lang: str, **fields) -> str:
    """The wording ``key`` in ``lang`` with its fields filled in."""
    out = TEXT[key][LANGS.index(lang)]
    return out.format(**fields) if fields else out


def test_text(name: str, lang: str, english: str, m: int) -> str:
    """A basic test's description: the result's own English, else the table's."""
    if lang == "en" or name not in TESTS:
        return english
    return TESTS[name][LANGS.index(lang)].format(m=m)


def phrase(english: str, lang: str) -> str:
    """A reason or an input expectation in ``lang`` (a candidate's "<name> 100%" as it is)."""
    if lang == "en" or english not in PHRASES:
        return english
    return PHRASES[english][LANGS.index(lang) - 1]


_STYLE = {"en": None, "ru": str.maketrans({",": "\u00a0", ".": ","}),
          "kk": str.maketrans({",": "\u00a0", ".": ","})}


def number(x, lang: str = "en", digits: int = 3) -> str:
    """A number in the language's style (grouped by thousands as
    ``saylau.core.wording.numbers.format_int`` does); "–" for none or NaN; no "-0"."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    if isinstance(x, int) or (hasattr(x, "dtype") and x.dtype.kind in "iu"):
        out = f"{int(x):,}"
    else:
        out = f"{float(x):,.{digits}f}"
        if out[0] == "-" and not out.strip("-0.,"):
            out = out[1:]
    style = _STYLE[lang]
    return out if style is None else out.translate(style)
