"""The HTML report in English, Russian and Kazakh: every sentence in the page's
language, numbers in its style."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np
import pytest

from saylau import forensics as fx
from saylau.core.wording.numbers import format_int
from saylau.forensics._labels import LANGS, PHRASES, TESTS, TEXT, number

from .conftest import RU

REGIONS = ["Республика Адыгея (Адыгея)", "Республика Алтай", "Республика Калмыкия",
           "Чукотский автономный округ"]
# codes and names that stay as they are in every language
CODES = {"LastC", "P05s", "C05s", "Sobyanin", "Skew", "Kurt", "DipT", "Corr", "Obs", "_2BL",
         "Correlation", "EFToolkit", "JSON", "CSV", "RKD", "diptest", "saylau", "eftoolkit",
         "f_i", "f_e", "p", "z", "I", "G", "dip", "yes"}
WORD = r"[A-Za-z_][A-Za-z0-9_'-]*"
RUN = re.compile(rf"{WORD}(?:[\s,;:()/&.-]+{WORD}){{2,}}")


def english_runs(html: str) -> list[str]:
    """Runs of three or more Latin words inside one piece of text, codes left out."""
    html = re.sub(r"<(style|title)>.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<img[^>]*>", " ", html)
    runs = []
    for piece in re.split(r"<[^>]+>", html):
        piece = re.sub(r"&\w+;", " ", piece)
        kept = " ".join(w if w not in CODES else "·" for w in re.split(r"(\s+)", piece)
                        if not w.isspace())
        runs += RUN.findall(kept)
    return runs


@pytest.fixture(scope="module")
def small(ru2012):
    sub = ru2012.subset(np.isin(ru2012.units["region"], REGIONS))
    adjacency = [(REGIONS[k], REGIONS[k + 1]) for k in range(3)]
    return sub, fx.analyse(sub, title="Russia 2012", replicates=40, klimek_repeats=1,
                           mixture_bootstrap=3, spatial={"level": "region",
                                                         "adjacency": adjacency,
                                                         "permutations": 99})


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_english_sentence(small, lang, tmp_path):
    stations, report = small
    assert report.mixture is not None and report.spatial is not None
    html_path, _ = fx.write_report(report, tmp_path, stations, lang=lang)
    html = html_path.read_text(encoding="utf-8")
    assert f"<html lang='{lang}'>" in html
    assert english_runs(html) == []
    # the check can fail: the English page has such runs
    english = fx.render_html(report, stations, lang="en")
    assert len(english_runs(english)) > 20
    # reasons a station is listed are translated too
    assert "winner has every ballot" not in html and "turnout 100%" not in html


def test_kazakh_text_is_cyrillic():
    """No Latin word of four or more letters in a Kazakh string, codes aside."""
    k = LANGS.index("kk")
    strings = [v[k] for v in TEXT.values()] + [v[k] for v in TESTS.values()] + [
        v[1] for v in PHRASES.values()]
    for s in strings:
        words = re.findall(r"[A-Za-z]{4,}", re.sub(r"<[^>]+>|&\w+;|\{\w+\}", " ", s))
        assert set(words) <= CODES, (s, words)
    for key, (en, ru, kk) in TEXT.items():  # every field in every language
        fields = set(re.findall(r"\{(\w+)\}", en))
        assert set(re.findall(r"\{(\w+)\}", ru)) == fields == set(re.findall(r"\{(\w+)\}",
                                                                            kk)), key


def test_numbers_in_each_languages_style(small):
    assert number(1234.5, "en", 1) == "1,234.5"
    assert number(1234.5, "ru", 1) == "1\u00a0234,5" == number(1234.5, "kk", 1)
    assert number(-0.0004, "ru", 3) == "0,000" and number(-2.5, "en", 1) == "-2.5"
    assert number(1234567, "kk") == "1\u00a0234\u00a0567" and number(float("nan"), "en") == "–"
    for n in (0, 7, 999, 1000, -45_210, 109_860_331):  # grouped as the house formatter does
        for lang in LANGS:
            assert number(n, lang) == format_int(n, lang)
    stations, report = small
    turnout = f"{report.turnout:.2f}"
    assert f"turnout {turnout}%" in fx.render_html(report, lang="en")
    assert f"явка {turnout.replace('.', ',')}%" in fx.render_html(report, lang="ru")
    kk = fx.render_html(report, lang="kk")
    assert f"қатысу {turnout.replace('.', ',')}%" in kk
    assert f"Талданған учаскелер: {number(stations.n, 'kk')}" in kk


def test_command_writes_the_kazakh_report(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "saylau", "forensics", str(RU / "2012.csv.zip"), "--preset",
         "ru-kobak-2012", "--replicates", "20", "--klimek-repeats", "0", "--lang", "kk",
         "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "forensics.html").read_text(encoding="utf-8")
    assert "<html lang='kk'>" in html and "Тексерілетін учаскелер" in html
    bad = subprocess.run([sys.executable, "-m", "saylau", "forensics", "x.csv", "--lang", "de",
                          "--out", str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
