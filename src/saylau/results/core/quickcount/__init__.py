"""Quick count (parallel vote tabulation): frame, sample, plan, estimate.

Submodules: :mod:`.frame` (sampling frame, allocation, seeded stratified
sample), :mod:`.plan` (sample-size planner), :mod:`.estimators` (cluster and
stratified ratio estimators with linearised variances), :mod:`.simulate`
(repeated-sampling coverage), :mod:`.presets` (column mappings).
"""

from saylau.results.core.quickcount.estimators import (
    Estimates,
    OfficialComparison,
    RatioEstimate,
    cluster_ratio,
    compare_with_official,
    naive_binomial_se,
    stratified_ratio,
)
from saylau.results.core.quickcount.frame import (
    SamplingFrame,
    StratifiedSample,
    allocate,
    build_frame,
    draw_sample,
    frame_from_table,
)

__all__ = [
    "Estimates",
    "OfficialComparison",
    "RatioEstimate",
    "SamplingFrame",
    "StratifiedSample",
    "allocate",
    "build_frame",
    "cluster_ratio",
    "compare_with_official",
    "draw_sample",
    "frame_from_table",
    "naive_binomial_se",
    "stratified_ratio",
]
