"""Run every method on one table of stations and collect the results."""

from __future__ import annotations

import dataclasses
import logging
import math
import time
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from saylau.forensics._basic import NULLS, BasicTest, BasicTestsResult, basic_tests
from saylau.forensics._extremes import ExtremeCounts, extreme_stations
from saylau.forensics._fingerprint import Fingerprint, fingerprint
from saylau.forensics._integer import IntegerPercentResult, integer_percentages, is_integer_percent
from saylau.forensics._io import Stations
from saylau.forensics._klimek import KlimekFit, fit_klimek
from saylau.forensics._mixture_fit import MixtureFit, fit_mixture
from saylau.forensics._rozenas import RozenasResult, coarse_fractions, rozenas
from saylau.forensics._shpilkin import ShpilkinResult, shpilkin
from saylau.forensics._spatial import SpatialResult, spatial_clusters
from saylau.forensics._unit_basic import (
    NATIONAL,
    SAYLAU,
    Definitions,
    UnitBasicTests,
    unit_basic_tests,
)
from saylau.forensics._units import AnomalousStation, UnitRow, anomalous_stations, unit_breakdown

log = logging.getLogger(__name__)

_PER_STATION = {"station_excess", "station_probability", "station_observed", "selected",
                "station_incremental", "station_extreme", "station_incremental_ci",
                "station_extreme_ci"}


