"""What the ledger records of each register-audit object (the shape of
:mod:`saylau.geography.core.states`): ids for foreign keys, whole numbers for
weights and probabilities, JSON as canonical text."""

from __future__ import annotations

from saylau.geography.core.states import INT, STR, Field, Kind

RUN = Kind("registry.auditrun", (
    Field("election", "election_id", INT), Field("snapshot", "snapshot", STR), Field("previous", "previous", STR),
    Field("engine", "engine", STR), Field("records", "records", INT), Field("matches", "matches", INT),
    Field("review", "review", INT), Field("flags", "flags", INT),
))
PAIR = Kind("registry.pair", (
    Field("run", "run_id", INT), Field("voter_l", "voter_l", STR), Field("voter_r", "voter_r", STR),
    Field("weight_e3", "weight_e3", INT), Field("probability_e6", "probability_e6", INT),
    Field("source", "source", STR), Field("status", "status", STR), Field("reason", "reason", STR),
    Field("note", "note", STR), Field("decided_by", "decided_by", STR),
))
FLAG = Kind("registry.flag", (
    Field("run", "run_id", INT), Field("kind", "kind", STR), Field("voter_id", "voter_id", STR),
    Field("unit_code", "unit_code", STR), Field("detail", "detail", STR),
))
KINDS = (RUN, PAIR, FLAG)
