"""Finding voters registered twice: exact passes, then a Fellegi-Sunter model.

1. **Exact pass**: two records with the same IIN are the same person (the IIN
   is issued once); they are matches without a model.
2. **Model** (Splink, https://moj-analytical-services.github.io/splink/): the
   pairs that the blocking rules bring together are compared field by field
   (IIN, surname, given name, patronymic, birth date, sex, address, station);
   each field's agreement level carries a match weight log2(m/u), where u
   (how often non-matches agree) is estimated by random sampling and m (how
   often matches agree) by expectation maximisation on the pairs sharing an
   IIN; the IIN's own u and m are counted (over all pairs, and over the pairs
   agreeing on the whole name, birth date and address). Exact agreement on a
   name is adjusted for how common that name is (term frequencies), and two
   or three names agreeing for how common they are together
   (:mod:`saylau.registry.core.namefreq`). The names are compared through
   their keys (:mod:`saylau.registry.core.names`), with levels for a double
   surname's other part and for given name and surname swapped.

Blocking keeps the comparisons within what two cores do: a pair is scored
only when it shares the IIN, or the birth date and one name key, or all
three name keys and the birth year, or the birth date, the station and the
first letters of the surname. The same settings run on DuckDB (the
default) or Spark (:func:`spark_api`): only the engine changes.

Pairs with a match probability of at least ``upper`` are duplicates; those
between ``lower`` and ``upper`` go to the clerical review queue.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from saylau.registry.core import iin as iin_mod
from saylau.registry.core import namefreq, names

#: a duplicate from this match probability on: the lowest threshold whose precision stays at
#: 0.97 or more at every size measured and under both simulated name models (9,181,700 voters:
#: 0.9885 / 0.9800 with the present name lists, 0.973 / 0.969 with the early small ones, where
#: 0.70 gave 0.965; docs/registry.md). The whole name's frequency (namefreq) gives namesakes
#: the lower probabilities they deserve, so the earlier 0.95 cut recall for nothing.
UPPER = 0.75
LOWER = 0.50
#: the most pairs each expectation-maximisation rule trains on (a sample beyond it)
EM_PAIRS = 1_000_000
#: records prepared at a time (a larger register is prepared in slices and put together)
PREPARE_ROWS = 1_000_000
#: the columns the model reads; a register or any other person file is mapped onto them
MODEL_COLUMNS = ("uid", "iin", "iin_valid", "surname_key", "surname_key2", "given_key", "given_fold", "patronymic_key", "dob",
                 "sex", "address_key", "station")


def prepare(frame: pl.DataFrame | pl.LazyFrame, *, id_column: str = "voter_id") -> pl.DataFrame:
    """The model's input from a register frame (``iin``, ``surname``,
    ``given_name``, ``patronymic``, ``sex``, ``birth_date``, ``address``,
    ``station``): name keys, the birth date as text, an address key."""
    if isinstance(frame, pl.DataFrame) and len(frame) > PREPARE_ROWS:
        # a slice at a time: the keys' intermediate columns for 9 million records took 3 GB more
        return pl.concat([prepare(frame.slice(i, PREPARE_ROWS), id_column=id_column)
                          for i in range(0, len(frame), PREPARE_ROWS)])
    lf = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    lf = names.with_keys(lf)
    out = lf.select(
        pl.col(id_column).cast(pl.String).alias("uid"),
        pl.col("iin").cast(pl.String).str.strip_chars().replace("", None).alias("iin"),
        "surname_key", "surname_key2", "given_key", "given_fold", "patronymic_key",
        pl.col("birth_date").cast(pl.String).alias("dob"),
        pl.col("sex").cast(pl.String).alias("sex"),
        pl.col("address").cast(pl.String).str.to_lowercase().str.replace_all(r"[^\w]+", " ").alias("address_key"),
        pl.col("station").cast(pl.String).alias("station"),
    )
    out = out.collect()
    return out.with_columns(iin_valid=pl.Series(iin_mod.valid_array(out["iin"])))


def _comparisons():
    import splink.comparison_level_library as cll
    from splink import comparison_library as cl

    def names_comparison(col: str, label: str, cross: str):
        return cl.CustomComparison(output_column_name=label, comparison_levels=[
            cll.NullLevel(col),
            cll.ExactMatchLevel(col, term_frequency_adjustments=True),
            cll.CustomLevel(cross, label_for_charts="other part or swapped"),
            cll.JaroWinklerLevel(col, 0.92),
            cll.JaroWinklerLevel(col, 0.80),
            cll.ElseLevel(),
        ])

    surname_cross = ("(surname_key_l = surname_key2_r OR surname_key2_l = surname_key_r "
                     "OR surname_key_l = given_fold_r)")
    given_cross = "given_fold_l = surname_key_r"
    return [
        cl.CustomComparison(output_column_name="iin", comparison_levels=[
            cll.NullLevel("iin"), cll.ExactMatchLevel("iin"),
            # one digit wrong or two swapped, with one of the two numbers invalid: most such
            # typos break the check digit, but not all (about 1 in 10 single-digit slips and
            # 1 in 65 swaps keep a valid number, measured on 50,000 simulated IINs); two valid
            # numbers a digit apart are left to the other fields, as they are more often two
            # people born the same day
            cll.And(cll.DamerauLevenshteinLevel("iin", 1), cll.CustomLevel("NOT (iin_valid_l AND iin_valid_r)")),
            cll.ElseLevel()]),
        names_comparison("surname_key", "surname", surname_cross),
        names_comparison("given_key", "given_name", given_cross),
        cl.CustomComparison(output_column_name="patronymic", comparison_levels=[
            cll.NullLevel("patronymic_key"), cll.ExactMatchLevel("patronymic_key", term_frequency_adjustments=True),
            cll.JaroWinklerLevel("patronymic_key", 0.88), cll.ElseLevel()]),
        cl.CustomComparison(output_column_name="birth_date", comparison_levels=[
            cll.NullLevel("dob"), cll.ExactMatchLevel("dob"),
            # a day apart before one character apart: 1965-01-12 and 1965-01-13 are both, and one
            # character apart also holds 1965-01-12 and 1965-01-22 or 1966-01-12, fifty times as
            # common among two people (the level's u); a day apart across a month's end
            # (1965-01-30 and 1965-01-29) differs in two characters
            cll.AbsoluteDateDifferenceLevel("dob", input_is_string=True, threshold=1, metric="day"),
            cll.CustomLevel("substr(dob_l, 1, 4) = substr(dob_r, 1, 4) AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2) "
                            "AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)", label_for_charts="day and month swapped"),
            cll.DamerauLevenshteinLevel("dob", 1),
            cll.CustomLevel(f"{_DOB_YEAR.format(side='l')} = {_DOB_YEAR.format(side='r')}", label_for_charts="same year"),
            cll.ElseLevel()]),
        cl.CustomComparison(output_column_name="sex", comparison_levels=[
            cll.NullLevel("sex"), cll.ExactMatchLevel("sex"), cll.ElseLevel()]),
        cl.CustomComparison(output_column_name="address", comparison_levels=[
            cll.NullLevel("address_key"), cll.ExactMatchLevel("address_key"), cll.ExactMatchLevel("station"),
            cll.ElseLevel()]),
    ]


#: blocking keys written in SQL on the model's columns (the engine computes them; columns of their
#: own took a gigabyte at 9.2 million voters): the patronymic or '' (a file without patronymics
#: blocks as if they matched), and the birth year in a comparison level
_PATRONYMIC_BLOCK = "coalesce(patronymic_key, '')"
_DOB_YEAR = "substr(dob_{side}, 1, 4)"


def blocking_rules():
    from splink import block_on

    # Each block's size grows with the register unless its key's values grow too: the birth
    # date with one name alone gives about 150 million pairs at 9.2 million voters (a hundred
    # times those at 918,170), so each rule joins a second name or the birth date's parts.
    return [
        block_on("iin"),
        block_on("dob", "surname_key", _PATRONYMIC_BLOCK),
        block_on("dob", "given_key", _PATRONYMIC_BLOCK),
        # the surname and given name as a set: swapped names fall together
        block_on("dob", "least(surname_key, given_fold)", "greatest(surname_key, given_fold)"),
        block_on("surname_key", "given_key", "patronymic_key", "substr(dob, 1, 7)"),
        # the year with the month and day as a set: day and month swapped
        block_on("surname_key", "given_key", "patronymic_key", "substr(dob, 1, 4)",
                 "least(substr(dob, 6, 2), substr(dob, 9, 2))", "greatest(substr(dob, 6, 2), substr(dob, 9, 2))"),
        block_on("dob", "station", "substr(surname_key, 1, 2)"),
        # the birth date the IIN encodes: a mistyped IIN keeps it, a mistyped birth date does not
        block_on("substr(iin, 1, 6)", "surname_key", "given_key"),
    ]


def settings(link_type: str = "dedupe_only", *, prior: float | None = None):
    from splink import SettingsCreator

    kwargs = {}
    if prior is not None:
        kwargs["probability_two_random_records_match"] = prior
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="uid",
        comparisons=_comparisons(),
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        **kwargs,
    )


@dataclass
class DedupeResult:
    pairs: pl.DataFrame  # uid_l, uid_r, match_weight, match_probability, source, parts...
    n_records: int
    n_compared: int
    seconds: dict = field(default_factory=dict)
    model: dict = field(default_factory=dict, repr=False)

    def matches(self, upper: float = UPPER) -> pl.DataFrame:
        return self.pairs.filter(status_expr(upper) == "match")

    def review(self, lower: float = LOWER, upper: float = UPPER) -> pl.DataFrame:
        return self.pairs.filter(status_expr(upper) == "review")


def status_expr(upper: float = UPPER) -> pl.Expr:
    """``match``: the model puts the pair at ``upper`` or above, or the pair shares an
    IIN and the model scored it at all (at ``lower`` or above: the names do not
    contradict it); ``review``: the rest of the scored pairs, and pairs sharing an IIN
    whose names say otherwise (an IIN written on the wrong person)."""
    p = pl.col("match_probability")
    shared = pl.col("source") == "iin"
    return (pl.when((p >= upper) | (shared & p.is_not_null())).then(pl.lit("match"))
            .otherwise(pl.lit("review")))


def duckdb_api(memory_limit: str = "6GB", threads: int = 2, temp_dir: str | None = None):
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")
    if temp_dir:
        con.execute(f"SET temp_directory = '{temp_dir}'")
    return DuckDBAPI(connection=con)


def spark_api(master: str = "local[2]", *, memory: str = "4g", partitions: int = 8):
    """Splink's Spark backend on a Spark session (``local[2]`` unless a master URL is given;
    ``partitions`` shuffle partitions: a few for a small register in local mode, more on a cluster)."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import SparkAPI, similarity_jar_location

    spark = (SparkSession.builder.master(master).appName("saylau-register")
             .config("spark.driver.memory", memory)
             .config("spark.sql.shuffle.partitions", str(int(partitions)))
             .config("spark.default.parallelism", str(int(partitions)))
             .config("spark.jars", similarity_jar_location())
             .config("spark.ui.enabled", "false")
             .getOrCreate())
    spark.sparkContext.setCheckpointDir("/tmp/saylau-spark-checkpoints")
    return SparkAPI(spark_session=spark)


