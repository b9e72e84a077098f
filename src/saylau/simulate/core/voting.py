"""Votes per station: honest voting, then injected manipulation with ground truth.

Three protocols come out for every station, as columns of one frame:

- ``counted_*``: what the PEC counted at the station (honest ballots plus any
  stuffed into the box). This is what an observer present at the count copies.
- ``official_*``: the protocol that reaches the results system after the DEC:
  turnout inflated, votes shifted or the protocol completed at the DEC, and
  sloppy arithmetic in some.
- ``entered_*``: for the stations whose official protocol was later corrected,
  the figures first entered before the correction (``corrected`` is true and
  ``correction_decision`` says whether a decision backed it).

Ground-truth columns: ``honest_*``, ``stuffed``, ``inflated``,
``inflated_ballots``, ``altered_at_dec``, ``shifted_votes``,
``completed_at_dec``, ``corrected``, ``correction_decision``,
``arithmetic_error``.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from saylau.simulate.core import profile_kz2011 as P
from saylau.simulate.core.draw import exact_choice


def _protocol(prefix: str, registered, received, issued_station, issued_mobile, issued_early, found, invalid, votes) -> dict:
    issued = issued_station + issued_mobile + issued_early
    out = {
        f"{prefix}registered": registered,
        f"{prefix}ballots_received": received,
        f"{prefix}issued_in_station": issued_station,
        f"{prefix}issued_mobile": issued_mobile,
        f"{prefix}issued_early": issued_early,
        f"{prefix}cancelled": received - issued,
        f"{prefix}found_in_boxes": found,
        f"{prefix}invalid": invalid,
        f"{prefix}valid": votes.sum(axis=1),
    }
    for i in range(votes.shape[1]):
        out[f"{prefix}votes_{i + 1}"] = votes[:, i]
    return out


def vote(rng: np.random.Generator, stations: pl.DataFrame) -> pl.DataFrame:
    """Honest and official protocols of every station, with the ground truth."""
    n = len(stations)
    registered = stations["registered"].to_numpy().astype(np.int64)
    region = stations["region_code"].to_numpy()
    urban = stations["area"].to_numpy() == "urban"
    special = stations["kind"].to_numpy() == "special"
    profile = {r[0]: r for r in P.REGIONS}
    base = np.array([profile[c][6][0] for c in region])
    base = np.where(urban, base, np.array([profile[c][6][1] for c in region]))
    base = np.where(special, 0.93, base)
    conc = 30.0
    turnout = rng.beta(base * conc, (1 - base) * conc)
    # Ballots received: registered plus a reserve of about 1-3 per cent.
    received = registered + np.ceil(registered * rng.uniform(0.01, 0.03, n)).astype(np.int64) + 5
    issued = rng.binomial(registered, turnout)
    mobile = rng.binomial(issued, np.where(special, 0.0, 0.03))
    early = rng.binomial(issued - mobile, 0.005)
    in_station = issued - mobile - early
    shares = np.array([c[8] for c in P.CANDIDATES])
    local = rng.dirichlet(shares * 150, n)
    invalid = rng.binomial(issued, P.INVALID_RATE)
    honest_votes = np.vstack([rng.multinomial(m, p) for m, p in zip(issued - invalid, local, strict=True)]) if n < 20000 else _multinomial_rows(rng, issued - invalid, local)
    honest = _protocol("honest_", registered, received, in_station, mobile, early, issued, invalid, honest_votes)

    # Ballot stuffing: extra ballots for the incumbent in the box; the PEC
    # covers it by issuing on paper as many ballots (forged signatures).
    stuffed_mask = exact_choice(rng, n, int(round(P.STUFFING_SHARE * n))) & ~special
    stuffed = np.where(stuffed_mask, np.ceil(registered * rng.uniform(*P.STUFFING_RANGE, n)).astype(np.int64), 0)
    stuffed = np.minimum(stuffed, np.maximum(received - issued - 1, 0))
    c_station = in_station + stuffed
    c_votes = honest_votes.copy()
    c_votes[:, 0] += stuffed
    counted = _protocol("counted_", registered, received, c_station, mobile, early, issued + stuffed, invalid, c_votes)

    # Turnout inflation after the count: the protocol is rewritten with a
    # higher turnout, the extra ballots all for the incumbent.
    inflate_share = np.array([profile[c][7] for c in region])
    c_issued = issued + stuffed
    target = np.floor(registered * rng.uniform(*P.INFLATED_TURNOUT_RANGE, n)).astype(np.int64)
    room = np.minimum(target, received) - c_issued
    inflated = (rng.random(n) < inflate_share) & (room > 0) & ~special
    extra = np.where(inflated, room, 0)
    o_station = c_station + extra
    o_votes = c_votes.copy()
    o_votes[:, 0] += extra
    # Votes shifted from the other candidates to the incumbent at the DEC.
    altered = exact_choice(rng, n, int(round(P.ALTERED_AT_DEC_SHARE * n))) & ~special
    moved = np.floor(o_votes[:, 1:] * rng.uniform(*P.ALTERED_SHIFT_RANGE, (n, 1))).astype(np.int64)
    moved[~altered] = 0
    o_votes[:, 1:] -= moved
    o_votes[:, 0] += moved.sum(axis=1)
    completed = exact_choice(rng, n, int(round(P.COMPLETED_AT_DEC_SHARE * n)), weights=(inflated | altered).astype(float) + 0.2)
    official = _protocol("official_", registered, received, o_station, mobile, early, c_issued + extra, invalid, o_votes)
    # Sloppy arithmetic in some official protocols: invalid ballots miswritten.
    sloppy = exact_choice(rng, n, int(round(P.ARITHMETIC_ERROR_SHARE * n)))
    official["official_invalid"] = official["official_invalid"] + np.where(sloppy, rng.integers(1, 15, n), 0)

    # Corrections after entry: what was first entered differs on the incumbent's line.
    corrected = exact_choice(rng, n, int(round(P.CORRECTED_SHARE * n)))
    decision = corrected & (rng.random(n) >= P.CORRECTED_WITHOUT_DECISION_SHARE)
    entered = {key.replace("official_", "entered_"): value.copy() for key, value in official.items()}
    delta = np.where(corrected, rng.integers(5, 60, n), 0)
    entered["entered_votes_1"] = entered["entered_votes_1"] - np.minimum(delta, entered["entered_votes_1"])
    entered["entered_valid"] = entered["entered_valid"] - np.minimum(delta, official["official_votes_1"])

    truth = {
        "station_code": stations["code"].to_numpy(),
        "stuffed": stuffed,
        "inflated": inflated,
        "inflated_ballots": extra,
        "altered_at_dec": altered,
        "shifted_votes": moved.sum(axis=1),
        "completed_at_dec": completed,
        "corrected": corrected,
        "correction_decision": decision,
        "arithmetic_error": sloppy,
    }
    return pl.DataFrame({**truth, **honest, **counted, **official, **entered})


def _multinomial_rows(rng: np.random.Generator, totals: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """Row-wise multinomial draws by sequential binomials (vectorised for large n)."""
    out = np.zeros(probs.shape, dtype=np.int64)
    left = totals.astype(np.int64).copy()
    mass = np.ones(len(totals))
    for j in range(probs.shape[1] - 1):
        p = np.clip(probs[:, j] / np.maximum(mass, 1e-12), 0, 1)
        out[:, j] = rng.binomial(left, p)
        left -= out[:, j]
        mass -= probs[:, j]
    out[:, -1] = left
    return out
