"""Quick count from the protocols in the database.

The frame is every station of the election with its registered voters (from
the results system's figures) and its region as stratum.

- ``source="observer"``: the sample is the stations whose protocol the
  observers copied. Their deployment is not a stratified design with two
  stations in every region, so the cluster ratio estimator (a simple random
  sample of stations, with finite population correction) is used;
- ``source="official"``: a stratified random sample of ``n`` stations is
  drawn with ``seed`` (recorded) and read from the results system's figures,
  with the combined ratio estimator.

Each candidate's share (of valid votes) and the turnout (ballots issued over
registered voters, :mod:`saylau.core.protocol`) get an interval, compared with
the official figures.
"""

from __future__ import annotations

import polars as pl

from saylau.core import protocol
from saylau.core.errors import UserError
from saylau.geography.models import Election
from saylau.results import frames
from saylau.results.core.quickcount import estimators as est
from saylau.results.core.quickcount.frame import build_frame, draw_sample


class NothingToEstimate(UserError, ValueError):
    """The database does not yet hold what a quick count needs; the message says what to import."""


def run(election: Election, *, source: str = "observer", seed: int | None = None, n: int | None = None,
        confidence: float = 0.95) -> dict:
    protocols, k = frames.protocols(election)
    official = frames.station_figures(protocols)
    units = frames.units(election).select("unit_id", region=pl.col("path").str.split("/").list.get(1, null_on_oob=True))
    official = official.join(units, on="unit_id", how="left")
    votes = protocol.vote_columns(k)
    if official.height == 0:
        raise NothingToEstimate(
            f"no station protocols for election {election.slug!r} yet, so no frame to sample from: import them "
            "first (`saylau results import FILE --preset ...`; for a simulated election "
            "`saylau results import - --preset kz-2011`)")
    frame = build_frame(official["unit_id"].to_numpy(), official["region"].fill_null("-").to_numpy(),
                        official["registered"].fill_null(0).to_numpy())
    if source == "observer":
        sample = frames.pick(protocols, "PEC", "observer")
        if sample.height < 2:
            raise NothingToEstimate(
                f"fewer than two observers' copies ({sample.height}): nothing to estimate from; import "
                "them (`results import --source observer`) or use `--source official`")
        shares = est.cluster_ratio({c: sample[c].to_numpy() for c in votes}, sample["valid"].to_numpy(),
                                   population_size=frame.n_stations, confidence=confidence)
        turnout = est.cluster_ratio({"turnout": protocol.issued(sample)}, sample["registered"].to_numpy(),
                                    population_size=frame.n_stations, confidence=confidence)
        drawn = {"stations": sample.height, "seed": None}
    elif source == "official":
        size = n or min(frame.n_stations, max(2 * frame.n_strata, frame.n_stations // 10, 200))
        s = draw_sample(frame, n=min(size, frame.n_stations), seed=seed)
        picked = official.join(pl.DataFrame({"unit_id": s.ids}), on="unit_id", how="semi")
        order = {u: i for i, u in enumerate(frame.ids.tolist())}
        strata = frame.strata[[order[u] for u in picked["unit_id"].to_list()]]
        sizes = frame.stratum_sizes
        shares = est.stratified_ratio({c: picked[c].to_numpy() for c in votes}, picked["valid"].to_numpy(), strata,
                                      sizes, confidence=confidence)
        turnout = est.stratified_ratio({"turnout": protocol.issued(picked)}, picked["registered"].to_numpy(), strata, sizes,
                                       confidence=confidence)
        drawn = {"stations": s.n, "seed": s.seed}
    else:
        raise ValueError("source is 'observer' or 'official'")
    total = protocol.totals(official)
    reference = {protocol.vote_column(n): share for n, share in total.shares().items()}
    reference["turnout"] = total.turnout
    items = []
    for item in (*shares.items, *turnout.items):
        c = est.compare_with_official(item, reference[item.name])
        items.append({"name": item.name, "estimate": item.estimate, "se": item.se, "lower": item.lower,
                      "upper": item.upper, "official": c.official, "difference": c.difference, "z": c.z,
                      "inside": c.inside})
    return {"source": source, "method": shares.method, "confidence": confidence, "frame_stations": frame.n_stations,
            **drawn, "estimates": items}
