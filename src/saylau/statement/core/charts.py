"""Charts of the statement (matplotlib, Agg backend), as PNG bytes.

Each chart is drawn from :class:`StatementInputs` in one language. The
fingerprint uses :func:`saylau.forensics.fingerprint` on the official station
results. Labels use DejaVu Sans, which carries every Kazakh letter.
"""

from __future__ import annotations

import io
import logging

import numpy as np

from saylau.statement.core import labels as L
from saylau.statement.core.inputs import StatementInputs

log = logging.getLogger(__name__)
BLUE, RED, GREY = "#2f5d8a", "#b03a2e", "#8a8a8a"
DPI = 150


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _png(fig) -> bytes:
    plt = _plt()
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=DPI)
    plt.close(fig)
    return buffer.getvalue()


def _error(shares, lows, highs):
    lower = np.clip(shares - lows, 0, None)
    upper = np.clip(highs - shares, 0, None)
    return np.vstack([lower, upper])


def assessment_by_phase(inputs: StatementInputs, lang: str) -> bytes:
    plt = _plt()
    rows = [f for f in inputs.findings
            if f.metric.kind == "share_negative_assessment" and f.denominator]
    names = [L.pick(L.TITLES[f.metric.form], lang) if f.metric.form in L.TITLES
             else f.metric.form for f in rows]
    shares = np.array([100 * f.share for f in rows])
    lows = np.array([100 * f.low for f in rows])
    highs = np.array([100 * f.high for f in rows])
    fig, ax = plt.subplots(figsize=(6.2, 2.6))
    ax.bar(names, shares, color=RED, yerr=_error(shares, lows, highs), capsize=4,
           ecolor="#333333")
    for i, f in enumerate(rows):
        ax.annotate(f"{f.numerator}/{f.denominator}", (i, shares[i]), xytext=(4, 3),
                    textcoords="offset points", fontsize=7, color="#333333")
    ax.set_ylabel(L.pick(L.CHART["share_axis"], lang))
    ax.set_title(L.pick(L.CHART["interval"], lang), fontsize=7, loc="right", color=GREY)
    return _png(fig)


def assessment_by_region(inputs: StatementInputs, lang: str) -> bytes:
    plt = _plt()
    rows = [f for f in inputs.findings_by_region
            if f.metric.id == "voting.assessment_negative" and f.denominator]
    rows.sort(key=lambda f: f.share)

    def name(code) -> str:
        names = dict(inputs.region_names.get(str(code), ()))
        return names.get(lang) or names.get("en") or str(code)

    labels = [name(f.group[1]) for f in rows]
    shares = np.array([100 * f.share for f in rows])
    lows = np.array([100 * f.low for f in rows])
    highs = np.array([100 * f.high for f in rows])
    fig, ax = plt.subplots(figsize=(6.2, 0.9 + 0.22 * len(rows)))
    y = np.arange(len(rows))
    ax.barh(y, shares, color=RED, xerr=_error(shares, lows, highs), capsize=2,
            ecolor="#333333", height=0.6)
    ax.set_yticks(y, labels)
    for i, f in enumerate(rows):
        ax.annotate(f"{f.numerator}/{f.denominator}", (0, i), xytext=(2, -3),
                    textcoords="offset points", fontsize=6, color="white")
    ax.set_xlabel(L.pick(L.CHART["share_axis"], lang) + "; "
                  + L.pick(L.CHART["interval"], lang))
    return _png(fig)


def incidents(inputs: StatementInputs, lang: str) -> bytes:
    plt = _plt()
    rows = [f for f in inputs.findings if f.metric.id in L.INCIDENTS and f.denominator]
    rows.sort(key=lambda f: f.numerator)
    fig, ax = plt.subplots(figsize=(6.2, 0.9 + 0.22 * len(rows)))
    y = np.arange(len(rows))
    ax.barh(y, [f.numerator for f in rows], color=BLUE, height=0.6)
    ax.set_yticks(y, [L.pick(L.INCIDENTS[f.metric.id], lang) for f in rows])
    for i, f in enumerate(rows):
        ax.annotate(str(f.numerator), (f.numerator, i), xytext=(3, -3),
                    textcoords="offset points", fontsize=7)
    ax.set_xlabel(L.pick(L.CHART["count_axis"], lang))
    return _png(fig)


def fingerprint(inputs: StatementInputs, lang: str, bins: int = 50) -> bytes:
    """Turnout against the winner's share: the forensics fingerprint, log colour scale."""
    from matplotlib.colors import LogNorm

    from saylau import forensics

    s = inputs.stations
    keep = s.registered > 0
    winner = f"c{s.winner_index + 1}"  # stations_from_arrays names candidates c1..ck
    stations = forensics.stations_from_arrays(
        s.registered[keep], s.issued[keep], s.valid[keep], s.invalid[keep], s.votes[keep],
        winner=winner)
    fp = forensics.fingerprint(stations, bins=bins)
    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.2, 3.8))
    data = np.ma.masked_equal(fp.stations.T, 0)
    mesh = ax.pcolormesh(100 * fp.edges, 100 * fp.edges, data, norm=LogNorm(), cmap="viridis")
    fig.colorbar(mesh, ax=ax, label=L.pick(L.CHART["stations_axis"], lang))
    ax.set_xlabel(L.pick(L.CHART["turnout_axis"], lang))
    ax.set_ylabel(L.pick(L.CHART["winner_axis"], lang))
    return _png(fig)


def media(inputs: StatementInputs, lang: str) -> bytes:
    plt = _plt()
    names = {c.number: c.name(lang) for c in inputs.candidates}
    outlets = [m for m in inputs.media if sum(v for _, v in m.coverage) > 0]
    numbers = sorted({n for m in outlets for n, _ in m.coverage})
    fig, ax = plt.subplots(figsize=(6.2, 0.9 + 0.3 * len(outlets)))
    left = np.zeros(len(outlets))
    colours = plt.get_cmap("tab10")
    for k, number in enumerate(numbers):
        shares = np.array([100 * dict(m.coverage).get(number, 0) / sum(v for _, v in m.coverage)
                           for m in outlets])
        ax.barh(range(len(outlets)), shares, left=left, color=colours(k % 10),
                label=names.get(number, str(number)), height=0.6)
        left += shares
    ax.set_yticks(range(len(outlets)), [m.outlet for m in outlets])
    ax.set_xlabel(L.pick(L.CHART["coverage_axis"], lang))
    ax.legend(fontsize=6, ncol=min(4, len(numbers)), loc="upper center",
              bbox_to_anchor=(0.5, -0.35), frameon=False)
    return _png(fig)


def media_subjects(inputs: StatementInputs, lang: str) -> bytes:
    from saylau.statement.core import media as M

    return _png(M.draw_subjects(inputs.media_monitoring, lang, _plt()))


def media_tone(inputs: StatementInputs, lang: str) -> bytes:
    from saylau.statement.core import media as M

    return _png(M.draw_tone(inputs.media_monitoring, lang, _plt()))


DRAW = {"assessment_by_phase": assessment_by_phase, "assessment_by_region": assessment_by_region,
        "incidents": incidents, "fingerprint": fingerprint, "media": media,
        "media_subjects": media_subjects, "media_tone": media_tone}


def draw(chart_id: str, inputs: StatementInputs, lang: str) -> bytes:
    """The chart ``chart_id`` (a key of :data:`DRAW`) as PNG bytes."""
    return DRAW[chart_id](inputs, lang)
