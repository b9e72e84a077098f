"""Support signature lines with ground truth, for the nomination simulation
(:mod:`saylau.nomination.core.simulation`).

:func:`build_lines` draws each nominee's lines from a register simulation's
people: valid lines (some with a harmless variation of the name) and invalid
ones, each built for exactly one reason of
:data:`saylau.nomination.core.reasons.REASONS`, no other reason applying to it.
:func:`bind_sheets` puts them on numbered sheets with their collectors;
:func:`official_record` writes what the territorial commissions recorded.
The rates are assumptions (docs/nomination.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

from saylau.nomination.core import eligibility as E
from saylau.nomination.core.reasons import REASONS
from saylau.nomination.core.signatures import REQUIRED
from saylau.registry.core.checks import age_years
from saylau.registry.core.simulation import STREETS, RegisterSimulation, vary
from saylau.simulate.core.draw import allocate

SHEET_SIZE = 20  # lines per sheet
VARIATION_SHARE = 0.15  # valid lines written with a harmless variation of the name
#: invalid lines by reason, relative weights (every reason at least once overall)
REASON_WEIGHTS = {"missing_field": 14, "unreadable_field": 8, "outside_window": 8, "collector_not_accredited": 10,
                  "not_found": 22, "deceased": 5, "under_age": 2, "other_region": 12, "duplicate_in_nominee": 12,
                  "signed_for_two": 7}
TEC_STRIKES_INVALID = 0.93  # share of the invalid lines the territorial commissions struck
TEC_STRIKES_VALID = 0.004  # share of valid lines they struck
TEC_REASON_RECORDED = 0.08  # share of struck lines with a reason in the protocol ("mostly not", SYNOPSIS §3)
TEC_PROXY_PRESENT = 0.2  # sessions with the nominee's proxy present ("mostly not", SYNOPSIS §3)


class Pool:
    """Register people to draw from, by region, each drawn once (in a seeded order)."""

    def __init__(self, frame: pl.DataFrame, rng):
        self.frame = frame
        order = rng.permutation(len(frame))
        region = frame["region_code"].gather(order)
        rank = region.rank("dense").to_numpy().astype(np.int64) - 1  # the regions' codes in sorted order
        names = region.unique().sort().to_list()
        by = np.argsort(rank, kind="stable")
        ends = np.cumsum(np.bincount(rank, minlength=len(names)))
        self.by_region = {r: order[by[e - n:e]] for r, e, n in zip(
            names, ends, np.bincount(rank, minlength=len(names)), strict=True)}
        self.used = dict.fromkeys(self.by_region, 0)

    def left(self, region: str) -> int:
        return len(self.by_region.get(region, ())) - self.used.get(region, 0)

    def take(self, region: str, k: int) -> list[int]:
        if self.left(region) < k:
            raise ValueError(f"the register has too few voters in region {region} for the simulation "
                             f"(needed {k} more, {self.left(region)} left): use a larger register scale")
        at = self.used[region]
        self.used[region] = at + k
        return self.by_region[region][at:at + k].tolist()

    def take_any(self, k: int, regions=None) -> list[int]:
        """Up to ``k`` people from any of ``regions`` (all when None), taken from them in turn."""
        out: list[int] = []
        keys = [r for r in (regions if regions is not None else self.by_region) if self.left(r) > 0]
        while len(out) < k and keys:
            for r in list(keys):
                if len(out) == k:
                    break
                if self.left(r) > 0:
                    out += self.take(r, 1)
                else:
                    keys.remove(r)
        return out


def region_plan(rng, fate: str, valid: int, regions: list[str], weights: np.ndarray) -> dict[str, int]:
    """Valid lines by region: nearly even over all regions, or (``spread``) 90% in the five largest."""
    if fate == "spread":
        big = [regions[i] for i in np.argsort(-weights)[:5]]
        share = np.array([0.9 / 5 if r in big else 0.1 / (len(regions) - 5) for r in regions])
    else:
        # collected nearly evenly (the rule asks for an even share in two thirds of the regions)
        share = 0.85 / len(regions) + 0.15 * weights / weights.sum()
    return dict(zip(regions, allocate(valid, share).tolist(), strict=True))


def split_reasons(plan: list[dict]) -> None:
    """Each nominee's invalid lines split by reason (by weight), then every reason given at least one
    line overall, taken from the nominees with the most invalid lines (their totals unchanged)."""
    codes = list(REASONS)
    weights = np.array([REASON_WEIGHTS[c] for c in codes], float)
    for p in plan:
        p["reasons"] = dict(zip(codes, allocate(p["invalid"], weights).tolist(), strict=True))
    for code in codes:
        if sum(p["reasons"][code] for p in plan):
            continue
        donor = max(plan, key=lambda p: (p["invalid"], max(p["reasons"].values())))
        biggest = max(donor["reasons"], key=lambda c: donor["reasons"][c])
        if donor["reasons"][biggest] > 1:
            donor["reasons"][biggest] -= 1
            donor["reasons"][code] += 1


class _Rows:
    """A frame's rows as dicts, read when asked for (one, or many at once)."""

    def __init__(self, frame: pl.DataFrame):
        self.frame = frame

    def __getitem__(self, i: int) -> dict:
        return self.frame.row(int(i), named=True)

    def many(self, indices: list[int]) -> list[dict]:
        return self.frame[indices].to_dicts() if indices else []


