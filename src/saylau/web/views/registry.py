"""Register audit pages: the dashboard (aggregates only: growth by region,
duplicates by region, flags, the review queue's size) for coordinators and
up, and the clerical review queue (both records side by side with the match
weight's parts; personal data) for analysts and administrators.

Words in English, Russian and Kazakh from :data:`TEXT` and the registry's
labels; writes through ``saylau.registry.services`` only.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from saylau.core.actors import Actor
from saylau.core.wording import format_int, percent
from saylau.geography.selectors import region_names
from saylau.registry import selectors, services
from saylau.registry.core import labels
from saylau.registry.models import CandidatePair
from saylau.web import analysis as web_analysis
from saylau.web.roles import Role, role_required

TEXT: dict[str, labels.Label] = {
    "title": ("Voter register audit", "Аудит списков избирателей", "Сайлаушылар тізімінің аудиті"),
    "none": ("No register audit yet: run `saylau register audit`.",
             "Аудит списков ещё не проводился: выполните `saylau register audit`.",
             "Тізім аудиті әлі жүргізілмеген: `saylau register audit` орындаңыз."),
    "snapshot": ("Snapshot", "Срез", "Кесінді"),
    "voters": ("Voters", "Избиратели", "Сайлаушылар"),
    "finding": ("Finding", "Вывод", "Тұжырым"),
    "share": ("Share", "Доля", "Үлесі"),
    "interval": ("95% interval", "95-процентный интервал", "95 пайыздық аралық"),
    "of": ("of", "из", "ішінен"),
    "region": ("Region", "Область", "Облыс"),
    "district": ("District", "Округ", "Округ"),
    "before": ("Before", "До", "Бұрын"),
    "now": ("Now", "Сейчас", "Қазір"),
    "growth": ("Growth by region", "Рост по областям", "Облыстар бойынша өсім"),
    "duplicates": ("Duplicate pairs by region", "Пары дубликатов по областям", "Облыстар бойынша қайталанған жұптар"),
    "flags": ("Flags", "Отметки", "Белгілер"),
    "count": ("Count", "Количество", "Саны"),
    "queue": ("Clerical review queue", "Очередь ручной проверки", "Қолмен тексеру кезегі"),
    "queue_size": ("{n} pair(s) await review.", "Ожидают проверки пар: {n}.", "Тексеруді күтетін жұптар: {n}."),
    "weight": ("Match weight", "Вес совпадения", "Сәйкестік салмағы"),
    "probability": ("Probability", "Вероятность", "Ықтималдық"),
    "parts": ("Parts of the weight", "Составляющие веса", "Салмақтың құрамдас бөліктері"),
    "same": ("The same person", "Одно и то же лицо", "Бір адам"),
    "different": ("Not the same person", "Разные лица", "Әртүрлі адамдар"),
    "reason": ("Reason", "Основание", "Негіздеме"),
    "note": ("Note", "Примечание", "Ескертпе"),
    "decided": ("Decision recorded.", "Решение записано.", "Шешім жазылды."),
    "missing": ("(record not in the snapshot)", "(записи нет в срезе)", "(жазба кесіндіде жоқ)"),
    "field": ("Field", "Поле", "Өріс"),
    "outlier": ("outlier", "выброс", "ауытқу"),
    "aggregates": ("Aggregates only: no voter's record is shown on this page.",
                   "Только сводные данные: записи избирателей на этой странице не показываются.",
                   "Тек жиынтық деректер: бұл бетте сайлаушылардың жазбалары көрсетілмейді."),
}
FINDINGS: dict[str, labels.Label] = {
    "duplicate_records": ("Records in a duplicate pair", "Записи в парах дубликатов", "Қайталанған жұптардағы жазбалар"),
    "duplicate_pairs": ("Duplicate pairs", "Пары дубликатов", "Қайталанған жұптар"),
    "review_pairs": ("Pairs for clerical review", "Пары для ручной проверки", "Қолмен тексерілетін жұптар"),
    "special_on_home": labels.FLAG_KIND["special_on_home"],
    "implausible": ("Implausible records", "Неправдоподобные записи", "Ақиқатқа жанаспайтын жазбалар"),
    "deceased": labels.FLAG_KIND["deceased"],
    "growth_outliers": ("Districts whose growth is an outlier", "Округа с аномальным ростом",
                        "Өсімі ауытқыған округтер"),
    "growth": ("Growth since the previous snapshot", "Рост с предыдущего среза", "Алдыңғы кесіндіден бергі өсім"),
    "over_population": labels.FLAG_KIND["over_population"],
    "field_l2p_unknown_at_address": ("Field audit, list to people: unknown at the address",
                                     "Проверка списка по адресам: неизвестен по адресу",
                                     "Тізімді мекенжай бойынша тексеру: мекенжайда белгісіз"),
    "field_l2p_deceased": ("Field audit, list to people: has died", "Проверка списка по адресам: умер",
                           "Тізімді мекенжай бойынша тексеру: қайтыс болған"),
    "field_l2p_any": ("Field audit, list to people: entries in error", "Проверка списка по адресам: ошибочные записи",
                      "Тізімді мекенжай бойынша тексеру: қате жазбалар"),
    "field_p2l_not_listed": ("Field audit, people to list: not on the list",
                             "Проверка жителей по списку: нет в списке",
                             "Тұрғындарды тізім бойынша тексеру: тізімде жоқ"),
    "field_p2l_listed_elsewhere": ("Field audit, people to list: listed at another station",
                                   "Проверка жителей по списку: в списке другого участка",
                                   "Тұрғындарды тізім бойынша тексеру: басқа учаске тізімінде"),
    "field_p2l_any": ("Field audit, people to list: not on this station's list",
                      "Проверка жителей по списку: нет в списке этого участка",
                      "Тұрғындарды тізім бойынша тексеру: осы учаске тізімінде жоқ"),
}
FIELDS = ("voter_id", "iin", "surname", "given_name", "patronymic", "sex", "birth_date", "address", "station",
          "date_added")


def _lang() -> str:
    return (get_language() or "en")[:2]


def _words(lang: str) -> dict[str, str]:
    return {k: labels.pick(v, lang) for k, v in TEXT.items()}


def _election(request: HttpRequest):
    election = web_analysis.current_election(request.GET.get("election") or request.POST.get("election"))
    if election is None:
        raise Http404(labels.pick(("No election has been loaded yet.", "Выборы ещё не загружены.",
                                   "Сайлау әлі жүктелмеген."), _lang()))
    return election


def _run(election):
    run = selectors.latest_run(election)
    return run


@role_required(Role.COORDINATOR)
def dashboard(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    lang = _lang()
    run = _run(election)
    context = {"election": election, "election_name": election.name(lang), "t": _words(lang), "run": run}
    if run is not None:
        findings = []
        for key, f in run.findings.items():
            findings.append({"label": labels.pick(FINDINGS.get(key, (key, key, key)), lang),
                             "n": format_int(f["numerator"], lang), "d": format_int(f["denominator"], lang),
                             "percent": percent(100 * f["numerator"] / f["denominator"], lang, 2) if f["denominator"] else "",
                             "interval": (f"{percent(100 * f['low'], lang, 1)} – {percent(100 * f['high'], lang, 1)}"
                                          if f.get("low") is not None else ""),
                             "unit": f["unit"]})
        names = region_names(election, lang)  # regions by their names, not their codes
        growth = selectors.growth_by_region(run)
        duplicates = selectors.duplicates_by_region(run)
        for row in growth + duplicates:
            row["region"] = names.get(row["region_code"], row["region_code"])
            for key in ("before", "now", "duplicate_pairs", "voters"):  # in the language's style
                if isinstance(row.get(key), int):
                    row[key] = format_int(row[key], lang)
        flags = [{"label": labels.pick(labels.FLAG_KIND.get(k, (k, k, k)), lang), "n": format_int(n, lang)}
                 for k, n in sorted(selectors.flag_counts(run).items())]
        peak = max([abs(g["growth"]) for g in growth] + [1e-9])
        for g in growth:
            g["bar"] = round(100 * abs(g["growth"]) / peak)
            g["growth_text"] = percent(100 * g["growth"], lang, 2)
        context.update(findings=findings, growth=growth, duplicates=duplicates, flags=flags,
                       queue_size=labels.pick(TEXT["queue_size"], lang).format(n=format_int(run.review, lang)))
    return render(request, "web/registry/dashboard.html", context)


@role_required(Role.ANALYST)
def queue(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    lang = _lang()
    run = _run(election)
    t = _words(lang)
    items = []
    if run is not None:
        for pair in selectors.review_queue(run)[:50]:
            left, right = selectors.pair_records(pair, settings.DATA_DIR)
            rows = [{"field": f, "l": (left or {}).get(f, ""), "r": (right or {}).get(f, ""),
                     "same": (left or {}).get(f) == (right or {}).get(f)} for f in FIELDS]
            items.append({"pair": pair, "rows": rows, "missing": left is None or right is None,
                          "weight": f"{pair.weight_e3 / 1000:.2f}",
                          "probability": percent(pair.probability_e6 / 1e6, lang, 1),
                          "parts": [(k, f"{v / 1000:+.2f}") for k, v in pair.parts.items()]})
    reasons = [(code, labels.pick(label, lang)) for code, label in labels.DECISION_REASON.items()]
    return render(request, "web/registry/queue.html", {
        "election": election, "election_name": election.name(lang), "t": t, "run": run, "items": items,
        "reasons": reasons})


@require_POST
@role_required(Role.ANALYST)
def decide(request: HttpRequest, pair_id: int) -> HttpResponse:
    election = _election(request)
    pair = get_object_or_404(CandidatePair, pk=pair_id, run__election=election)
    same = request.POST.get("decision") == "same"
    try:
        services.decide_pair(actor=Actor.from_user(request.user), pair=pair, same_person=same,
                             reason=request.POST.get("reason", ""), note=request.POST.get("note", ""))
        messages.success(request, labels.pick(TEXT["decided"], _lang()))
    except services.RegisterError as error:
        messages.error(request, str(error))
    return redirect(reverse("web:registry-queue") + f"?election={election.slug}")