def run(frames: list[pl.DataFrame], *, db_api=None, link_type: str = "dedupe_only", lower: float = LOWER,
        seed: int = 16, u_pairs: float = 1e6, progress: Callable[[str], None] | None = None,
        trained: dict | None = None) -> DedupeResult:
    """Score the blocked pairs of prepared frames (:func:`prepare`) and return
    those at or above ``lower`` with their match weight's parts.

    With ``trained`` (a model as :attr:`DedupeResult.model` holds it), the
    training is skipped and the same model is applied (how the Spark engine is
    checked against DuckDB)."""
    from splink import Linker, block_on

    say = progress or (lambda _s: None)
    logging.getLogger("splink").setLevel(logging.WARNING)
    db_api = db_api or duckdb_api()
    t = {}
    start = time.perf_counter()
    # Arrow string views: DuckDB reads the frame where it is, without a copy of the register
    inputs = [db_api.register(f.to_arrow(compat_level=pl.CompatLevel.newest()) if _is_duckdb(db_api) else _to_spark(db_api, f))
              for f in frames]
    n_records = sum(len(f) for f in frames)
    if trained is not None:
        linker = Linker(inputs if len(inputs) > 1 else inputs[0],
                        model_for(trained, link_type, "duckdb" if _is_duckdb(db_api) else "spark"),
                        log_level=logging.WARNING)
    else:
        n_pairs = n_records * (n_records - 1) / 2 if link_type == "dedupe_only" else len(frames[0]) * len(frames[1])
        # the prior: pairs sharing an IIN, or the whole name, the birth date and the station, over
        # all pairs, with an assumed recall of 0.7. The station keeps namesakes out: the same name
        # and birth date anywhere in the country would count pairs of different people that grow
        # with the square of the register (7 % of that rule's pairs at 918,170 voters, about 40 %
        # at 9.2 million), and a prior inflated with the size makes every probability too high.
        linker = Linker(inputs if len(inputs) > 1 else inputs[0], settings(link_type), log_level=logging.WARNING)
        say("estimating the prior")
        linker.training.estimate_probability_two_random_records_match(
            [block_on("iin"), block_on("surname_key", "given_key", "patronymic_key", "dob", "station")], recall=0.7)
        t["prior"] = time.perf_counter() - start
        say("estimating u by random sampling")
        linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed, min_count_per_level=10)
        t["u"] = time.perf_counter() - start - sum(t.values())
        say("estimating m by expectation maximisation")
        # m by EM on the pairs sharing an IIN (nearly all of them matches, at any size; every
        # comparison but the IIN's), at most EM_PAIRS of them. Rules on a birth date and a name
        # (the earlier ones) gather namesakes, who grow with the square of the register and
        # outnumber the duplicates at 9.2 million voters (546,000 pairs share the birth date,
        # surname and given name there): EM then took the namesakes for matches, and the IIN's
        # "another number" level weighed -0.1 bits instead of about -2.
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on("iin"), max_pairs=EM_PAIRS, record_sample_proportion=0.1)
        t["m"] = time.perf_counter() - start - sum(t.values())
        # u of the IIN's levels by counting: a million random pairs never share an IIN or hold
        # one mistyped from another, so sampling leaves those u at a default and the levels'
        # weights far too low (8 and 4 bits instead of about 20); m by counting on sure pairs
        # (the IIN block cannot estimate the IIN's own m)
        say("counting the IIN levels' m and u")
        linker = Linker(inputs if len(inputs) > 1 else inputs[0],
                        model_for(with_iin_m(with_iin_u(linker.misc.save_model_to_json(), frames, link_type, n_pairs),
                                             frames, link_type),
                                  link_type, "duckdb" if _is_duckdb(db_api) else "spark"),
                        log_level=logging.WARNING)
        t["iin_u"] = time.perf_counter() - start - sum(t.values())
    say("scoring the blocked pairs")
    # scored down to MARGIN_BITS under ``lower``: the whole name's frequency may raise a pair
    predictions = linker.inference.predict(threshold_match_weight=namefreq.weight_of(lower) - namefreq.MARGIN_BITS)
    t["predict"] = time.perf_counter() - start - sum(t.values())
    pairs = pl.from_arrow(predictions.as_pyarrow_table()) if _is_duckdb(db_api) else pl.from_pandas(
        predictions.as_pandas_dataframe())
    if _is_duckdb(db_api):
        # the scored pairs are out: free DuckDB's copies of the register (its tables and term
        # frequencies) before the checks run beside it, so the two never add up
        linker.table_management.delete_tables_created_by_splink_from_db()
        for table in inputs:  # and the registered frames, which DuckDB reads in place
            table.drop_table_from_database_and_remove_from_cache(force_non_splink_table=True)
    keep = ["uid_l", "uid_r", "match_weight", "match_probability"] + [c for c in pairs.columns if c.startswith(("mw_", "gamma_"))]
    pairs = namefreq.adjust(pairs.select(keep), pl.concat([f.select("uid", *namefreq.FIELDS) for f in frames]))
    pairs = pairs.filter(pl.col("match_probability") >= lower).with_columns(
        pl.min_horizontal("uid_l", "uid_r").alias("a"), pl.max_horizontal("uid_l", "uid_r").alias("b"),
    ).drop("uid_l", "uid_r").rename({"a": "uid_l", "b": "uid_r"})
    # the exact pass: pairs sharing an IIN are matches whatever the model says of them
    same_iin = exact_iin_pairs(pl.concat([f.select("uid", "iin") for f in frames])).with_columns(source=pl.lit("iin"))
    pairs = pairs.join(same_iin, on=["uid_l", "uid_r"], how="full", coalesce=True).with_columns(
        pl.col("source").fill_null("model"))
    pairs = pairs.sort("match_weight", "uid_l", "uid_r", descending=[True, False, False])
    model = linker.misc.save_model_to_json() if trained is None else trained
    t["total"] = time.perf_counter() - start
    return DedupeResult(pairs=pairs, n_records=n_records, n_compared=-1, seconds=t, model=model)


