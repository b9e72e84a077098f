"""The voter registration section's sentences from the register audit
(issue #16): duplicates, special-station voters still on home lists, deceased
voters, implausible records and growth outliers, each figure with its
numerator and denominator, in English, Russian and Kazakh.

The inputs are the latest audit's findings as ``saylau.registry.selectors.findings``
gives them (key -> numerator, denominator, unit), carried in
``StatementInputs.extra["register_audit"]``.
"""

from __future__ import annotations

from saylau.core.wording import format_int, percent
from saylau.statement.core.model import Figure, Sentence, sentence

_TEXT = {
    "duplicate_pairs": {
        "en": "The mission's audit of the voter register ({records} records) found {n} pairs of records of the "
              "same voter registered twice.",
        "ru": "Аудит списков избирателей, проведённый миссией ({records} записей), выявил {n} пар записей "
              "об одном и том же избирателе, внесённом в списки дважды.",
        "kk": "Миссия жүргізген сайлаушылар тізімінің аудиті ({records} жазба) бір сайлаушы екі рет "
              "енгізілген {n} жазба жұбын анықтады.",
    },
    "special_on_home": {
        "en": "{n} voters on the lists of special polling stations were still on the lists of their home "
              "stations ({share} of the register).",
        "ru": "{n} избирателей, включённых в списки специальных избирательных участков, оставались и в списках "
              "по месту жительства ({share} списка).",
        "kk": "Арнайы сайлау учаскелерінің тізіміне енгізілген {n} сайлаушы тұрғылықты жері бойынша "
              "тізімде де қалды (тізімнің {share}).",
    },
    "deceased": {
        "en": "{n} records matched the list of deceased persons ({share} of the register).",
        "ru": "{n} записей совпали со списком умерших ({share} списка).",
        "kk": "{n} жазба қайтыс болғандар тізімімен сәйкес келді (тізімнің {share}).",
    },
    "implausible": {
        "en": "{n} records were implausible (an age over 110 or under 18, or an IIN that fails its check or "
              "disagrees with the date of birth).",
        "ru": "{n} записей неправдоподобны (возраст старше 110 или моложе 18 лет либо ИИН, не проходящий "
              "проверку или не совпадающий с датой рождения).",
        "kk": "{n} жазба ақиқатқа жанаспайды (жасы 110-нан асқан немесе 18-ге толмаған, не ЖСН тексеруден "
              "өтпейді немесе туған күнмен сәйкес келмейді).",
    },
    "growth_outliers": {
        "en": "The register grew by {growth} between the two snapshots; in {n} of {d} districts the growth was "
              "far above the national rate.",
        "ru": "Между двумя срезами численность избирателей выросла на {growth}; в {n} из {d} округов рост "
              "значительно превышал общенациональный.",
        "kk": "Екі кесінді арасында сайлаушылар саны {growth} өсті; {d} округтің {n} округінде өсім "
              "жалпыұлттық деңгейден едәуір жоғары болды.",
    },
}


def sentences(audit: dict | None, lang: str) -> list[Sentence]:
    if not audit:
        return []
    f = audit["findings"]
    out: list[Sentence] = []
    records = audit["records"]
    rec = Figure("register.records", records, None, "records", format_int(records, lang))
    if "duplicate_pairs" in f:
        d = f["duplicate_pairs"]
        n = Figure("register.duplicate_pairs", d["numerator"], d["denominator"], "records",
                   format_int(d["numerator"], lang))
        out.append(sentence(_TEXT["duplicate_pairs"][lang], n=n, records=rec))
    for key in ("special_on_home", "deceased"):
        if key in f and f[key]["numerator"]:
            d = f[key]
            n = Figure(f"register.{key}", d["numerator"], d["denominator"], "records", format_int(d["numerator"], lang))
            share = Figure(f"register.{key}.share", d["numerator"], d["denominator"], "records",
                           percent(100 * d["numerator"] / d["denominator"], lang, 2))
            out.append(sentence(_TEXT[key][lang], n=n, share=share))
    if "implausible" in f and f["implausible"]["numerator"]:
        d = f["implausible"]
        out.append(sentence(_TEXT["implausible"][lang], n=Figure("register.implausible", d["numerator"],
                                                                 d["denominator"], "records",
                                                                 format_int(d["numerator"], lang))))
    if "growth_outliers" in f and "growth" in f:
        g, o = f["growth"], f["growth_outliers"]
        growth = Figure("register.growth", g["numerator"], g["denominator"], "records",
                        percent(100 * g["numerator"] / g["denominator"], lang, 2))
        out.append(sentence(_TEXT["growth_outliers"][lang], growth=growth,
                            n=Figure("register.growth_outliers", o["numerator"], o["denominator"], "districts",
                                     format_int(o["numerator"], lang)),
                            d=Figure("register.districts", o["denominator"], None, "districts",
                                     format_int(o["denominator"], lang))))
    return out
