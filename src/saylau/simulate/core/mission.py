"""The observation mission: observers, teams, deployments, and what they report.

Observers see what happened at the stations they visit: ballot stuffing is
only reported where the ground truth has it, other incidents are drawn more
often where the station was manipulated, and the counts of each report match
SYNOPSIS §8 at the reported rates (scaled to the number of visits). The
targets drawn for each item are kept in ``truth`` so that findings can be
checked against them.
"""

from __future__ import annotations

import datetime as dt
import uuid

import numpy as np
import polars as pl

from saylau.core.protocol import LINES
from saylau.simulate.core import profile_kz2011 as P
from saylau.simulate.core.draw import allocate, exact_choice, scaled

ELECTION_DAY = dt.date(2011, 4, 3)
LOCAL_OFFSET = dt.timedelta(hours=6)  # Astana time, UTC+6
YES, NO = "yes", "no"
CONCERNS = (
    "misuse_of_admin_resources", "pressure_on_voters", "obstruction_of_campaign", "detention_of_activists",
    "media_bias", "complaints_not_decided", "voter_list_problems",
)


def _uuid(rng: np.random.Generator) -> str:
    return str(uuid.UUID(bytes=rng.bytes(16), version=4))


def _at(hour: float, day: dt.date = ELECTION_DAY) -> str:
    local = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=float(hour))
    return (local - LOCAL_OFFSET).replace(tzinfo=dt.UTC).isoformat()


