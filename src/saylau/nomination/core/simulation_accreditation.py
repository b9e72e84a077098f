"""Candidates' proxies and observers with ground truth, for the nomination simulation
(:mod:`saylau.nomination.core.simulation`).

SYNOPSIS §4: each candidate may register up to 3 proxies per polling station;
31,916 proxies, 28,902 of them the incumbent's. §7: domestic observers
nominated by parties and associations; the international mission of 15 core
experts, 28 long-term and about 350 short-term observers from 43 states, 79 of
them parliamentarians. Counts the statement does not give are assumptions,
named below.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import polars as pl

from saylau.nomination.core import accreditation
from saylau.nomination.core.simulation_lines import Pool
from saylau.simulate.core import profile_kz2011 as P
from saylau.simulate.core.draw import allocate

PROXIES = 31_916  # SYNOPSIS §4, at scale 1
PROXIES_INCUMBENT = 28_902  # SYNOPSIS §4, at scale 1
PROXY_LIMIT = accreditation.KZ_2011.proxies_per_station  # SYNOPSIS §4, per candidate per polling station
MISSION = {"core": P.CORE_TEAM, "long_term": P.LONG_TERM_OBSERVERS, "short_term": P.SHORT_TERM_OBSERVERS}  # §7
PARLIAMENTARIANS = P.PARLIAMENTARIANS  # §7, among the short-term observers
# assumptions
OTHER_PROXIES = (0.5, 0.3, 0.2)  # the non-incumbents' shares of the other 3,014 proxies
PROXY_OVER_LIMIT = 0.004  # filings over the limit, share of the accredited (refused, kept apart)
PROXY_DUPLICATE = 0.002  # the same person filed twice
PROXY_NOT_VOTER = 0.001  # people not on the register
PROXY_NOT_CANDIDATE = 0.001  # proxies filed for nominees not registered
DOMESTIC_OBSERVERS = 20_000  # at scale 1 (no figure reported)
DOMESTIC_BY_PARTY = 0.25  # the rest by public associations ("most" by associations)
MEDIA = 1_200  # at scale 1 (no figure reported)
OBSERVER_REFUSED = 0.003  # domestic filings without a nominating organisation, and as many duplicates

ASSOCIATIONS = ("Youth Civic Alliance", "Women's League for Democracy", "Republican Network of Independent Monitors",
                "Council of Veterans", "Students' Union of Kazakhstan", "Entrepreneurs' Forum")
OUTLETS = ("Dala News", "Astana Evening", "Steppe Radio", "Kazakh Telegraph", "Almaty Courier", "Irtysh TV",
           "Caspian Daily", "Zhetysu Online")
INTL_GIVEN = ("Anna", "Lukas", "Maria", "Jan", "Sofia", "Pierre", "Elena", "Marco", "Ingrid", "Tomas", "Clara",
              "David", "Petra", "Nils", "Laura", "Andrzej", "Helena", "Matteo", "Eva", "Jonas", "Irene", "Pavel",
              "Greta", "Oscar")
INTL_SURNAMES = ("Novak", "Schmidt", "Rossi", "Nielsen", "Dubois", "Kowalski", "Jensen", "Horvat", "Lindqvist",
                 "Moreau", "Fischer", "Costa", "Berg", "Kovacs", "Murphy", "Silva", "Weber", "Ricci", "Larsen",
                 "Nowak", "Keller", "Romero", "Virtanen", "Popescu")

ACCREDITATION_COLUMNS = ("accreditation_id", "kind", "full_name", "iin", "nominee", "party", "organisation",
                         "state", "role", "station_code", "region_code", "filed_on")


def proxy_counts(scale: float) -> tuple[int, list[int]]:
    """The accredited proxies at ``scale``: the total and each registered candidate's, incumbent first
    (``round(31,916 x scale)`` and ``round(28,902 x scale)``, the rest split by :data:`OTHER_PROXIES`)."""
    total = int(round(PROXIES * scale))
    incumbent = int(round(PROXIES_INCUMBENT * scale))
    return total, [incumbent, *allocate(total - incumbent, OTHER_PROXIES).tolist()]


def _full_names(people: pl.DataFrame) -> list[str]:
    return (people.select(pl.concat_str("surname", "given_name", "patronymic", separator=" ", ignore_nulls=True))
            .to_series().to_list())


def _people_of(people: pl.DataFrame | None, regions, rng, tag: str, pool: Pool | None = None) -> pl.DataFrame:
    """One person of each region in ``regions`` (``people`` drawn each once through ``pool``);
    made-up people with made-up numbers when no register is given."""
    cols = ["surname", "given_name", "patronymic", "iin"]
    if people is not None:
        pool = pool or Pool(people, rng)
        return people[[pool.take(r, 1)[0] for r in regions]].select(cols)
    from saylau.registry.core import namelists as L

    n = len(regions)
    surnames = np.array(L.RU_SURNAMES + L.KZ_STEMS, object)
    given = np.array(L.KZ_MALE + L.RU_MALE, object)
    return pl.DataFrame({"surname": surnames[rng.integers(0, len(surnames), n)],
                         "given_name": given[rng.integers(0, len(given), n)], "patronymic": [None] * n,
                         "iin": [f"{tag}{i:011d}" for i in range(n)]}, schema_overrides={"patronymic": pl.String})


def simulate_proxies(stations: pl.DataFrame, candidates: list[str], counts: list[int], *, scale: float, seed: int,
                     people: pl.DataFrame | None = None, not_voters: pl.DataFrame | None = None,
                     not_candidate: str | None = None, first_day: dt.date = dt.date(2011, 3, 5),
                     last_day: dt.date = dt.date(2011, 3, 31)) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Proxies for ``candidates`` (``counts`` each, spread evenly, at most :data:`PROXY_LIMIT` a station,
    over ``round(9,725 x scale)`` of ``stations``, filed from ``first_day`` to ``last_day``) and filings
    validation must refuse, filed on the day after: a fourth at a station where the candidate has three,
    the same person twice, people not on the register (from ``not_voters``) and proxies of
    ``not_candidate``. ``people`` (``iin``, names, ``region_code``) are the voters they are drawn from,
    each once; without it, people are made up. Returns the filings and their true status and refusal."""
    rng = np.random.default_rng(seed + 4004)
    codes = stations["code"].to_numpy()
    regions = stations["region_code"].to_numpy()
    n_st = len(codes)
    rows_station, rows_candidate = [], []
    # the proxies go to as many stations as the country has at this scale, so that the incumbent's fill
    # nearly three places a station as they did (28,902 over 9,725 stations)
    fit = math.ceil(max(counts, default=0) / PROXY_LIMIT)  # at small scales rounding may need a station more
    used = np.sort(rng.choice(n_st, min(n_st, max(1, fit, int(round(P.N_STATIONS * scale)))), replace=False))
    for cand, n in zip(candidates, counts, strict=True):
        if n > PROXY_LIMIT * len(used):
            raise ValueError(f"{n} proxies of {cand} do not fit {len(used)} stations at {PROXY_LIMIT} each")
        base, rem = divmod(n, len(used))
        per = np.full(len(used), base, np.int64)
        per[rng.choice(len(used), rem, replace=False)] += 1
        idx = np.repeat(used, per)
        rows_station.append(idx)
        rows_candidate.append(np.full(len(idx), cand, dtype=object))
    st = np.concatenate(rows_station) if rows_station else np.zeros(0, np.int64)
    cand = np.concatenate(rows_candidate) if rows_candidate else np.zeros(0, object)
    n_ok = len(st)
    status = ["accredited"] * n_ok
    refusal: list[str | None] = [None] * n_ok
    # over the limit: a fourth filing at stations where the candidate has three
    per_pair: dict[tuple, int] = {}
    for c, s in zip(cand, st, strict=True):
        per_pair[(c, int(s))] = per_pair.get((c, int(s)), 0) + 1
    full = sorted(k for k, v in per_pair.items() if v == PROXY_LIMIT)
    n_over = min(len(full), max(1, int(round(PROXY_OVER_LIMIT * n_ok)))) if n_ok else 0
    over = [full[int(i)] for i in rng.choice(len(full), n_over, replace=False)] if n_over else []
    extra_cand = [c for c, _ in over]
    extra_st = [s for _, s in over]
    extra_reason = ["over_limit"] * n_over
    n_dup = max(1, int(round(PROXY_DUPLICATE * n_ok))) if n_ok else 0
    dup_of = rng.choice(n_ok, n_dup, replace=False) if n_dup else np.zeros(0, np.int64)
    n_nc = max(1, int(round(PROXY_NOT_CANDIDATE * n_ok))) if (n_ok and not_candidate) else 0
    for _ in range(n_nc):
        extra_cand.append(not_candidate)
        extra_st.append(int(rng.integers(0, n_st)))
        extra_reason.append("not_a_candidate")
    n_nv = max(1, int(round(PROXY_NOT_VOTER * n_ok))) if (n_ok and not_voters is not None and len(not_voters)) else 0
    # people: voters of the station's region, each once (made up when no register is given)
    st_all = np.concatenate([st, np.array(extra_st, np.int64)])
    who = _people_of(people, regions[st_all], rng, "X")
    who = who.select("surname", "given_name", "patronymic", "iin")
    nv = not_voters.head(n_nv).select("surname", "given_name", "patronymic", "iin") if n_nv else who.head(0)
    dup = who[dup_of.tolist()] if n_dup else who.head(0)
    frame = pl.DataFrame({
        "nominee": np.concatenate([cand, np.array(extra_cand, object), cand[dup_of],
                                   np.array([candidates[0]] * n_nv, object)]).astype(str),
        "_st": np.concatenate([st_all, st[dup_of], rng.integers(0, n_st, n_nv)]),
    }).with_columns(pl.concat([who, dup, nv]))
    frame = frame.with_columns(full_name=pl.Series(_full_names(frame), dtype=pl.String),
                               station_code=pl.Series(codes[frame["_st"].to_numpy()], dtype=pl.String),
                               region_code=pl.Series(regions[frame["_st"].to_numpy()], dtype=pl.String))
    span = (last_day - first_day).days + 1
    n_extra = len(frame) - n_ok
    filed = [first_day + dt.timedelta(days=int(d)) for d in rng.integers(0, span, n_ok)]
    filed += [last_day + dt.timedelta(days=1)] * n_extra
    frame = frame.with_columns(filed_on=pl.Series(filed, dtype=pl.Date),
                               _status=pl.Series(status + ["refused"] * n_extra),
                               _refusal=pl.Series(refusal + extra_reason + ["duplicate"] * n_dup
                                                  + ["not_a_voter"] * n_nv, dtype=pl.String),
                               _tie=pl.Series(rng.random(len(frame)))).sort("filed_on", "_tie")
    frame = frame.with_columns(accreditation_id=pl.format("P{}", pl.int_range(1, pl.len() + 1).cast(pl.String)
                                                          .str.zfill(7)),
                               kind=pl.lit("proxy"), party=pl.lit(""), organisation=pl.lit(""), state=pl.lit(""),
                               role=pl.lit(""))
    truth = frame.select("accreditation_id", pl.col("_status").alias("status"), pl.col("_refusal").alias("refusal"))
    return frame.select(ACCREDITATION_COLUMNS), truth


