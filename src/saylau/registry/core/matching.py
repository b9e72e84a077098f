"""Finding people in the register: one matcher for every check that starts
from a person as written somewhere else (met in a field audit, a support
signature, a line of the deaths list).

A person (``surname``, ``given_name``, ``patronymic``, ``birth_date``, ``iin``;
any may be null) is compared with the register's entries through the name
keys of :mod:`saylau.registry.core.names` (scripts, the letters clerks
interchange, gendered endings and double surnames fall together). Two keys
are **close** when they are equal or one edit apart (a letter left out, added,
replaced or two neighbours swapped): both share a string after deleting at most
one letter from each (the deletion neighbourhood of SymSpell, Garbe 2012),
which finds them with joins rather than by comparing every pair. Keys of fewer
than four letters are close only when equal.

The rule, in order of preference:

1. **By IIN, confirmed**: an entry with the person's IIN whose surname *and*
   given name are close to the person's (or the two are swapped).
2. **By names**: an entry with the same birth date whose surname is close and
   given name equal, or surname equal and given name close, or the two
   swapped; unless the person gives a valid IIN that is on no entry of the
   register while the entry has another valid IIN more than one slip away
   from it (a slip: one digit wrong, or two neighbours swapped). The IIN is
   issued once, so such a number is that of someone not on the register,
   and the entry the names found is a namesake born the same day: in a
   register of millions with common names they are many (in the kz-2011
   simulation, 9 in 100 people not on the register have one). A slip is let
   through because the check digit misses about one in ten of them (the
   11th digit weighs 11, nothing modulo 11, unless the second weighting
   applies). A valid number that *is* on the register under another name
   was copied from that voter (a spouse's, a relative's): the names decide.
3. **By IIN, one name**: an entry with the person's IIN of which only the
   surname or the given name is close (a woman's surname changed at marriage,
   a given name written as a nickname). The birth date is not asked for: the
   IIN encodes it, so a line that copies a voter's number carries the date
   for free, and a line whose name agrees but whose date is a slip of the pen
   is still that voter.

An entry with the person's IIN of which neither name is close is **not** that
person (an IIN copied from someone else or mistyped into another valid
number): the person is looked for by names, and ``iin_conflict`` says the
number belongs to someone else. Among entries of the same rank, the one
whose patronymic agrees, then whose names are both exactly equal by key,
then the smallest id is taken.

:func:`candidates` gives every entry that matches (the field audit asks
whether *any* of them is at the person's station); :func:`match` the one
entry per person. Everything is column-wise Polars, each distinct name keyed
once: 150,000 people against 9.2 million entries take about ten seconds of
CPU (benchmarks/bench_signatures.py).
"""

from __future__ import annotations

import polars as pl

from saylau.registry.core import iin as iin_mod
from saylau.registry.core import names

#: keys shorter than this are close only when equal
FUZZY_MIN = 4
PERSON_COLUMNS = ("surname", "given_name", "patronymic", "birth_date", "iin")
_KEYS = ("surname_key", "surname_key2", "given_key", "given_fold", "patronymic_key")
RANK_IIN, RANK_NAMES, RANK_IIN_ONE_NAME = 0, 1, 2


def _person_frame(frame: pl.DataFrame, row: str) -> pl.DataFrame:
    """The person columns (those absent are null), typed, with ``row``."""
    cols = []
    for c in PERSON_COLUMNS:
        if c not in frame.columns:
            cols.append(pl.lit(None, dtype=pl.Date if c == "birth_date" else pl.String).alias(c))
        elif c == "birth_date":
            cols.append(pl.col(c).cast(pl.Date))
        elif c == "iin":
            cols.append(pl.col(c).cast(pl.String).str.replace_all(r"\s+", "").replace("", None))
        else:
            cols.append(pl.col(c).cast(pl.String))
    return frame.select(pl.col(row), *cols)


