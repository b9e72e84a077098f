"""Election forensics: statistical tests of station-level results.

A pure library (NumPy, SciPy, Polars; no Django, no database). Read a table
with :func:`load_stations` and a :class:`ColumnMapping` (or a preset), then
run single methods or :func:`analyse` for all of them and
:func:`write_report` for HTML and JSON. Every result is a frozen dataclass.
Methods are defined in ``docs/forensics.md``.
"""

from saylau.forensics._basic import (
    BENFORD_2BL,
    BasicTest,
    BasicTestsResult,
    basic_tests,
    second_digit,
)
from saylau.forensics._extremes import ExtremeCounts, ExtremeStation, extreme_stations
from saylau.forensics._fingerprint import (
    Fingerprint,
    excess_kurtosis,
    fingerprint,
    fingerprint_png,
    logodds_kurtosis,
)
from saylau.forensics._integer import (
    IntegerCount,
    IntegerPercentResult,
    integer_hit_probability,
    integer_percentages,
    is_integer_percent,
)
from saylau.forensics._io import (
    SHARE_DENOMINATORS,
    ColumnError,
    ColumnMapping,
    RowProblem,
    Stations,
    TableError,
    load_stations,
    read_table,
    resolve_column,
    resolve_columns,
    stations_from_arrays,
)
from saylau.forensics._klimek import KlimekFit, fit_klimek, honest_parameters, simulate_fraud
from saylau.forensics._mixture import MixtureParameters
from saylau.forensics._mixture_fit import MixtureFit, fit_mixture, simulate_mixture
from saylau.forensics._presets import PRESETS, check_mapping, detect_preset, preset
from saylau.forensics._report import render_html, write_report, write_unit_basic_csv
from saylau.forensics._rozenas import RozenasResult, at_fraction, coarse_fractions, rozenas
from saylau.forensics._shpilkin import ShpilkinResult, shpilkin, turnout_peak
from saylau.forensics._simulate import SimulationTruth, simulate_stations
from saylau.forensics._suite import ForensicsReport, analyse, plain
from saylau.forensics._unit_basic import (
    EFTOOLKIT,
    SAYLAU,
    BasicRow,
    Definitions,
    Estimate,
    UnitBasicTests,
    definitions,
    eftoolkit_layout,
    unit_basic_tests,
)
from saylau.forensics._units import AnomalousStation, UnitRow, anomalous_stations, unit_breakdown

__all__ = [
    "BENFORD_2BL", "PRESETS", "SHARE_DENOMINATORS", "ColumnError", "ExtremeCounts",
    "ExtremeStation", "TableError", "check_mapping", "detect_preset", "extreme_stations",
    "resolve_column", "resolve_columns", "EFTOOLKIT", "SAYLAU", "BasicRow", "Definitions",
    "Estimate", "UnitBasicTests", "definitions", "eftoolkit_layout", "plain", "unit_basic_tests",
    "write_unit_basic_csv", "MixtureFit", "MixtureParameters", "fit_mixture",
    "simulate_mixture", "AnomalousStation", "BasicTest", "BasicTestsResult",
    "ColumnMapping", "Fingerprint", "ForensicsReport", "IntegerCount", "IntegerPercentResult",
    "KlimekFit", "RowProblem", "RozenasResult", "ShpilkinResult", "SimulationTruth", "Stations",
    "UnitRow", "analyse", "anomalous_stations", "at_fraction", "basic_tests", "coarse_fractions",
    "excess_kurtosis", "fingerprint", "fingerprint_png", "fit_klimek", "honest_parameters",
    "integer_hit_probability", "integer_percentages", "is_integer_percent", "load_stations",
    "logodds_kurtosis", "preset", "read_table", "render_html", "rozenas", "second_digit",
    "shpilkin", "simulate_fraud", "simulate_stations", "stations_from_arrays", "turnout_peak",
    "unit_breakdown", "write_report",
]