@dataclass
class _Line:
    nominee: str
    region_code: str
    surname: str | None
    given_name: str | None
    patronymic: str | None
    iin: str | None
    birth_date: dt.date | None
    address: str | None
    signed_on: dt.date | None
    voter_id: str | None
    reason: str | None
    bad_collector: bool = False


def day_between(rng, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=int(rng.integers(0, (end - start).days + 1)))


def _person_line(nominee, row: dict, region: str, signed_on, reason=None, **changes) -> _Line:
    line = _Line(nominee, region, row["surname"], row["given_name"], row["patronymic"], row["iin"],
                 row["birth_date"], row["address"], signed_on, row.get("voter_id"), reason)
    for k, v in changes.items():
        setattr(line, k, v)
    return line


def _harmless(rng, row: dict, surnames) -> dict:
    """A valid line's name written another way that a good matcher still finds."""
    kind = rng.choice(["typo", "translit", "spelling", "no_patronymic"], p=[0.35, 0.2, 0.25, 0.2])
    if kind == "no_patronymic":
        return {**row, "patronymic": None}
    out = vary(rng, {**row, "patronymic": row["patronymic"] or ""}, str(kind),
               surnames[int(rng.integers(0, len(surnames)))])
    return {**out, "patronymic": out["patronymic"] or None}


def _pools(register: RegisterSimulation, stations: pl.DataFrame, first_day: dt.date, rng):
    """The register's people sorted into pools: voters for valid and most invalid lines, the
    under-age (under 18 on ``first_day``), the deceased (with the day they died) and the unlisted."""
    t = register.truth
    region_of = stations.select(pl.col("code").alias("station"), "region_code")
    cur = register.current.join(region_of, on="station", how="left")
    pairs = t["pairs"]
    involved = (set(t["duplicate_records"]) | set(pairs["id_l"].to_list()) | set(pairs["id_r"].to_list())
                | set(t["special_on_home"]) | set(t["fictitious"]))
    deceased = set(t["deceased"])
    shared_iin = cur.group_by("iin").len().filter(pl.col("len") > 1)["iin"]
    clean = cur.filter(~pl.col("voter_id").is_in(list(involved | deceased)) & ~pl.col("iin").is_in(shared_iin.implode())
                       & pl.col("region_code").is_not_null())
    # of age even on a line dated before the first window (outside_window lines go back up to 5 days)
    adults = clean.filter(age_years(pl.col("birth_date"), first_day - dt.timedelta(days=6)) >= 18).sort("voter_id")
    young = clean.filter(age_years(pl.col("birth_date"), first_day) < 18).sort("voter_id")
    dead = (cur.filter(pl.col("voter_id").is_in(list(deceased)) & ~pl.col("voter_id").is_in(list(involved)))
            .join(register.deaths.select("iin", "date_of_death").unique("iin", keep="first"), on="iin", how="inner")
            .filter(pl.col("date_of_death") < first_day).sort("voter_id"))
    # the unlisted (adults not on the register): no register record with their IIN or their name and birth date
    unl = t["unlisted"].join(region_of, on="station", how="left").filter(pl.col("region_code").is_not_null())
    unl = unl.filter(~pl.col("iin").is_in(cur["iin"].implode()))
    unl = unl.join(cur.select("surname", "given_name", "birth_date").unique(), on=["surname", "given_name", "birth_date"],
                   how="anti").sort("iin")
    street = np.array(STREETS, dtype=object)[rng.integers(0, len(STREETS), len(unl))]
    unl = unl.with_columns(address=pl.Series([f"{s}, {h}, кв. {f}" for s, h, f in zip(
        street, rng.integers(1, 180, len(unl)), rng.integers(1, 12, len(unl)), strict=True)], dtype=pl.String),
        voter_id=pl.lit(None, dtype=pl.String))
    return adults, young, dead, unl


