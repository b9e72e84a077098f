"""What the ledger records of each nomination object, defined once as a list of fields
(the shape of :mod:`saylau.geography.core.states`): foreign keys as ids, dates
``YYYY-MM-DD``, shares in millionths, and a session's invalid lines by reason as
``reason=count`` pairs sorted by reason and joined by commas (``reasons_text``).

Signature lines carry personal data; their object type is not among the
ledger's public types, so their payloads are never published.
"""

from __future__ import annotations

from saylau.geography.core.states import BOOL, DATE, INT, STR, Field, Kind

NAMES = (Field("name_en", "name_en", STR), Field("name_ru", "name_ru", STR), Field("name_kk", "name_kk", STR))

NOMINEE = Kind("nomination.nominee", (
    Field("election", "election_id", INT), Field("code", "code", STR), *NAMES,
    Field("nominated_by", "nominated_by", STR), Field("party", "party_id", INT),
    Field("nominating_body", "nominating_body", STR), Field("nominated_on", "nominated_on", DATE),
    Field("status", "status", STR), Field("incumbent", "incumbent", BOOL), Field("candidate", "candidate_id", INT),
))
DECISION = Kind("nomination.decision", (
    Field("nominee", "nominee_id", INT), Field("from_status", "from_status", STR),
    Field("to_status", "to_status", STR), Field("body", "body", STR), Field("number", "number", STR),
    Field("decided_on", "decided_on", DATE), Field("members_present", "members_present", INT),
    Field("votes_for", "votes_for", INT), Field("votes_against", "votes_against", INT),
    Field("ground", "ground", STR), Field("reason", "reason", STR), Field("published_on", "published_on", DATE),
))
CHECK = Kind("nomination.check", (
    Field("nominee", "nominee_id", INT), Field("code", "code", STR), Field("outcome", "outcome", STR),
    Field("evidence", "evidence", STR), Field("evidence_ru", "evidence_ru", STR),
    Field("evidence_kk", "evidence_kk", STR), Field("rules", "rules", STR),
))
SHEET = Kind("nomination.sheet", (
    Field("nominee", "nominee_id", INT), Field("number", "number", STR), Field("region_code", "region_code", STR),
    Field("collector", "collector", STR), Field("lines", "lines", INT), Field("source", "source", STR),
))
LINE = Kind("nomination.line", (
    Field("nominee", "nominee_id", INT), Field("sheet", "sheet_id", INT), Field("line_id", "line_id", STR),
    Field("region_code", "region_code", STR), Field("collector", "collector", STR),
    Field("surname", "surname", STR), Field("given_name", "given_name", STR),
    Field("patronymic", "patronymic", STR), Field("iin", "iin", STR), Field("birth_date", "birth_date", DATE),
    Field("address", "address", STR), Field("signed_on", "signed_on", DATE), Field("valid", "valid", BOOL),
    Field("reason", "reason", STR), Field("voter_id", "voter_id", STR), Field("session", "session_id", INT),
    Field("struck", "struck", BOOL), Field("struck_reason", "struck_reason", STR),
))
SESSION = Kind("nomination.session", (
    Field("nominee", "nominee_id", INT), Field("body", "body", STR), Field("region_code", "region_code", STR),
    Field("source", "source", STR), Field("held_on", "held_on", DATE),
    Field("mode", "mode", STR), Field("stage", "stage", INT), Field("plan_first", "plan_first", INT),
    Field("plan_second", "plan_second", INT), Field("tolerated_e6", "tolerated_e6", INT),
    Field("seed", "seed", INT), Field("required", "required", INT), Field("proxy_present", "proxy_present", BOOL),
    Field("lines", "lines", INT), Field("sampled", "sampled", INT), Field("invalid", "invalid", INT),
    Field("duplicates", "duplicates", INT), Field("invalid_by_reason", "reasons_text", STR),
    Field("projected_valid", "projected_valid", INT), Field("projected_low", "projected_low", INT),
    Field("projected_high", "projected_high", INT), Field("level_e3", "level_e3", INT),
    Field("spread_met", "spread_met", BOOL), Field("regions_met", "regions_met", INT),
    Field("decision", "decision", STR),
))
ACCREDITATION = Kind("nomination.accreditation", (
    Field("election", "election_id", INT), Field("kind", "kind", STR), Field("full_name", "full_name", STR),
    Field("reference", "reference", STR), Field("iin", "iin", STR), Field("role", "role", STR),
    Field("nominee", "nominee_id", INT), Field("party", "party_id", INT), Field("organisation", "organisation", STR),
    Field("state", "state", STR), Field("station_code", "station_code", STR),
    Field("region_code", "region_code", STR), Field("filed_on", "filed_on", DATE), Field("status", "status", STR),
    Field("refusal", "refusal", STR), Field("badge", "badge", STR), Field("observer", "observer_id", INT),
))
KINDS = (NOMINEE, DECISION, CHECK, SHEET, LINE, SESSION, ACCREDITATION)


def reasons_text(counts: dict[str, int]) -> str:
    """A session's invalid lines by reason as the ledger holds them: ``a=3,b=1`` (sorted by reason)."""
    return ",".join(f"{k}={int(v)}" for k, v in sorted(counts.items()) if v)
