"""Every registered subcommand, run the way a newcomer runs it too early: on a data
directory that does not exist, on an empty database, and on a database that holds
only a small simulation. Each answers with one line and exit status 2, or
succeeds; none ends in a traceback.

The commands are found through the plug-in registry (the parser ``saylau``
builds), so a package that adds a ``commands.py`` is covered the day it is
written. Arguments are filled from each subcommand's own definition: a choice
takes its first value, a file a path that does not exist, a number a small one.
"""

from __future__ import annotations

import argparse

import pytest

from saylau import cli

#: subcommands not run here, and where they are tested instead
NOT_HERE = {
    ("demo",): "builds a whole data directory; tests/test_cli.py runs it as a user does",
    ("serve",): "runs until stopped; tests/web/test_commands.py starts and stops it",
}
#: values of the arguments that need a particular one
VALUES = {"slug": "e1", "name": "E", "date": "2011-04-03", "role": "observer", "username": "nobody",
          "form_id": "voting", "form": "voting", "n": "10", "margin": "0.01", "scale": "0.01"}


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from leaves(sub, (*path, name))


COMMANDS = {path: parser for path, parser in leaves(cli.build_parser()) if path[:1] not in {k[:1] for k in NOT_HERE}}


def argv_for(path: tuple[str, ...], parser: argparse.ArgumentParser, tmp, extra: dict | None = None) -> list[str]:
    """The subcommand with every positional and required option filled in."""
    values = {**VALUES, **(extra or {})}
    argv = list(path)
    for action in parser._actions:
        if isinstance(action, (argparse._SubParsersAction, argparse._HelpAction)):
            continue
        if action.option_strings and not action.required and action.dest not in (extra or {}):
            continue
        if action.dest in values:
            value = values[action.dest]
        elif action.choices:
            value = list(action.choices)[0]
        elif action.dest in ("out", "output"):
            value = str(tmp / "out")
        else:
            value = str(tmp / "missing.csv")
        argv += [action.option_strings[0], value] if action.option_strings else [value]
    return argv


@pytest.fixture(autouse=True)
def django_is_set_up_already(monkeypatch):
    """pytest-django has made and migrated the test database: the command line's
    ``db.setup`` (settings from the data directory, then ``migrate``) is not run
    again inside a test's transaction. A missing data directory is refused before it."""
    monkeypatch.setattr("saylau.db.setup", lambda *args, **kwargs: None)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """``saylau ARGV`` in this process: its status and output; an exception escapes (a traceback)."""
    capsys.readouterr()
    try:
        status = cli.main(argv)
    except SystemExit as stop:  # argparse's own refusals
        status = stop.code
    out, err = capsys.readouterr()
    return status, out, err


def one_line_or_success(argv, status, out, err) -> None:
    assert status in (0, 2), f"saylau {' '.join(argv)}: exit status {status}\n{out}{err}"
    if status == 2:
        lines = [line for line in (out + err).splitlines() if line.strip()]
        assert len(lines) == 1, f"saylau {' '.join(argv)}: expected one line, got:\n{out}{err}"
        assert "Traceback" not in lines[0]


def test_the_registry_finds_every_package_s_commands() -> None:
    found = {path[0] for path in COMMANDS}
    assert {"findings", "results", "quickcount", "ledger", "statement", "import", "forms", "users"} <= found


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_on_a_data_directory_that_does_not_exist(path, tmp_path, capsys, monkeypatch) -> None:
    """Nothing is created: a command either starts the data directory (simulate,
    election create, users create) or says what to run first."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    parser = COMMANDS[path]
    if parser.get_default("creates_data"):
        pytest.skip("starts a data directory (tests/test_cli.py runs simulate and election create)")
    data = tmp_path / "nowhere"
    argv = ["--data-dir", str(data), *argv_for(path, parser, tmp_path)]
    status, out, err = run(argv, capsys)
    one_line_or_success(argv, status, out, err)
    if parser.get_default("needs_db"):
        assert status == 2 and "run `saylau simulate` or `saylau election create` first" in err
        assert not data.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_on_an_empty_database(path, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = argv_for(path, COMMANDS[path], tmp_path)
    status, out, err = run(argv, capsys)
    one_line_or_success(argv, status, out, err)


@pytest.mark.django_db
def test_after_a_small_simulation_only_then_with_its_results(tmp_path, capsys, monkeypatch) -> None:
    """The half-built states of the issue: `saylau simulate --scale 0.01` only (no
    protocols, no forms), then with the simulation's protocols imported."""
    monkeypatch.chdir(tmp_path)
    lighter = {("statement",): {"format": "html", "lang": "en"}}  # one language, without PDF
    assert run(["simulate", "--scale", "0.01"], capsys)[0] == 0
    for stage in ("simulation only", "with results"):
        for path, parser in sorted(COMMANDS.items()):
            if parser.get_default("creates_data"):
                continue
            argv = argv_for(path, parser, tmp_path, lighter.get(path))
            status, out, err = run(argv, capsys)
            one_line_or_success([stage, *argv], status, out, err)
        if stage == "simulation only":
            assert run(["results", "import", "-", "--preset", "kz-2011"], capsys)[0] == 0