def build_lines(rng, plan: list[dict], register: RegisterSimulation, stations: pl.DataFrame) -> list[_Line]:
    """Every nominee's lines (``plan``: nominee, fate, window, valid by region, invalid count).

    Each invalid line has one reason and no other:

    * the person is used on no other line (except the pairs below), lives in the sheet's region, is
      alive and of age on the day signed, and signs inside the window on an accredited collector's sheet,
      all but for the one thing the reason names;
    * ``missing_field``: one of surname, given name, IIN, birth date, address, date signed left empty;
    * ``unreadable_field``: the surname or given name written with no letter;
    * ``outside_window``: signed 1-5 days before the window opens or after it closes;
    * ``collector_not_accredited``: on sheets of a collector who is not accredited;
    * ``not_found``: an adult not on the register (no record with the IIN, nor with the name and birth date);
    * ``deceased``: a register voter on the deaths list, dead before any window opened;
    * ``under_age``: a register voter under 18 on the day signed;
    * ``other_region``: a voter on a sheet of another region;
    * ``duplicate_in_nominee``: a voter of a valid line again for the same nominee, signed strictly later;
    * ``signed_for_two``: a voter of another nominee's valid line, signed strictly later for this one (the
      first line inside this nominee's window too, so that it stands whichever window it is read with).
    """
    b = _Builder(rng, plan, register, stations)
    for p in plan:  # valid lines first: the pairs need them
        b.valid(p)
    for p in plan:
        b.invalid(p)
    for p in plan:
        b.signed_for_two(p)
    return b.lines


