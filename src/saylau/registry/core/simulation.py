"""The kz-2011 voter register with ground truth, at any scale.

SYNOPSIS §2: the register grew from 9,101,000 voters when the election was
called to 9,181,700 on election day; about 525 special polling stations
(hospitals, the military, detention, transport, abroad) closed their lists
the day before with no way to take those voters off their home lists; one
electronic register was meant to find duplicate registrations.

:func:`simulate_register` draws, from one seed and column-wise (NumPy and
Polars), the current register (``scale`` x 9,181,700 records) and the
previous snapshot (``scale`` x 9,101,000), a deaths list, an adult
population table, and the problems it injects, each with its ground truth:

* duplicates of a person (a second record), written with spelling variants
  (Kazakh letters as their Russian look-alikes), a Latin transliteration, the
  surname's ending changed, a typo, given name and surname swapped, a second
  surname added, or the day and month of birth swapped; their IIN the same,
  off by one digit, or another number; a third of them at another station;
* deceased voters still on the register, with the deaths list;
* inflated growth in a few districts (fictitious voters added since the
  previous snapshot);
* special-station voters left on their home lists;
* addresses with implausibly many voters.

Modelling assumptions (rates) are the constants below; docs/registry.md lists
them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from saylau.registry.core import iin as iin_mod
from saylau.registry.core import namelists as L

ELECTION_DAY = dt.date(2011, 4, 3)
PREVIOUS_DAY = dt.date(2011, 2, 4)  # the election called (the previous snapshot)
REGISTERED = 9_181_700
REGISTERED_BEFORE = 9_101_000
DUPLICATE_SHARE = 0.004  # second records of a person, share of the register
DECEASED_SHARE = 0.003  # dead voters still on the register
SPECIAL_LEFT_ON_HOME = 0.15  # special-list voters still on their home list
ADDED_RATE = (0.015, 0.003)  # voters added since the previous snapshot: mean and sd across districts
INFLATED_DISTRICTS = 0.015  # share of districts with inflated growth (at least one)
INFLATED_EXTRA = (0.05, 0.09)  # their extra fictitious voters, share of the district
CROWDED_PER_MILLION = 20  # addresses with 40-80 voters registered at them
VARIANTS = ("spelling", "translit", "ending", "typo", "swap", "double", "dob")
VARIANT_P = (0.22, 0.18, 0.14, 0.22, 0.08, 0.08, 0.08)
IIN_KIND = ("same", "typo", "other")
IIN_KIND_P = (0.45, 0.30, 0.25)
COLUMNS = ("voter_id", "iin", "surname", "given_name", "patronymic", "sex", "birth_date", "address",
           "station", "date_added")


@dataclass(frozen=True)
class RegisterSimulation:
    scale: float
    seed: int
    stations: pl.DataFrame  # code, district_code, region_code, kind
    current: pl.DataFrame
    previous: pl.DataFrame
    deaths: pl.DataFrame
    population: pl.DataFrame  # district_code, adults
    truth: dict = field(repr=False)


def _zipf(rng, n_items: int, size: int, s: float = 0.9) -> np.ndarray:
    w = 1.0 / np.arange(1, n_items + 1) ** s
    return rng.choice(n_items, size=size, p=w / w.sum())


def _kz_surnames() -> tuple[np.ndarray, np.ndarray]:
    stems = list(dict.fromkeys(L.KZ_STEMS + [n for n in L.KZ_MALE if len(n) > 3]))
    male, female = [], []
    for s in stems:
        soft = s[-1] in "йжшщчцаеіиоөуұүыэюяә"
        for suffix in (("ев",) if soft else ("ов",)) + ("баев" if not soft else "ов", "беков"):
            m = (s[:-1] + suffix) if soft and suffix == "ов" else s + suffix
            male.append(m)
            female.append(m + "а")
    # the modern forms: forefather's name + ұлы / қызы
    for s in L.KZ_MALE[:30]:
        male.append(s + "ұлы")
        female.append(s + "қызы")
    first = list(dict.fromkeys(male))  # two stems may give one surname: once, at its first rank
    keep = [male.index(m) for m in first]
    return np.array(first, dtype=object), np.array([female[i] for i in keep], dtype=object)


def _ru_female(surname: str) -> str:
    """A woman's form: -ов/-ев/-ин take -а, -ий becomes -ая; -енко, -ук, -ич, German and
    Korean surnames do not change."""
    if surname.endswith(("ий", "ой")):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


_VOWELS = "аеёиоуыэюяәөұүі"
_RU_IRREGULAR = {"Илья": ("Ильич", "Ильинична")}


def _patronymic(father: np.ndarray, male: np.ndarray, kazakh_style: np.ndarray) -> np.ndarray:
    out = np.empty(len(father), dtype=object)
    for i, (f, m, k) in enumerate(zip(father, male, kazakh_style, strict=True)):
        if k:
            out[i] = f + ("ұлы" if m else "қызы")
        elif f in _RU_IRREGULAR:
            out[i] = _RU_IRREGULAR[f][0 if m else 1]
        elif f[-1] in _VOWELS:  # Ерғали -> Ерғалиевич, Абдулла -> Абдуллаевич
            out[i] = f + ("евич" if m else "евна")
        else:
            soft = f[-1] in "йь"
            stem = f[:-1] if soft else f
            out[i] = stem + (("евич" if soft else "ович") if m else ("евна" if soft else "овна"))
    return out


def _people(rng, n: int) -> pl.DataFrame:
    male = rng.random(n) < 0.47
    kazakh = rng.random(n) < 0.68
    kz_m, kz_f = _kz_surnames()
    ru = np.array(L.RU_SURNAMES, dtype=object)
    ru_f = np.array([_ru_female(s) for s in L.RU_SURNAMES], dtype=object)
    i_kz = _zipf(rng, len(kz_m), n, 0.7)
    i_ru = _zipf(rng, len(ru), n, 0.7)
    surname = np.where(kazakh, np.where(male, kz_m[i_kz], kz_f[i_kz]), np.where(male, ru[i_ru], ru_f[i_ru]))
    given = np.where(
        kazakh,
        np.where(male, np.array(L.KZ_MALE, dtype=object)[_zipf(rng, len(L.KZ_MALE), n)],
                 np.array(L.KZ_FEMALE, dtype=object)[_zipf(rng, len(L.KZ_FEMALE), n)]),
        np.where(male, np.array(L.RU_MALE, dtype=object)[_zipf(rng, len(L.RU_MALE), n)],
                 np.array(L.RU_FEMALE, dtype=object)[_zipf(rng, len(L.RU_FEMALE), n)]),
    )
    father = np.where(kazakh, np.array(L.KZ_MALE, dtype=object)[_zipf(rng, len(L.KZ_MALE), n)],
                      np.array(L.RU_MALE, dtype=object)[_zipf(rng, len(L.RU_MALE), n)])
    # patronymics: the Soviet-era form (-ович/-овна) for most, -ұлы/-қызы for some Kazakhs
    kz_style = kazakh & (rng.random(n) < 0.3)
    patronymic = _fatherly(father, male, kz_style)
    # age on election day: 18 to 100, fewer with age
    age_days = (18 * 365.25 + rng.gamma(2.0, 12.0, n) * 365.25).astype(np.int64)
    too_old = age_days > int(100 * 365.25)
    age_days[too_old] = (rng.uniform(18, 90, int(too_old.sum())) * 365.25).astype(np.int64)
    born = np.datetime64(ELECTION_DAY) - age_days.astype("timedelta64[D]")
    return pl.DataFrame({"surname": surname, "given_name": given, "patronymic": patronymic,
                         "sex": np.where(male, "M", "F"), "birth_date": born.astype("datetime64[D]")}).with_columns(
        pl.col("birth_date").cast(pl.Date))


def _fatherly(father, male, kz_style) -> np.ndarray:
    # the same rule as _patronymic, column-wise through a small table of father's names
    names = np.unique(father)
    index = np.searchsorted(names, father)
    table = {}
    for m in (True, False):
        for k in (True, False):
            table[(m, k)] = _patronymic(names, np.full(len(names), m), np.full(len(names), k))
    out = np.empty(len(father), dtype=object)
    for (m, k), forms in table.items():
        where = (male == m) & (kz_style == k)
        out[where] = forms[index[where]]
    return out


def iins(rng, birth: pl.Series, sex: pl.Series) -> np.ndarray:
    """A unique, valid IIN for each person (birth date, sex, serial, check digit)."""
    n = len(birth)
    frame = pl.DataFrame({"b": birth, "s": sex, "r": rng.random(n)}).with_row_index("i")
    frame = frame.with_columns(rank=pl.col("r").rank("ordinal").over(["b", "s"]).cast(pl.Int64) - 1)
    b = frame["b"].dt
    year = b.year().to_numpy().astype(np.int64)
    century = np.select([year < 1900, year < 2000], [1, 3], 5) + (frame["s"].to_numpy() == "F")
    yymmdd = (year % 100) * 10000 + b.month().to_numpy().astype(np.int64) * 100 + b.day().to_numpy().astype(np.int64)
    serial = frame["rank"].to_numpy() * 2
    head = yymmdd.astype(np.int64) * 100000 + century * 10000 + serial
    d = np.stack([(head // 10 ** (10 - k)) % 10 for k in range(11)], axis=1)
    c = iin_mod.check_digits(np.concatenate([d, np.zeros((n, 1), np.int64)], axis=1))
    # a serial without a check digit is never issued; the next (odd) serial always has one
    head = np.where(c < 0, head + 1, head)
    d = np.stack([(head // 10 ** (10 - k)) % 10 for k in range(11)], axis=1)
    c = iin_mod.check_digits(np.concatenate([d, np.zeros((n, 1), np.int64)], axis=1))
    number = head * 10 + c
    return np.char.zfill(number.astype(str), 12)


STREETS = ("Абай даңғылы", "Бейбітшілік көшесі", "ул. Ленина", "Сейфуллин көшесі", "ул. Гагарина",
           "Достық даңғылы", "ул. Пушкина", "Жібек жолы көшесі", "ул. Мира", "Қабанбай батыр көшесі",
           "ул. Абылай хана", "Төле би көшесі", "ул. Строителей", "Желтоқсан көшесі", "ул. Победы")


def _addresses(rng, station_idx: np.ndarray) -> np.ndarray:
    """A household address for each voter at a station: about 2.4 adults an address."""
    n = len(station_idx)
    order = np.argsort(station_idx, kind="stable")
    household = np.empty(n, dtype=np.int64)
    household[order] = np.floor(np.arange(n) / 2.4 + rng.random(n) * 0.9).astype(np.int64)
    street = np.array(STREETS, dtype=object)[(station_idx * 7 + household // 60) % len(STREETS)]
    house = 1 + (household // 12) % 180
    flat = 1 + household % 12
    return pl.DataFrame({"s": street, "h": house, "f": flat}).select(
        pl.format("{}, {}, кв. {}", "s", "h", "f")).to_series().to_numpy()


# --- variants of a name (a duplicate's second record) -------------------------

_RU_LOOKALIKE = str.maketrans({"ә": "а", "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                               "і": "и", "Ә": "А", "Қ": "К", "Ғ": "Г", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У",
                               "І": "И", "ё": "е", "Ё": "Е"})
_PASSPORT = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
             "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
             "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
             "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "",
             "э": "e", "ю": "yu", "я": "ya"}


def passport_latin(name: str) -> str:
    """A Latin spelling as in older passports (ICAO-like): Жақсыбеков -> Zhaksybekov, Ерлан -> Yerlan."""
    out = []
    for i, ch in enumerate(name.lower()):
        t = _PASSPORT.get(ch, ch)
        if ch == "е" and (i == 0 or name[i - 1].lower() in "аәеиоөуұүыіэюя"):
            t = "ye"
        out.append(t)
    return "".join(out).title()


def _typo(rng, text: str) -> str:
    if len(text) < 4:
        return text
    i = int(rng.integers(1, len(text) - 1))
    kind = rng.integers(0, 3)
    if kind == 0:  # deletion
        return text[:i] + text[i + 1:]
    if kind == 1:  # transposition
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    alphabet = "аеиоунсклтрм"
    return text[:i] + alphabet[int(rng.integers(0, len(alphabet)))] + text[i + 1:]


def _switch_ending(surname: str) -> str:
    for f, m in (("ова", "ов"), ("ева", "ев"), ("қызы", "ұлы"), ("ая", "ий")):
        if surname.endswith(f):
            return surname[: -len(f)] + m
    for m, f in (("ов", "ова"), ("ев", "ева"), ("ұлы", "қызы"), ("ий", "ая")):
        if surname.endswith(m):
            return surname[: -len(m)] + f
    return surname + "а"


def vary(rng, row: dict, variant: str, other_surname: str) -> dict:
    """The second record of a person, written with one kind of variant."""
    r = dict(row)
    if variant == "spelling":
        r["surname"] = r["surname"].translate(_RU_LOOKALIKE)
        r["given_name"] = r["given_name"].translate(_RU_LOOKALIKE)
        r["patronymic"] = r["patronymic"].translate(_RU_LOOKALIKE)
        if r["surname"] == row["surname"] and r["given_name"] == row["given_name"]:
            r["given_name"] = _typo(rng, r["given_name"])
    elif variant == "translit":
        r["surname"] = passport_latin(r["surname"])
        r["given_name"] = passport_latin(r["given_name"])
        r["patronymic"] = passport_latin(r["patronymic"])
    elif variant == "ending":
        r["surname"] = _switch_ending(r["surname"])
    elif variant == "typo":
        if rng.random() < 0.5:
            r["surname"] = _typo(rng, r["surname"])
        else:
            r["given_name"] = _typo(rng, r["given_name"])
    elif variant == "swap":
        r["surname"], r["given_name"] = r["given_name"], r["surname"]
    elif variant == "double":
        r["surname"] = f"{r['surname']}-{other_surname}"
    elif variant == "dob":
        b = r["birth_date"]
        try:
            swapped = dt.date(b.year, b.day, b.month) if b.day <= 12 and b.day != b.month else None
        except ValueError:
            swapped = None
        r["birth_date"] = swapped or (b + dt.timedelta(days=1))
    return r


def _iin_typo(rng, number: str) -> str:
    i = int(rng.integers(6, 12))
    d = (int(number[i]) + int(rng.integers(1, 10))) % 10
    return number[:i] + str(d) + number[i + 1:]


# --- the register -------------------------------------------------------------

def register_stations(scale: float, seed: int) -> pl.DataFrame:
    """Stations for a register of this scale: the simulation's structure (all
    207 districts, so that growth is compared across as many as the country
    has), with stations and special stations scaled."""
    from saylau.simulate.core import structure

    rng = np.random.default_rng(seed)
    dist = structure.districts(rng, 207)
    n_stations = max(207 * 2, int(round(9725 * scale)))
    n_special = max(16, int(round(525 * scale)))
    st = structure.stations(rng, dist, n_stations, n_special, max(int(round(REGISTERED * scale)), n_stations))
    return st.select("code", "district_code", "region_code", "kind", "registered")


def simulate_register(scale: float = 0.01, seed: int = 2011, stations: pl.DataFrame | None = None) -> RegisterSimulation:
    """The register's two snapshots, deaths list and population with ground truth (see the module)."""
    rng = np.random.default_rng(seed + 16)
    if stations is None:
        stations = register_stations(scale, seed)
    stations = stations.select("code", "district_code", "region_code", "kind", "registered")
    n_current = int(round(REGISTERED * scale))
    n_previous = int(round(REGISTERED_BEFORE * scale))
    st_kind = stations["kind"].to_numpy()
    st_district = stations["district_code"].to_numpy()
    districts = np.unique(st_district)
    d_index = np.searchsorted(districts, st_district)
    regular = np.flatnonzero(st_kind != "special")

    n_dup = int(round(DUPLICATE_SHARE * n_current))
    weights = stations["registered"].to_numpy().astype(float)
    n_special_voters = int(weights[st_kind == "special"].sum() / max(weights.sum(), 1) * n_current)
    n_left = int(round(SPECIAL_LEFT_ON_HOME * n_special_voters))
    n_inflated = max(1, int(round(INFLATED_DISTRICTS * len(districts))))
    inflated = np.sort(rng.choice(len(districts), n_inflated, replace=False))
    d_weight = np.bincount(d_index, weights=weights, minlength=len(districts))
    extra_share = np.zeros(len(districts))
    extra_share[inflated] = rng.uniform(*INFLATED_EXTRA, n_inflated)
    n_fictitious = int(round((d_weight * extra_share).sum() / d_weight.sum() * n_current))
    n_people = n_current - n_dup - n_left - n_fictitious

    # people and their stations (special-list voters have a home station in their district)
    from saylau.simulate.core.draw import allocate

    per_station = allocate(n_people, weights)
    station_idx = np.repeat(np.arange(len(stations)), per_station)
    people = _people(rng, n_people)
    people = people.with_columns(iin=pl.Series(iins(rng, people["birth_date"], people["sex"])))
    # fictitious voters in the inflated districts, all added since the previous snapshot
    fict_station = np.concatenate([
        rng.choice(np.flatnonzero((d_index == d) & (st_kind != "special")), size=k)
        for d, k in zip(inflated, allocate(n_fictitious, d_weight[inflated] * extra_share[inflated]), strict=True)
    ]) if n_fictitious else np.zeros(0, np.int64)
    fict = _people(rng, n_fictitious)
    fict = fict.with_columns(iin=pl.Series(iins(rng, fict["birth_date"], fict["sex"]), dtype=pl.String))
    # an IIN of a fictitious voter may equal a real one: draw serials above the people's
    fict = fict.with_columns(iin=pl.col("iin").str.slice(0, 7) + pl.lit("9") + pl.col("iin").str.slice(8, 3))
    fict = fict.with_columns(iin=pl.Series(_with_check(fict["iin"])))

    base = pl.concat([people, fict], how="vertical_relaxed")
    s_idx = np.concatenate([station_idx, fict_station]).astype(np.int64)
    n_base = len(base)
    base = base.with_columns(
        station=pl.Series(stations["code"].to_numpy()[s_idx]),
        address=pl.Series(_addresses(rng, s_idx)),
        kind=pl.lit("person"),
        person=pl.Series(np.arange(n_base)),
    )
    # crowded addresses: 40 to 80 voters of the station moved to one flat
    n_crowded = max(1, int(round(CROWDED_PER_MILLION * n_current / 1e6)))
    address = base["address"].to_numpy().copy()
    crowded_addresses = []
    reg_people = np.flatnonzero(np.isin(s_idx[:n_people], regular))
    for _ in range(n_crowded):
        anchor = int(rng.choice(reg_people))
        same_station = np.flatnonzero(s_idx[:n_people] == s_idx[anchor])
        k = min(len(same_station), int(rng.integers(40, 81)))
        chosen = rng.choice(same_station, size=k, replace=False)
        address[chosen] = address[anchor]
        crowded_addresses.append((stations["code"][int(s_idx[anchor])], address[anchor]))
    base = base.with_columns(address=pl.Series(address))

    # special-station voters left on their home list: the same person at a regular station of the district
    special_people = np.flatnonzero(st_kind[s_idx[:n_people]] == "special")
    left = rng.choice(special_people, size=min(n_left, len(special_people)), replace=False)
    regular_of = {d: np.flatnonzero((d_index == d) & (st_kind != "special")) for d in range(len(districts))}
    draws = rng.random(len(left))
    home = np.array([regular_of[d][int(u * len(regular_of[d]))] for d, u in zip(d_index[s_idx[left]], draws, strict=True)],
                    dtype=np.int64)
    home_rows = base[left.tolist()].with_columns(
        station=pl.Series(stations["code"].to_numpy()[home], dtype=pl.String),
        address=pl.Series(_addresses(rng, home + 10_000_000), dtype=pl.String),
        kind=pl.lit("home_list"),
    )

    # duplicates: a second record, written differently, some at another station
    dup_of = rng.choice(np.setdiff1d(np.arange(n_people), np.concatenate([special_people, left])), size=n_dup,
                        replace=False)
    variant = rng.choice(len(VARIANTS), size=n_dup, p=VARIANT_P)
    iin_kind = rng.choice(len(IIN_KIND), size=n_dup, p=IIN_KIND_P)
    moved = rng.random(n_dup) < 0.33
    originals = base[dup_of.tolist()].to_dicts()
    other_surnames = base["surname"].to_numpy()[rng.integers(0, n_people, n_dup)]
    dup_rows = []
    station_codes = stations["code"].to_numpy()
    for k, row in enumerate(originals):
        r = vary(rng, row, VARIANTS[variant[k]], other_surnames[k])
        if IIN_KIND[iin_kind[k]] == "typo":
            r["iin"] = _iin_typo(rng, row["iin"])
        elif IIN_KIND[iin_kind[k]] == "other":
            r["iin"] = None
        if moved[k]:
            r["station"] = station_codes[int(rng.choice(regular))]
            r["address"] = None
        r["kind"] = "duplicate"
        dup_rows.append(r)
    dups = pl.DataFrame(dup_rows, schema=base.schema)
    other = dups["iin"].is_null().to_numpy()
    if other.any():  # another (valid) number for the same birth date: as if issued twice
        extra = iins(rng, dups["birth_date"].filter(pl.Series(other)), dups["sex"].filter(pl.Series(other)))
        extra = np.array([x[:7] + "8" + x[8:11] for x in extra], dtype=object)
        filled = dups["iin"].to_numpy().copy()
        filled[other] = _with_check(pl.Series(extra)).to_numpy()
        dups = dups.with_columns(iin=pl.Series(filled, dtype=pl.String))
    dups = dups.with_columns(address=pl.when(pl.col("address").is_null()).then(
        pl.Series(_addresses(rng, rng.integers(0, len(stations), n_dup) + 20_000_000))).otherwise(pl.col("address")))

    current = pl.concat([base, home_rows, dups], how="vertical_relaxed")
    n = len(current)
    # shuffle, number the voters
    order = rng.permutation(n)
    current = current[order].with_columns(voter_id=pl.format("V{}", pl.int_range(1, n + 1).cast(pl.String).str.zfill(9)))

    # dates added: before the previous snapshot, or after it (added since) at the district's rate
    cur_st = current["station"].to_numpy()
    st_pos = {c: i for i, c in enumerate(station_codes)}
    cur_d = d_index[pl.Series(cur_st).replace_strict(st_pos, return_dtype=pl.Int64).to_numpy()]
    added_rate = np.clip(rng.normal(*ADDED_RATE, len(districts)), 0.004, None)
    kind = current["kind"].to_numpy()
    added = (rng.random(n) < added_rate[cur_d]) & (kind == "person")
    fictitious = current["person"].to_numpy() >= n_people
    added |= fictitious & (kind == "person")
    days_before = (rng.gamma(2.0, 900.0, n)).astype(np.int64) + 1
    days_since = rng.integers(0, (ELECTION_DAY - PREVIOUS_DAY).days, n)
    born = current["birth_date"].to_numpy().astype("datetime64[D]")
    adult = born + np.timedelta64(int(18 * 365.25), "D")
    before = np.maximum(np.datetime64(PREVIOUS_DAY) - days_before.astype("timedelta64[D]"), adult)
    before = np.minimum(before, np.datetime64(PREVIOUS_DAY) - np.timedelta64(1, "D"))
    since = np.datetime64(PREVIOUS_DAY) + days_since.astype("timedelta64[D]")
    date_added = np.where(added, since, before)
    # the special lists' home-list copies are on the register since before
    current = current.with_columns(date_added=pl.Series(date_added).cast(pl.Date))

    # deceased voters still on the register (people of regular stations, not involved elsewhere)
    involved = np.zeros(n_base, bool)
    involved[dup_of] = True
    involved[left] = True
    is_person = (kind == "person") & ~fictitious & ~added
    person_no = current["person"].to_numpy()
    candidates = np.flatnonzero(is_person & ~involved[np.minimum(person_no, n_base - 1)])
    n_dead = int(round(DECEASED_SHARE * n_current))
    dead_rows = rng.choice(candidates, size=min(n_dead, len(candidates)), replace=False)
    died = np.datetime64(ELECTION_DAY) - rng.integers(20, 700, len(dead_rows)).astype("timedelta64[D]")
    dead = current[dead_rows.tolist()].select("iin", "surname", "given_name", "patronymic", "birth_date").with_columns(
        date_of_death=pl.Series(died).cast(pl.Date))

    # the previous snapshot: today's records not added since, and those removed since
    keep = ~added
    n_kept = int(keep.sum())
    n_removed = max(0, n_previous - n_kept)
    removed = _people(rng, n_removed)
    rem_iin = pl.Series(iins(rng, removed["birth_date"], removed["sex"]))
    removed = removed.with_columns(iin=_with_check(rem_iin.str.slice(0, 7) + "7" + rem_iin.str.slice(8, 3)))
    rem_station = rng.choice(regular, size=n_removed, p=weights[regular] / weights[regular].sum())
    removed = removed.with_columns(
        station=pl.Series(station_codes[rem_station], dtype=pl.String),
        address=pl.Series(_addresses(rng, rem_station + 30_000_000), dtype=pl.String),
        voter_id=pl.format("R{}", pl.int_range(1, n_removed + 1).cast(pl.String).str.zfill(9)),
        date_added=pl.lit(PREVIOUS_DAY - dt.timedelta(days=2000)),
    )
    # some of the removed died: the deaths list has them too
    removed_dead = removed.sample(fraction=0.4, seed=seed).select("iin", "surname", "given_name", "patronymic",
                                                                   "birth_date").with_columns(
        date_of_death=pl.lit(PREVIOUS_DAY + dt.timedelta(days=20)))
    cols = list(COLUMNS)
    previous = pl.concat([current.filter(pl.Series(keep)).select(cols), removed.select(cols)]).sort("voter_id")
    current_out = current.select(cols).sort("voter_id")
    deaths = pl.concat([dead, removed_dead]).sort("iin")

    # adult population by district: the real people living there, counted with a small error
    people_d = np.bincount(d_index[s_idx[:n_people]], minlength=len(districts))
    adults = np.round(people_d * rng.normal(1.03, 0.01, len(districts))).astype(np.int64)
    population = pl.DataFrame({"district_code": districts, "adults": adults})

    ids = current["voter_id"].to_numpy()
    person_col = current["person"].to_numpy()
    kind_col = current["kind"].to_numpy()
    first = np.flatnonzero(kind_col == "person")
    pos_of_person = dict(zip(person_col[first].tolist(), first.tolist(), strict=True))
    dup_pairs = [(ids[pos_of_person[int(p)]], ids[i]) for i, p in zip(np.flatnonzero(kind_col == "duplicate"),
                                                                        person_col[kind_col == "duplicate"], strict=True)]
    dup_variant = dict(zip(dups["person"].to_list(), [VARIANTS[v] for v in variant], strict=True))
    home_pairs = [(ids[pos_of_person[int(p)]], ids[i]) for i, p in zip(np.flatnonzero(kind_col == "home_list"),
                                                                         person_col[kind_col == "home_list"], strict=True)]
    truth_pairs = pl.DataFrame(
        {"id_l": [min(a, b) for a, b in dup_pairs + home_pairs], "id_r": [max(a, b) for a, b in dup_pairs + home_pairs],
         "kind": ["duplicate"] * len(dup_pairs) + ["special_home"] * len(home_pairs),
         "variant": [dup_variant[int(p)] for p in person_col[kind_col == "duplicate"]] + ["exact"] * len(home_pairs)},
        schema={"id_l": pl.String, "id_r": pl.String, "kind": pl.String, "variant": pl.String},
    )
    # adults living in each district but not on the register (the population table counts them): the
    # people-to-list audit meets them; drawn from a stream of their own so the register stays as it was
    rng_u = np.random.default_rng(seed + 1616)
    n_unlisted_d = np.clip(adults - people_d, 0, None)
    unlisted = _people(rng_u, int(n_unlisted_d.sum()))
    u_iin = pl.Series(iins(rng_u, unlisted["birth_date"], unlisted["sex"]))
    u_station = np.concatenate([rng_u.choice(regular_of[d], size=int(k)) for d, k in enumerate(n_unlisted_d) if k]
                               ) if n_unlisted_d.sum() else np.zeros(0, np.int64)
    unlisted = unlisted.with_columns(iin=_with_check(u_iin.str.slice(0, 7) + "6" + u_iin.str.slice(8, 3)),
                                     station=pl.Series(station_codes[u_station], dtype=pl.String))
    dup_ids = ids[kind_col == "duplicate"]
    moved_by_person = dict(zip(dup_of.tolist(), moved.tolist(), strict=True))
    moved_ids = [v for v, p in zip(dup_ids, person_col[kind_col == "duplicate"], strict=True) if moved_by_person[int(p)]]
    truth = {
        "pairs": truth_pairs,
        "fictitious": sorted(ids[(kind_col == "person") & (person_col >= n_people)].tolist()),
        "duplicate_records": sorted(dup_ids.tolist()),
        "moved_duplicates": sorted(moved_ids),
        "unlisted": unlisted.select("station", "surname", "given_name", "patronymic", "sex", "birth_date", "iin"),
        "inflated_districts": sorted(districts[inflated].tolist()),
        "special_on_home": sorted(ids[kind_col == "home_list"].tolist()),
        "deceased": sorted(ids[dead_rows].tolist()),
        "crowded": crowded_addresses,
        "n_fictitious": n_fictitious,
    }
    st_out = stations.select("code", "district_code", "region_code", "kind")
    return RegisterSimulation(scale, seed, st_out, current_out, previous, deaths, population, truth)


