"""The JSON API fuzzed against its own OpenAPI schema with Schemathesis (issue 13).

Every operation of ``/api/schema/`` is called with requests Schemathesis makes
from the schema (valid and invalid bodies, parameters and ids), as an observer
and as an analyst, through the WSGI application in this process, on this
test's database: no answer may be a 5xx, and every documented answer must match
its documented schema and content type. The bounded run (a few cases per
operation and caller) is part of the normal suite; ``SAYLAU_FUZZ_CASES``
raises it, ``SAYLAU_FUZZ_ONLY`` (part of an operation's label, ``POST
/api/observation/submissions/``) keeps one operation and ``SAYLAU_FUZZ_SEED``
draws other cases than the fixed ones; the ``slow`` test runs 200 per
operation and caller. Each run reports the cases tried and the 5xx seen
(docs/api.md records them).
"""

from __future__ import annotations

import base64
import os
import uuid
from collections import Counter

import pytest

from tests.observation.test_api import VOTING

pytestmark = pytest.mark.django_db
#: the API this file holds to its schema (observation, results, accounts); the other packages'
#: operations are fuzzed too, held to no 5xx, and their schema mismatches printed (docs/api.md)
HELD = ("/api/observation/", "/api/results/", "/api/accounts/", "/api/schema/")


def _auth(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def _gist(error: BaseException) -> str:
    """The failure's check and its first lines (Schemathesis' own text)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " | ".join(lines[1:6])[:400]


def fuzz(mission, election, per_operation: int) -> Counter:
    """Run the fuzzing; returns counts: cases, 5xx, failures (and statuses seen)."""
    import hypothesis
    from django.contrib.auth.models import User
    from django.core.handlers.wsgi import WSGIHandler
    from hypothesis import HealthCheck, given
    from schemathesis import openapi
    from schemathesis.checks import (
        content_type_conformance,
        not_a_server_error,
        response_schema_conformance,
    )

    from saylau.observation.models import Observer
    from saylau.observation.services import SubmissionInput, submit

    User.objects.create_user("fuzz-admin", password="pw-admin", is_staff=True)
    aigerim = Observer.objects.select_related("team", "election").get(code="OBS1")
    from saylau.core.actors import Actor

    first = submit(actor=Actor.system("fuzz"), election=election, channel="api", observer=aigerim,
                   item=SubmissionInput(uuid=str(uuid.uuid4()), form="voting", answers=VOTING)).submission
    schema = openapi.from_wsgi("/api/schema/", WSGIHandler())
    counts: Counter = Counter()
    failures: list[str] = []
    others: list[str] = []
    callers = {"observer": _auth("aigerim", "pw-aigerim"), "staff": _auth("fuzz-admin", "pw-admin")}
    known = {"slug": election.slug, "id": first.pk, "form_id": "voting", "reference": "x", "sequence": 1}

    def strategy(operation):
        """Schemathesis' cases, valid and invalid, half of them with path parameters that
        name something that exists (a random slug or id only ever finds a 404)."""
        from hypothesis import strategies as st
        from schemathesis import GenerationMode

        names = {p.name for p in operation.path_parameters}
        fixed = {k: v for k, v in known.items() if k in names}
        options = [operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
                   operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)]
        if fixed:
            options += [operation.as_strategy(generation_mode=mode, path_parameters=fixed)
                        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)] * 2
        return st.one_of(*options)

    def runner(operation, who, headers):
        @given(case=strategy(operation))
        @hypothesis.settings(max_examples=per_operation, deadline=None, database=None, derandomize="SAYLAU_FUZZ_SEED" not in os.environ,
                             suppress_health_check=list(HealthCheck), phases=[hypothesis.Phase.generate])
        @hypothesis.seed(int(os.environ.get("SAYLAU_FUZZ_SEED", "0")))
        def run(case):
            response = case.call(headers=headers)
            counts["cases"] += 1
            counts[f"status {response.status_code}"] += 1
            if response.status_code >= 500:
                counts["5xx"] += 1
            try:
                case.validate_response(response, checks=[not_a_server_error, response_schema_conformance,
                                                         content_type_conformance], headers=headers)
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - collected, reported below
                counts["mismatches"] += 1
                text = f"{who} {operation.label} [{response.status_code}]: {_gist(error)}"
                (failures if operation.path.startswith(HELD) else others).append(text)

        return run

    only = os.environ.get("SAYLAU_FUZZ_ONLY", "")  # e.g. "POST /api/observation/submissions/"
    for result in schema.get_all_operations():
        operation = result.ok()
        if only and only not in operation.label:
            continue
        for who, headers in callers.items():
            runner(operation, who, headers)()
    counts["failures"] = len(failures)
    fuzz.failures = sorted(set(failures))  # type: ignore[attr-defined]
    fuzz.others = sorted(set(others))  # type: ignore[attr-defined]
    return counts


def _report(counts: Counter, label: str) -> None:
    """The run's counts (shown with ``pytest -s``; docs/api.md records them)."""
    print(  # noqa: T201
        f"schemathesis{label}: {counts['cases']} cases, {counts['5xx']} 5xx, {counts['failures']} schema "
        f"mismatches in the API held here, {counts['mismatches'] - counts['failures']} elsewhere; "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()) if k.startswith("status")))
    for text in fuzz.others:  # type: ignore[attr-defined]
        print("  elsewhere:", text[:300])  # noqa: T201


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The requests go through Django's WSGI handler, which closes the database connection
    at the end of each request; the test's transaction lives on that connection (on
    PostgreSQL), so, as Django's test client does, the handler leaves it open here."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_answers_every_generated_request_without_5xx_and_as_documented(mission, election):
    counts = fuzz(mission, election, int(os.environ.get("SAYLAU_FUZZ_CASES", "5")))
    _report(counts, "")
    assert counts["cases"] > (100 if not os.environ.get("SAYLAU_FUZZ_ONLY") else 0)
    assert counts["5xx"] == 0 and counts["failures"] == 0, "\n".join(fuzz.failures)


@pytest.mark.slow
def test_the_api_fuzzed_at_length(mission, election):
    counts = fuzz(mission, election, 200)
    _report(counts, " (slow)")
    assert counts["5xx"] == 0 and counts["failures"] == 0, "\n".join(fuzz.failures)