def _name_keys(values: pl.Series, column: str, keys: tuple[str, ...]) -> pl.DataFrame:
    """The keys of each distinct name of one column (names repeat: a register of
    millions has tens of thousands of distinct surnames), empty keys as null."""
    frame = pl.DataFrame({c: values.unique() if c == column else None for c in ("surname", "given_name", "patronymic")},
                         schema=dict.fromkeys(("surname", "given_name", "patronymic"), pl.String))
    return names.with_keys(frame).select(column, *[
        pl.when(pl.col(k).str.len_chars() > 0).then(pl.col(k)).alias(k) for k in keys])


def keyed(frame: pl.DataFrame, row: str) -> pl.DataFrame:
    """``row``, the birth date, the IIN and the name keys of
    :func:`saylau.registry.core.names.with_keys` (empty keys as null), each
    distinct name keyed once; the rows in no particular order."""
    f = _person_frame(frame, row)
    return (f.lazy()
            .join(_name_keys(f["surname"], "surname", ("surname_key", "surname_key2")).lazy(), on="surname", how="left")
            .join(_name_keys(f["given_name"], "given_name", ("given_key", "given_fold")).lazy(), on="given_name",
                  how="left")
            .join(_name_keys(f["patronymic"], "patronymic", ("patronymic_key",)).lazy(), on="patronymic", how="left")
            .select(row, "birth_date", "iin", *_KEYS).collect())


def one_slip(a: pl.Expr, b: pl.Expr, width: int = 12) -> pl.Expr:
    """True where two numbers of ``width`` digits are equal or one slip apart:
    one digit different, or two neighbouring digits swapped."""
    ch = [(a.str.slice(i, 1), b.str.slice(i, 1)) for i in range(width)]
    same = [x == y for x, y in ch]
    differ = pl.sum_horizontal([(~e).cast(pl.Int32) for e in same])
    swaps = [ch[i][0] == ch[i + 1][1] for i in range(width - 1)]
    swaps = [s & (ch[i + 1][0] == ch[i][1]) & ~same[i] for i, s in enumerate(swaps)]
    both = (a.str.len_chars() == width) & (b.str.len_chars() == width)
    return both & ((differ <= 1) | ((differ == 2) & pl.any_horizontal(swaps)))


def _with_iin_ok(frame: pl.DataFrame, column: str = "iin", alias: str = "iin_ok") -> pl.DataFrame:
    return frame.with_columns(pl.Series(alias, iin_mod.valid_array(frame[column])))


def _variants(keys: pl.Series) -> pl.DataFrame:
    """``key`` and every ``variant`` of it with at most one letter deleted."""
    k = pl.DataFrame({"key": keys}).drop_nulls().unique()
    if k.is_empty():
        return pl.DataFrame(schema={"key": pl.String, "variant": pl.String})
    longest = int(k["key"].str.len_chars().max())
    pos = pl.DataFrame({"_i": pl.int_range(0, longest, eager=True)})
    deleted = (k.filter(pl.col("key").str.len_chars() >= FUZZY_MIN).join(pos, how="cross")
               .filter(pl.col("_i") < pl.col("key").str.len_chars())
               .select("key", variant=pl.col("key").str.slice(0, pl.col("_i"))
                       + pl.col("key").str.slice(pl.col("_i") + 1)))
    return pl.concat([k.with_columns(variant=pl.col("key")), deleted]).unique()


def close_keys(left: pl.Series, right: pl.Series) -> pl.DataFrame:
    """Pairs (``l``, ``r``) of keys from ``left`` and ``right`` that are close (see the module)."""
    lv = _variants(left).rename({"key": "l"})
    rv = _variants(right).rename({"key": "r"})
    return lv.join(rv, on="variant").select("l", "r").unique()


def _long_surnames(frame: pl.DataFrame, row: str) -> pl.DataFrame:
    """One row per surname part (a double surname gives two): ``row``, ``skey``."""
    return pl.concat([frame.select(row, skey="surname_key"), frame.select(row, skey="surname_key2")]).drop_nulls()


def candidates(people: pl.DataFrame, register: pl.DataFrame, *, id_column: str = "voter_id",
               keep: tuple[str, ...] = ()) -> pl.DataFrame:
    """Every register entry that matches a person (see the module): ``row``
    (the person's position in ``people``), ``id_column``, the ``keep`` columns
    of the entry, ``matched_by`` (``iin`` or ``names``) and ``rank`` (0 best),
    each person's best first."""
    hits, _conflicts = _candidates(people, register, id_column=id_column, keep=keep)
    return hits


