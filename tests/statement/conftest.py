"""Shared fixtures: one small simulation, its statement inputs, HTML and PDF per language."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from saylau.simulate import simulate
from saylau.statement.core.build import write_language
from saylau.statement.core.narrative import read_narrative, sample_directory
from saylau.statement.core.simulation import inputs_from_simulation

SCALE, SEED = 0.06, 17


@pytest.fixture(scope="session")
def sim():
    return simulate(scale=SCALE, seed=SEED)


@pytest.fixture(scope="session")
def inputs(sim):
    return inputs_from_simulation(sim)


@pytest.fixture(scope="session")
def narrative():
    return read_narrative(sample_directory())


class _Lazy(dict):
    """Render a language the first time a test asks for it, so that each xdist
    worker renders only the languages of the tests it runs."""

    def __init__(self, render) -> None:
        super().__init__()
        self._render = render

    def __missing__(self, lang):
        self[lang] = value = self._render(lang)
        return value


@pytest.fixture(scope="session")
def statement_files(inputs, narrative, tmp_path_factory):
    """{lang: (html path, pdf path)}; charts are drawn once for both formats."""
    out = tmp_path_factory.mktemp("statement")
    return _Lazy(lambda lang: write_language(inputs, lang, ["html", "pdf"], out, narrative))


@pytest.fixture(scope="session")
def html_files(statement_files):
    return _Lazy(lambda lang: statement_files[lang][0].read_text("utf-8"))


@pytest.fixture(scope="session")
def pdf_files(statement_files):
    return _Lazy(lambda lang: statement_files[lang][1])


class Page(HTMLParser):
    """Figures (data attributes and text), notes by id, headings, and every URL-bearing attribute."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.figures: list[dict] = []
        self.notes: dict[str, str] = {}
        self.headings: list[str] = []
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self._figure: dict | None = None
        self._note: str | None = None
        self._heading: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("src", "href", "action", "poster", "data"):
            if key in a:
                self.urls.append(a[key])
        if tag == "span" and "figure" in (a.get("class") or "").split():
            self._figure = {**{k[5:]: v for k, v in a.items() if k.startswith("data-")},
                            "text": ""}
        elif tag == "li" and (a.get("id") or "").startswith("fn-"):
            self._note = a["id"]
            self.notes[self._note] = ""
        elif tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag == "span" and self._figure is not None:
            self.figures.append(self._figure)
            self._figure = None
        elif tag == "li":
            self._note = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        if self._figure is not None:
            self._figure["text"] += data
        if self._note is not None:
            self.notes[self._note] += data
        if self._heading is not None:
            self._heading.append(data)