def simulate_observers(stations: pl.DataFrame, *, scale: float, seed: int, people: pl.DataFrame | None = None,
                       first_day: dt.date = dt.date(2011, 3, 5), last_day: dt.date = dt.date(2011, 4, 1)
                       ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Domestic observers (by parties and associations, at stations), the international mission (its size at
    every scale) and media; a few domestic filings without a nominating organisation or filed twice.
    Returns the filings and their true status and refusal."""
    rng = np.random.default_rng(seed + 5005)
    codes, regions = stations["code"].to_numpy(), stations["region_code"].to_numpy()
    n_dom = int(round(DOMESTIC_OBSERVERS * scale))
    by_party = rng.random(n_dom) < DOMESTIC_BY_PARTY
    party_codes = np.array([p[0] for p in P.PARTIES], dtype=object)
    party_w = np.array([6, 2, 1, 2, 1, 1, 1], float)
    party = np.where(by_party, party_codes[rng.choice(len(party_codes), n_dom, p=party_w / party_w.sum())], "")
    org = np.where(by_party, "", np.array(ASSOCIATIONS, object)[rng.integers(0, len(ASSOCIATIONS), n_dom)])
    st = rng.integers(0, len(codes), n_dom)
    n_bad = max(1, int(round(OBSERVER_REFUSED * n_dom))) if n_dom else 0
    pool = Pool(people, rng) if people is not None else None
    who = _people_of(people, regions[st], rng, "D", pool)
    dom = who.with_columns(kind=pl.lit("domestic_observer"), party=pl.Series(party, dtype=pl.String),
                           organisation=pl.Series(org, dtype=pl.String), state=pl.lit(""), role=pl.lit(""),
                           station_code=pl.Series(codes[st], dtype=pl.String),
                           region_code=pl.Series(regions[st], dtype=pl.String), nominee=pl.lit(None, pl.String))
    span = (last_day - first_day).days
    dom = dom.with_columns(filed_on=pl.Series([first_day + dt.timedelta(days=int(d)) for d in
                                               rng.integers(0, span, n_dom)], dtype=pl.Date),
                           _refusal=pl.lit(None, pl.String))
    # refused: filings naming no organisation, and people filed a second time (the day after)
    no_org = dom.sample(n_bad, seed=seed + 1, shuffle=True).with_columns(
        party=pl.lit(""), organisation=pl.lit(""), _refusal=pl.lit("no_nominator"), filed_on=pl.lit(last_day),
        iin=pl.format("Z{}", pl.int_range(pl.len()).cast(pl.String)))
    twice = dom.sample(n_bad, seed=seed + 2, shuffle=True).with_columns(_refusal=pl.lit("duplicate"),
                                                                        filed_on=pl.lit(last_day))
    dom = pl.concat([dom, no_org, twice]) if n_dom else dom
    # the international mission
    roles = (["core"] * MISSION["core"] + ["long_term"] * MISSION["long_term"]
             + ["parliamentarian"] * PARLIAMENTARIANS + ["short_term"] * (MISSION["short_term"] - PARLIAMENTARIANS))
    n_int = len(roles)
    states = np.array(P.STATE_CODES, dtype=object)
    state = np.concatenate([states, states[rng.integers(0, len(states), n_int - len(states))]])
    rng.shuffle(state)
    names = rng.choice(len(INTL_SURNAMES) * len(INTL_GIVEN), n_int, replace=False)  # each name once
    intl = pl.DataFrame({
        "surname": np.array(INTL_SURNAMES, object)[names // len(INTL_GIVEN)],
        "given_name": np.array(INTL_GIVEN, object)[names % len(INTL_GIVEN)],
        "patronymic": [None] * n_int, "iin": [None] * n_int,
        "kind": ["international_observer"] * n_int, "party": [""] * n_int,
        "organisation": ["OSCE PA" if r == "parliamentarian" else "OSCE/ODIHR" for r in roles],
        "state": state.astype(str), "role": roles, "station_code": [None] * n_int, "region_code": [None] * n_int,
        "nominee": [None] * n_int,
        "filed_on": [first_day - dt.timedelta(days=int(d)) for d in rng.integers(0, 20, n_int)],
        "_refusal": [None] * n_int,
    }, schema_overrides={"patronymic": pl.String, "iin": pl.String, "station_code": pl.String,
                         "region_code": pl.String, "nominee": pl.String, "filed_on": pl.Date, "_refusal": pl.String})
    n_media = max(1, int(round(MEDIA * scale)))
    media_st = rng.integers(0, len(regions), n_media)
    media = _people_of(people, regions[media_st], rng, "M", pool).with_columns(
        kind=pl.lit("media"), party=pl.lit(""),
        organisation=pl.Series(np.array(OUTLETS, object)[rng.integers(0, len(OUTLETS), n_media)], dtype=pl.String),
        state=pl.lit("KZ"), role=pl.lit(""), station_code=pl.lit(None, pl.String),
        region_code=pl.Series(regions[media_st], dtype=pl.String), nominee=pl.lit(None, pl.String),
        filed_on=pl.Series([first_day + dt.timedelta(days=int(d)) for d in rng.integers(0, span, n_media)],
                           dtype=pl.Date), _refusal=pl.lit(None, pl.String))
    cols = ["surname", "given_name", "patronymic", "iin", "kind", "party", "organisation", "state", "role",
            "station_code", "region_code", "nominee", "filed_on", "_refusal"]
    frame = pl.concat([dom.select(cols), intl.select(cols), media.select(cols)], how="vertical_relaxed")
    frame = frame.with_columns(_tie=pl.Series(rng.random(len(frame)))).sort("filed_on", "_tie")
    frame = frame.with_columns(full_name=pl.Series(_full_names(frame), dtype=pl.String),
                               accreditation_id=pl.format("B{}", pl.int_range(1, pl.len() + 1).cast(pl.String)
                                                          .str.zfill(7)))
    truth = frame.select("accreditation_id",
                         status=pl.when(pl.col("_refusal").is_null()).then(pl.lit("accredited")).otherwise(
                             pl.lit("refused")),
                         refusal=pl.col("_refusal"))
    return frame.select(ACCREDITATION_COLUMNS), truth
