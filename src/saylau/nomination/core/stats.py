"""The figures the statement quotes on candidate registration, support signatures,
proxies and observers, counted from frames (pure; the selectors build the frames
from the database, the tests from the simulation).

Frames:

* ``nominees``: ``nominee``, ``status`` (labels.STATUS), ``ground`` (the failed
  eligibility check of a nominee refused on documents, the signature decision of one
  refused on signatures, ``withdrawn``), ``incumbent``;
* ``verdicts``: the signature check's result per line, ``line_id``, ``nominee``,
  ``valid``, ``reason`` (null: valid or not checked; ``valid`` null: not checked);
* ``official``: what the territorial commissions recorded, ``line_id``, ``struck``,
  ``reason_recorded`` (null or empty: no reason recorded);
* ``sessions``: ``nominee``, ``proxy_present`` (one row a verification session);
* ``accreditations``: validated filings (:func:`.accreditation.validate`), ``kind``,
  ``status``, ``refusal``, ``nominee``, ``role``, ``state``.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from saylau.nomination.core.labels import CHECK
from saylau.nomination.core.reasons import REASONS


@dataclass(frozen=True)
class NomineeStats:
    nominees: int
    registered: int
    refused_documents: int  # refused on an eligibility check
    refused_signatures: int  # refused on the signatures
    withdrawn: int
    refused_by_check: dict[str, int]  # eligibility check -> nominees refused on it
    refused_by_decision: dict[str, int]  # signature decision -> nominees refused on it


@dataclass(frozen=True)
class SignatureStats:
    lines: int  # submitted
    checked: int
    invalid: int
    invalid_by_reason: dict[str, int]  # every reason, in precedence order (0 when none)
    struck: int  # struck by the territorial commissions
    struck_without_reason: int
    struck_valid: int  # struck by the commissions although the check found the line valid
    sessions: int
    sessions_with_proxy: int


@dataclass(frozen=True)
class AccreditationStats:
    proxies: int  # accredited
    proxies_by_candidate: dict[str, int]
    incumbent_proxies: int
    proxies_refused: int
    refused_by_reason: dict[str, int]  # proxies' refusals
    observers_by_kind: dict[str, int]  # accredited, every kind but proxies
    mission_by_role: dict[str, int]  # international observers by role
    mission_states: int  # states the international observers come from


@dataclass(frozen=True)
class Figures:
    nominees: NomineeStats
    signatures: SignatureStats
    accreditation: AccreditationStats


def nominee_stats(nominees: pl.DataFrame) -> NomineeStats:
    status = nominees["status"]
    refused = nominees.filter(pl.col("status") == "refused")
    on_check = refused.filter(pl.col("ground").is_in(list(CHECK)))
    on_signatures = refused.filter(~pl.col("ground").is_in(list(CHECK)))
    return NomineeStats(
        nominees=nominees.height,
        registered=int((status == "registered").sum()),
        refused_documents=on_check.height,
        refused_signatures=on_signatures.height,
        withdrawn=int((status == "withdrawn").sum()),
        refused_by_check={c: int((on_check["ground"] == c).sum()) for c in CHECK if (on_check["ground"] == c).any()},
        refused_by_decision=dict(sorted(on_signatures.group_by("ground").len().iter_rows())),
    )


def signature_stats(verdicts: pl.DataFrame, official: pl.DataFrame | None = None,
                    sessions: pl.DataFrame | None = None) -> SignatureStats:
    checked = verdicts.filter(pl.col("valid").is_not_null())
    invalid = checked.filter(~pl.col("valid"))
    by_reason = dict(invalid.group_by("reason").len().iter_rows())
    struck = without = struck_valid = 0
    if official is not None:
        s = official.filter(pl.col("struck"))
        struck = s.height
        without = s.filter(pl.col("reason_recorded").is_null() | (pl.col("reason_recorded") == "")).height
        struck_valid = s.join(checked.filter(pl.col("valid")).select("line_id"), on="line_id", how="semi").height
    return SignatureStats(
        lines=verdicts.height, checked=checked.height, invalid=invalid.height,
        invalid_by_reason={r: int(by_reason.get(r, 0)) for r in REASONS},
        struck=struck, struck_without_reason=without, struck_valid=struck_valid,
        sessions=0 if sessions is None else sessions.height,
        sessions_with_proxy=0 if sessions is None else int(sessions["proxy_present"].sum()),
    )


def accreditation_stats(accreditations: pl.DataFrame, incumbent: str | None) -> AccreditationStats:
    """``incumbent``: the incumbent's nominee code (None when none stands)."""
    proxies = accreditations.filter(pl.col("kind") == "proxy")
    ok = proxies.filter(pl.col("status") == "accredited")
    refused = proxies.filter(pl.col("status") == "refused")
    observers = accreditations.filter((pl.col("kind") != "proxy") & (pl.col("status") == "accredited"))
    mission = observers.filter(pl.col("kind") == "international_observer")
    return AccreditationStats(
        proxies=ok.height,
        proxies_by_candidate=dict(sorted(ok.group_by("nominee").len().iter_rows())),
        incumbent_proxies=ok.filter(pl.col("nominee") == incumbent).height if incumbent else 0,
        proxies_refused=refused.height,
        refused_by_reason=dict(sorted(refused.group_by("refusal").len().iter_rows())),
        observers_by_kind=dict(sorted(observers.group_by("kind").len().iter_rows())),
        mission_by_role=dict(sorted(mission.group_by("role").len().iter_rows())),
        mission_states=mission["state"].n_unique(),
    )


def figures(nominees: pl.DataFrame, verdicts: pl.DataFrame, accreditations: pl.DataFrame, *,
            official: pl.DataFrame | None = None, sessions: pl.DataFrame | None = None) -> Figures:
    incumbent = nominees.filter(pl.col("incumbent"))["nominee"]
    return Figures(nominee_stats(nominees), signature_stats(verdicts, official, sessions),
                   accreditation_stats(accreditations, incumbent[0] if len(incumbent) else None))
