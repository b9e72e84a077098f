"""Every importer's reading half, fed malformed files: a refusal naming row and
column, or rows read; never a crash (any other exception fails the test).

The normal suite runs a bounded number of files per importer; the ``slow``
run (``pytest tests/fuzz -m slow -p no:xdist -s``) tries FUZZ_EXAMPLES
(default 10,000) per importer and prints the counts recorded in
docs/importing.md.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saylau.core.tabular import TableError

from .files import BAD_NUMBERS, IMPORTERS, RESULTS, STATIONS, SUBMISSIONS, bad_numbers, outcome

QUICK = settings(max_examples=int(os.environ.get("FUZZ_QUICK", "60")), deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _run(name: str, tmp: Path, examples: settings, counts: Counter) -> None:
    parse, files = IMPORTERS[name]

    @examples
    @given(files)
    def one(file: tuple[str, bytes]) -> None:
        file_name, raw = file
        path = tmp / file_name
        path.write_bytes(raw)
        counts[outcome(parse, path)] += 1

    one()


@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_malformed_files_are_refused_by_row_and_column_never_a_crash(name, tmp_path) -> None:
    counts: Counter = Counter()
    _run(name, tmp_path, QUICK, counts)
    assert counts["refused"] > 0  # the mutations do reach the checks


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_ten_thousand_malformed_files_per_importer(name, tmp_path) -> None:
    n = int(os.environ.get("FUZZ_EXAMPLES", "10000"))
    counts: Counter = Counter()
    start = time.perf_counter()
    _run(name, tmp_path, settings(max_examples=n, deadline=None, database=None,
                                  suppress_health_check=list(HealthCheck)), counts)
    tried = sum(counts.values())
    line = (f"FUZZ {name}: {tried} files tried, {counts['refused']} refused, {counts['read']} read, "
            f"0 crashes, {time.perf_counter() - start:.0f} s\n")
    sys.stdout.write("\n" + line)
    if os.environ.get("FUZZ_COUNTS"):  # a file to collect the counts in
        with open(os.environ["FUZZ_COUNTS"], "a", encoding="utf-8") as out:
            out.write(line)
    assert tried >= n


# --- a bad number is never coerced ---------------------------------------------------

def _csv(header, rows) -> bytes:
    return ("\n".join(",".join(f'"{c}"' if ("," in c or '"' in c) else c for c in r)
                      for r in (header, *rows)) + "\n").encode()


@QUICK
@given(data=st.data(), bad=bad_numbers)
def test_a_bad_number_in_a_results_file_is_refused_at_its_row_and_column(tmp_path_factory, data, bad) -> None:
    row = data.draw(st.integers(0, len(RESULTS.rows) - 1))
    column = data.draw(st.sampled_from(RESULTS.numeric))
    rows = [list(r) for r in RESULTS.rows]
    rows[row][RESULTS.header.index(column)] = bad.replace('"', "")
    if not rows[row][RESULTS.header.index(column)].strip() and not column.startswith("votes_"):
        return  # an empty line is a line not given, which the saylau format allows
    path = tmp_path_factory.mktemp("n") / "p.csv"
    path.write_bytes(_csv(RESULTS.header, rows))
    with pytest.raises(TableError) as caught:
        IMPORTERS["results"][0](path)
    assert (row + 2, column) in {(e.row, e.column) for e in caught.value.errors}


@QUICK
@given(data=st.data(), bad=bad_numbers)
def test_a_bad_number_in_stations_or_submissions_is_refused_at_its_row_and_column(tmp_path_factory, data, bad) -> None:
    name, seed = data.draw(st.sampled_from((("stations", STATIONS), ("submissions", SUBMISSIONS))))
    row = data.draw(st.integers(0, len(seed.rows) - 1))
    column = data.draw(st.sampled_from(seed.numeric))
    rows = [list(r) for r in seed.rows]
    rows[row][seed.header.index(column)] = bad.replace('"', "")
    if not rows[row][seed.header.index(column)].strip() and name == "submissions":
        return  # an empty answer is a question not answered
    if name == "submissions" and bad.strip().lstrip("-").isdigit() and abs(int(bad)) < 2**63:
        return  # a negative or large count is a whole number in JSON; the form's constraints judge it
    path = tmp_path_factory.mktemp("n") / "s.csv"
    path.write_bytes(_csv(seed.header, rows))
    with pytest.raises(TableError) as caught:
        IMPORTERS[name][0](path)
    assert (row + 2, column) in {(e.row, e.column) for e in caught.value.errors}


def test_the_bad_numbers_of_the_issue_are_among_those_tried() -> None:
    assert {"1.000", "1E3", "12.0", "4294967296", "99999999999999999999"} <= set(BAD_NUMBERS)