class _Builder:
    """The state of :func:`build_lines`: the pools, the lines so far, the voters already paired."""

    def __init__(self, rng, plan: list[dict], register: RegisterSimulation, stations: pl.DataFrame):
        self.rng, self.plan = rng, plan
        first_day = min(p["window"][0] for p in plan)
        adults, young, dead, unlisted = _pools(register, stations, first_day, rng)
        self.pool, self.dead_pool, self.unl_pool = Pool(adults, rng), Pool(dead, rng), Pool(unlisted, rng)
        cols = ["voter_id", "iin", "surname", "given_name", "patronymic", "birth_date", "address", "region_code"]
        self.adults, self.dead, self.unlisted = _Rows(adults.select(cols)), _Rows(dead.select(cols)), _Rows(
            unlisted.select(cols))
        self.surnames = adults["surname"].to_numpy()
        self.young = young.select(cols).to_dicts()
        rng.shuffle(self.young)
        self.lines: list[_Line] = []
        self.valid_of: dict[str, list[_Line]] = {}
        self.paired: set[str] = set()

    def valid(self, p: dict) -> None:
        start, end = p["window"]
        own = []
        for region, k in p["valid"].items():
            for entry in self.adults.many(self.pool.take(region, k)):
                row = _harmless(self.rng, entry, self.surnames) if self.rng.random() < VARIATION_SHARE else entry
                own.append(_person_line(p["nominee"], row, region, day_between(self.rng, start, end),
                                        voter_id=entry["voter_id"]))
        self.valid_of[p["nominee"]] = own
        self.lines.extend(own)

    def _region(self, p: dict) -> str:
        regions = [r for r, k in p["valid"].items() if k > 0]
        w = np.array([p["valid"][r] for r in regions], float)
        return regions[int(self.rng.choice(len(regions), p=w / w.sum()))]

    def _voter_line(self, p: dict, reason: str, **changes) -> None:
        """A voter of a region the nominee collects in, signing in the window, but for ``changes``."""
        start, end = p["window"]
        region = self._region(p)
        row = self.adults[self.pool.take(region, 1)[0]]
        signed = changes.pop("signed_on", day_between(self.rng, start, end))
        self.lines.append(_person_line(p["nominee"], row, region, signed, reason, **changes))

    def invalid(self, p: dict) -> None:
        rng, (start, end), nominee, counts = self.rng, p["window"], p["nominee"], p["reasons"]
        regions = [r for r, k in p["valid"].items() if k > 0]
        for _ in range(counts["missing_field"]):
            self._voter_line(p, "missing_field", **{REQUIRED[int(rng.integers(0, len(REQUIRED)))]: None})
        for _ in range(counts["unreadable_field"]):
            region = self._region(p)
            row = self.adults[self.pool.take(region, 1)[0]]
            f = "surname" if rng.random() < 0.6 else "given_name"
            self.lines.append(_person_line(nominee, row, region, day_between(rng, start, end), "unreadable_field",
                                           **{f: "?" * len(row[f])}))
        for _ in range(counts["outside_window"]):
            shift = dt.timedelta(days=int(rng.integers(1, 6)))
            self._voter_line(p, "outside_window", signed_on=(start - shift) if rng.random() < 0.5 else (end + shift))
        for _ in range(counts["collector_not_accredited"]):
            self._voter_line(p, "collector_not_accredited", bad_collector=True)
        for i in self.unl_pool.take_any(counts["not_found"], regions):
            row = self.unlisted[i]
            self.lines.append(_person_line(nominee, row, row["region_code"], day_between(rng, start, end),
                                           "not_found", voter_id=None))
        for i in self.dead_pool.take_any(counts["deceased"], regions):
            row = self.dead[i]
            self.lines.append(_person_line(nominee, row, row["region_code"], day_between(rng, start, end),
                                           "deceased"))
        taken = 0
        while taken < counts["under_age"] and self.young:
            row = self.young.pop()
            adult_day = E.anniversary(row["birth_date"], 18)  # under 18 before this day
            if adult_day <= start or row["region_code"] not in regions:
                continue
            signed = day_between(rng, start, min(end, adult_day - dt.timedelta(days=1)))
            self.lines.append(_person_line(nominee, row, row["region_code"], signed, "under_age"))
            taken += 1
        for _ in range(counts["other_region"]):
            home = self._region(p)
            row = self.adults[self.pool.take(home, 1)[0]]
            elsewhere = [r for r in regions if r != home]
            sheet_region = elsewhere[int(rng.integers(0, len(elsewhere)))]
            self.lines.append(_person_line(nominee, row, sheet_region, day_between(rng, start, end), "other_region"))
        self._duplicates(p)

    def _duplicates(self, p: dict) -> None:
        rng, (start, end) = self.rng, p["window"]
        own = [ln for ln in self.valid_of[p["nominee"]] if ln.voter_id not in self.paired]
        for k in rng.permutation(len(own))[:p["reasons"]["duplicate_in_nominee"]]:
            first = own[int(k)]
            self.paired.add(first.voter_id)
            if first.signed_on >= end:
                first.signed_on = day_between(rng, start, end - dt.timedelta(days=1))
            second = _Line(**{**first.__dict__, "reason": "duplicate_in_nominee",
                              "signed_on": day_between(rng, first.signed_on + dt.timedelta(days=1), end)})
            if rng.random() < 0.5:  # written again, not always the same way
                row = _harmless(rng, {"surname": first.surname, "given_name": first.given_name,
                                      "patronymic": first.patronymic, "birth_date": first.birth_date}, self.surnames)
                second.surname, second.given_name, second.patronymic = (row["surname"], row["given_name"],
                                                                        row["patronymic"])
            self.lines.append(second)

    def signed_for_two(self, p: dict) -> None:
        """A voter of another nominee's valid line (signed inside this nominee's window too) signs later for this one."""
        start, end = p["window"]
        others = [ln for q in self.plan if q["nominee"] != p["nominee"] for ln in self.valid_of[q["nominee"]]
                  if ln.voter_id not in self.paired and start <= ln.signed_on < end
                  and p["valid"].get(ln.region_code, 0) > 0]
        for k in self.rng.permutation(len(others))[:p["reasons"]["signed_for_two"]]:
            first = others[int(k)]
            self.paired.add(first.voter_id)
            signed = day_between(self.rng, max(first.signed_on + dt.timedelta(days=1), start), end)
            self.lines.append(_Line(**{**first.__dict__, "nominee": p["nominee"], "signed_on": signed,
                                       "reason": "signed_for_two"}))


