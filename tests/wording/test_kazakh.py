"""Kazakh PDF-text normaliser, on small cases and on the real 2011 statement."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from saylau.core.wording.kazakh import (
    fix_schwa,
    fix_suffix_hyphens,
    normalise_pdf_text,
    strip_running_heads,
    unwrap_lines,
)

SOURCE = Path(__file__).resolve().parents[1] / "data" / "kk-statement" / "000_8bf523e641213381.txt"

LATIN = ("\u0259", "\u018f")  # ə Ə
CYRILLIC = ("\u04d9", "\u04d8")  # ә Ә


@pytest.fixture(scope="module")
def raw() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def clean(raw: str) -> str:
    return normalise_pdf_text(raw)


@pytest.fixture(scope="module")
def paragraphs(clean: str) -> list[str]:
    return clean.strip().split("\n\n")


# --- schwa ----------------------------------------------------------------------


def test_fix_schwa_pairs() -> None:
    assert fix_schwa("нəәтижелер") == "нәтижелер"
    assert fix_schwa("ƏӘділет") == "Әділет"
    assert fix_schwa("ЖƏӘНЕ жəәне") == "ЖӘНЕ және"


def test_fix_schwa_lone_latin_schwa_between_cyrillic() -> None:
    assert fix_schwa("нəтиже") == "нәтиже"
    assert fix_schwa("Əкім") == "Әкім"  # only a Cyrillic neighbour on one side
    assert fix_schwa("мəселе мен Əділет") == "мәселе мен Әділет"


def test_fix_schwa_leaves_latin_words_alone() -> None:
    assert fix_schwa("Əliyev") == "Əliyev"
    assert fix_schwa("schwa ə alone") == "schwa ə alone"
    assert fix_schwa("Cyrillic ә stays") == "Cyrillic ә stays"


# --- hyphens -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("сайлау-\nшылар тізімі", "сайлаушылар тізімі"),  # hyphenation: dropped
        ("ЕҚЫҰ-\nна қатысушы", "ЕҚЫҰ-на қатысушы"),  # suffix after abbreviation
        ("ОСК-\nнан алынған", "ОСК-нан алынған"),
        ("79-\nмүшелік делегация", "79-мүшелік делегация"),  # after a number
        ("Алматы-\nАстана жолы", "Алматы-Астана жолы"),  # before a capital
        ("2010-\n2011 жылдары", "2010-2011 жылдары"),  # before a digit
        ("қарым-\nқатынастар тұрақты", "қарым-қатынастар тұрақты"),  # paired word
        ("егжей-\nтегжейлі нәтиже", "егжей-тегжейлі нәтиже"),
    ],
)
def test_line_end_hyphens(text: str, expected: str) -> None:
    assert unwrap_lines(text) == expected


def test_line_end_hyphen_uses_the_documents_own_words() -> None:
    # "дай-дамай" (a misprint of "дау-дамай") is not in the built-in list; the
    # document writes it with a hyphen inside a line, so the hyphen stays.
    text = "сайлау дай-дамайларын қарастыру\nСайлау дай-\nдамайларын түсіну"
    assert "дай-дамайларын түсіну" in unwrap_lines(text)
    # the document writes "сайлаушылардың" inside a line: "сайлау-шылар" joins
    text = "сайлаушылардың саны\nбарлық сайлау-\nшылар келді"
    assert unwrap_lines(text).endswith("барлық сайлаушылар келді")


def test_fix_suffix_hyphens() -> None:
    assert fix_suffix_hyphens("ТСК-лары, АСК- лары және") == "ТСК-лары, АСК-лары және"
    assert fix_suffix_hyphens("салынуы БАҚ -ның өз") == "салынуы БАҚ-ның өз"
    # a dash between words is not a suffix hyphen
    assert fix_suffix_hyphens("16,7 пайызы - орыс") == "16,7 пайызы - орыс"
    assert fix_suffix_hyphens("мерзімі - 5 жыл") == "мерзімі - 5 жыл"


# --- paragraphs ------------------------------------------------------------------------


def test_unwrap_lines_paragraphs() -> None:
    text = (
        "Бірінші абзацтың бірінші жолы осы жерде жалғасады және\n"
        "екінші жолы осында аяқталады.\n"
        " \n"
        "БАСТАПҚЫ НӘТИЖЕЛЕР\n"
        "Екінші абзац басталады, ол да ұзын жолдан тұрады және\n"
        "осы жерде аяқталады.\n"
        "- бірінші тармақ\n"
        "- екінші тармақ\n"
    )
    assert unwrap_lines(text).split("\n\n") == [
        "Бірінші абзацтың бірінші жолы осы жерде жалғасады және екінші жолы осында аяқталады.",
        "БАСТАПҚЫ НӘТИЖЕЛЕР",
        "Екінші абзац басталады, ол да ұзын жолдан тұрады және осы жерде аяқталады.",
        "- бірінші тармақ",
        "- екінші тармақ",
    ]


def test_unwrap_lines_numbered_line_only_after_a_sentence_end() -> None:
    text = (
        "Сайлау учаскелерінің көпшілігінде бақылаушылар болды, олар сайлау\n"
        "учаскелерінің саны туралы мәліметтер бойынша\n"
        "88 пайызында болды.\n"
        "2 Сайлау комиссияларына ОСК жатады.\n"
    )
    out = unwrap_lines(text).split("\n\n")
    assert out == [
        "Сайлау учаскелерінің көпшілігінде бақылаушылар болды, олар сайлау учаскелерінің"
        " саны туралы мәліметтер бойынша 88 пайызында болды.",
        "2 Сайлау комиссияларына ОСК жатады.",
    ]


def test_unwrap_lines_bridges_a_blank_inside_a_sentence() -> None:
    assert unwrap_lines("сайлау комиссиясы\n\nшешім қабылдады.") == (
        "сайлау комиссиясы шешім қабылдады."
    )
    assert unwrap_lines("шешім қабылдады.\n\nкелесі абзац") == "шешім қабылдады.\n\nкелесі абзац"
    assert unwrap_lines("комиссиясы\n\n\nшешім") == "комиссиясы\n\nшешім"


def test_unwrap_lines_moves_footnotes_after_the_interrupted_paragraph() -> None:
    separator = " " * 40
    text = "\n".join(
        [
            "Бірінші абзац осы жерде басталады және бет соңында үзіледі, ал оның",
            "",
            separator,
            "1 Бірінші ескертпе мәтіні осында, ол да толық сөйлемнен тұрады.",
            "",
            "2 Екінші ескертпе мәтіні бір жолдан артық болуы мүмкін, мысалы",
            "",
            "осылай жалғасады.",
            " жалғасы келесі бетте жазылған және абзац осында аяқталады.",
        ]
    )
    assert unwrap_lines(text).split("\n\n") == [
        "Бірінші абзац осы жерде басталады және бет соңында үзіледі, ал оның"
        " жалғасы келесі бетте жазылған және абзац осында аяқталады.",
        "1 Бірінші ескертпе мәтіні осында, ол да толық сөйлемнен тұрады.",
        "2 Екінші ескертпе мәтіні бір жолдан артық болуы мүмкін, мысалы осылай жалғасады.",
    ]


def test_unwrap_lines_collapses_spaces_and_keeps_no_break_space() -> None:
    assert unwrap_lines("  бес   мың\u00a0учаске  ") == "бес мың\u00a0учаске"


def test_strip_running_heads() -> None:
    head = "Халықаралық Сайлауды бақылау миссиясы бет: {}"
    lines = ["Мәлімдеме атауы мен оның толық тақырыбы осында", "мәтін бір"]
    for page in (2, 3, 4):
        lines += [
            head.format(page),
            "Мәлімдеме атауы мен оның толық тақырыбы осында",
            f"мәтін {page}",
        ]
    out = strip_running_heads("\n".join(lines)).split("\n")
    assert out[0] == "Мәлімдеме атауы мен оның толық тақырыбы осында"  # the title stays
    assert not any("бет:" in line for line in out)
    assert [line for line in out if line] == [
        "Мәлімдеме атауы мен оның толық тақырыбы осында",
        "мәтін бір",
        "мәтін 2",
        "мәтін 3",
        "мәтін 4",
    ]


# --- the real statement ----------------------------------------------------------------


def test_source_file_has_the_known_damage(raw: str) -> None:
    assert raw.count("\u0259\u04d9") == 298
    assert raw.count("\u018f\u04d8") == 14
    assert raw.count("ЕҚЫҰ-\nна") == 1


def test_no_latin_schwa_remains(clean: str) -> None:
    for ch in LATIN:
        assert ch not in clean


def test_cyrillic_schwa_count_equals_former_pairs(raw: str, clean: str) -> None:
    pairs_lower = raw.count("\u0259\u04d9")
    pairs_upper = raw.count("\u018f\u04d8")
    assert raw.count("\u04d9") == pairs_lower  # no Cyrillic schwa outside a pair
    assert raw.count("\u04d8") == pairs_upper
    fixed = fix_schwa(raw)
    assert fixed.count("\u04d9") == pairs_lower
    assert fixed.count("\u04d8") == pairs_upper
    # unwrapping loses no letters
    unwrapped = unwrap_lines(fixed)
    assert unwrapped.count("\u04d9") == pairs_lower
    assert unwrapped.count("\u04d8") == pairs_upper
    # the full normaliser also drops the running heads (with their schwas)
    dropped = fixed.count("\u04d9") - strip_running_heads(fixed).count("\u04d9")
    assert dropped > 0
    assert clean.count("\u04d9") == pairs_lower - dropped
    assert clean.count("\u04d8") == pairs_upper


def test_known_words_after_normalising(clean: str) -> None:
    for word in ("нәтижелер", "мәлімдеме", "және", "Әділет", "Әкімдіктер", "ЖӘНЕ", "күмән"):
        assert word in clean, word


@pytest.mark.parametrize(
    "joined",
    [
        "ЕҚЫҰ-на қатысушы мемлекеттер басшыларының",  # ЕҚЫҰ-\nна
        "сайлау дай-дамайларын қарастыру процесін жеткілікті",  # дай-\nдамайларын
        "түсіндірмесі БАҚ-дағы қоғамды",  # БАҚ-\nдағы
        "комиссияларының құрамына кірді. ОСК-нан алынған",  # ОСК-\nнан
        "шешімдеріне және ОСК-ның сайланған Президентті",  # ОСК-\n\nның, in a footnote
    ],
)
def test_hyphenated_line_ends_rejoined(clean: str, joined: str) -> None:
    assert joined in clean


def test_real_hyphens_kept(clean: str) -> None:
    for word in (
        "ЕҚЫҰ-ның",
        "пікір-таластардың",
        "дау-дамайларды",
        "егжей-тегжейлі",
        "қарым-қатынастар",
        "Социал-демократиялық",
        "іс-әрекеттері",
        "аты-жөндері",
        "79-мүшелік",
        "3-дейін",
        "46-бабы",
        "+7-7172-901 711",
    ):
        assert word in clean, word
    # every hyphen in the output joins two words or is a free-standing dash
    assert not re.search(r"\w-\s", clean)
    assert "АСК-лары" in clean and "БАҚ-ның" in clean


def test_known_figures_can_be_found(clean: str) -> None:
    # as the file writes them: a plain space, a comma, or nothing
    for figure in (
        "9 725 сайлау учаскелерінің",
        "9,725 Учаскелік",
        "1445 аса",
        "9 101 000",
        "9 181 700",
        "91 010",
        "31.916",
        "28.902",
        "30,4 пайызы",
        "44,5 пайызы",
        "73,1 пайызы",
    ):
        assert figure in clean, figure


def test_paragraph_structure(paragraphs: list[str]) -> None:
    assert paragraphs[0] == "Бастапқы нәтижелер мен қорытындылар туралы мәлімдеме"
    assert "БАСТАПҚЫ НӘТИЖЕЛЕР" in paragraphs
    assert "САЙЛАУ КҮНІ" in paragraphs
    # no paragraph keeps a line break, and none is a running head
    assert all("\n" not in p for p in paragraphs)
    assert not any("бет:" in p for p in paragraphs)
    assert not any(p.startswith("Осы құжаттың орыс және ағылшын") for p in paragraphs)
    # the title occurs once, as the first paragraph
    assert paragraphs.count(paragraphs[0]) == 1
    # footnotes are paragraphs of their own, numbered 1 to 20, in order
    # (the body paragraph "22 үміткердің ішінен ..." also starts with a figure)
    notes = [int(m.group(1)) for p in paragraphs if (m := re.match(r"(\d{1,2}) ", p))]
    assert [n for n in notes if n != 22] == list(range(1, 21))


def test_body_paragraph_continues_after_footnotes(paragraphs: list[str]) -> None:
    # "... ƏӘрбір кандидат əәр" / footnotes 1-2 / " сайлау учаскесіне 3-дейін ..."
    (para,) = [p for p in paragraphs if "Әрбір кандидат әр сайлау учаскесіне" in p]
    assert para.startswith("Сайлауды төрт деңгейлі")
    # "... бойынша талқылау" / footnotes 12-14 / " бағдарламалары, сұхбаттар ..."
    assert any("бойынша талқылау бағдарламалары, сұхбаттар" in p for p in paragraphs)
    # "... Партиялардың" / footnote 20 and a page break / "бақылаушылары және ..."
    assert any("Партиялардың бақылаушылары және" in p for p in paragraphs)
    # a footnote's spurious blank line is bridged
    (note13,) = [p for p in paragraphs if p.startswith("13 ")]
    assert "жасалды. «Уральская неделя» газетінің" in note13


def test_normalise_is_idempotent(clean: str) -> None:
    assert normalise_pdf_text(clean) == clean


def test_normalise_small_inputs() -> None:
    assert normalise_pdf_text("") == ""
    assert normalise_pdf_text(" \n\n ") == ""
    assert normalise_pdf_text("сайлау-\r\nшылар мен\r\nнəәтижелер") == "сайлаушылар мен нәтижелер\n"
