"""Files sent with a report (photo, audio, video and file questions): which
files the answers name, the size limits, and the refusals in the sender's
language. Pure code: the API view and ingestion call it with what they hold.

An answer to a file-type question is the file's name (what ODK clients put in
the instance); the file itself travels beside the answers (a multipart part
named by that file name). A report is refused, nothing stored, when a file is
over :data:`MAX_FILE` bytes, the files together over :data:`MAX_REPORT`, a
file sent is the answer to no file-type question, or an answer names a file
that was not sent — except where a channel may send a report's files over
several requests (OpenRosa), where a named file not yet sent is awaited.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from saylau.observation.core.xlsform.model import Form

#: question types whose answer is a file name
FILE_TYPES = frozenset({"image", "audio", "video", "file", "background-audio"})
MAX_FILE = 10 * 1024 * 1024
MAX_REPORT = 25 * 1024 * 1024
MAX_NAME = 255  # SubmissionFile.filename
MB = 1024 * 1024

MESSAGES: dict[str, dict[str, str]] = {
    "file_too_large": {
        "en": "the file «{name}» is {size} MB: at most {limit} MB a file",
        "ru": "файл «{name}» занимает {size} МБ: допускается не больше {limit} МБ на файл",
        "kk": "«{name}» файлының көлемі {size} МБ: бір файлға ең көбі {limit} МБ рұқсат етіледі",
    },
    "report_too_large": {
        "en": "the files of this report come to {size} MB: at most {limit} MB a report",
        "ru": "файлы этого отчёта занимают {size} МБ: допускается не больше {limit} МБ на отчёт",
        "kk": "осы есептің файлдары {size} МБ құрайды: бір есепке ең көбі {limit} МБ рұқсат етіледі",
    },
    "not_an_answer": {
        "en": "the file «{name}» was sent but is the answer to no photo, audio, video or file question "
              "of this report",
        "ru": "файл «{name}» отправлен, но не является ответом ни на один вопрос с фото, аудио, видео "
              "или файлом в этом отчёте",
        "kk": "«{name}» файлы жіберілді, бірақ ол осы есептегі фото, аудио, бейне немесе файл "
              "сұрақтарының ешқайсысына жауап емес",
    },
    "no_envelope": {
        "en": "expected the part «submission» holding the report as JSON",
        "ru": "ожидалась часть «submission» с отчётом в формате JSON",
        "kk": "есеп JSON түрінде берілген «submission» бөлігі күтілді",
    },
    "name_too_long": {
        "en": "a file name may have at most {limit} characters; this one has {length}",
        "ru": "имя файла может содержать не больше {limit} символов; в этом {length}",
        "kk": "файл атауында ең көбі {limit} таңба болуы мүмкін; мұнда {length}",
    },
    "missing": {
        "en": "the answer names the file «{name}», which was not sent with the report",
        "ru": "в ответе указан файл «{name}», но он не отправлен вместе с отчётом",
        "kk": "жауапта «{name}» файлы аталған, бірақ ол есеппен бірге жіберілмеді",
    },
}


def message(code: str, lang: str, **values: Any) -> str:
    table = MESSAGES[code]
    return table.get(lang, table["en"]).format(**values)


def megabytes(size: int, lang: str) -> str:
    """``size`` bytes in MB, one decimal, with the language's decimal mark (10.5 / 10,5)."""
    text = f"{size / MB:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang in ("ru", "kk") else text


def file_questions(form: Form) -> frozenset[str]:
    """Names of the form's file-type questions (found once per form object: every
    submission asks)."""
    names = form.__dict__.get("_file_questions")  # kept as functools.cached_property keeps a value
    if names is None:
        names = form.__dict__["_file_questions"] = frozenset(q.name for q in form.survey if q.type in FILE_TYPES)
    return names


def named_files(form: Form, answers: Mapping[str, Any]) -> dict[str, str]:
    """File name -> the question it answers, for every file-type answer in
    ``answers`` (flattened groups; repeats as lists of objects)."""
    names = file_questions(form)
    out: dict[str, str] = {}
    for question, value in _walk(answers):
        if question in names and isinstance(value, str) and value.strip():
            out.setdefault(value.strip(), question)
    return out


def _walk(answers: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in answers.items():
        if isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield from _walk(item)
        elif isinstance(value, Mapping):
            yield from _walk(value)
        else:
            yield key, value


def size_errors(sizes: Mapping[str, int], lang: str = "en") -> dict[str, list[str]]:
    """Refusals for sizes alone (field: the file name; the whole report: ``files``)."""
    errors: dict[str, list[str]] = {}
    for name, size in sizes.items():
        if size > MAX_FILE:
            errors.setdefault(name, []).append(message(
                "file_too_large", lang, name=name, size=megabytes(size, lang), limit=megabytes(MAX_FILE, lang)))
    total = sum(sizes.values())
    if total > MAX_REPORT:
        errors.setdefault("files", []).append(message(
            "report_too_large", lang, size=megabytes(total, lang), limit=megabytes(MAX_REPORT, lang)))
    return errors


def file_errors(form: Form, answers: Mapping[str, Any], sizes: Mapping[str, int],
                lang: str = "en", *, stored: Mapping[str, int] | None = None) -> dict[str, list[str]]:
    """Every refusal of the files ``sizes`` names (file name -> bytes) sent with
    ``answers``; an answer naming a missing file is reported under its question.

    ``stored``: when a report's files may come over several requests (ODK
    Collect splits a submission larger than the server takes in one body), the
    files already stored with it (name -> bytes; empty for the first request).
    They count towards the report's total, and a named file that has not come
    yet is awaited (:func:`awaited_files`), not refused."""
    if not sizes and not file_questions(form):
        return {}
    errors = size_errors(sizes, lang) if stored is None else size_errors({**stored, **sizes}, lang)
    named = named_files(form, answers)
    for name in sizes:
        if len(name) > MAX_NAME:
            errors.setdefault(name, []).append(message("name_too_long", lang, limit=MAX_NAME, length=len(name)))
        elif name not in named:
            errors.setdefault(name, []).append(message("not_an_answer", lang, name=name))
    if stored is None:
        for name, question in named.items():
            if name not in sizes:
                errors.setdefault(question, []).append(message("missing", lang, name=name))
    return errors


def awaited_files(form: Form, answers: Mapping[str, Any], stored: Iterable[str]) -> dict[str, str]:
    """File name -> question for each file the answers name that is not among ``stored``."""
    have = set(stored)
    return {name: question for name, question in named_files(form, answers).items() if name not in have}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
