"""The election's structure: regions, districts, stations, commissions, members.

Pure NumPy/Polars; every draw comes from the generator it is given.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from saylau.simulate.core import profile_kz2011 as P
from saylau.simulate.core.draw import allocate, exact_choice, labels_exact

SPECIAL_KINDS = ("hospital", "military", "detention", "transport", "abroad")
SPECIAL_KIND_SHARES = (0.62, 0.15, 0.08, 0.10, 0.05)

MALE = "Askar Bolat Daulet Yerlan Kairat Marat Nurlan Serik Timur Aidar Sergei Andrei Vladimir Alexei Dmitri Ivan".split()
FEMALE = "Aigerim Gulnara Dana Zhanar Saule Aliya Madina Aizhan Raushan Dinara Elena Olga Natalia Irina Tatiana Svetlana".split()
SURNAMES = "Abenov Baimukhanov Dzhaksybekov Yesenov Zhumabayev Iskakov Kaliyev Mukanov Nurpeisov Omarov Sadykov Tulegenov Utepov Ivanov Petrov Kuznetsov Popov Sokolov Morozov Volkov".split()
WORKPLACES = ("School No. {n}", "Polyclinic No. {n}", "District akimat", "Kazpost branch {n}", "College No. {n}", "Housing office {n}")


def regions() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "code": [r[0] for r in P.REGIONS],
            "name_en": [r[1] for r in P.REGIONS],
            "name_ru": [r[2] for r in P.REGIONS],
            "name_kk": [r[3] for r in P.REGIONS],
            "weight": [float(r[4]) for r in P.REGIONS],
            "urban_share": [r[5] for r in P.REGIONS],
        }
    )


def districts(rng: np.random.Generator, n_districts: int) -> pl.DataFrame:
    reg = regions()
    counts = allocate(n_districts, reg["weight"].to_numpy(), minimum=1)
    region_code = np.repeat(reg["code"].to_numpy(), counts)
    number = np.arange(1, n_districts + 1)
    width = max(3, len(str(n_districts)))
    return pl.DataFrame(
        {
            "code": [f"D{n:0{width}d}" for n in number],
            "region_code": region_code,
            "name_en": [f"Electoral district No. {n}" for n in number],
            "name_ru": [f"Избирательный округ № {n}" for n in number],
            "name_kk": [f"№ {n} сайлау округі" for n in number],
            # relative size of the district within its region
            "weight": rng.gamma(4.0, 1.0, n_districts),
        }
    )


def stations(rng: np.random.Generator, dist: pl.DataFrame, n_stations: int, n_special: int, registered: int) -> pl.DataFrame:
    """Stations with registered voters adding up to ``registered`` exactly."""
    reg = regions()
    urban_share = dict(zip(reg["code"], reg["urban_share"], strict=True))
    region_weight = dict(zip(reg["code"], reg["weight"], strict=True))
    d_region = dist["region_code"].to_numpy()
    d_weight = dist["weight"].to_numpy()
    d_total = np.zeros(len(dist))
    for code in np.unique(d_region):
        inside = d_region == code
        d_total[inside] = region_weight[code] * d_weight[inside] / d_weight[inside].sum()
    u = np.array([urban_share[c] for c in d_region])
    # Rural stations are smaller, so rural districts need more of them per voter.
    per_voter = u / 1800 + (1 - u) / 550
    n_regular = n_stations - n_special
    per_district = allocate(n_regular, d_total * per_voter, minimum=1)
    idx = np.repeat(np.arange(len(dist)), per_district)
    p_urban_station = (u / 1800) / per_voter
    urban = rng.random(n_regular) < p_urban_station[idx]
    size = np.where(urban, rng.normal(1750, 450, n_regular), rng.lognormal(np.log(480), 0.7, n_regular))
    size = np.clip(size, 25, 3200)
    special_idx = rng.choice(len(dist), size=n_special, p=d_total / d_total.sum())
    special_size = rng.uniform(40, 450, n_special)
    d_of = np.concatenate([idx, special_idx])
    urban_all = np.concatenate([urban, rng.random(n_special) < p_urban_station[special_idx]])
    voters = allocate(registered, np.concatenate([size, special_size]))
    order = np.lexsort((np.arange(n_stations), d_of))  # stations numbered district by district
    kind = np.array(["regular"] * n_regular + ["special"] * n_special, dtype=object)
    special_kind = np.array([""] * n_regular + list(rng.choice(SPECIAL_KINDS, n_special, p=SPECIAL_KIND_SHARES)), dtype=object)
    centres = {r[0]: (r[8], r[9]) for r in P.REGIONS}
    lat0 = np.array([centres[c][0][0] for c in d_region])[d_of]
    lon0 = np.array([centres[c][0][1] for c in d_region])[d_of]
    spread = np.array([centres[c][1] for c in d_region])[d_of]
    width = max(4, len(str(n_stations)))
    number = np.arange(1, n_stations + 1)
    frame = pl.DataFrame(
        {
            "district_code": dist["code"].to_numpy()[d_of][order],
            "region_code": d_region[d_of][order],
            "kind": kind[order],
            "special_kind": special_kind[order],
            "registered": voters[order],
            "area": np.where(urban_all, "urban", "rural")[order],
            "latitude": np.round(lat0 + rng.normal(0, 1, n_stations) * spread * 0.4, 5)[order],
            "longitude": np.round(lon0 + rng.normal(0, 1, n_stations) * spread * 0.6, 5)[order],
        }
    )
    return frame.with_columns(
        code=pl.Series([f"{n:0{width}d}" for n in number]),
        name_en=pl.Series([f"Polling station No. {n}" for n in number]),
        name_ru=pl.Series([f"Избирательный участок № {n}" for n in number]),
        name_kk=pl.Series([f"№ {n} сайлау учаскесі" for n in number]),
    )


def _women(rng, n_commissions: int, chairs_women: int, share_women: float) -> np.ndarray:
    """Gender of the 7 voting seats of ``n_commissions`` commissions (seat 0 = chair)."""
    seats = P.MEMBERS_PER_COMMISSION
    women = np.zeros((n_commissions, seats), dtype=bool)
    women[:, 0] = exact_choice(rng, n_commissions, chairs_women)
    others = int(round(share_women * n_commissions * seats)) - chairs_women
    women[:, 1:] = exact_choice(rng, n_commissions * (seats - 1), max(others, 0)).reshape(n_commissions, seats - 1)
    return women


def commissions(rng: np.random.Generator, dist: pl.DataFrame, stat: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One commission per unit and its members, matching SYNOPSIS §1."""
    reg = regions()
    tiers = (
        [("CEC", "0")]
        + [("TEC", c) for c in reg["code"]]
        + [("DEC", c) for c in dist["code"]]
        + [("PEC", c) for c in stat["code"]]
    )
    tier = np.array([t for t, _ in tiers], dtype=object)
    unit = np.array([c for _, c in tiers], dtype=object)
    n = len(tiers)
    n_dec, n_pec = len(dist), len(stat)
    women = np.vstack([
        _women(rng, 1, 0, P.CEC_WOMEN / 7),
        _women(rng, len(reg), P.TEC_WOMEN_CHAIRS, P.TEC_WOMEN_SHARE),
        _women(rng, n_dec, int(round(P.DEC_WOMEN_CHAIRS_SHARE * n_dec)), P.DEC_WOMEN_SHARE),
        _women(rng, n_pec, int(round(P.PEC_WOMEN_CHAIRS_SHARE * n_pec)), P.PEC_WOMEN_SHARE),
    ])
    seats = P.MEMBERS_PER_COMMISSION
    roles = np.array(["chair", "deputy_chair", "secretary"] + ["member"] * (seats - 3), dtype=object)
    # Nominations: CEC by President (chair + 2) and the two chambers; lower
    # commissions by local councils on party nominations.
    party = rng.choice(["OTAN", "PATR", "CPPK", "AK"], size=(n, seats), p=[0.55, 0.2, 0.1, 0.15]).astype(object)
    body = np.full((n, seats), "local council (maslikhat)", dtype=object)
    party[0, :] = ""
    body[0, :] = ["President", "President", "President", "Senate", "Senate", "Mazhilis", "Mazhilis"]
    lower = np.arange(1, n)
    opposition = lower[exact_choice(rng, len(lower), int(round(P.OPPOSITION_COMMISSION_SHARE * len(lower))))]
    party[opposition, seats - 1] = rng.choice(["SDP", "AZT", "RUH"], size=len(opposition))
    ethnicity = labels_exact(rng, n * seats, P.ETHNICITY).reshape(n, seats)
    # Workplaces come from a pool of names; in 30% of commissions four members share one.
    pool = pl.Series([w.format(n=k) for w in WORKPLACES for k in range(1, 90)])
    workplace = rng.integers(0, len(pool), (n, seats))
    same = exact_choice(rng, n, int(round(P.SAME_ORGANISATION_MAJORITY_SHARE * n)))
    same[0] = False
    workplace[same, :4] = workplace[same, :1]
    organisation = pool.gather(workplace.ravel())
    first = np.where(women, rng.integers(0, len(FEMALE), (n, seats)) + len(MALE), rng.integers(0, len(MALE), (n, seats)))
    surname = rng.integers(0, len(SURNAMES), (n, seats))
    names = pl.Series(MALE + FEMALE).gather(first.ravel())
    family = pl.Series(SURNAMES).gather(surname.ravel())
    full_name = pl.select(pl.concat_str(names, pl.lit(" "), family, pl.when(pl.Series(women.ravel())).then(pl.lit("a")).otherwise(pl.lit("")))).to_series()
    members = pl.DataFrame({
        "tier": np.repeat(tier, seats),
        "unit_code": np.repeat(unit, seats),
        "full_name": full_name,
        "role": np.tile(roles, n),
        "gender": np.where(women, "female", "male").ravel(),
        "nominating_party": party.ravel(),
        "nominating_body": body.ravel(),
        "organisation": organisation,
        "ethnicity": ethnicity.ravel(),
        "voting": np.ones(n * seats, dtype=bool),
    })
    advisory = np.flatnonzero(exact_choice(rng, len(lower), int(round(P.ADVISORY_MEMBER_SHARE * len(lower))))) + 1
    if len(advisory):
        k = len(advisory)
        adv_women = rng.random(k) < 0.5
        members = pl.concat([members, pl.DataFrame({
            "tier": tier[advisory], "unit_code": unit[advisory],
            "full_name": np.where(adv_women, rng.choice(FEMALE, k), rng.choice(MALE, k)).astype(object) + " " + np.where(adv_women, rng.choice(SURNAMES, k).astype(object) + "a", rng.choice(SURNAMES, k)),
            "role": np.full(k, "member", dtype=object), "gender": np.where(adv_women, "female", "male"),
            "nominating_party": rng.choice(["SDP", "AZT", "RUH"], k).astype(object),
            "nominating_body": np.full(k, "local council (maslikhat)", dtype=object),
            "organisation": np.full(k, "", dtype=object), "ethnicity": np.full(k, "", dtype=object),
            "voting": np.zeros(k, dtype=bool),
        })])
    table = pl.DataFrame({"tier": tier, "unit_code": unit, "seats": np.full(n, seats)})
    return table, members