def bind_sheets(rng, lines: list[_Line], order_of: dict[str, int]) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Lines in sheets of ``SHEET_SIZE`` by nominee, region and collector, in the order signed;
    numbered; each sheet given a collector (not accredited for the bad ones)."""
    frame = pl.DataFrame({
        "nominee": [ln.nominee for ln in lines], "region_code": [ln.region_code for ln in lines],
        "bad": [ln.bad_collector for ln in lines],
        "surname": [ln.surname for ln in lines], "given_name": [ln.given_name for ln in lines],
        "patronymic": [ln.patronymic for ln in lines], "iin": [ln.iin for ln in lines],
        "birth_date": [ln.birth_date for ln in lines], "address": [ln.address for ln in lines],
        "signed_on": [ln.signed_on for ln in lines], "voter_id": [ln.voter_id for ln in lines],
        "reason": [ln.reason for ln in lines],
    }, schema_overrides={"birth_date": pl.Date, "signed_on": pl.Date, "patronymic": pl.String, "iin": pl.String,
                         "surname": pl.String, "given_name": pl.String, "address": pl.String, "voter_id": pl.String,
                         "reason": pl.String})
    frame = frame.with_columns(
        _n=pl.col("nominee").replace_strict(order_of, return_dtype=pl.Int64),
        _tie=pl.Series(rng.random(len(frame))),
        # a line whose date is missing sits among the others of its day drawn at random
        day_between=pl.col("signed_on").fill_null(pl.col("signed_on").min().over(["nominee", "region_code"])),
    ).sort("_n", "region_code", "bad", "day_between", "_tie")
    frame = frame.with_columns(_pos=pl.int_range(pl.len()).over(["nominee", "region_code", "bad"]))
    frame = frame.with_columns(_chunk=pl.col("_pos") // SHEET_SIZE)
    keys = frame.select("nominee", "region_code", "bad", "_chunk", "_n").unique(maintain_order=True)
    keys = keys.with_columns(_sheet_no=pl.int_range(1, pl.len() + 1).over("nominee"))
    # collectors: accredited ones collect about four sheets each in a region; a bad sheet's collector is not accredited
    collector_ids, accredited, c_nominee, c_region = [], [], [], []
    sheet_collector = []
    per_group: dict[tuple, list[str]] = {}
    count = 0
    for nominee, region, bad, chunk in keys.select("nominee", "region_code", "bad", "_chunk").iter_rows():
        group = (nominee, region, bad)
        if group not in per_group or (chunk % 4 == 0 and not bad):
            count += 1
            cid = f"K{count:06d}"
            per_group.setdefault(group, []).append(cid)
            collector_ids.append(cid)
            accredited.append(not bad)
            c_nominee.append(nominee)
            c_region.append(region)
        sheet_collector.append(per_group[group][-1])
    keys = keys.with_columns(
        sheet=pl.format("{}-{}", "nominee", pl.col("_sheet_no").cast(pl.String).str.zfill(4)),
        collector=pl.Series(sheet_collector, dtype=pl.String))
    frame = frame.join(keys.select("nominee", "region_code", "bad", "_chunk", "sheet", "collector"),
                       on=["nominee", "region_code", "bad", "_chunk"], how="left", maintain_order="left")
    frame = frame.with_columns(line_id=pl.format("L{}", pl.int_range(1, pl.len() + 1).cast(pl.String).str.zfill(8)))
    collectors = pl.DataFrame({"collector": collector_ids, "nominee": c_nominee, "region_code": c_region,
                               "accredited": accredited})
    return frame, keys, collectors


def official_record(rng, lines: pl.DataFrame, period: dict[str, tuple[dt.date, dt.date]]
                    ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What the territorial commissions recorded: lines struck (mostly the invalid, a few valid), a
    reason seldom recorded; one session per nominee and region, held in the verification ``period``
    (submitted, verified by) after submission, the nominee's proxy seldom present."""
    n = len(lines)
    invalid = lines["reason"].is_not_null().to_numpy()
    struck = np.where(invalid, rng.random(n) < TEC_STRIKES_INVALID, rng.random(n) < TEC_STRIKES_VALID)
    recorded = struck & (rng.random(n) < TEC_REASON_RECORDED)
    truth = lines["reason"].to_numpy()
    codes = np.array(list(REASONS), dtype=object)
    recorded_reason = np.where(invalid, truth, codes[rng.integers(0, len(codes), n)])
    official = pl.DataFrame({
        "line_id": lines["line_id"], "nominee": lines["nominee"], "region_code": lines["region_code"],
        "struck": struck,
        "reason_recorded": pl.Series(np.where(recorded, recorded_reason, None).tolist(), dtype=pl.String),
    })
    sessions = official.group_by("nominee", "region_code", maintain_order=True).agg(
        lines=pl.len(), struck=pl.col("struck").sum().cast(pl.Int64),
        struck_without_reason=(pl.col("struck") & pl.col("reason_recorded").is_null()).sum().cast(pl.Int64))
    held = [day_between(rng, period[n][0] + dt.timedelta(days=1), period[n][1]) for n in sessions["nominee"]]
    sessions = sessions.with_columns(
        body=pl.lit("TEC"), held_on=pl.Series(held, dtype=pl.Date),
        proxy_present=pl.Series(rng.random(len(sessions)) < TEC_PROXY_PRESENT))
    return official, sessions
