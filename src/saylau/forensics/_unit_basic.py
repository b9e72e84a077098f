"""The Kalinin-Mebane basic tests per unit, on turnout and on every candidate.

For each level the user names (a unit column: region, commune, ...) and for
the whole file ("National"), every unit's stations are tested on turnout and
on each candidate, with bootstrap intervals: the layout of EFToolkit's
``BasicElectionForensics`` (Kalinin and Mebane), one row per unit and
quantity.

Two sets of definitions are built in (:data:`SAYLAU`, the default, and
:data:`EFTOOLKIT`, which follows EFToolkit's R code); every difference is a
field of :class:`Definitions`, so each can be set alone:

==================  =========================================  ==========================================
field               saylau                                     EFToolkit (``BasicElectionForensics.R``)
==================  =========================================  ==========================================
last_digit_min      LastC and C05s on counts >= 100            every count (``LastDigitGetter``)
kurtosis            excess (normal 0)                          raw, ``moments::kurtosis`` (normal 3)
sobyanin            slope of votes/registered on turnout       ``sobyanin_sukhovolsky``: slope of share
                                                               on turnout minus the mean share
rounding            P05s rounds halves up                      R's ``round``: halves to even
interval            percentile bootstrap                       ``boot.ci(type="basic")``
turnout_votes       ballots issued / registered                ``TotalVotes`` / registered (the share's
                                                               denominator)
cap                 no                                         turnout and shares above 1 counted as 1
                                                               in P05s, Skew, Kurt (``bootAnalT/V``)
dip                 dip statistic, p-value beside it           ``dip.test(...)$p.value``
==================  =========================================  ==========================================

All bootstrapped statistics are functions of sums over stations, so a
replicate is a vector of station multiplicities and every replicate's sums
for every quantity come from one matrix product per unit (as in
``_basic``). One set of multiplicities is shared by all quantities of a unit.
"""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import numpy as np
from scipy import special

from saylau.forensics._basic import BENFORD_2BL, second_digit
from saylau.forensics._io import Stations
from saylau.forensics._parallel import seed_sequence, workers

TESTS = ("2BL", "LastC", "P05s", "C05s", "Sobyanin", "Skew", "Kurt", "DipT", "Corr")
EFTOOLKIT_NAMES = {"2BL": "_2BL", "Corr": "Correlation"}
TURNOUT = "Turnout"
NATIONAL = "National"


@dataclass(frozen=True)
class Definitions:
    """What each basic test means; see the module's table."""

    name: str = "saylau"
    last_digit_min: int = 100
    kurtosis: str = "excess"  # "excess" or "raw"
    sobyanin: str = "slope"  # "slope" or "eftoolkit"
    rounding: str = "half-up"  # "half-up" or "half-even"
    interval: str = "percentile"  # "percentile" or "basic"
    turnout_votes: str = "given"  # "given" or "denominator"
    cap: bool = False
    dip: str = "statistic"  # DipT's value: "statistic" (p-value beside it) or "p-value"

    def __post_init__(self):
        choices = {"kurtosis": ("excess", "raw"), "sobyanin": ("slope", "eftoolkit"),
                   "rounding": ("half-up", "half-even"), "interval": ("percentile", "basic"),
                   "turnout_votes": ("given", "denominator"), "dip": ("statistic", "p-value")}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} {getattr(self, name)!r}: expected one of "
                                 f"{', '.join(allowed)}")
        if self.last_digit_min < 0:
            raise ValueError(f"last_digit_min {self.last_digit_min}: expected a count >= 0")


SAYLAU = Definitions()
EFTOOLKIT = Definitions(name="eftoolkit", last_digit_min=0, kurtosis="raw", sobyanin="eftoolkit",
                        rounding="half-even", interval="basic", turnout_votes="denominator",
                        cap=True, dip="p-value")


def definitions(base: str = "saylau", **changes) -> Definitions:
    """The named definitions with some fields changed (name becomes ``custom``)."""
    start = {"saylau": SAYLAU, "eftoolkit": EFTOOLKIT}[base]
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        return start
    out = replace(start, **changes)
    return out if out == start else replace(out, name=f"{base}, changed")


@dataclass(frozen=True)
class Estimate:
    value: float
    ci_low: float
    ci_high: float
    significant: bool | None  # None when there is no interval or null to compare with
    n: int  # stations the statistic uses
    p_value: float | None = None  # the dip test's