@dataclass(frozen=True)
class ForensicsReport:
    title: str
    seed: int | None
    stations: int
    totals: dict[str, int]
    turnout: float  # percent, given / registered summed
    winner: str
    winner_share: float  # percent, winner / received summed
    problems: tuple
    fingerprint: Fingerprint
    klimek: KlimekFit | None
    integer: IntegerPercentResult
    shpilkin: ShpilkinResult
    basic: BasicTestsResult
    rozenas_share: RozenasResult
    rozenas_turnout: RozenasResult
    units: dict[str, list[UnitRow]] = field(default_factory=dict)
    anomalies: list[AnomalousStation] = field(default_factory=list)
    extremes: ExtremeCounts | None = None
    share_of: str = "received"
    unit_basic: UnitBasicTests | None = None
    mixture: MixtureFit | None = None
    spatial: SpatialResult | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Every statistic as plain JSON-ready values (per-station arrays left out)."""
        return _plain(self)


def plain(value):
    """Any result as JSON-ready values (per-station arrays left out, NaN as None)."""
    return _plain(value)


_SIMPLE = (str, int, bool, type(None))
_EXACT = frozenset(_SIMPLE)  # by exact type: one set look-up per value
_FINITE = math.isfinite


def _plain(value):
    if isinstance(value, _SIMPLE):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # the station lists hold tens of thousands of these: plain values inline
        return {k: (v if type(v) in _EXACT else (v if _FINITE(v) else None)
                    if type(v) is float else _plain(v))
                for k, v in vars(value).items() if k not in _PER_STATION}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, Fraction):
        return str(value)
    return value


def _winner_row(ub: UnitBasicTests, winner: str, replicates: int) -> BasicTestsResult:
    row = next(r for r in ub.rows[NATIONAL] if r.quantity == winner)
    turnout = ub.rows[NATIONAL][0]  # the turnout row comes first
    order = [*NULLS, "DipT"]
    tests = []
    for name in order:
        e = (turnout if name == "DipT" else row).estimates[name]
        if name == "DipT":
            tests.append(BasicTest("DipT", "Hartigan's dip statistic of turnout (p-value from "
                                   "diptest)", e.value, e.ci_low, e.ci_high, 0.0, 0.0,
                                   bool(e.significant), e.n, e.p_value))
            continue
        lo, hi, text = NULLS[name]
        tests.append(BasicTest(name, text.format(m=ub.definitions.last_digit_min), e.value,
                               e.ci_low, e.ci_high, lo, hi, bool(e.significant), e.n))
    return BasicTestsResult(tuple(tests), replicates)


def analyse(
    stations: Stations,
    *,
    title: str = "",
    seed: int | None = 0,
    replicates: int = 1000,
    bootstrap: int | None = None,
    klimek_repeats: int = 5,
    max_denominator: int = 4,
    top: int | None = None,
    levels=None,
    definitions: Definitions = SAYLAU,
    mixture_bootstrap: int | None = None,
    mixture_sample: int | None = None,
    spatial: dict | None = None,
) -> ForensicsReport:
    """Every method with one seed; ``replicates`` Monte-Carlo and bootstrap draws.

    ``levels`` are the unit columns whose every unit gets the basic tests on
    turnout and each candidate (default: the first unit column; ``()`` for
    none); the national rows come with them. ``definitions`` are those tests'
    definitions (:data:`SAYLAU` or :data:`EFTOOLKIT`). ``mixture_bootstrap``
    set (0 or more replicates) also fits the finite mixture model (slow).
    ``spatial`` (keywords of :func:`spatial_clusters`, with ``level``) adds
    Moran's I and local Getis-Ord G* over units with coordinates or adjacency.
    """
    seeds = np.random.SeedSequence(seed).spawn(8)
    if levels is None:
        levels = tuple(stations.units)[:1]
    seconds: dict[str, float] = {}

    def timed(name, fn, *args, **kwargs):
        started = time.perf_counter()
        out = fn(*args, **kwargs)
        seconds[name] = time.perf_counter() - started
        log.info("%s: %.2f s", name, seconds[name])
        return out

    fp = timed("fingerprint", fingerprint, stations)
    kl = (timed("klimek", fit_klimek, stations, repeats=klimek_repeats, seed=seeds[0])
          if klimek_repeats else None)
    ip = timed("integer", integer_percentages, stations, replicates=replicates, seed=seeds[1])
    sp = timed("shpilkin", shpilkin, stations)
    ub = timed("basic per unit", unit_basic_tests, stations, tuple(levels),
               definitions=definitions, replicates=bootstrap or replicates, seed=seeds[6])
    if definitions == SAYLAU:  # the national winner's row is the classic table
        bt = _winner_row(ub, stations.winner, bootstrap or replicates)
    else:
        bt = timed("basic", basic_tests, stations, replicates=bootstrap or replicates,
                   seed=seeds[2])
    fractions = coarse_fractions(max_denominator)
    rz_s = timed("rozenas share", rozenas, stations, quantity="share", fractions=fractions,
                 replicates=replicates, seed=seeds[3])
    rz_t = timed("rozenas turnout", rozenas, stations, quantity="turnout", fractions=fractions,
                 replicates=replicates, seed=seeds[4])
    started = time.perf_counter()
    observed = np.zeros(stations.n, dtype=bool)
    observed[ip.selected] = ip.station_observed
    probability = np.zeros(stations.n)
    probability[ip.selected] = ip.station_probability
    units = {u: unit_breakdown(stations, u, integer_observed=observed,
                               integer_probability=probability,
                               station_excess=sp.station_excess) for u in stations.units}
    first_unit = next(iter(stations.units), None)
    anomalies = anomalous_stations(
        stations, unit=first_unit, station_excess=sp.station_excess,
        integer_turnout=is_integer_percent(stations.given, stations.registered),
        integer_share=is_integer_percent(stations.winner_votes, stations.denominator), top=top)
    extremes = extreme_stations(stations)
    mx = (timed("mixture", fit_mixture, stations, bootstrap=mixture_bootstrap, seed=seeds[7],
                max_stations=mixture_sample)
          if mixture_bootstrap is not None else None)
    sp_result = None
    if spatial is not None:
        flagged = np.isin(stations.rows if stations.rows is not None
                          else np.arange(1, stations.n + 1), [a.row for a in anomalies])
        options = dict(spatial)
        sp_result = timed("spatial", spatial_clusters, stations, options.pop("level"),
                          anomalous=flagged, **options)
    seconds["units and anomalies"] = time.perf_counter() - started
    totals = stations.totals or {
        "registered": int(stations.registered.sum()), "given": int(stations.given.sum()),
        "received": int(stations.received.sum()),
        f"votes:{stations.winner}": int(stations.winner_votes.sum()),
    }
    return ForensicsReport(
        title=title, seed=seed, stations=stations.n, totals=totals,
        turnout=100 * totals["given"] / totals["registered"], winner=stations.winner,
        winner_share=100 * totals[f"votes:{stations.winner}"] / totals[
            "valid" if stations.share_of == "valid" else "received"],
        problems=stations.problems, fingerprint=fp, klimek=kl, integer=ip, shpilkin=sp,
        basic=bt, rozenas_share=rz_s, rozenas_turnout=rz_t, units=units, anomalies=anomalies,
        extremes=extremes, share_of=stations.share_of, unit_basic=ub, mixture=mx, spatial=sp_result, seconds=seconds,
    )
