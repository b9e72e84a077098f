"""Build the register's two field-audit forms (XLSForm workbooks).

Writes ``src/saylau/registry/forms/register_list_to_people.xlsx`` and
``register_people_to_list.xlsx`` from the tables below, the three languages
side by side (English, Russian, Kazakh). Plain XLSForm only (survey, choices
and settings sheets; text, integer, date and select_one questions; a regex
constraint), so that any XLSForm reader, pyxform's included, takes them.
The workbooks are committed; run this again after editing a table:

    .venv/bin/python tools/registry_forms.py
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

OUT = Path(__file__).resolve().parent.parent / "src" / "saylau" / "registry" / "forms"
LANGS = ("English (en)", "Русский (ru)", "Қазақша (kk)")
VERSION = "2026120601"

STATION = ("text", "station_code", "yes", ("Polling station number", "Номер избирательного участка",
                                          "Сайлау учаскесінің нөмірі"), "", ("", "", ""))
IIN_RULE = "regex(., '^[0-9]{12}$')"
IIN_MSG = ("12 digits", "12 цифр", "12 цифр")

FORMS = {
    "register_list_to_people": {
        "title": "Voter list check at the address",
        "survey": [
            STATION,
            ("text", "voter_id", "yes", ("Voter's number on the sample sheet", "Номер избирателя в листе выборки",
                                         "Іріктеме парағындағы сайлаушының нөмірі"), "", ("", "", "")),
            ("select_one l2p_outcome", "outcome", "yes", ("What did you find at the address?",
                                                           "Что вы выяснили по адресу?",
                                                           "Мекенжайда не анықталды?"), "", ("", "", "")),
            ("text", "comment", "no", ("Comment", "Комментарий", "Түсініктеме"), "", ("", "", "")),
        ],
        "choices": [
            ("l2p_outcome", "found", ("The voter lives at this address", "Избиратель проживает по этому адресу",
                                      "Сайлаушы осы мекенжайда тұрады")),
            ("l2p_outcome", "unknown_at_address", ("Unknown at this address", "По этому адресу неизвестен",
                                                   "Осы мекенжайда белгісіз")),
            ("l2p_outcome", "deceased", ("Has died", "Умер", "Қайтыс болған")),
        ],
    },
    "register_people_to_list": {
        "title": "Adults met in the field, looked up in the voter list",
        "survey": [
            STATION,
            ("integer", "interview", "yes", ("Interview number", "Номер опроса", "Сұхбат нөмірі"),
             ". >= 1", ("1 or more", "Не меньше 1", "1-ден кем емес")),
            ("text", "surname", "yes", ("Surname", "Фамилия", "Тегі"), "", ("", "", "")),
            ("text", "given_name", "yes", ("Given name", "Имя", "Аты"), "", ("", "", "")),
            ("text", "patronymic", "no", ("Patronymic", "Отчество", "Әкесінің аты"), "", ("", "", "")),
            ("date", "birth_date", "yes", ("Date of birth", "Дата рождения", "Туған күні"), "", ("", "", "")),
            ("text", "iin", "no", ("IIN, if the person shows it", "ИИН, если человек его показал",
                                   "ЖСН, егер адам көрсетсе"), IIN_RULE, IIN_MSG),
        ],
        "choices": [],
    },
}


def workbook(form_id: str, spec: dict) -> Workbook:
    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "required", *(f"label::{lang}" for lang in LANGS), "constraint",
                   *(f"constraint_message::{lang}" for lang in LANGS)])
    for kind, name, required, labels, constraint, messages in spec["survey"]:
        survey.append([kind, name, required, *labels, constraint or None, *(m or None for m in messages)])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", *(f"label::{lang}" for lang in LANGS)])
    for list_name, name, labels in spec["choices"]:
        choices.append([list_name, name, *labels])
    settings = wb.create_sheet("settings")
    settings.append(["form_id", "form_title", "version", "default_language"])
    settings.append([form_id, spec["title"], VERSION, LANGS[0]])
    return wb


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for form_id, spec in FORMS.items():
        path = OUT / f"{form_id}.xlsx"
        workbook(form_id, spec).save(path)
        print(path)  # noqa: T201


if __name__ == "__main__":
    main()