@dataclass(frozen=True)
class BasicRow:
    level: str  # the unit column, or "National"
    unit: str
    quantity: str  # "Turnout" or a candidate
    obs: int  # stations in the unit
    estimates: dict[str, Estimate] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitBasicTests:
    definitions: Definitions
    replicates: int
    level: float  # confidence level of the intervals
    rows: dict[str, list[BasicRow]]  # by level; rows ordered quantity-major, units sorted
    stratified: str | None = None  # the level whose units stratify the national bootstrap

    def table(self, level: str) -> list[list[str]]:
        return eftoolkit_layout(self.rows[level])


def _nulls(d: Definitions) -> dict[str, tuple[float, float] | None]:
    return {"2BL": (BENFORD_2BL, BENFORD_2BL), "LastC": (4.5, 4.5), "P05s": (0.2, 0.2),
            "C05s": (0.2, 0.2), "Skew": (0.0, 0.0),
            "Kurt": (3.0, 3.0) if d.kurtosis == "raw" else (0.0, 0.0),
            "Sobyanin": (0.0, 1.0) if d.sobyanin == "slope" else None,
            "Corr": (0.0, 0.0)}


# -- sums ----------------------------------------------------------------------

_Q = ("m2", "d2", "mL", "last", "c05", "p05", "x1", "x2", "x3", "x4")  # every quantity
_C = ("s1", "s2", "ts", "y1", "ty")  # candidates only
_SHARED = ("one", "t1", "t2")


def _rounded_percent(p: np.ndarray, d: Definitions) -> np.ndarray:
    pct = p * 100.0  # as R: pct100 <- pct*100, then round
    if d.rounding == "half-even":
        return np.rint(pct).astype(np.int64)
    return np.floor(pct + 0.5).astype(np.int64)


def _quantities(s: Stations, d: Definitions):
    """(name, counts, fraction for P05s/Skew/Kurt, share for Sobyanin/Corr or None)."""
    denominator = s.denominator.astype(float)
    t_num = s.given if d.turnout_votes == "given" else s.denominator
    turnout = t_num / s.registered
    out = [(TURNOUT, t_num, np.minimum(turnout, 1.0) if d.cap else turnout, None)]
    for j, name in enumerate(s.candidates):
        share = s.votes[:, j] / denominator
        out.append((name, s.votes[:, j], np.minimum(share, 1.0) if d.cap else share, share))
    return turnout, out


def _features(s: Stations, index: np.ndarray, groups: int, d: Definitions,
              global_centre: bool = False):
    """Columns: 3 shared sums, 10 per quantity, then 5 per candidate; every
    fraction centred on its group's mean (for precision). Also the centres of
    the shares (the EFToolkit Sobyanin figure needs the mean share back)."""
    turnout, quantities = _quantities(s, d)
    n_g = np.bincount(index, minlength=groups).astype(float)

    def centred(x):
        if global_centre:  # one centre, so that units' sums add up to the nation's
            mean = np.full(groups, x.mean())
        else:
            mean = np.bincount(index, weights=x, minlength=groups) / np.maximum(n_g, 1)
        return x - mean[index], mean

    tc, _ = centred(turnout)
    cols = [np.ones(s.n), tc, tc**2]
    extra, share_centres = [], []
    for _name, counts, frac, share in quantities:
        counts = np.asarray(counts, dtype=np.int64)
        d2 = second_digit(counts)
        m2 = d2 >= 0
        mL = counts >= d.last_digit_min
        last = counts % 10
        pct = _rounded_percent(frac, d)
        x, _ = centred(np.asarray(frac, dtype=float))
        cols += [m2, np.where(m2, d2, 0), mL, np.where(mL, last, 0),
                 mL & (last % 5 == 0), pct % 5 == 0, x, x**2, x**3, x**4]
        if share is not None:
            sc, centre = centred(share)
            y, _ = centred(counts / s.registered)
            extra += [sc, sc**2, tc * sc, y, tc * y]
            share_centres.append(centre)
        else:
            share_centres.append(np.zeros(groups))
    features = np.column_stack([np.asarray(c, dtype=float) for c in cols + extra])
    return turnout, quantities, features, share_centres


