"""Choice labels that come from the geography, observation and results apps (protocol
tier and source, discrepancy kind, submission status, protocol lines) are shown
in the reader's language on the portal and the dashboards, not as stored codes."""

from __future__ import annotations

import re

import pytest

from .sim import build_simulated

KK_TIER = {"PEC": "Учаскелік сайлау комиссиясы", "DEC": "Округтік сайлау комиссиясы",
           "TEC": "Аумақтық сайлау комиссиясы", "CEC": "Орталық сайлау комиссиясы"}
KK_SOURCE = {"official": "Комиссия қол қойған ресми хаттама",
             "entered": "Жоғары тұрған комиссия нәтижелер жүйесіне енгізген деректер"}
RU_TIER = {"PEC": "Участковая избирательная комиссия", "DEC": "Окружная избирательная комиссия",
           "TEC": "Территориальная избирательная комиссия", "CEC": "Центральная избирательная комиссия"}
RU_STATUS = {"new": "Новый", "flagged": "С отметкой", "verified": "Подтверждён", "rejected": "Отклонён"}


@pytest.fixture
def world(db, tmp_path):
    return build_simulated(tmp_path)


def _speak(client, lang: str) -> None:
    assert client.post("/i18n/setlang/", {"language": lang, "next": "/"}).status_code == 302


@pytest.mark.django_db
def test_kazakh_portal_shows_translated_tier_source_and_lines(client, world) -> None:
    from saylau.results.models import Correction, Protocol
    from saylau.web.analysis import line_labels

    corrected = Correction.objects.filter(decision__isnull=False).select_related("protocol__unit").first()
    assert corrected is not None
    unit = corrected.protocol.unit
    _speak(client, "kk")
    page = client.get(f"/portal/stations/{unit.code}/").content.decode()
    assert '<html lang="kk">' in page
    history = page.split('id="history"')[1].split("</table>")[0]
    shown = Protocol.objects.filter(unit=unit, source__in=["official", "entered"]).values_list("tier", "source")
    assert any(f"{KK_TIER[tier]} · {KK_SOURCE[source]}" in history for tier, source in shown)
    assert "Election Commission" not in history and "signed by the commission" not in history
    labels = line_labels(unit.election, "kk")
    for line in corrected.changes:
        assert f"{labels.get(line, line)}: " in history


@pytest.mark.django_db
def test_russian_dashboards_show_translated_tier_kind_and_status(client, world) -> None:
    from saylau.results.choices import DiscrepancyKind
    from saylau.results.models import Discrepancy, Quarantine

    client.force_login(world["erlan"])
    _speak(client, "ru")
    results = client.get("/dashboards/results/").content.decode()
    quarantine = results.split('id="quarantine"')[1].split("</table>")[0]
    held = Quarantine.objects.select_related("protocol").first()
    assert held is not None and RU_TIER[held.protocol.tier] in quarantine
    assert "Election Commission" not in quarantine and f"<td>{held.protocol.tier} " not in quarantine
    if Discrepancy.objects.filter(kind=DiscrepancyKind.OBSERVER).exists():
        assert "Официальный протокол УИК в сравнении с копией наблюдателя</a>" in results
    assert "against" not in results
    quality = client.get("/dashboards/quality/?status=all").content.decode()
    statuses = re.findall(r'<td class="review-status">([^<]*)</td>', quality)
    assert statuses and set(statuses) <= set(RU_STATUS.values())