def _candidates(people: pl.DataFrame, register: pl.DataFrame, *, id_column: str, keep: tuple[str, ...]):
    p = _with_iin_ok(keyed(people.with_row_index("row"), "row"))
    # only the entries that could match (the same IIN or the same birth date) are keyed
    r = _person_frame(register.with_row_index("_e"), "_e")
    r = keyed(r.filter(pl.col("iin").is_in(p["iin"].drop_nulls().unique().implode())
                       | pl.col("birth_date").is_in(p["birth_date"].drop_nulls().unique().implode())), "_e")
    close_s = close_keys(pl.concat([p["surname_key"], p["surname_key2"]]), pl.concat([r["surname_key"], r["surname_key2"]]))
    close_g = close_keys(p["given_key"], r["given_key"])
    ps = _long_surnames(p, "row")

    # 1 and 3: by IIN, with how many names agree
    by_iin = p.filter(pl.col("iin").is_not_null()).select("row", "iin").join(r.select("_e", "iin"), on="iin")
    ri = r.join(by_iin.select("_e").unique(), on="_e", how="semi")
    s_ok = (by_iin.select("row", "_e").join(ps, on="row").join(close_s, left_on="skey", right_on="l")
            .join(_long_surnames(ri, "_e"), left_on=["_e", "r"], right_on=["_e", "skey"], how="semi")
            .select("row", "_e").unique().with_columns(s=pl.lit(True)))
    g_ok = (by_iin.select("row", "_e").join(p.select("row", "given_key"), on="row")
            .join(ri.select("_e", pl.col("given_key").alias("rg")), on="_e")
            .join(close_g, left_on=["given_key", "rg"], right_on=["l", "r"], how="semi").select("row", "_e")
            .unique().with_columns(g=pl.lit(True)))
    sw = (by_iin.select("row", "_e").join(p.select("row", "surname_key", "given_fold"), on="row")
          .join(ri.select("_e", pl.col("given_fold").alias("rgf"), pl.col("surname_key").alias("rsk")), on="_e")
          .with_columns(full=(pl.col("surname_key") == pl.col("rgf")) & (pl.col("given_fold") == pl.col("rsk")),
                        one=(pl.col("surname_key") == pl.col("rgf")) | (pl.col("given_fold") == pl.col("rsk")))
          .select("row", "_e", "full", "one"))
    scored = (by_iin.select("row", "_e").join(s_ok, on=["row", "_e"], how="left")
              .join(g_ok, on=["row", "_e"], how="left").join(sw, on=["row", "_e"], how="left")
              .with_columns(pl.col("s", "g", "full", "one").fill_null(False)))
    iin_hits = scored.with_columns(
        rank=pl.when((pl.col("s") & pl.col("g")) | pl.col("full")).then(RANK_IIN)
        .when(pl.col("s") | pl.col("g") | pl.col("one")).then(RANK_IIN_ONE_NAME)).filter(
        pl.col("rank").is_not_null()).select("row", "_e", "rank")
    conflicts = scored.join(iin_hits, on="row", how="anti").select("row").unique()

    # 2: by names and the birth date
    pb = p.filter(pl.col("birth_date").is_not_null())
    pbs = pb.select("row", "birth_date", "given_key").join(ps, on="row")
    rbs = pl.concat([r.select("_e", "birth_date", "given_key", skey="surname_key"),
                     r.select("_e", "birth_date", "given_key", skey="surname_key2")]).drop_nulls("skey")
    # the entries' (birth date, given name, surname) each person could have: surname close and
    # given name equal, or the other way round; one join on a hash of the three (then compared)
    pbs = pbs.drop_nulls("given_key")
    wanted = pl.concat([
        pbs.join(close_s, left_on="skey", right_on="l").select("row", "birth_date", "given_key", skey="r"),
        pbs.join(close_g, left_on="given_key", right_on="l").select("row", "birth_date", given_key="r", skey="skey"),
    ]).unique()
    key3 = pl.struct("birth_date", "given_key", "skey").hash(seed=16)
    by_names = (wanted.with_columns(_h=key3)
                .join(rbs.with_columns(_h=key3), on="_h", suffix="_r")
                .filter((pl.col("birth_date") == pl.col("birth_date_r")) & (pl.col("given_key") == pl.col("given_key_r"))
                        & (pl.col("skey") == pl.col("skey_r")))
                .select("row", "_e"))
    swapped = (pb.drop_nulls(["surname_key", "given_fold"]).select("row", "birth_date", "surname_key", "given_fold")
               .join(r.drop_nulls(["surname_key", "given_fold"]).select("_e", "birth_date", "surname_key", "given_fold"),
                     left_on=["birth_date", "surname_key", "given_fold"],
                     right_on=["birth_date", "given_fold", "surname_key"]).select("row", "_e"))
    # a valid number nobody on the register has, more than a slip away from the entry's: a
    # namesake born the same day, not the person (see the module)
    on_register = by_iin.select("row").unique().with_columns(_known=pl.lit(True))
    name_hits = (pl.concat([by_names, swapped]).unique()
                 .join(p.select("row", "iin", "iin_ok"), on="row")
                 .join(on_register, on="row", how="left")
                 .join(r.select("_e", pl.col("iin").alias("_riin")), on="_e")
                 .pipe(_with_iin_ok, "_riin", "_rok")
                 .filter(~(pl.col("iin_ok") & pl.col("_rok") & ~one_slip(pl.col("iin"), pl.col("_riin"))
                           & pl.col("_known").is_null()))
                 .select("row", "_e", rank=pl.lit(RANK_NAMES, dtype=pl.Int32)))

    hits = (pl.concat([iin_hits.with_columns(pl.col("rank").cast(pl.Int32)), name_hits])
            .sort("rank").unique(["row", "_e"], keep="first"))
    # tie-breaks: the patronymic agrees (or is missing), both names exactly equal
    hits = (hits.join(p.select("row", pl.col("surname_key").alias("ps"), pl.col("given_key").alias("pg"),
                               pl.col("patronymic_key").alias("pp")), on="row")
            .join(r.select("_e", pl.col("surname_key").alias("rs_"), pl.col("given_key").alias("rg"),
                           pl.col("patronymic_key").alias("rp")), on="_e")
            .with_columns(_pat=(pl.col("pp") != pl.col("rp")).fill_null(False),
                          _exact=~((pl.col("ps") == pl.col("rs_")) & (pl.col("pg") == pl.col("rg"))).fill_null(False)))
    entries = register.with_row_index("_e").select("_e", pl.col(id_column), *keep)
    hits = (hits.join(entries, on="_e")
            .with_columns(matched_by=pl.when(pl.col("rank") == RANK_NAMES).then(pl.lit("names")).otherwise(pl.lit("iin")))
            .sort("row", "rank", "_pat", "_exact", id_column)
            .select("row", id_column, *keep, "matched_by", "rank"))
    return hits, conflicts


def match(people: pl.DataFrame, register: pl.DataFrame, *, id_column: str = "voter_id",
          keep: tuple[str, ...] = ("station",)) -> pl.DataFrame:
    """One row per person, in the order of ``people``: the entry matched
    (``id_column`` and the ``keep`` columns, null when none), ``matched_by``
    (``iin``, ``names`` or null) and ``iin_conflict`` (the person's IIN is on
    the register under another person's name)."""
    hits, conflicts = _candidates(people, register, id_column=id_column, keep=keep)
    best = hits.unique("row", keep="first", maintain_order=True).drop("rank")
    rows = pl.DataFrame({"row": pl.int_range(0, len(people), eager=True, dtype=pl.UInt32)})
    return (rows.join(best, on="row", how="left", maintain_order="left")
            .join(conflicts.with_columns(iin_conflict=pl.lit(True)), on="row", how="left", maintain_order="left")
            .with_columns(pl.col("iin_conflict").fill_null(False)).drop("row"))
