"""What the ledger records of each disputes object, defined once as a list of fields
(the shape of :mod:`saylau.geography.core.states`). Foreign keys are ids, dates
``YYYY-MM-DD``; a case's legal bases are their codes, sorted, joined by commas."""

from __future__ import annotations

from saylau.geography.core.states import BOOL, DATE, INT, STR, Field, Kind

CASE = Kind("disputes.case", (
    Field("election", "election_id", INT), Field("reference", "reference", STR), Field("body", "body", STR),
    Field("commission", "commission_id", INT), Field("body_name", "body_name", STR),
    Field("complainant_kind", "complainant_kind", STR), Field("complainant_name", "complainant_name", STR),
    Field("respondent", "respondent", STR), Field("contested_act", "contested_act", STR),
    Field("act_date", "act_date", DATE), Field("filed_on", "filed_on", DATE), Field("phase", "phase", STR),
    Field("summary", "summary", STR), Field("bases", "bases_codes", STR), Field("appeal_of", "appeal_of_id", INT),
    Field("status", "status", STR), Field("decided_on", "decided_on", DATE),
    Field("decision_mode", "decision_mode", STR), Field("session_date", "session_date", DATE),
    Field("members_present", "members_present", INT), Field("votes_for", "votes_for", INT),
    Field("votes_against", "votes_against", INT), Field("official", "official", STR),
    Field("outcome", "outcome", STR), Field("not_considered_reason", "not_considered_reason", STR),
    Field("deadline_basis", "deadline_basis_id", INT), Field("remedy", "remedy", STR),
    Field("reasoning", "reasoning", STR), Field("published_on", "published_on", DATE),
    Field("publication_url", "publication_url", STR),
))
DOCUMENT = Kind("disputes.document", (
    Field("case", "case_id", INT), Field("name", "name", STR), Field("file", "file_name", STR),
    Field("content_type", "content_type", STR), Field("size", "size", INT), Field("sha256", "sha256", STR),
    Field("public", "public", BOOL),
))
LINK = Kind("disputes.link", (Field("case", "case_id", INT), Field("kind", "kind", STR),
                              Field("target", "target", STR)))
BASIS = Kind("disputes.basis", (
    Field("code", "code", STR), Field("law", "law", STR), Field("article", "article", STR),
    Field("file_amount", "file_amount", INT), Field("file_unit", "file_unit", STR),
    Field("decide_amount", "decide_amount", INT), Field("decide_unit", "decide_unit", STR),
    Field("roll", "roll", BOOL),
))
DAY = Kind("disputes.calendarday", (Field("date", "date", DATE), Field("kind", "kind", STR),
                                    Field("note", "note", STR)))
KINDS = (CASE, DOCUMENT, LINK, BASIS, DAY)
