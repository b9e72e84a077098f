"""Media monitoring pages: the coder's page (stopwatch entry), the supervisor's
disagreements with Krippendorff's alpha, and the dashboard of coverage with its charts.

Page words come in English, Russian and Kazakh from :data:`TEXT` and the media
package's code labels (``saylau.media.core.codes``); writes go through
``saylau.media.services`` only; reads through ``saylau.media.selectors``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from saylau.core.actors import Actor
from saylau.core.tabular import TableError
from saylau.core.wording import format_int
from saylau.geography.models import Candidate, Party
from saylau.media import selectors, services
from saylau.media.core import analysis, codes
from saylau.media.models import Coding
from saylau.web import analysis as web_analysis
from saylau.web.roles import Role, role_required

TEXT: dict[str, codes.Label] = {
    "media": ("Media monitoring", "Мониторинг СМИ", "БАҚ мониторингі"),
    "code": ("Code an item", "Кодирование материала", "Материалды кодтау"),
    "disagreements": ("Coders' disagreements", "Расхождения кодировщиков", "Кодтаушылардың алшақтықтары"),
    "dashboard": ("Coverage", "Освещение", "Көрсетілім"),
    "outlet": ("Outlet", "СМИ", "БАҚ"),
    "date": ("Date", "Дата", "Күні"),
    "time": ("Time it began (the outlet's local time)", "Время начала (местное время СМИ)",
             "Басталған уақыты (БАҚ-тың жергілікті уақыты)"),
    "stopwatch": ("Stopwatch", "Секундомер", "Секундомер"),
    "start": ("Start", "Старт", "Бастау"),
    "stop": ("Stop", "Стоп", "Тоқтату"),
    "reset": ("Reset", "Сброс", "Қайта бастау"),
    "amount": ("Duration (seconds) or size (cm², words)", "Продолжительность (секунды) или объём (см², слова)",
               "Ұзақтығы (секунд) немесе көлемі (см², сөз)"),
    "programme": ("Programme type", "Тип программы", "Бағдарлама түрі"),
    "subject": ("Subject", "Субъект", "Субъект"),
    "candidate": ("Candidate", "Кандидат", "Кандидат"),
    "party": ("Party", "Партия", "Партия"),
    "none": ("(none)", "(нет)", "(жоқ)"),
    "tone": ("Tone", "Тональность", "Реңк"),
    "speech": ("Speech", "Речь", "Сөз"),
    "language": ("Language", "Язык", "Тіл"),
    "title": ("Title or note", "Заголовок или примечание", "Тақырыбы немесе ескертпе"),
    "save": ("Save the coding", "Сохранить кодировку", "Кодтауды сақтау"),
    "required": ("Required.", "Обязательное поле.", "Міндетті өріс."),
    "need_candidate": ("Choose the candidate: the subject is a candidate.",
                       "Выберите кандидата: субъект — кандидат.", "Кандидатты таңдаңыз: субъект – кандидат."),
    "need_party": ("Choose the party: the subject is a party.", "Выберите партию: субъект — партия.",
                   "Партияны таңдаңыз: субъект – партия."),
    "need_blank": ("Leave the candidate and party empty for this subject.",
                   "Для этого субъекта кандидат и партия не указываются.",
                   "Бұл субъект үшін кандидат пен партия көрсетілмейді."),
    "need_amount": ("A whole number of at least 1: use the stopwatch or type it.",
                    "Целое число не меньше 1: воспользуйтесь секундомером или введите его.",
                    "Кемінде 1 бүтін сан: секундомерді қолданыңыз немесе жазыңыз."),
    "bad_time": ("Enter the date and the time the item began.", "Укажите дату и время начала материала.",
                 "Материалдың басталған күні мен уақытын көрсетіңіз."),
    "coded_twice": ("You have already coded this item (same outlet and time).",
                    "Вы уже закодировали этот материал (то же СМИ и время).",
                    "Сіз бұл материалды кодтағансыз (сол БАҚ, сол уақыт)."),
    "saved": ("Saved: item {item}, {which}.", "Сохранено: материал {item}, {which}.",
              "Сақталды: {item} материалы, {which}."),
    "first": ("the coding analysed", "кодировка, используемая в анализе", "талдауға алынатын кодтау"),
    "second": ("a second coding, for reliability", "повторная кодировка для проверки надёжности",
               "сенімділікті тексеруге арналған қайталама кодтау"),
    "mine": ("Your latest codings", "Ваши последние кодировки", "Сіздің соңғы кодтауларыңыз"),
    "item": ("Item", "Материал", "Материал"),
    "coder": ("Coder", "Кодировщик", "Кодтаушы"),
    "final": ("Analysed", "В анализе", "Талдауда"),
    "use": ("Use this coding", "Использовать эту кодировку", "Осы кодтауды қолдану"),
    "settled": ("Item {item}: the coding by {coder} is now the one analysed.",
                "Материал {item}: теперь в анализе кодировка {coder}.",
                "{item} материалы: енді {coder} кодтауы талдауға алынады."),
    "alpha": ("Krippendorff's alpha", "Альфа Криппендорфа", "Криппендорф альфасы"),
    "variable": ("Variable", "Переменная", "Айнымалы"),
    "items2": ("Items coded twice", "Материалы, закодированные дважды", "Екі рет кодталған материалдар"),
    "coders": ("Coders", "Кодировщики", "Кодтаушылар"),
    "undefined": ("not defined yet", "пока не определена", "әлі анықталмаған"),
    "in_dispute": ("In dispute", "Расхождение", "Алшақтық"),
    "no_disagreements": ("No item's coders disagree.", "Расхождений между кодировщиками нет.",
                         "Кодтаушылар арасында алшақтық жоқ."),
    "no_outlets": ("No outlet is monitored yet: import them with `saylau media import --outlets FILE`.",
                   "Контролируемых СМИ пока нет: загрузите их командой `saylau media import --outlets FILE`.",
                   "Бақыланатын БАҚ әлі жоқ: оларды `saylau media import --outlets FILE` командасымен жүктеңіз."),
    "news_share": ("Candidates' shares of news coverage", "Доли кандидатов в новостном освещении",
                   "Жаңалықтардағы кандидаттардың үлесі"),
    "share": ("Share", "Доля", "Үлес"),
    "of": ("of", "из", "ішінен"),
    "pos_neu": ("Positive or neutral", "Позитивно или нейтрально", "Оң немесе бейтарап"),
    "paid_editorial": ("Paid advertising against editorial coverage", "Платная агитация и редакционные материалы",
                       "Ақылы үгіт және редакциялық материалдар"),
    "hours": ("Hours on the broadcasters", "Часы на телеканалах", "Арналардағы сағаттар"),
    "official": ("Official-role coverage outside news", "Освещение в официальной роли вне новостей",
                 "Жаңалықтардан тыс ресми қызметін көрсету"),
    "paid": ("Paid advertising", "Платная агитация", "Ақылы үгіт"),
    "filter": ("Counted: final codings only, one per item. Amounts in each outlet's unit (seconds, cm², words).",
               "Учтены только окончательные кодировки, по одной на материал. Объём — в единицах СМИ "
               "(секунды, см², слова).",
               "Тек соңғы кодтаулар ескерілді, әр материалға біреуден. Көлемі – БАҚ бірлігінде "
               "(секунд, см², сөз)."),
    "charts": ("Charts", "Диаграммы", "Диаграммалар"),
}


def _lang() -> str:
    return (get_language() or "en")[:2]


class Words(dict):
    """TEXT in one language, for templates: ``{{ t.code }}``."""

    def __init__(self, lang: str):
        super().__init__({k: codes.pick(v, lang) for k, v in TEXT.items()})


def _choices(mapping: dict[str, codes.Label], lang: str) -> list[tuple[str, str]]:
    return [(code, codes.pick(label, lang)) for code, label in mapping.items()]


def _election(request: HttpRequest):
    election = web_analysis.current_election(request.GET.get("election") or request.POST.get("election"))
    if election is None:
        raise Http404(codes.pick(("No election has been loaded yet.", "Выборы ещё не загружены.",
                                  "Сайлау әлі жүктелмеген."), _lang()))
    return election


def _page(request, template: str, election, **context) -> HttpResponse:
    lang = _lang()
    return render(request, f"web/media/{template}", {
        "election": election, "election_name": election.name(lang), "t": Words(lang),
        "can_supervise": selectors.can_supervise(request.user), **context})


coder_role = role_required(Role.COORDINATOR)
supervisor_role = role_required(Role.ANALYST)


@coder_role
def code(request: HttpRequest) -> HttpResponse:
    """The coder's page: an item's outlet, time and codes; the stopwatch measures its duration."""
    election = _election(request)
    lang = _lang()
    t = Words(lang)
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip() for k in (
            "outlet", "date", "time", "amount", "programme", "subject", "candidate", "party", "tone", "speech",
            "language", "title")}
        row = {k: values[k] or None for k in ("outlet", "programme", "subject", "party", "tone", "language")}
        row.update(aired_at=f"{values['date']} {values['time']}".strip(), speech=values["speech"],
                   title=values["title"], coder=request.user.get_username())
        for key in ("amount", "candidate"):
            try:
                row[key] = int(values[key]) if values[key] else None
            except ValueError:
                row[key] = values[key]
        try:
            coding = services.code_item(actor=Actor.from_user(request.user), election=election, values=row)
        except TableError as error:
            for e in error.errors:
                field = "time" if e.column == "aired_at" else e.column
                errors.setdefault(field, _field_error(field, e, t))
        else:
            messages.success(request, t["saved"].format(item=coding.item.code,
                                                        which=t["first"] if coding.final else t["second"]))
            url = reverse("web:media-code") + f"?election={election.slug}&outlet={coding.item.outlet.code}"
            return redirect(url)
    else:
        values = {"outlet": request.GET.get("outlet", "")}
    candidates = [(str(c.number), f"{c.number}. {c.name(lang)}")
                  for c in Candidate.objects.filter(election=election).order_by("number")]
    parties = [(p.code, p.name(lang)) for p in Party.objects.filter(election=election).order_by("code")]
    outlets = [(o.code, o.name(lang), o.unit) for o in selectors.outlets(election)]
    return _page(request, "code.html", election, values=values, errors=errors, outlets=outlets,
                 candidates=candidates, parties=parties,
                 programmes=_choices(codes.PROGRAMMES, lang), subjects=_choices(codes.SUBJECTS, lang),
                 tones=_choices(codes.TONES, lang), speech=_choices(codes.SPEECH, lang),
                 languages=_choices(codes.LANGUAGES, lang),
                 mine=selectors.coder_items(election, request.user.get_username(), limit=20))


def _field_error(field: str, error, t: Words) -> str:
    """The coder's page's own words for a cell the service refused (its English detail after)."""
    words = {"amount": t["need_amount"], "time": t["bad_time"], "date": t["bad_time"]}.get(field)
    if field == "candidate":
        words = t["need_blank"] if "blank" in error.expected else t["need_candidate"]
    elif field == "party":
        words = t["need_blank"] if "blank" in error.expected else t["need_party"]
    elif field == "coder":
        words = t["coded_twice"]
    return f"{words or t['required']} ({error.expected}; {error.got!r})"


def _alpha_rows(election, lang: str) -> list[dict]:
    return [{"variable": a.variable, "label": a.label(lang),
             "alpha": "" if a.alpha is None else f"{a.alpha:.3f}" if lang == "en" else f"{a.alpha:.3f}".replace(".", ","),
             "items": format_int(a.items, lang), "coders": a.coders} for a in selectors.alphas(election)]


def _coding_row(c: Coding, lang: str) -> dict:
    subject = codes.pick(codes.SUBJECTS[c.subject], lang)
    if c.candidate_id:
        subject += f": {c.candidate.name(lang)}"
    elif c.party_id:
        subject += f": {c.party.code}"
    return {"id": c.pk, "coder": c.coder, "final": c.final, "subject": subject,
            "programme": codes.pick(codes.PROGRAMMES[c.programme], lang),
            "tone": codes.pick(codes.TONES[c.tone], lang),
            "speech": codes.pick(codes.SPEECH[c.speech], lang) if c.speech else "",
            "language": codes.pick(codes.LANGUAGES[c.language], lang), "amount": format_int(c.amount, lang)}


@supervisor_role
def disagreements(request: HttpRequest) -> HttpResponse:
    """Alpha per variable, and every item whose coders disagree, with the codings side by side."""
    election = _election(request)
    lang = _lang()
    labels = {v: codes.pick(label, lang) for v, label in codes.VARIABLE_LABELS.items()}
    found = [{"item": d["item"], "outlet": d["item"].outlet.name(lang), "local": selectors.local_time(d["item"].aired_at, d["item"].outlet),
              "variables": [labels[v] for v in d["variables"]],
              "codings": [_coding_row(c, lang) for c in d["codings"]]} for d in selectors.disagreements(election)]
    return _page(request, "disagreements.html", election, alphas=_alpha_rows(election, lang), found=found)


@require_POST
@supervisor_role
def settle(request: HttpRequest, coding_id: int) -> HttpResponse:
    coding = get_object_or_404(Coding.objects.select_related("item__outlet__election"), pk=coding_id)
    election = coding.item.outlet.election
    if not selectors.can_supervise(request.user):
        raise PermissionDenied
    try:
        services.settle(actor=Actor.from_user(request.user), coding=coding)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, Words(_lang())["settled"].format(item=coding.item.code, coder=coding.coder))
    return redirect(reverse("web:media-disagreements") + f"?election={election.slug}")


def _share_cells(share: analysis.Share | None, lang: str) -> dict:
    if share is None or not share.denominator:
        return {"percent": "", "n": "", "d": ""}
    return {"percent": f"{share.percent:.1f}" if lang == "en" else f"{share.percent:.1f}".replace(".", ","),
            "n": format_int(share.numerator, lang), "d": format_int(share.denominator, lang)}


def _hours(seconds: int, lang: str) -> str:
    text = f"{analysis.hours(seconds):.2f}"
    return text if lang == "en" else text.replace(".", ",")


@coder_role
def dashboard(request: HttpRequest) -> HttpResponse:
    """Coverage per outlet with every numerator and denominator, alpha, and the statement's charts."""
    election = _election(request)
    lang = _lang()
    report = selectors.report(election)
    outlets = selectors.outlets(election)
    names = {c.number: c.name(lang) for c in Candidate.objects.filter(election=election)}

    def subject(kind: str, ref: str) -> str:
        label = codes.pick(codes.SUBJECTS[kind], lang)
        if ref.isdigit() and int(ref) in names:
            return names[int(ref)] if kind == "candidate" else f"{label}: {names[int(ref)]}"
        return f"{label}: {ref}" if ref else label

    news = []
    for o in outlets:
        rows = []
        for r in report.news.filter(report.news["outlet"] == o.code).iter_rows(named=True):
            tone = analysis.share_sum(report.news_tone, "tone", ["positive", "neutral"], outlet=o.code,
                                      subject_ref=r["subject_ref"])
            rows.append({"subject": subject("candidate", r["subject_ref"]),
                         "share": _share_cells(analysis.Share(r["numerator"], r["denominator"]), lang),
                         "tone": _share_cells(tone, lang)})
        paid = [{"group": codes.pick(codes.PROGRAMME_GROUPS[r["group"]], lang),
                 "share": _share_cells(analysis.Share(r["numerator"], r["denominator"]), lang)}
                for r in report.paid_editorial.filter(report.paid_editorial["outlet"] == o.code).iter_rows(named=True)]
        if rows or paid:
            news.append({"outlet": o, "name": o.name(lang), "unit": codes.pick(codes.UNITS[o.unit], lang),
                         "rows": rows, "paid": paid})
    hours = [{"what": t_, "subject": subject(r["subject_kind"], r["subject_ref"]),
              "tone": codes.pick(codes.TONES[r["tone"]], lang) if "tone" in r else "",
              "hours": _hours(r["numerator"], lang),
              "share": _share_cells(analysis.Share(r["numerator"], r["denominator"]), lang)}
             for t_, frame in ((Words(lang)["paid"], report.paid), (Words(lang)["official"], report.official_tone))
             for r in frame.iter_rows(named=True)]
    charts = [(c, reverse("web:media-chart", args=[c]) + f"?election={election.slug}&lang={lang}")
              for c in ("media_subjects", "media_tone")] if not report.empty else []
    return _page(request, "dashboard.html", election, news=news, hours=hours, alphas=_alpha_rows(election, lang),
                 charts=charts, has_outlets=bool(outlets))


@coder_role
def chart(request: HttpRequest, chart_id: str) -> HttpResponse:
    """A chart of the statement's media section (the statement draws it the same way), as PNG."""
    from saylau.statement.core import charts, labels
    from saylau.statement.core.inputs import StatementInputs
    from saylau.statement.core.media import MediaMonitoring

    if chart_id not in ("media_subjects", "media_tone"):
        raise Http404
    election = _election(request)
    lang = request.GET.get("lang") or _lang()
    if lang not in ("en", "ru", "kk"):
        raise Http404
    report = selectors.report(election)
    if report.empty:
        raise Http404
    candidates = {c.number: tuple((x, c.name(x)) for x in labels.LANGS)
                  for c in Candidate.objects.filter(election=election)}
    monitoring = MediaMonitoring.from_report(
        report, outlets=tuple((o.code, tuple((x, o.name(x)) for x in labels.LANGS))
                              for o in selectors.outlets(election)), candidates=candidates)
    inputs = StatementInputs(election_name=(), mission_name=(), media_monitoring=monitoring)
    return HttpResponse(charts.draw(chart_id, inputs, lang), content_type="image/png")
