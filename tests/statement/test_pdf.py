"""The PDF statements: headings, Kazakh letters, official-language note, header, page numbers."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from saylau.statement.core.labels import MISSION_DEFAULT, PAGE, SECTION_IDS, TITLES, pick

KAZAKH_LETTERS = "әғқңөұүі"
NOTE = {"en": "The English version of this statement is the only official document",
        "ru": "Единственным официальным документом является английская версия",
        "kk": "ағылшын тіліндегі нұсқасы ғана ресми құжат"}


def _text(path) -> tuple[str, int]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text), len(reader.pages)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_pdf(pdf_files, lang):
    text, pages = _text(pdf_files[lang])
    assert pages >= 4
    for section in SECTION_IDS:
        assert pick(TITLES[section], lang) in text, section
    assert pick(MISSION_DEFAULT, lang) in text  # running header
    assert f"{PAGE[lang]} 1 / {pages}" in text and f"{PAGE[lang]} {pages} / {pages}" in text
    assert NOTE[lang] in text
    if lang == "kk":
        for letter in KAZAKH_LETTERS:
            assert letter in text, letter
        # whole words, so the letters are not only present but in the right places
        for word in ("Әйелдердің қатысуы", "Сайлаушыларды тіркеу", "Ұлттық азшылықтар",
                     "Нәтижелерді жинақтау", "бақылаушыларға шектеу қойылды"):
            assert word in text, word
        assert "ə" not in text  # no Latin schwa
    if lang == "en":  # the notes are page footnotes with their metric ids
        assert "metric voting.assessment_negative" in text
        assert re.search(r"Unit: polling stations observed; [\d,]+ of [\d,]+; form voting; "
                         r"metric voting\.ballot_stuffing", text)