def residents(sim: RegisterSimulation) -> pl.DataFrame:
    """The adults living in each station's area (the people-to-list audit's population):
    the register's own people, alive, once each (not the fictitious voters, second
    records or special stations' home-list copies), and the adults not on the register."""
    t = sim.truth
    drop = set(t["fictitious"]) | set(t["duplicate_records"]) | set(t["special_on_home"]) | set(t["deceased"])
    cols = ["station", "surname", "given_name", "patronymic", "sex", "birth_date", "iin"]
    listed = sim.current.filter(~pl.col("voter_id").is_in(list(drop))).select(cols)
    return pl.concat([listed.with_columns(listed=pl.lit(True)), t["unlisted"].select(cols).with_columns(
        listed=pl.lit(False))])


def _with_check(heads: pl.Series) -> pl.Series:
    """Complete 11-digit heads with their check digit (a never-issued head takes the next serial)."""
    h = heads.cast(pl.String).str.slice(0, 11)
    head = h.cast(pl.Int64).to_numpy()
    for _ in range(4):  # a never-issued head takes the next serial
        d = np.stack([(head // 10 ** (10 - k)) % 10 for k in range(11)], axis=1)
        c = iin_mod.check_digits(np.concatenate([d, np.zeros((len(head), 1), np.int64)], axis=1))
        if (c >= 0).all():
            break
        head = np.where(c < 0, head + 1, head)
    return pl.Series(np.char.zfill((head * 10 + c).astype(str), 12).astype(object), dtype=pl.String)
