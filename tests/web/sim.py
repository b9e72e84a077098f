"""A small simulated election with its mission, submissions and results chain,
built through the services (scale 0.05: 486 stations, about 100 submissions)."""

from __future__ import annotations

from saylau.core.actors import Actor

ACTOR = Actor.system("tests")
ATTACK = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


def build_simulated(tmp_path, *, scale: float = 0.05, attack: bool = False) -> dict:
    from saylau.observation.demo import ingest_simulation
    from saylau.observation.services import run_quality_checks
    from saylau.results import services
    from saylau.simulate import simulate
    from saylau.simulate.load import load
    from saylau.web import services as web_services

    sim = simulate(scale=scale)
    election = load(sim, actor=ACTOR)
    ingest_simulation(sim, election, actor=ACTOR)
    services.import_simulation(actor=ACTOR, election=election, results=sim.results)
    services.import_observer_copies(actor=ACTOR, election=election)
    if attack:
        poison(election)
    services.run_checks(actor=ACTOR, election=election)
    services.tabulate(actor=ACTOR, election=election)
    services.publish(actor=ACTOR, election=election, out_dir=tmp_path / "published")
    contradict(election)
    run_quality_checks(actor=ACTOR, election=election)
    users = {
        "erlan": web_services.create_user(actor=ACTOR, username="erlan", role="analyst", password="analyst-pass-1"),
        "kamila": web_services.create_user(actor=ACTOR, username="kamila", role="coordinator",
                                           password="coord-pass-1"),
        "zhanar": web_services.create_user(actor=ACTOR, username="zhanar", role="administrator",
                                           password="admin-pass-1"),
        "aigerim": web_services.create_user(actor=ACTOR, username="aigerim", role="observer",
                                            password="observer-pass-1"),
    }
    return {"election": election, "sim": sim, **users}


def poison(election) -> None:
    """Put the script-injection string into every free-text field the pages show:
    observer names, station names, incident descriptions and decision texts
    (test data set directly, as an attacker-controlled import would)."""
    from saylau.geography.models import Unit
    from saylau.observation.models import Observer, Submission
    from saylau.results.models import Correction, Decision

    Observer.objects.filter(election=election).update(full_name=ATTACK)
    Unit.objects.filter(election=election).update(name_en=ATTACK, name_ru=ATTACK, name_kk=ATTACK)
    Decision.objects.filter(election=election).update(summary=ATTACK)
    Correction.objects.filter(protocol__election=election).update(reason=ATTACK)
    for s in Submission.objects.filter(election=election, form_code="incident"):
        s.answers = {**s.answers, "description": ATTACK}
        s.save(update_fields=["answers"])


def contradict(election) -> None:
    """A second report from a team at one of its stations, saying ballot stuffing was
    seen yet voting was very good: a contradiction the quality checks must flag."""
    import datetime as dt
    import uuid

    from saylau.observation.models import Submission
    from saylau.observation.services import SubmissionInput, submit_many

    s = Submission.objects.filter(election=election, form_code="voting").select_related("team").order_by("pk").first()
    item = SubmissionInput(
        uuid=str(uuid.UUID(int=1)), form="voting",
        answers={**s.answers, "ballot_stuffing": "yes", "assessment": "very_good"},
        station_code=s.station_code, dec_code=s.dec_code, region_code=s.region_code,
        submitted_at=s.submitted_at + dt.timedelta(hours=1), team_code=s.team.code,
    )
    [result] = submit_many(actor=ACTOR, election=election, items=[item], channel="simulation")
    assert result.ok, result