def observers(rng: np.random.Generator, scale: float) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Observers and teams: STOs and LTOs in pairs, the core team alone."""
    n_sto = max(2, 2 * round(P.SHORT_TERM_OBSERVERS * scale / 2))
    n_lto = max(2, 2 * round(P.LONG_TERM_OBSERVERS * scale / 2))
    n_core = max(1, scaled(P.CORE_TEAM, scale))
    kinds = ["core"] * n_core + ["lto"] * n_lto + ["sto"] * n_sto
    n = len(kinds)
    states = np.array(P.STATE_CODES, dtype=object)
    # every state is represented when there are enough observers
    state = np.concatenate([states[: min(n, len(states))], rng.choice(states, max(0, n - len(states)))])
    rng.shuffle(state)
    mp = np.zeros(n, dtype=bool)
    mp[n_core + n_lto:] = exact_choice(rng, n_sto, scaled(P.PARLIAMENTARIANS, scale))
    team = [""] * n_core + [f"L{(i // 2) + 1:03d}" for i in range(n_lto)] + [f"S{(i // 2) + 1:04d}" for i in range(n_sto)]
    table = pl.DataFrame({
        "code": [f"OBS{i + 1:05d}" for i in range(n)],
        "full_name": [f"Observer {i + 1}" for i in range(n)],
        "role": kinds,
        "state": state,
        "parliamentarian": mp,
        "team_code": team,
        "language": rng.choice(["en", "ru"], n, p=[0.7, 0.3]),
    })
    teams = (
        table.filter(pl.col("team_code") != "")
        .group_by("team_code", maintain_order=True)
        .agg(pl.col("role").first().alias("kind"))
        .rename({"team_code": "code"})
    )
    return table, teams


def _pick(rng, weights: np.ndarray, k: int) -> np.ndarray:
    return exact_choice(rng, len(weights), k, weights=weights)


def election_day(rng, scale: float, teams: pl.DataFrame, stations: pl.DataFrame, results: pl.DataFrame, members: pl.DataFrame) -> tuple[pl.DataFrame, list[dict], dict]:
    """Deployments and election-day submissions (opening, voting, counting, tabulation, incident)."""
    sto = teams.filter(pl.col("kind") == "sto")["code"].to_list()
    lto = teams.filter(pl.col("kind") == "lto")["code"].to_list()
    st = stations.join(results, left_on="code", right_on="station_code")
    districts = st["district_code"].unique(maintain_order=True).to_numpy()
    d_size = st.group_by("district_code", maintain_order=True).len()["len"].to_numpy()
    team_district = districts[np.flatnonzero(_pick(rng, d_size.astype(float), min(len(sto), len(districts))))]
    rng.shuffle(team_district)
    team_district = np.resize(team_district, len(sto))
    n_voting = max(len(sto), scaled(P.VOTING_VISITS, scale))
    per_team = allocate(n_voting, np.ones(len(sto)))
    station_district = st["district_code"].to_numpy()
    order = np.argsort(station_district, kind="stable")
    codes, starts = np.unique(station_district[order], return_index=True)
    ends = np.append(starts[1:], len(order))
    by_district = {c: order[a:b] for c, a, b in zip(codes, starts, ends, strict=True)}
    region_of = dict(zip(st["district_code"], st["region_code"], strict=False))
    visits_team, visits_row, team_counts = [], [], []
    for t, (code, d) in enumerate(zip(sto, team_district, strict=True)):
        pool = by_district[d]
        rows = rng.choice(pool, size=min(per_team[t], len(pool)), replace=False)
        visits_team += [code] * len(rows)
        team_counts.append(len(rows))
        visits_row += list(rows)
    visits_row = np.array(visits_row)
    visits_team = np.array(visits_team, dtype=object)
    # A few stations are visited by a second team of the same region. A visit moves only to
    # a station of its own region, so each region's visits are found once, not per move
    # (that scan made the simulation quadratic in its scale).
    visit_region = st["region_code"].to_numpy()[visits_row]
    _, visit_team = np.unique(visits_team, return_inverse=True)
    region_visits = {r: np.flatnonzero(visit_region == r) for r in np.unique(visit_region)}
    n_revisit = scaled(P.REVISIT_SHARE * P.VOTING_VISITS, scale)
    for i in rng.choice(len(visits_row), size=min(n_revisit, len(visits_row)), replace=False):
        pool = region_visits[visit_region[i]]
        same = pool[visit_team[pool] != visit_team[i]]
        if len(same):
            visits_row[i] = visits_row[rng.choice(same)]
    deployments = pl.DataFrame({
        "team_code": list(sto) + list(lto),
        "district_code": list(team_district) + [""] * len(lto),
        "region_code": [region_of[d] for d in team_district] + [P.REGIONS[i % len(P.REGIONS)][0] for i in range(len(lto))],
    })
    truth: dict = {}
    subs: list[dict] = []
    ctx = _Context(rng, st, members, subs)
    # visits are stored team by team, in the order of ``sto``
    ends = np.cumsum(team_counts)
    first_rows = ends - np.asarray(team_counts)
    ctx.opening(sto, visits_row[first_rows], truth)
    ctx.voting(visits_team, visits_row, truth)
    last_rows = ends - 1
    count_teams = np.flatnonzero(exact_choice(rng, len(sto), min(len(sto), scaled(P.COUNTS, scale))))
    ctx.counting(np.array(sto, dtype=object)[count_teams], visits_row[last_rows[count_teams]], truth)
    tab = np.flatnonzero(exact_choice(rng, len(sto), min(len(sto), scaled(P.TABULATIONS, scale))))
    ctx.tabulation(np.array(sto, dtype=object)[tab], team_district[tab], truth)
    return deployments, subs, truth


class _Context:
    def __init__(self, rng, st: pl.DataFrame, members: pl.DataFrame, subs: list[dict]):
        self.rng, self.st, self.subs = rng, st, subs
        self.code = st["code"].to_numpy()
        self.region = st["region_code"].to_numpy()
        self.district = st["district_code"].to_numpy()
        self.urban = st["area"].to_numpy() == "urban"
        self.region_of_district = dict(zip(self.district, self.region, strict=True))
        self.stuffed = st["stuffed"].to_numpy() > 0
        self.inflated = st["inflated"].to_numpy()
        pec = members.filter((pl.col("tier") == "PEC") & pl.col("voting"))
        comp = pec.group_by("unit_code").agg(
            total=pl.len(),
            women=(pl.col("gender") == "female").sum(),
            chair=pl.col("gender").filter(pl.col("role") == "chair").first(),
        )
        self.comp = {r["unit_code"]: r for r in comp.iter_rows(named=True)}

    def add(self, form: str, team: str, row: int | None, hour: float, answers: dict, **where) -> None:
        code = self.code[row] if row is not None else ""
        self.subs.append({
            "uuid": _uuid(self.rng), "form": form, "team_code": team,
            "station_code": where.get("station_code", code),
            "dec_code": where.get("dec_code", self.district[row] if row is not None else ""),
            "region_code": where.get("region_code", self.region[row] if row is not None else ""),
            "urban": bool(self.urban[row]) if row is not None else None,
            "submitted_at": _at(hour), "answers": answers,
        })

    def _assessment(self, weights: np.ndarray, share: float, n: int, harsh: np.ndarray) -> np.ndarray:
        negative = _pick(self.rng, weights, int(round(share * n)))
        good = np.where(self.rng.random(n) < 0.4, "very_good", "good")
        return np.where(negative, np.where(harsh, "very_bad", "bad"), good)

    def opening(self, teams, rows, truth) -> None:
        n = len(rows)
        late = _pick(self.rng, np.ones(n), int(round(0.04 * n)))
        unsealed = _pick(self.rng, np.ones(n), int(round(0.03 * n)))
        uncounted = _pick(self.rng, np.ones(n), int(round(0.10 * n)))
        restricted = _pick(self.rng, np.ones(n), int(round(0.03 * n)))
        bad = late.astype(int) + unsealed + uncounted + restricted
        assessment = self._assessment(np.exp(1.5 * bad), P.OPENING_NEGATIVE_SHARE, n, bad >= 2)
        for i in range(n):
            self.add("opening", teams[i], rows[i], 7 + self.rng.uniform(0, 0.9), {
                "station_code": self.code[rows[i]], "arrival_time": "07:00:00",
                "opened_on_time": NO if late[i] else YES, "ballot_boxes_sealed": NO if unsealed[i] else YES,
                "ballots_counted_before_opening": NO if uncounted[i] else YES,
                "observers_restricted": YES if restricted[i] else NO, "assessment": str(assessment[i]),
            })
        truth["opening"] = {"observations": n, "negative": int(np.isin(assessment, ["bad", "very_bad"]).sum())}

    def voting(self, teams, rows, truth) -> None:
        n = len(rows)
        stuffed, inflated = self.stuffed[rows], self.inflated[rows]
        weight = {
            "ballot_stuffing": stuffed.astype(float),
            "identical_signatures": 1 + 4.0 * stuffed + inflated,
            "boxes_not_sealed": 1 + 3.0 * stuffed,
            "group_voting": np.ones(n), "multiple_voting": 1 + 2.0 * stuffed,
            "proxy_voting": np.ones(n), "voting_without_id": np.ones(n), "voters_turned_away": np.ones(n),
            "unauthorised_persons_present": 1 + 1.0 * inflated, "observers_restricted": 1 + 2.0 * stuffed,
        }
        seen = {k: _pick(self.rng, w, int(round(P.VOTING_INCIDENTS[k] / P.VOTING_REPORTED_OF * n))) for k, w in weight.items()}
        directing = np.zeros(n, dtype=bool)
        present = np.flatnonzero(seen["unauthorised_persons_present"])
        directing[present[exact_choice(self.rng, len(present), int(round(P.VOTING_DIRECTING / P.VOTING_REPORTED_OF * n)))]] = True
        party = _pick(self.rng, np.ones(n), int(round(P.VOTING_PARTY_OBSERVERS_SHARE * n)))
        incidents = sum(v.astype(int) for v in seen.values()) + directing
        assessment = self._assessment(np.exp(1.2 * incidents + 3 * seen["ballot_stuffing"]), P.VOTING_NEGATIVE_SHARE, n, incidents >= 3)
        hours = self.rng.uniform(8, 19.5, n)
        for i in range(n):
            comp = self.comp.get(self.code[rows[i]], {"total": 7, "women": 5, "chair": "female"})
            answers = {"station_code": self.code[rows[i]], "arrival_time": f"{int(hours[i]):02d}:{int(hours[i] % 1 * 60):02d}:00"}
            answers.update({k: YES if v[i] else NO for k, v in seen.items()})
            if seen["unauthorised_persons_present"][i]:
                answers["unauthorised_persons_directing"] = YES if directing[i] else NO
            answers.update({
                "party_observers_present": YES if party[i] else NO,
                "pec_members_total": int(comp["total"]), "pec_members_women": int(comp["women"]),
                "pec_chair_gender": comp["chair"], "voters_in_station": int(self.rng.integers(0, 40)),
                "assessment": str(assessment[i]),
            })
            self.add("voting", teams[i], rows[i], hours[i] + 0.5, answers)
            if seen["ballot_stuffing"][i] or directing[i]:
                kind = "ballot_stuffing" if seen["ballot_stuffing"][i] else "unauthorised_persons_directing"
                self.add("incident", teams[i], rows[i], hours[i] + 0.6, {
                    "station_code": self.code[rows[i]], "incident_type": kind,
                    "description": f"Observed {kind.replace('_', ' ')} at station {self.code[rows[i]]}.",
                    "incident_time": answers["arrival_time"],
                })
        codes = self.code[rows]
        truth["voting"] = {
            "observations": n, "stations": len(set(codes)),
            "negative": int(np.isin(assessment, ["bad", "very_bad"]).sum()),
            **{k: int(v.sum()) for k, v in seen.items()},
            "unauthorised_persons_directing": int(directing.sum()),
            "party_observers_present": int(party.sum()),
            "stations_with": {k: len(set(codes[v])) for k, v in seen.items()},
        }

    def counting(self, teams, rows, truth) -> None:
        n = len(rows)
        share = {k: v / P.COUNTS for k, v in P.COUNTING.items()}
        seen = {k: _pick(self.rng, np.ones(n) + self.stuffed[rows], int(round(s * n))) for k, s in share.items()}
        bad = sum(v.astype(int) for v in seen.values())
        assessment = self._assessment(np.exp(0.8 * bad), P.COUNTING_NEGATIVE_SHARE, n, bad >= 4)
        for i in range(n):
            r = rows[i]
            s = self.st.row(int(r), named=True)
            answers = {
                "station_code": self.code[r], "arrival_time": "19:45:00",
                "stacks_of_ballots": YES if seen["stacks_of_ballots"][i] else NO,
                "observers_restricted": YES if seen["observers_restricted"][i] else NO,
                "choices_announced": NO if seen["choices_not_announced"][i] else YES,
                "protocol_difficulties": YES if seen["protocol_difficulties"][i] else NO,
                "protocol_presigned": YES if seen["protocol_presigned"][i] else NO,
                "protocol_posted": NO if seen["protocol_not_posted"][i] else YES,
                "copy_given": NO if seen["protocol_not_posted"][i] else YES,
                "assessment": str(assessment[i]),
            }
            if not seen["protocol_not_posted"][i]:  # observers hold a copy only when posted or given
                answers.update({f"p_{line}": int(s[f"counted_{line}"]) for line in LINES})
                answers["candidate_votes"] = [
                    {"candidate_number": c, "votes": int(s[f"counted_votes_{c}"])} for c in range(1, len(P.CANDIDATES) + 1)
                ]
            self.add("counting", teams[i], int(r), 21 + self.rng.uniform(0, 1.5), answers)
        truth["counting"] = {
            "observations": n, "negative": int(np.isin(assessment, ["bad", "very_bad"]).sum()),
            **{k: int(v.sum()) for k, v in seen.items()}, "station_codes": sorted(self.code[rows].tolist()),
        }

    def tabulation(self, teams, decs, truth) -> None:
        n = len(decs)
        completed = self.st["completed_at_dec"].to_numpy()
        without = self.st["corrected"].to_numpy() & ~self.st["correction_decision"].to_numpy()
        seen_completed = self._spread(decs, completed, P.TABULATION_COMPLETED_AT_DEC * n / P.TABULATIONS)
        seen_without = self._spread(decs, without, P.TABULATION_CORRECTED_WITHOUT_DECISION * n / P.TABULATIONS)
        opaque = _pick(self.rng, np.ones(n) + (seen_completed > 0), int(round(P.TABULATION_NOT_TRANSPARENT_SHARE * n)))
        bad = opaque.astype(int) + (seen_completed > 0) + (seen_without > 0)
        assessment = self._assessment(np.exp(bad), P.TABULATION_NEGATIVE_SHARE, n, bad >= 3)
        restricted = _pick(self.rng, np.ones(n), int(round(0.1 * n)))
        for i in range(n):
            self.add("tabulation", teams[i], None, 23 + self.rng.uniform(0, 3), {
                "dec_code": decs[i], "arrival_time": "23:00:00", "transparent": NO if opaque[i] else YES,
                "observers_restricted": YES if restricted[i] else NO,
                "protocols_completed_at_dec": int(seen_completed[i]),
                "protocols_corrected_without_decision": int(seen_without[i]),
                "assessment": str(assessment[i]),
            }, dec_code=decs[i], region_code=self.region_of_district[decs[i]], station_code="")
        truth["tabulation"] = {
            "observations": n, "decs": len(set(decs)), "negative": int(np.isin(assessment, ["bad", "very_bad"]).sum()),
            "not_transparent": int(opaque.sum()), "protocols_completed_at_dec": int(seen_completed.sum()),
            "protocols_corrected_without_decision": int(seen_without.sum()),
        }

    def _spread(self, decs, flag: np.ndarray, target: float) -> np.ndarray:
        """Per visited DEC, how many of its truly flagged protocols the team saw; exactly ``target`` in all."""
        wanted = set(decs)
        visited = np.fromiter((d in wanted for d in self.district), dtype=bool, count=len(self.district))
        pool = np.flatnonzero(flag & visited)
        seen = pool[exact_choice(self.rng, len(pool), int(round(target)))]
        at = {d: i for i, d in enumerate(decs)}
        counts = np.zeros(len(decs), dtype=np.int64)
        for d in self.district[seen]:
            counts[at[d]] += 1
        return counts


def lto_reports(rng, teams: pl.DataFrame, deployments: pl.DataFrame) -> list[dict]:
    """Weekly reports of the long-term observer teams before election day."""
    region = dict(zip(deployments["team_code"], deployments["region_code"], strict=True))
    out = []
    for code in teams.filter(pl.col("kind") == "lto")["code"]:
        for week in range(P.LTO_WEEKS):
            start = ELECTION_DAY - dt.timedelta(days=7 * (P.LTO_WEEKS - week) + 6)
            chosen = [c for c in CONCERNS if rng.random() < 0.3]
            out.append({
                "uuid": _uuid(rng), "form": "lto_report", "team_code": code, "station_code": "", "dec_code": "",
                "region_code": region[code], "urban": None,
                "submitted_at": (dt.datetime.combine(start + dt.timedelta(days=6), dt.time(18)) - LOCAL_OFFSET).replace(tzinfo=dt.UTC).isoformat(),
                "answers": {
                    "region_code": region[code], "week_start": start.isoformat(),
                    "campaign_events_observed": int(rng.integers(0, 12)), "complaints_learned": int(rng.integers(0, 4)),
                    "summary": f"Weekly report of team {code}, week {week + 1}.", "concerns": " ".join(chosen),
                },
            })
    return out