def _stats(sums: np.ndarray, q: int, d: Definitions, centre_s) -> dict[str, np.ndarray]:
    """Statistics of quantity ``q`` (0 = turnout) from rows of sums."""
    n = sums[:, 0]
    t1, t2 = sums[:, 1], sums[:, 2]
    base = 3 + 10 * q
    c = {k: sums[:, base + i] for i, k in enumerate(_Q)}
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        m1 = c["x1"] / n
        mu2 = c["x2"] / n - m1**2
        mu3 = c["x3"] / n - 3 * m1 * c["x2"] / n + 2 * m1**3
        mu4 = c["x4"] / n - 4 * m1 * c["x3"] / n + 6 * m1**2 * c["x2"] / n - 3 * m1**4
        out = {
            "2BL": c["d2"] / c["m2"], "LastC": c["last"] / c["mL"], "C05s": c["c05"] / c["mL"],
            "P05s": c["p05"] / n, "Skew": mu3 / mu2**1.5,
            "Kurt": mu4 / mu2**2 - (0.0 if d.kurtosis == "raw" else 3.0),
        }
        if q > 0:
            # 3 shared, 10 per quantity (turnout and C candidates), then 5 per candidate
            candidates = (sums.shape[1] - 13) // 15
            cbase = 3 + 10 * (candidates + 1) + 5 * (q - 1)
            s1, s2, ts, y1, ty = (sums[:, cbase + i] for i in range(5))
            tm = t1 / n
            var_t = t2 / n - tm**2
            sm = s1 / n
            cov_ts = ts / n - tm * sm
            if d.sobyanin == "slope":
                out["Sobyanin"] = (ty / n - tm * y1 / n) / var_t
            else:
                out["Sobyanin"] = cov_ts / var_t - (centre_s + sm)
            out["Corr"] = cov_ts / np.sqrt(var_t * (s2 / n - sm**2))
    return out


def _norm_inter(t: np.ndarray, alpha: float) -> np.ndarray:
    """R's ``boot:::norm.inter`` for each row of ``t``: an order statistic of the
    finite replicates, interpolated on the normal scale."""
    t = np.where(np.isfinite(t), t, np.inf)
    t = np.sort(t, axis=1)
    r = np.isfinite(t).sum(axis=1)
    out = np.full(t.shape[0], np.nan)
    rows = np.arange(t.shape[0])
    rk = (r + 1) * alpha
    k = np.trunc(rk).astype(np.int64)
    exact = (k == rk) & (k > 0) & (k <= r)
    low = (k <= 0) & (r > 0)
    high = (k >= r) & (r > 0) & ~exact
    inner = ~exact & ~low & ~high & (r > 0)
    out[exact] = t[rows[exact], k[exact] - 1]
    out[low] = t[rows[low], 0]
    out[high] = t[rows[high], r[high] - 1]
    if inner.any():
        ki, ri = k[inner], r[inner]
        q1 = special.ndtri(alpha)
        q2 = special.ndtri(ki / (ri + 1))
        q3 = special.ndtri((ki + 1) / (ri + 1))
        tk, tk1 = t[rows[inner], ki - 1], t[rows[inner], ki]
        out[inner] = tk + (q1 - q2) / (q3 - q2) * (tk1 - tk)
    return out


def _row_quantile(t: np.ndarray, q: float) -> np.ndarray:
    """Each row's q-quantile of its finite values (NumPy's default, linear)."""
    t = np.sort(np.where(np.isfinite(t), t, np.inf), axis=1)
    r = np.isfinite(t).sum(axis=1)
    pos = q * np.maximum(r - 1, 0)
    lo = np.floor(pos).astype(np.int64)
    hi = np.minimum(lo + 1, np.maximum(r - 1, 0))
    rows = np.arange(t.shape[0])
    a, b = t[rows, lo], t[rows, hi]
    with np.errstate(invalid="ignore"):
        out = a + (pos - lo) * (b - a)
    return np.where(r > 0, out, np.nan)


def _intervals(point: np.ndarray, boot: np.ndarray, d: Definitions, level: float):
    """Per group (rows of ``boot``): the interval's ends."""
    if boot.shape[1] == 0:
        nan = np.full(point.shape, np.nan)
        return nan, nan
    if d.interval == "basic":
        hi_q = _norm_inter(boot, (1 + level) / 2)
        lo_q = _norm_inter(boot, (1 - level) / 2)
        lo, hi = 2 * point - hi_q, 2 * point - lo_q
    else:
        alpha = 1.0 - level
        lo, hi = _row_quantile(boot, alpha / 2), _row_quantile(boot, 1 - alpha / 2)
    bad = ~np.isfinite(point)
    return np.where(bad, np.nan, lo), np.where(bad, np.nan, hi)


