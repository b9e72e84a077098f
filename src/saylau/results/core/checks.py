"""Arithmetic rules of results protocols, checked over many protocols at once.

Input: one array per protocol line, all the same length (a dict of arrays or a
Polars DataFrame). Line names are those of :mod:`saylau.core.protocol`:
``LINES`` (``registered`` ... ``valid``), the optional ``unused``,
``found_stationary`` + ``found_mobile`` (read when ``found_in_boxes`` is
absent), and the candidate columns named by the caller.

A rule runs only when its lines are present; a protocol with a missing value
(NaN) in a line the rule needs is not judged by that rule. Ballots issued is
:func:`saylau.core.protocol.issued` of the issued lines present (a NaN in one
of them leaves the protocol's ballots issued unknown). Rule codes:

=====================  ====================================================
``NEGATIVE``           a line holds a negative number
``VALID_INVALID``      valid + invalid differs from ballots found
``FOUND_GT_ISSUED``    ballots found exceed ballots issued
``ISSUED_GT_REGISTERED`` ballots issued exceed registered voters + allowance
``CANDIDATES_VALID``   the candidates' votes do not add up to valid
``RECEIVED_BALANCE``   received differs from issued + cancelled (+ unused)
``TURNOUT_OVER_100``   issued (or found, if no issued lines) over registered
                       above ``max_turnout``
=====================  ====================================================

Equalities pass when ``|difference| <= max(absolute, relative * reference)``;
"exceeds" rules pass when the excess is within that tolerance (plus, for
registered voters, the allowance for voters added on the day).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from saylau.core import protocol

NEGATIVE = "NEGATIVE"
VALID_INVALID = "VALID_INVALID"
FOUND_GT_ISSUED = "FOUND_GT_ISSUED"
ISSUED_GT_REGISTERED = "ISSUED_GT_REGISTERED"
CANDIDATES_VALID = "CANDIDATES_VALID"
RECEIVED_BALANCE = "RECEIVED_BALANCE"
TURNOUT_OVER_100 = "TURNOUT_OVER_100"
RULES = (NEGATIVE, VALID_INVALID, FOUND_GT_ISSUED, ISSUED_GT_REGISTERED,
         CANDIDATES_VALID, RECEIVED_BALANCE, TURNOUT_OVER_100)
#: what each rule checks, in English, Russian and Kazakh (the labels users read instead of the codes)
RULE_LABELS: Mapping[str, tuple[str, str, str]] = MappingProxyType({
    NEGATIVE: ("A figure is negative", "Отрицательное число в протоколе", "Хаттамада теріс сан бар"),
    VALID_INVALID: ("Valid and invalid ballots do not add up to the ballots found in the boxes",
                    "Сумма действительных и недействительных бюллетеней не равна числу бюллетеней в ящиках",
                    "Жарамды және жарамсыз бюллетеньдердің қосындысы жәшіктердегі бюллетеньдер санына тең емес"),
    FOUND_GT_ISSUED: ("More ballots in the boxes than were issued",
                      "В ящиках больше бюллетеней, чем было выдано",
                      "Жәшіктерде берілгеннен көп бюллетень бар"),
    ISSUED_GT_REGISTERED: ("More ballots issued than voters on the register",
                           "Выдано больше бюллетеней, чем избирателей в списке",
                           "Тізімдегі сайлаушылардан көп бюллетень берілген"),
    CANDIDATES_VALID: ("The candidates' votes do not add up to the valid ballots",
                       "Сумма голосов за кандидатов не равна числу действительных бюллетеней",
                       "Кандидаттарға берілген дауыстардың қосындысы жарамды бюллетеньдер санына тең емес"),
    RECEIVED_BALANCE: ("Ballots received do not equal ballots issued plus cancelled",
                       "Число полученных бюллетеней не равно сумме выданных и погашенных",
                       "Алынған бюллетеньдер саны берілген және жойылған бюллетеньдердің қосындысына тең емес"),
    TURNOUT_OVER_100: ("Turnout above the maximum", "Явка выше предельной", "Келу шектен жоғары"),
})


def rule_label(code: str, lang: str = "en") -> str:
    """The label of a rule in ``lang`` (en, ru or kk); the code itself for an unknown rule."""
    labels = RULE_LABELS.get(code)
    return labels[protocol.LANGS.index(lang) if lang in protocol.LANGS else 0] if labels else code


#: every line a rule reads (besides the candidates' votes)
CHECKED_LINES = (*protocol.LINES, *protocol.OPTIONAL_LINES)


@dataclass(frozen=True)
class Tolerances:
    """Per-election tolerances (defaults: exact arithmetic, 100 % turnout cap).

    ``absolute`` ballots and ``relative`` fraction of the reference line apply
    to every rule; ``registered_absolute`` and ``registered_relative`` are the
    extra ballots allowed above the register (voters added on election day);
    ``max_turnout`` is the turnout above which ``TURNOUT_OVER_100`` fires.
    """

    absolute: float = 0
    relative: float = 0.0
    registered_absolute: float = 0
    registered_relative: float = 0.0
    max_turnout: float = 1.0


@dataclass(frozen=True)
class Failure:
    """One failed rule of one protocol, with a reason in plain English."""

    code: str
    reason: str


def _fmt(value: float) -> str:
    if np.isnan(value):
        return "missing"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def as_columns(data, names: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """A dict of float64 arrays from a dict of arrays or a Polars DataFrame."""
    keys = list(data.columns if hasattr(data, "columns") else data.keys())
    if names is not None:
        keys = [k for k in keys if k in names]
    out = {}
    for k in keys:
        col = data[k]
        col = col.to_numpy() if hasattr(col, "to_numpy") else col
        out[k] = np.asarray(col, dtype=np.float64)
    return out


@dataclass(frozen=True)
class CheckReport:
    """Which protocols failed which rules.

    ``masks[code]`` is a boolean array (one per protocol) for each rule that
    ran; ``ids`` the protocol ids if given (else positions). Reasons are built
    only when asked for, so a report over millions of protocols stays cheap.
    """

    n_protocols: int
    masks: Mapping[str, np.ndarray]
    lines: Mapping[str, np.ndarray] = field(repr=False)
    candidates: tuple[str, ...]
    tolerances: Tolerances
    ids: np.ndarray | None = None

    @property
    def failed(self) -> np.ndarray:
        """Boolean array: the protocol failed at least one rule."""
        out = np.zeros(self.n_protocols, dtype=bool)
        for mask in self.masks.values():
            out |= mask
        return out

    def counts(self) -> dict[str, int]:
        """Number of protocols failing each rule that ran."""
        return {code: int(mask.sum()) for code, mask in self.masks.items()}

    def codes(self, i: int) -> tuple[str, ...]:
        """Rule codes failed by protocol ``i`` (position), in rule order."""
        return tuple(code for code in RULES if code in self.masks and self.masks[code][i])

    def failures(self, i: int) -> tuple[Failure, ...]:
        """The failures of protocol ``i`` with their reasons."""
        return tuple(Failure(code, self._reason(code, i)) for code in self.codes(i))

    def rows(self):
        """Yield ``(id, code, reason)`` for every failure, protocol by protocol."""
        for i in np.flatnonzero(self.failed):
            pid = self.ids[i].item() if self.ids is not None else int(i)
            for failure in self.failures(int(i)):
                yield pid, failure.code, failure.reason

    def to_polars(self):
        """Failures as a Polars DataFrame with columns id, code, reason."""
        import polars as pl

        rows = list(self.rows())
        return pl.DataFrame(rows, schema=["id", "code", "reason"], orient="row")

    def _reason(self, code: str, i: int) -> str:
        v = {k: a[i] for k, a in self.lines.items()}
        t = self.tolerances
        if code == NEGATIVE:
            bad = [f"{k} ({_fmt(x)})" for k, x in v.items() if k in _checked(self) and x < 0]
            return "negative value in " + ", ".join(bad)
        if code == VALID_INVALID:
            return (f"valid ({_fmt(v['valid'])}) + invalid ({_fmt(v['invalid'])}) = "
                    f"{_fmt(v['valid'] + v['invalid'])} but ballots found = {_fmt(v['_found'])}")
        if code == FOUND_GT_ISSUED:
            return (f"ballots found ({_fmt(v['_found'])}) exceed ballots issued "
                    f"({_fmt(v['_issued'])}) by {_fmt(v['_found'] - v['_issued'])}")
        if code == ISSUED_GT_REGISTERED:
            return (f"ballots issued ({_fmt(v['_issued'])}) exceed registered voters "
                    f"({_fmt(v['registered'])}) by {_fmt(v['_issued'] - v['registered'])}, "
                    f"more than the allowance of {_fmt(_allowance(t, v['registered']))}")
        if code == CANDIDATES_VALID:
            return (f"candidate votes add up to {_fmt(v['_candidates'])} "
                    f"but valid = {_fmt(v['valid'])}")
        if code == RECEIVED_BALANCE:
            unused = f" + unused ({_fmt(v['unused'])})" if "unused" in v else ""
            expected = v["_issued"] + v["cancelled"] + v.get("unused", 0)
            return (f"ballots received ({_fmt(v['ballots_received'])}) but issued "
                    f"({_fmt(v['_issued'])}) + cancelled ({_fmt(v['cancelled'])}){unused} "
                    f"= {_fmt(expected)}")
        if code == TURNOUT_OVER_100:
            base = "_issued" if "_issued" in v else "_found"
            word = "issued" if base == "_issued" else "found"
            if v["registered"] == 0:
                return f"{_fmt(v[base])} ballots {word} but no registered voters"
            return (f"turnout {100 * protocol.turnout(v[base], v['registered']):.1f} % "
                    f"({_fmt(v[base])} ballots {word}, {_fmt(v['registered'])} registered)")
        raise KeyError(code)


def _checked(report: CheckReport) -> set[str]:
    return {k for k in report.lines if not k.startswith("_")}


def _tol(t: Tolerances, reference: np.ndarray) -> np.ndarray:
    return np.maximum(t.absolute, t.relative * np.abs(reference))


def _allowance(t: Tolerances, registered):
    return np.maximum(t.registered_absolute, t.registered_relative * registered)


def check_protocols(
    data,
    candidates: Sequence[str],
    *,
    tolerances: Tolerances = Tolerances(),
    ids: Sequence | np.ndarray | None = None,
) -> CheckReport:
    """Run every rule whose lines are present over all protocols.

    ``data``: dict of arrays or Polars DataFrame of protocol lines (one row
    per protocol); ``candidates``: the candidate columns. Returns a
    :class:`CheckReport`.
    """
    t = tolerances
    cols = as_columns(data, [*CHECKED_LINES, *candidates])
    missing = [c for c in candidates if c not in cols]
    if missing:
        raise KeyError(f"candidate columns not found: {missing}")
    n = len(next(iter(cols.values()))) if cols else 0
    if any(a.size != n for a in cols.values()):
        raise ValueError("all protocol lines must have the same length")
    lines = dict(cols)
    masks: dict[str, np.ndarray] = {}
    neg = np.zeros(n, dtype=bool)
    for a in cols.values():
        neg |= a < 0
    masks[NEGATIVE] = neg
    if "found_in_boxes" in cols:
        lines["_found"] = cols["found_in_boxes"]
    elif "found_stationary" in cols and "found_mobile" in cols:
        lines["_found"] = cols["found_stationary"] + cols["found_mobile"]
    issued = protocol.issued(cols, null_as_zero=False)
    if issued is not None:
        lines["_issued"] = issued
    if candidates:
        lines["_candidates"] = np.sum([cols[c] for c in candidates], axis=0)
    has = lines.__contains__
    if has("valid") and has("invalid") and has("_found"):
        diff = lines["valid"] + lines["invalid"] - lines["_found"]
        masks[VALID_INVALID] = np.abs(diff) > _tol(t, lines["_found"])
    if has("_found") and has("_issued"):
        masks[FOUND_GT_ISSUED] = lines["_found"] - lines["_issued"] > _tol(t, lines["_issued"])
    if has("_issued") and has("registered"):
        reg = lines["registered"]
        masks[ISSUED_GT_REGISTERED] = (lines["_issued"] - reg
                                       > _tol(t, reg) + _allowance(t, reg))
    if has("_candidates") and has("valid"):
        diff = lines["_candidates"] - lines["valid"]
        masks[CANDIDATES_VALID] = np.abs(diff) > _tol(t, lines["valid"])
    if has("ballots_received") and has("_issued") and has("cancelled"):
        expected = lines["_issued"] + lines["cancelled"] + lines.get("unused", 0.0)
        diff = lines["ballots_received"] - expected
        masks[RECEIVED_BALANCE] = np.abs(diff) > _tol(t, lines["ballots_received"])
    base = lines.get("_issued", lines.get("_found"))
    if base is not None and has("registered"):
        masks[TURNOUT_OVER_100] = base > t.max_turnout * lines["registered"]
    return CheckReport(
        n_protocols=n,
        masks=MappingProxyType(masks),
        lines=MappingProxyType(lines),
        candidates=tuple(candidates),
        tolerances=t,
        ids=None if ids is None else np.asarray(ids),
    )


@dataclass(frozen=True)
class WinnerCheck:
    """Whether quarantined votes could change who is first.

    ``margin`` = leader's minus runner-up's clean votes; ``quarantined`` =
    votes in quarantined protocols, all of which could in the worst case go
    to the runner-up. ``could_change`` is ``margin <= quarantined`` (a tie
    counts as a change). ``reason`` states the figures.
    """

    leader: str
    runner_up: str
    leader_votes: float
    runner_up_votes: float
    margin: float
    quarantined: float
    could_change: bool
    reason: str


def winner_reason(leader: str, runner_up: str, leader_votes: float, runner_up_votes: float,
                  quarantined: float) -> str:
    """The sentence of a :class:`WinnerCheck`, with the candidates named as given."""
    margin = float(leader_votes - runner_up_votes)
    change = margin <= quarantined
    verb = "could" if change else "cannot"
    relation = "<=" if change else ">"
    return (f"{leader} leads {runner_up} by {_fmt(margin)} votes ({_fmt(leader_votes)} to "
            f"{_fmt(runner_up_votes)}); quarantined protocols hold {_fmt(quarantined)} votes: "
            f"margin {relation} quarantined, so they {verb} change the winner")


def could_change_winner(
    totals_clean: Mapping[str, float], quarantined_votes: float | Mapping[str, float],
    labels: Mapping[str, str] | None = None,
) -> WinnerCheck:
    """Compare the first-second margin with the votes held in quarantine.

    ``totals_clean``: candidate -> votes from protocols that passed the
    checks (at least two candidates); ``quarantined_votes``: the valid votes
    of the quarantined protocols, as a number or per candidate (summed);
    ``labels``: how the reason names each candidate (default: its key).
    """
    if len(totals_clean) < 2:
        raise ValueError("need at least two candidates")
    ranked = sorted(totals_clean.items(), key=lambda kv: (-kv[1], kv[0]))
    (leader, a), (runner, b) = ranked[0], ranked[1]
    q = (sum(quarantined_votes.values()) if isinstance(quarantined_votes, Mapping)
         else quarantined_votes)
    q = float(q)
    margin = float(a - b)
    names = labels or {}
    reason = winner_reason(names.get(leader, leader), names.get(runner, runner), a, b, q)
    return WinnerCheck(leader, runner, float(a), float(b), margin, q, margin <= q, reason)
