"""Simulated media monitoring for the ``kz-2011`` profile, with ground truth.

Six monitored television channels (two state, four private; fictional names)
over the campaign, coded item by item, whose aggregates are those the
reference statement reports (its section on the media):

* the incumbent's share of each channel's news coverage of the candidates:
  19 and 13 per cent on the two state channels, 16, 14, 3 and 39 per cent on
  the private ones (the other candidates' shares on the state channels as
  reported; on the private channels, not reported, they are assumed);
* over two hours of positive coverage of the incumbent in his official role
  outside news;
* over ten hours of paid political advertising bought by the incumbent's
  campaign, more than half of all paid advertising monitored.

Each target is a whole number of seconds, so the truth is exact: ``truth``
holds every numerator and denominator the statement reports. The first coder's
codings are the truth; a second coder codes a tenth of the items again with
realistic disagreement (tone most often, then speech, subject and programme
type, and a few seconds' difference in duration). Pure: NumPy and Polars.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import polars as pl

ZONE = "Asia/Almaty"
CAMPAIGN = (dt.date(2011, 3, 4), dt.date(2011, 4, 1))
NEWS_SECONDS = 18_000  # candidates' news coverage per channel over the campaign (5 hours)
ADMINISTRATION_SECONDS = 3_600  # news on the election administration per channel
CODERS = ("monitor-1", "monitor-2", "monitor-3", "monitor-4")
DOUBLE_SHARE = 0.10

#: code, names (en, ru, kk), kind, ownership, language
OUTLETS = (
    ("STA", "State channel A", "Государственный канал А", "А мемлекеттік арнасы", "tv", "state", "kk"),
    ("STB", "State channel B", "Государственный канал Б", "Б мемлекеттік арнасы", "tv", "state", "ru"),
    ("PRC", "Private channel C", "Частный канал В", "В жеке арнасы", "tv", "private", "ru"),
    ("PRD", "Private channel D", "Частный канал Г", "Г жеке арнасы", "tv", "private", "ru"),
    ("PRE", "Private channel E", "Частный канал Д", "Д жеке арнасы", "tv", "private", "ru"),
    ("PRF", "Private channel F", "Частный канал Е", "Е жеке арнасы", "tv", "private", "kk"),
)
#: per cent of each channel's news coverage of the candidates, candidates 1 (the incumbent) to 4
NEWS_SHARES = {
    "STA": (19, 29, 25, 27), "STB": (13, 26, 28, 33),  # reported (A: 19, 29, 25, 28, rounded)
    "PRC": (16, 28, 28, 28), "PRD": (14, 29, 29, 28),  # incumbent's share reported
    "PRE": (3, 32, 33, 32), "PRF": (39, 20, 21, 20),
}
#: tone of the incumbent's news coverage, per cent positive, neutral, negative
INCUMBENT_TONE = {"STA": (60, 32, 8), "STB": (55, 40, 5), "PRC": (40, 50, 10),
                  "PRD": (35, 55, 10), "PRE": (20, 60, 20), "PRF": (70, 28, 2)}
OTHER_TONE = (15, 75, 10)
#: official-role coverage of the incumbent outside news: seconds, of them positive
OFFICIAL_ROLE = {"STA": (3_600, 3_420), "STB": (2_400, 2_280), "PRF": (1_800, 1_710)}
#: paid advertising, seconds: the incumbent's campaign, and each other candidate's
PAID_INCUMBENT = {"STA": 9_600, "STB": 9_600, "PRC": 6_000, "PRD": 6_000, "PRE": 3_600,
                  "PRF": 3_600}  # 38,400 s: 10 h 40 min
PAID_OTHERS = {2: 12_600, 3: 10_800, 4: 7_200}  # 30,600 s, spread over the channels
TONES = ("positive", "neutral", "negative")


@dataclass(frozen=True)
class MediaSimulation:
    """Outlets, the monitoring period, the monitored slots, every coding (``final``: the coding analysed) and
    the ground truth (``truth``: seconds, the figures the statement reports)."""

    outlets: pl.DataFrame
    periods: pl.DataFrame
    slots: pl.DataFrame
    codings: pl.DataFrame
    truth: dict = field(repr=False)


def outlets() -> pl.DataFrame:
    keys = ("code", "name_en", "name_ru", "name_kk", "kind", "ownership", "language")
    return pl.DataFrame([dict(zip(keys, o, strict=True)) for o in OUTLETS]).with_columns(
        timezone=pl.lit(ZONE))


def _split(rng: np.random.Generator, total: int, low: int, high: int) -> list[int]:
    """``total`` seconds as item durations between ``low`` and ``high`` (the last one
    takes what is left), summing to ``total`` exactly."""
    out: list[int] = []
    left = total
    while left > high:
        d = int(rng.integers(low, high + 1))
        if left - d < low:
            d = left - low
        out.append(d)
        left -= d
    if left > 0:
        out.append(left)
    return out


def _parts(total: int, percents: tuple[int, ...]) -> list[int]:
    """``total`` split by ``percents`` into whole seconds; the last part takes the rest."""
    parts = [total * p // 100 for p in percents[:-1]]
    return [*parts, total - sum(parts)]


def simulate_media(candidates: list[tuple[int, bool]], *, seed: int = 2011) -> MediaSimulation:
    """The monitoring of ``candidates`` (ballot number, incumbent?) on :data:`OUTLETS`.

    The incumbent plays candidate 1 of the profile's shares and the others
    candidates 2, 3 and 4 in ballot order; a profile without an incumbent or
    with other than four candidates is refused.
    """
    incumbent = [n for n, inc in candidates if inc]
    others = sorted(n for n, inc in candidates if not inc)
    if len(incumbent) != 1 or len(others) != 3:
        raise ValueError("the kz-2011 media simulation needs four candidates, one of them the incumbent")
    order = [incumbent[0], *others]
    rng = np.random.default_rng(seed)
    rows: list[dict] = []
    truth: dict = {"news": {}, "incumbent": order[0]}

    def add(outlet: str, programme: str, subject_kind: str, candidate: int | None, seconds: int,
            tone: str, low: int, high: int, language: str) -> None:
        for d in _split(rng, seconds, low, high):
            rows.append({"outlet": outlet, "programme": programme, "subject": subject_kind,
                         "candidate": candidate, "amount": d, "tone": tone,
                         "speech": "direct" if rng.random() < 0.4 else "indirect",
                         "language": language if rng.random() < 0.9 else ("ru" if language == "kk" else "kk")})

    for code, *_names, _kind, _own, language in OUTLETS:
        seconds = [NEWS_SECONDS * p // 100 for p in NEWS_SHARES[code]]
        assert sum(seconds) == NEWS_SECONDS
        for i, (number, s) in enumerate(zip(order, seconds, strict=True)):
            tones = INCUMBENT_TONE[code] if i == 0 else OTHER_TONE
            for tone, part in zip(TONES, _parts(s, tones), strict=True):
                add(code, "news", "candidate", number, part, tone, 40, 150, language)
            if i == 0:
                pos, neu, _neg = _parts(s, tones)
                truth["news"][code] = {"numerator": s, "denominator": NEWS_SECONDS,
                                       "positive_or_neutral": pos + neu}
        add(code, "news", "administration", None, ADMINISTRATION_SECONDS, "neutral", 40, 150, language)
        if code in OFFICIAL_ROLE:
            total, positive = OFFICIAL_ROLE[code]
            add(code, "official_role", "official", order[0], positive, "positive", 60, 240, language)
            add(code, "official_role", "official", order[0], total - positive, "neutral", 60, 240, language)
        add(code, "paid", "candidate", order[0], PAID_INCUMBENT[code], "positive", 30, 90, language)
    channels = [o[0] for o in OUTLETS]
    for k, number in enumerate(order[1:]):
        for j, part in enumerate(_parts(PAID_OTHERS[k + 2], (20, 20, 15, 15, 15, 15))):
            add(channels[j], "paid", "candidate", number, part, "positive", 30, 90, languages(j))
    official_total = sum(t for t, _ in OFFICIAL_ROLE.values())
    truth["official_role"] = {"seconds": official_total,
                              "positive": sum(p for _, p in OFFICIAL_ROLE.values())}
    paid_total = sum(PAID_INCUMBENT.values()) + sum(PAID_OTHERS.values())
    truth["paid"] = {"numerator": sum(PAID_INCUMBENT.values()), "denominator": paid_total}

    frame = pl.DataFrame(rows, schema={"outlet": pl.Utf8, "programme": pl.Utf8, "subject": pl.Utf8,
                                       "candidate": pl.Int64, "amount": pl.Int64, "tone": pl.Utf8,
                                       "speech": pl.Utf8, "language": pl.Utf8})
    frame = frame.with_columns(aired_at=_times(rng, frame["outlet"]), party=pl.lit(None, pl.Utf8))
    coder_of = {code: CODERS[i % len(CODERS)] for i, code in enumerate(channels)}
    first = frame.with_columns(coder=pl.col("outlet").replace_strict(coder_of), final=pl.lit(True))
    second = _second_coding(rng, first)
    codings = pl.concat([first, second], how="diagonal_relaxed").sort("outlet", "aired_at", "final",
                                                                       descending=[False, False, True])
    slots = pl.DataFrame({"outlet": channels, "code": ["day"] * len(channels),
                          "name_en": ["Programmes from 07:00 to midnight"] * len(channels),
                          "name_ru": ["Программы с 07:00 до полуночи"] * len(channels),
                          "name_kk": ["07:00-ден түн ортасына дейінгі бағдарламалар"] * len(channels),
                          "programme": [""] * len(channels), "days": ["1234567"] * len(channels),
                          "start": [dt.time(7, 0)] * len(channels), "end": [dt.time(0, 0)] * len(channels)})
    periods = pl.DataFrame({"code": ["campaign"], "name_en": ["Campaign"], "name_ru": ["Кампания"],
                            "name_kk": ["Үгіт кезеңі"], "start": [CAMPAIGN[0]], "end": [CAMPAIGN[1]]})
    truth["items"] = len(first)
    truth["double_coded"] = len(second)
    return MediaSimulation(outlets=outlets(), periods=periods, slots=slots, codings=codings, truth=truth)


def languages(j: int) -> str:
    return OUTLETS[j][6]


def _times(rng: np.random.Generator, outlet: pl.Series) -> pl.Series:
    """A distinct broadcast time per item and outlet, between 07:00 and 23:59 local time
    on a day of the campaign (so that outlet and time name the item)."""
    days = (CAMPAIGN[1] - CAMPAIGN[0]).days + 1
    per_day = 17 * 3600
    start = dt.datetime.combine(CAMPAIGN[0], dt.time(7, 0))
    out = np.empty(len(outlet), dtype="datetime64[s]")
    codes = outlet.to_numpy()
    for code in np.unique(codes):
        where = np.flatnonzero(codes == code)
        slots = np.sort(rng.choice(days * per_day, size=len(where), replace=False))
        day, second = np.divmod(slots, per_day)
        out[where] = np.datetime64(start, "s") + (day * 86_400 + second).astype("timedelta64[s]")
    return pl.Series("aired_at", out.astype("datetime64[us]")).dt.replace_time_zone(ZONE)


def _second_coding(rng: np.random.Generator, first: pl.DataFrame) -> pl.DataFrame:
    """A tenth of the items coded again by another coder, with realistic disagreement."""
    n = len(first)
    pick = np.sort(rng.choice(n, size=int(round(DOUBLE_SHARE * n)), replace=False))
    sample = first[pick]
    m = len(sample)
    offset = rng.integers(1, len(CODERS), size=m)
    index = {c: i for i, c in enumerate(CODERS)}
    coders = [CODERS[(index[c] + o) % len(CODERS)] for c, o in zip(sample["coder"], offset, strict=True)]
    tone = sample["tone"].to_list()
    speech = sample["speech"].to_list()
    programme = sample["programme"].to_list()
    subject = sample["subject"].to_list()
    for i in range(m):
        if rng.random() < 0.12:  # the commonest disagreement: a neighbouring tone
            tone[i] = "neutral" if tone[i] != "neutral" else ("positive" if rng.random() < 0.5 else "negative")
        if rng.random() < 0.08:
            speech[i] = "direct" if speech[i] == "indirect" else "indirect"
        if rng.random() < 0.02 and programme[i] in ("news", "current_affairs"):
            programme[i] = "current_affairs" if programme[i] == "news" else "news"
        if rng.random() < 0.02 and subject[i] in ("candidate", "official"):
            subject[i] = "official" if subject[i] == "candidate" else "candidate"
    amount = np.maximum(1, sample["amount"].to_numpy() + np.round(rng.normal(0, 2, m)).astype(int))
    return sample.with_columns(coder=pl.Series(coders), tone=pl.Series(tone), speech=pl.Series(speech),
                               programme=pl.Series(programme), subject=pl.Series(subject),
                               amount=pl.Series(amount, dtype=pl.Int64), final=pl.lit(False))