def _neighbours(f: pl.DataFrame) -> pl.DataFrame:
    """Every 12-digit number one digit away (a digit changed, or two neighbours swapped) from
    each ``iin`` of ``f``: column ``nb``."""
    iin = pl.col("iin")
    parts = []
    for i in range(12):
        for d in "0123456789":
            parts.append(f.filter(iin.str.slice(i, 1) != d).select(
                nb=iin.str.slice(0, i) + pl.lit(d) + iin.str.slice(i + 1)))
    for i in range(11):
        parts.append(f.filter(iin.str.slice(i, 1) != iin.str.slice(i + 1, 1)).select(
            nb=iin.str.slice(0, i) + iin.str.slice(i + 1, 1) + iin.str.slice(i, 1) + iin.str.slice(i + 2)))
    return pl.concat(parts)


def iin_level_counts(frames: list[pl.DataFrame], link_type: str) -> tuple[int, int]:
    """Pairs sharing an IIN, and pairs whose IINs are one digit apart with one of the two
    invalid (the IIN comparison's second level), counted exactly (linear: only the invalid
    numbers' 119 neighbours are looked up)."""
    # counted on the numbers as integers (12 digits fit in 64 bits): grouping 9 million strings
    # took a gigabyte beside DuckDB's tables
    def prep(f):
        f = f.select("iin", "iin_valid").drop_nulls("iin").filter(pl.col("iin").str.len_chars() == 12)
        return f.with_columns(k=pl.col("iin").cast(pl.Int64, strict=False)).drop_nulls("k")

    def counts(f):
        return f.group_by("k").agg(n=pl.len(), valid=pl.col("iin_valid").first())

    def near(f):  # the invalid numbers' neighbours, as integers
        return _neighbours(f.filter(~pl.col("iin_valid"))).select(k=pl.col("nb").cast(pl.Int64, strict=False))

    fs = [prep(f) for f in frames]
    if link_type == "dedupe_only":
        c = counts(fs[0])
        same = int((c["n"].cast(pl.Int64) * (c["n"].cast(pl.Int64) - 1) // 2).sum())
        nb = near(fs[0]).join(c, on="k")
        # a pair of two invalid numbers is found from both ends
        typo = int(nb.filter(pl.col("valid"))["n"].sum() + nb.filter(~pl.col("valid"))["n"].sum() // 2)
        return same, typo
    a, b = fs[0], fs[1]
    ca, cb = counts(a), counts(b)
    same = int(ca.join(cb, on="k").select(pl.col("n").cast(pl.Int64) * pl.col("n_right").cast(pl.Int64)).sum().item() or 0)
    typo = int(near(a).join(cb, on="k")["n"].sum() + near(b).join(ca.filter(pl.col("valid")), on="k")["n"].sum())
    return same, typo


def with_iin_u(model: dict, frames: list[pl.DataFrame], link_type: str, n_pairs: float) -> dict:
    """``model`` with the IIN comparison's u counted (:func:`iin_level_counts` over all pairs;
    the count includes the duplicates themselves, so u errs high, the safe side)."""
    same, typo = iin_level_counts(frames, link_type)
    levels = model["comparisons"][0]["comparison_levels"]  # null, exact, one digit apart, else
    u_same, u_typo = max(same, 1) / max(n_pairs, 1), max(typo, 1) / max(n_pairs, 1)
    levels[1]["u_probability"], levels[2]["u_probability"] = u_same, u_typo
    levels[3]["u_probability"] = max(1e-12, 1.0 - u_same - u_typo)
    return model


def sure_pairs(frames: list[pl.DataFrame], link_type: str) -> pl.DataFrame:
    """Pairs that agree on the whole name, the birth date and the address (``iin_l``,
    ``iin_r``, ``iin_valid_l``, ``iin_valid_r``): the same person, in a register of any size
    (namesakes born the same day at one address are too few to count)."""
    keys = ["surname_key", "given_key", "patronymic_block", "dob", "address_key"]

    def keyed(f):  # joined on a 64-bit hash of the keys (9 million rows of five strings took a gigabyte)
        f = f.with_columns(patronymic_block=pl.col("patronymic_key").fill_null(""))
        f = f.select("uid", "iin", "iin_valid", *keys).drop_nulls(["surname_key", "given_key", "dob", "address_key"])
        return f.with_columns(h=pl.struct(keys).hash())

    a = keyed(frames[0])
    b = a if link_type == "dedupe_only" else keyed(frames[1])
    pairs = a.join(b, on="h", suffix="_r").filter(*[pl.col(k) == pl.col(f"{k}_r") for k in keys])
    if link_type == "dedupe_only":
        pairs = pairs.filter(pl.col("uid") < pl.col("uid_r"))
    return pairs.select(iin_l="iin", iin_r="iin_r", iin_valid_l="iin_valid", iin_valid_r="iin_valid_r")


def with_iin_m(model: dict, frames: list[pl.DataFrame], link_type: str, *, at_least: int = 30) -> dict:
    """``model`` with the IIN comparison's m counted on :func:`sure_pairs`: the shares of the
    same number, one digit apart with one of the two invalid, and another number (left as
    it is when fewer than ``at_least`` sure pairs hold an IIN on both records)."""
    sure = sure_pairs(frames, link_type).drop_nulls(["iin_l", "iin_r"])
    if len(sure) < at_least:
        return model
    same = typo = 0
    for a, b, va, vb in sure.iter_rows():
        if a == b:
            same += 1
        elif not (va and vb) and _one_slip(a, b):
            typo += 1
    n = len(sure)
    levels = model["comparisons"][0]["comparison_levels"]  # null, exact, one digit apart, else
    for level, count in zip(levels[1:], (same, typo, n - same - typo), strict=True):
        level["m_probability"] = max(count, 0.5) / n  # half a pair for a level never seen
    return model


def _one_slip(a: str, b: str) -> bool:
    """One digit changed, or two neighbours swapped (Damerau-Levenshtein distance 1, same length)."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def model_for(trained: dict, link_type: str, dialect: str) -> dict:
    """A trained model's parameters on these settings written in ``dialect``'s SQL
    (a model saved from DuckDB quotes names in a way Spark reads as text)."""
    fresh = settings(link_type).create_settings_dict(dialect)
    fresh["probability_two_random_records_match"] = trained["probability_two_random_records_match"]
    for mine, theirs in zip(fresh["comparisons"], trained["comparisons"], strict=True):
        for level, learnt in zip(mine["comparison_levels"], theirs["comparison_levels"], strict=True):
            for key in ("m_probability", "u_probability", "tf_minimum_u_value"):
                if key in learnt:
                    level[key] = learnt[key]
    return fresh


def _is_duckdb(db_api) -> bool:
    return type(db_api).__name__.startswith("DuckDB")


def _to_spark(db_api, frame: pl.DataFrame):
    return db_api.spark.createDataFrame(frame.to_pandas())


def exact_iin_pairs(frame: pl.DataFrame) -> pl.DataFrame:
    """The exact pass: every pair of records sharing an IIN (uid_l < uid_r)."""
    f = frame.select("uid", "iin").drop_nulls("iin")
    f = f.filter(pl.col("iin").is_duplicated())
    joined = f.join(f, on="iin", suffix="_r").filter(pl.col("uid") < pl.col("uid_r"))
    return joined.select(pl.col("uid").alias("uid_l"), "uid_r")


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        truth = self.true_positives + self.false_negatives
        return self.true_positives / truth if truth else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(found: pl.DataFrame, truth: pl.DataFrame) -> Score:
    """Pairwise precision and recall of ``found`` (uid_l, uid_r) against ``truth`` (id_l, id_r)."""
    def norm(f, a, b):
        return f.select(pl.min_horizontal(a, b).alias("x"), pl.max_horizontal(a, b).alias("y")).unique()

    f = norm(found, "uid_l", "uid_r")
    t = norm(truth, truth.columns[0], truth.columns[1])
    tp = len(f.join(t, on=["x", "y"]))
    return Score(tp, len(f) - tp, len(t) - tp)