def _dip(x: np.ndarray) -> tuple[float, float]:
    import diptest

    x = np.asarray(x, dtype=float)
    x = x[np.isfinite(x)]
    if x.size < 4:
        return float("nan"), float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # table extrapolated beyond 72,000
        dip, p = diptest.diptest(x)
    return float(dip), float(p)


def _bootstrap(features32: np.ndarray, starts: np.ndarray, sizes: np.ndarray, replicates: int,
               seed) -> np.ndarray:
    """(groups, replicates, sums): each group's stations resampled with replacement."""
    groups, k = sizes.size, features32.shape[1]
    out = np.full((groups, replicates, k), np.nan, dtype=np.float32)
    children = seed_sequence(seed).spawn(groups)
    tasks = []
    for g in range(groups):
        n = int(sizes[g])
        if n < 2:
            continue
        chunk = max(1, min(replicates, 4_000_000 // n))
        for c, start in zip(children[g].spawn((replicates + chunk - 1) // chunk),
                            range(0, replicates, chunk), strict=True):
            tasks.append((g, start, min(chunk, replicates - start), c))

    def run(task):
        g, start, size, child = task
        n, first = int(sizes[g]), int(starts[g])
        rng = np.random.default_rng(child)
        draws = rng.integers(0, n, size=(size, n), dtype=np.int64)
        draws += (np.arange(size, dtype=np.int64) * n)[:, None]
        weights = np.bincount(draws.ravel(), minlength=size * n).reshape(size, n)
        out[g, start:start + size] = weights.astype(np.float32) @ features32[first:first + n]

    if tasks:
        from threadpoolctl import threadpool_limits

        # the pool's threads share the cores; BLAS threads of their own inside
        # each product would only spin against them (ten times the CPU, measured)
        with threadpool_limits(1, "blas"), ThreadPoolExecutor(max_workers=workers()) as pool:
            list(pool.map(run, tasks))
    return out


def _level_rows(stations: Stations, level: str, values: np.ndarray, d: Definitions,
                replicates: int, conf: float, seed, *, national_too: bool = False):
    """Rows of one level; with ``national_too`` also the national rows, whose
    bootstrap is the sum of the units' (a bootstrap stratified by unit)."""
    labels, index = np.unique(values, return_inverse=True)
    order = np.argsort(index, kind="stable")
    s = stations.subset(order)
    index = index[order]
    groups = labels.size
    turnout, quantities, features, share_centres = _features(s, index, groups, d,
                                                             global_centre=national_too)
    sizes = np.bincount(index, minlength=groups)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    point_sums = np.add.reduceat(features, starts, axis=0)
    boot = (_bootstrap(features.astype(np.float32), starts, sizes, replicates, seed)
            if replicates else np.zeros((groups, 0, features.shape[1]), dtype=np.float32))
    rows = _rows(level, labels, sizes, starts, turnout, quantities, point_sums, boot,
                 share_centres, d, conf)
    if not national_too:
        return rows, None
    national = _rows(NATIONAL, np.array([NATIONAL]), np.array([s.n]), np.array([0]), turnout,
                     quantities, point_sums.sum(axis=0, keepdims=True),
                     boot.astype(float).sum(axis=0, keepdims=True),
                     [c[:1] for c in share_centres], d, conf)
    return rows, national


def _rows(level, labels, sizes, starts, turnout, quantities, point_sums, boot, share_centres,
          d: Definitions, conf: float) -> list[BasicRow]:
    groups = labels.size
    boot_flat = boot.reshape(-1, point_sums.shape[1]).astype(float)
    nulls = _nulls(d)
    eft = d.dip == "p-value"
    table: dict[tuple[int, int], dict[str, Estimate]] = {}
    for q, (_name, _counts, _frac, share) in enumerate(quantities):
        centre_g = share_centres[q]
        point = _stats(point_sums, q, d, centre_g)
        bstats = _stats(boot_flat, q, d, np.repeat(centre_g, boot.shape[1]))
        col = 3 + 10 * q
        used = {"2BL": point_sums[:, col], "LastC": point_sums[:, col + 2],
                "C05s": point_sums[:, col + 2]}
        per_test = {}
        for test, value in point.items():
            with_ci = not (d.interval == "basic" and test in ("Sobyanin", "Corr"))
            if with_ci:
                lo, hi = _intervals(value, bstats[test].reshape(groups, -1), d, conf)
            else:
                lo = hi = np.full(groups, np.nan)
            per_test[test] = (value, lo, hi)
        dip_of = share if share is not None else turnout
        for g in range(groups):
            estimates: dict[str, Estimate] = {}
            for test in TESTS:
                if test == "DipT":
                    dip, p = _dip(dip_of[starts[g]:starts[g] + sizes[g]])
                    estimates[test] = Estimate(p if eft else dip, float("nan"), float("nan"),
                                               bool(p < 1 - conf) if np.isfinite(p) else None,
                                               int(sizes[g]), p)
                    continue
                if test not in per_test:
                    continue
                value, lo, hi = (float(a[g]) for a in per_test[test])
                null = nulls.get(test)
                ok = np.isfinite(lo) and np.isfinite(hi)
                significant = (None if null is None or not ok
                               else bool(lo > null[1] or hi < null[0]))
                estimates[test] = Estimate(value, lo, hi, significant,
                                           int(used[test][g]) if test in used else int(sizes[g]))
            table[(q, g)] = estimates
    names = [q[0] for q in quantities]
    return [BasicRow(level, str(labels[g]), names[q], int(sizes[g]), table[(q, g)])
            for q in range(len(quantities)) for g in range(groups)]


def unit_basic_tests(stations: Stations, levels=(), *, definitions: Definitions = SAYLAU,
                     replicates: int = 1000, seed: int | None = 0, conf: float = 0.95,
                     national: bool = True) -> UnitBasicTests:
    """Every basic test on turnout and every candidate, nationally and per unit of ``levels``.

    Rows are ordered as EFToolkit orders them: quantity (turnout first, then
    the candidates in the file's order), then unit (sorted).
    """
    for level in levels:
        if level not in stations.units:
            known = ", ".join(stations.units) or "none"
            raise KeyError(f"level {level!r} is not one of the unit columns ({known})")
    seeds = seed_sequence(seed).spawn(len(levels) + 1)
    # saylau's definitions: the national intervals come from the first level's
    # bootstrap, stratified by unit (each unit keeps its number of stations);
    # EFToolkit resamples the nation as one, so its mode does so too
    stratify = bool(national and levels and definitions.interval == "percentile")
    rows: dict[str, list[BasicRow]] = {}
    if national and not stratify:
        rows[NATIONAL], _ = _level_rows(stations, NATIONAL, np.full(stations.n, NATIONAL),
                                        definitions, replicates, conf, seeds[0])
    for k, level in enumerate(levels):
        level_rows, national_rows = _level_rows(
            stations, level, stations.units[level], definitions, replicates, conf, seeds[k + 1],
            national_too=stratify and k == 0)
        if national_rows is not None:
            rows[NATIONAL] = national_rows
        rows[level] = level_rows
    if NATIONAL in rows:
        rows = {NATIONAL: rows[NATIONAL], **{k: v for k, v in rows.items() if k != NATIONAL}}
    return UnitBasicTests(definitions, replicates, conf, rows, stratified=levels[0] if stratify
                          else None)


# -- EFToolkit's layout ------------------------------------------------------------

def _r_number(x: float) -> str:
    if x is None or not np.isfinite(x):
        return "--"
    return format(round(float(x), 3), ".15g")


def eftoolkit_layout(rows: list[BasicRow], tests=TESTS) -> list[list[str]]:
    """Rows as EFToolkit's table: a header, then per quantity and unit a row of
    values (rounded to 3) and a row of intervals "(low, high)"; "--" for none."""
    header = ["Level", "Candidate's Name", *[EFTOOLKIT_NAMES.get(t, t) for t in tests], "Obs"]
    out = [header]
    for r in rows:
        values, intervals = [r.unit, r.quantity], ["", ""]
        for t in tests:
            e = r.estimates.get(t)
            values.append(_r_number(e.value) if e else "--")
            if e and np.isfinite(e.ci_low) and np.isfinite(e.ci_high):
                intervals.append(f"({_r_number(e.ci_low)}, {_r_number(e.ci_high)})")
            else:
                intervals.append("--")
        out += [values + [str(r.obs)], intervals + [""]]
    return out
