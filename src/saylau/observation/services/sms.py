"""Coded SMS: find the observer by phone, parse with :func:`parse_sms` in their
language, and store the answers through the ingestion service."""

from __future__ import annotations

from dataclasses import dataclass

from saylau.core.actors import Actor
from saylau.observation.choices import SubmissionChannel
from saylau.observation.core.sms import parse_sms
from saylau.observation.models import FormDefinition, Observer, Submission
from saylau.observation.services.ingest import SubmissionInput, submit
from saylau.observation.services.mission import normal_phone

_UNKNOWN = "Your number is not registered with the mission. / Ваш номер не зарегистрирован. / Нөміріңіз тіркелмеген."
_OUTSIDE = {"en": "Not accepted: station {place} is outside your team's deployment.",
            "ru": "Не принято: участок {place} не входит в маршрут вашей команды.",
            "kk": "Қабылданбады: {place} учаскесі тобыңыздың маршрутына кірмейді."}

#: the gateway gave a message id already used for a message with other content (see ingest.CONFLICT)
_REUSED = {"en": "Not accepted: this message id was already used for another report. Send the report again "
                 "as a new message.",
           "ru": "Не принято: этот номер сообщения уже использован для другого отчёта. Отправьте отчёт "
                 "новым сообщением.",
           "kk": "Қабылданбады: бұл хабарлама нөмірі басқа есепке қолданылған. Есепті жаңа хабарламамен "
                 "қайта жіберіңіз."}

_FAIL = {"en": "Not accepted: {problems}. Please correct and resend.",
         "ru": "Не принято: {problems}. Исправьте и отправьте снова.",
         "kk": "Қабылданбады: {problems}. Түзетіп, қайта жіберіңіз."}


@dataclass(frozen=True)
class SmsOutcome:
    ok: bool
    reply: str
    submission: Submission | None = None


def receive_sms(*, phone: str, text: str, uuid: str) -> SmsOutcome:
    """Handle one incoming SMS; the reply goes back to the sender in their language."""
    number = normal_phone(phone)
    observer = next((o for o in Observer.objects.select_related("team", "election").exclude(phone="")
                     .filter(phone__endswith=number[-7:]) if normal_phone(o.phone) == number), None) \
        if number else None
    if observer is None:
        return SmsOutcome(False, _UNKNOWN)
    lang = observer.language
    forms = {d.form_id: d.form for d in FormDefinition.objects.filter(election=observer.election, active=True)}
    parsed = parse_sms(text, forms, lang)
    if not parsed.ok:
        return SmsOutcome(False, parsed.reply)
    actor = Actor.from_user(observer.user) if observer.user else Actor(name=f"sms:{observer.code}", kind="user")
    result = submit(actor=actor, election=observer.election, channel=SubmissionChannel.SMS, observer=observer,
                    lang=lang, item=SubmissionInput(uuid=uuid, form=parsed.form_id, answers=parsed.answers, partial=True))
    if result.outcome == "forbidden":
        return SmsOutcome(False, _OUTSIDE.get(lang, _OUTSIDE["en"]).format(place=parsed.place))
    if result.outcome == "conflict":
        return SmsOutcome(False, _REUSED.get(lang, _REUSED["en"]))
    if not result.ok:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in result.errors.items())
        return SmsOutcome(False, _FAIL.get(lang, _FAIL["en"]).format(problems=problems))
    from saylau.ledger.selectors import receipt_code

    code = receipt_code(getattr(result.submission, "receipt", None), lang)
    return SmsOutcome(True, f"{parsed.reply} {code}".strip(), result.submission)
