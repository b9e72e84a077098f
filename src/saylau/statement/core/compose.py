"""Compose the statement for one language from :class:`StatementInputs` and narrative.

:func:`compose` returns a :class:`~saylau.statement.core.model.Document`: the
sections of the reference statement in order, each with the analysts'
narrative (HTML), the sentences generated from data and the ids of the charts
that data supports. A section with neither narrative, data nor chart is
dropped, except the election-day heading when one of its phases is present.
Pure Python: no Django.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from saylau.statement.core import (
    campaign,
    generated,
    media,
    nomination,
    register_audit,
    results_chain,
)
from saylau.statement.core import labels as L
from saylau.statement.core.inputs import StatementInputs
from saylau.statement.core.model import Document, Section, Sentence

log = logging.getLogger(__name__)

Narrative = Mapping[tuple[str, str], str]  # (section id, lang) -> HTML


def chart_ids(inputs: StatementInputs) -> dict[str, tuple[str, ...]]:
    """Which charts the data supports, by section."""
    charts: dict[str, list[str]] = {}
    phases = [f for f in inputs.findings
              if f.metric.kind == "share_negative_assessment" and f.denominator]
    if phases:
        charts.setdefault("election_day", []).append("assessment_by_phase")
    if any(f.metric.id == "voting.assessment_negative" and f.denominator
           for f in inputs.findings_by_region):
        charts.setdefault("voting", []).append("assessment_by_region")
    if any(f.metric.id in L.INCIDENTS and f.denominator for f in inputs.findings):
        charts.setdefault("voting", []).append("incidents")
    if inputs.stations is not None and len(inputs.stations.registered):
        charts.setdefault("tabulation", []).append("fingerprint")
    if inputs.media_monitoring is not None:
        charts.setdefault("media", []).extend(media.chart_ids(inputs.media_monitoring))
    elif any(sum(v for _, v in m.coverage) > 0 for m in inputs.media):
        charts.setdefault("media", []).append("media")
    return {k: tuple(v) for k, v in charts.items()}


def sentences_for(section: str, inputs: StatementInputs, lang: str) -> list[Sentence]:
    """The generated sentences of one section."""
    if section == "conclusions":
        return generated.named_findings(
            inputs, ("voting.assessment_negative", "counting.assessment_negative"), lang)
    if section == "administration":
        return generated.administration(inputs.composition, lang)
    if section == "voter_registration":
        return (generated.registered(inputs.results, lang)
                + register_audit.sentences(inputs.extra.get("register_audit"), lang))
    if section == "candidate_registration":
        return (nomination.nominees(inputs.nomination, lang) + campaign.candidates(inputs.candidates, lang)
                + nomination.signatures(inputs.nomination, lang))
    if section == "campaign":
        return nomination.proxies(inputs.nomination, lang)
    if section == "media" and inputs.media_monitoring is not None:
        return media.sentences(inputs.media_monitoring, lang)
    if section == "media":
        names = {c.number: c.name(lang) for c in inputs.candidates}
        return campaign.media(inputs.media, names, lang)
    if section == "women":
        return (generated.women(inputs.composition, lang)
                + generated.named_findings(inputs, generated.WOMEN_METRICS, lang))
    if section == "minorities":
        return generated.minorities(inputs.composition, lang)
    if section == "complaints":
        return campaign.complaints(inputs.complaints, lang)
    if section == "observers":
        return (campaign.domestic(inputs.mission, lang) + nomination.observers(inputs.nomination, lang)
                + generated.named_findings(inputs, generated.OBSERVER_METRICS, lang))
    if section in L.PHASES:
        out = generated.observed(inputs.mission, section, lang)
        out += generated.phase_findings(inputs, section, lang)
        if section == "tabulation":
            out += generated.results(inputs.results, inputs.publication, lang)
        return out
    if section == "results_chain":
        return results_chain.sentences(inputs.results_chain, lang,
                                       {c.number: c.name(lang) for c in inputs.candidates})
    if section == "mission":
        return campaign.mission(inputs.mission, lang)
    return []


def official_note(official_language: str, lang: str) -> str:
    if official_language == "en":
        return L.OFFICIAL_NOTE[lang]
    name = L.LANGUAGE_NAMES[lang].get(official_language, official_language)
    return L.OFFICIAL_NOTE_OTHER[lang].format(name=name)


def compose(inputs: StatementInputs, lang: str, narrative: Narrative | None = None) -> Document:
    """The statement in ``lang`` (``en``, ``ru`` or ``kk``)."""
    if lang not in L.LANGS:
        raise ValueError(f"unsupported language {lang!r}; expected one of {L.LANGS}")
    narrative = narrative or {}
    charts = chart_ids(inputs)
    sections: list[Section] = []
    for section_id, level in L.SECTIONS:
        sections.append(Section(
            id=section_id, level=level, title=L.pick(L.TITLES[section_id], lang),
            narrative=narrative.get((section_id, lang), ""),
            sentences=tuple(sentences_for(section_id, inputs, lang)),
            charts=charts.get(section_id, ()),
        ))
    phases_present = any(not s.empty for s in sections if s.id in L.PHASES)
    kept = tuple(s for s in sections
                 if not s.empty or (s.id == "election_day" and phases_present))
    log.debug("statement %s: %d sections, %d kept", lang, len(sections), len(kept))
    return Document(
        lang=lang,
        title=L.pick(L.STATEMENT_TITLE, lang),
        election=inputs.text("election_name", lang),
        mission=inputs.text("mission_name", lang),
        date=L.long_date(inputs.date, lang) if inputs.date else "",
        official_note=official_note(inputs.official_language, lang),
        sections=kept,
    )
