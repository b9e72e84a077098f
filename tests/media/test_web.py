"""Media pages: the coder's page, the supervisor's disagreements, the dashboard (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.test import Client

from saylau.media import services
from saylau.media.models import Coding
from saylau.web import services as web_services

from .conftest import ACTOR, OUTLETS_CSV

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(world, tmp_path):
    _, election = world
    (tmp_path / "outlets.csv").write_text(OUTLETS_CSV, encoding="utf-8")
    services.import_outlets(actor=ACTOR, election=election, path=tmp_path / "outlets.csv")
    people = {}
    for name, role in (("asel", "coordinator"), ("bolat", "coordinator"), ("erlan", "analyst"),
                       ("olzhas", "observer")):
        user = web_services.create_user(actor=ACTOR, username=name, role=role, password=f"{name}-pass-1")
        client = Client()
        client.force_login(user)
        people[name] = client
    return election, people


FORM = {"outlet": "TV1", "date": "2011-03-20", "time": "19:05:00", "amount": "42", "programme": "news",
        "subject": "candidate", "candidate": "1", "party": "", "tone": "positive", "speech": "direct",
        "language": "kk", "title": ""}


def test_coder_page_codes_and_refuses_with_field_errors(staff):
    election, people = staff
    url = f"/media/code/?election={election.slug}"
    assert people["olzhas"].get(url).status_code == 403
    page = people["asel"].get(url, HTTP_ACCEPT_LANGUAGE="kk")
    assert page.status_code == 200 and "Секундомер" in page.content.decode()
    done = people["asel"].post(url, {**FORM, "election": election.slug}, follow=True)
    assert "TV1-20110320T130500Z" in done.content.decode()
    coding = Coding.objects.get(coder="asel")
    assert (coding.amount, coding.tone, coding.final) == (42, "positive", True)
    bad = people["bolat"].post(url, {**FORM, "subject": "candidate", "candidate": "", "amount": "0",
                                     "election": election.slug})
    text = bad.content.decode()
    assert bad.status_code == 200 and "Choose the candidate: the subject is a candidate." in text
    assert not Coding.objects.filter(coder="bolat").exists()
    kk = people["bolat"].post(url, {**FORM, "candidate": "", "election": election.slug}, HTTP_ACCEPT_LANGUAGE="kk")
    assert "Кандидатты таңдаңыз: субъект – кандидат." in kk.content.decode()


def test_supervisor_sees_the_disagreement_and_settles_it(staff):
    election, people = staff
    url = f"/media/code/?election={election.slug}"
    people["asel"].post(url, {**FORM, "election": election.slug})
    people["bolat"].post(url, {**FORM, "tone": "negative", "election": election.slug})
    assert people["asel"].get(f"/media/disagreements/?election={election.slug}").status_code == 403
    page = people["erlan"].get(f"/media/disagreements/?election={election.slug}").content.decode()
    assert "TV1-20110320T130500Z" in page and "Tone" in page and "Negative" in page
    second = Coding.objects.get(coder="bolat")
    people["erlan"].post(f"/media/codings/{second.pk}/settle/")
    second.refresh_from_db()
    assert second.final and not Coding.objects.get(coder="asel").final


def test_dashboard_and_charts(staff):
    election, people = staff
    people["asel"].post(f"/media/code/?election={election.slug}", {**FORM, "election": election.slug})
    page = people["asel"].get(f"/media/?election={election.slug}", HTTP_ACCEPT_LANGUAGE="ru")
    text = page.content.decode()
    assert page.status_code == 200 and "Доли кандидатов в новостном освещении" in text
    for chart in ("media_subjects", "media_tone"):
        png = people["asel"].get(f"/media/charts/{chart}.png?election={election.slug}&lang=kk")
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert people["asel"].get(f"/media/charts/nope.png?election={election.slug}").status_code == 404
