"""Synthetic station results, honest or with known manipulation (for checks)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saylau.forensics._io import Stations, stations_from_arrays


@dataclass(frozen=True)
class SimulationTruth:
    stuffed: np.ndarray  # boolean per station
    stuffed_votes: int
    rounded: np.ndarray  # integer percentage imposed
    coarse: np.ndarray  # coarse fraction imposed


def simulate_stations(
    n: int,
    *,
    seed: int | np.random.Generator | None = 0,
    log_registered: tuple[float, float] = (7.0, 0.6),
    turnout: tuple[float, float] = (0.6, 0.08),
    share: tuple[float, float] = (0.5, 0.08),
    invalid_rate: float = 0.01,
    stuffing: float = 0.0,
    stuffing_intensity: tuple[float, float] = (0.3, 0.9),
    rounding: float = 0.0,
    coarse: float = 0.0,
) -> tuple[Stations, SimulationTruth]:
    """Honest binomial station results, optionally manipulated.

    Honest: registered ~ lognormal(log_registered), at least 20; turnout and
    winner propensities ~ Normal(mean, sd) clipped to [0.02, 0.98], counts
    binomial. ``stuffing`` is the fraction of stations where a fraction
    U(stuffing_intensity) of the non-voters is added as ballots for the
    winner. ``rounding`` is the fraction of stations whose winner share is
    moved to the nearest whole percent (votes taken from or given to the
    runner-up), and whose turnout is moved to a whole percent by adding or
    removing invalid ballots. ``coarse`` is the fraction whose winner share is
    set exactly to the nearest of 1/2, 2/3, 3/4.
    """
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    reg = np.maximum(np.rint(np.exp(rng.normal(*log_registered, n))).astype(np.int64), 20)
    pt = np.clip(rng.normal(*turnout, n), 0.02, 0.98)
    pv = np.clip(rng.normal(*share, n), 0.02, 0.98)
    given = rng.binomial(reg, pt)
    invalid = rng.binomial(given, invalid_rate)
    valid = given - invalid
    win = rng.binomial(valid, pv)
    second = rng.binomial(valid - win, 0.6)
    third = valid - win - second

    stuffed = rng.random(n) < stuffing
    extra = np.where(stuffed, np.rint(rng.uniform(*stuffing_intensity, n) * (reg - given)), 0)
    extra = extra.astype(np.int64)
    given, valid, win = given + extra, valid + extra, win + extra

    rounded = (rng.random(n) < rounding) & (given >= 100)
    t_target = np.rint(reg * np.rint(100.0 * given / reg) / 100.0).astype(np.int64)
    d_given = np.where(rounded, t_target - given, 0)
    d_given = np.clip(d_given, -invalid, reg - given)
    given, invalid = given + d_given, invalid + d_given
    rec = valid + invalid
    target = np.rint(rec * np.rint(100.0 * win / rec) / 100.0).astype(np.int64)
    delta = np.where(rounded, target - win, 0)
    delta = np.clip(delta, -win, second)  # runner-up pays (or receives)
    win, second = win + delta, second - delta

    focal = np.array([1 / 2, 2 / 3, 3 / 4])
    den = np.array([2, 3, 4])
    num = np.array([1, 2, 3])
    made_coarse = (rng.random(n) < coarse) & ~rounded
    rec = valid + invalid
    pick = np.argmin(np.abs(win[:, None] / rec[:, None] - focal[None, :]), axis=1)
    b, a = den[pick], num[pick]
    cut = np.where(made_coarse, rec % b, 0)
    cut = np.minimum(cut, second)
    made_coarse &= (rec - cut) % b == 0
    cut = np.where(made_coarse, cut, 0)
    second, valid, given = second - cut, valid - cut, given - cut
    rec = valid + invalid
    new_win = np.where(made_coarse, rec * a // b, win)
    shift = np.clip(new_win - win, -win, second)
    ok = made_coarse & (win + shift == new_win)
    shift = np.where(ok, shift, 0)
    win, second = win + shift, second - shift
    votes = np.column_stack([win, second, third])
    stations = stations_from_arrays(reg, given, valid, invalid, votes, ("winner", "second", "third"),
                                    "winner", units={"unit": (np.arange(n) % 10).astype(str)})
    truth = SimulationTruth(stuffed, int(extra.sum()), rounded, ok)
    return stations, truth
