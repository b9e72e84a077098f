"""The quality review: the submission opens beside its flags; a rejection's
reason, reviewer and time are shown again; the reject form's only button is
Reject (Enter in the reason cannot verify); the bulk action of one rule goes
through the service, one ledger entry per submission, all or nothing."""

from __future__ import annotations

import re

import pytest

from .sim import build_simulated


@pytest.fixture
def world(db, tmp_path):
    return build_simulated(tmp_path)


def _forms(page: str, css_class: str) -> list[str]:
    return re.findall(rf'<form[^>]*class="{css_class}"[^>]*>.*?</form>', page, re.S)


@pytest.mark.django_db
def test_the_reject_form_has_one_button_and_the_submission_opens_beside_its_flags(client, world) -> None:
    from saylau.observation.models import QualityFlag, Submission

    client.force_login(world["kamila"])
    slug = world["election"].slug
    page = client.get(f"/dashboards/quality/?election={slug}").content.decode()
    rejects = _forms(page, "reject")
    assert rejects
    for form in rejects:
        buttons = re.findall(r"<button[^>]*>", form)
        assert len(buttons) == 1 and "verified" not in form, form  # Enter in the reason presses Reject
        assert 'name="status" value="rejected"' in form
    flag = QualityFlag.objects.filter(election=world["election"]).order_by("rule_id", "submission_id", "id").first()
    link = re.search(rf'<a class="open-submission" href="([^"]+)">{flag.submission_id}</a>', page).group(1)
    detail = client.get("/dashboards/quality/" + link.replace("&amp;", "&").split("#")[0]).content.decode()
    aside = re.search(r'<aside id="submission".*?</aside>', detail, re.S).group(0)
    sub = Submission.objects.get(pk=flag.submission_id)
    for f in sub.flags.all():
        assert f.rule_id in aside
    form = sub.form.form
    shown = [q for q in form.questions() if q.name in sub.answers]
    assert shown and all(f'data-question="{q.name}"' in aside for q in shown)
    # a select's answer shows its choice's label, not its code
    select = next((q for q in shown if q.type == "select_one" and sub.answers[q.name]), None)
    if select is not None:
        label = {c.name: c.label("en") for c in form.choice_list(select.list_name)}[str(sub.answers[select.name])]
        row = re.search(rf'data-question="{select.name}">.*?</tr>', aside, re.S).group(0)
        assert label.replace("'", "&#x27;") in row or label in row
    assert client.get(f"/dashboards/quality/?election={slug}&show=999999999").status_code == 404


@pytest.mark.django_db
def test_a_rejection_keeps_its_reason_reviewer_and_time(client, world) -> None:
    from saylau.observation.models import QualityFlag, Submission

    client.force_login(world["kamila"])
    slug = world["election"].slug
    flag = QualityFlag.objects.filter(election=world["election"]).first()
    response = client.post(f"/dashboards/quality/{flag.submission_id}/review/",
                           {"status": "rejected", "reason": "two visits at once",
                            "next": f"/dashboards/quality/?election={slug}&status=all"})
    assert response.status_code == 302 and response["Location"].endswith("status=all")
    assert Submission.objects.get(pk=flag.submission_id).status == "rejected"
    page = client.get(f"/dashboards/quality/?election={slug}&status=all&show={flag.submission_id}").content.decode()
    row = re.search(rf'<tr data-submission="{flag.submission_id}".*?</tr>', page, re.S).group(0)
    assert "two visits at once" in row and "by kamila" in row
    assert "two visits at once" in re.search(r'id="submission-review">.*?</dd>', page, re.S).group(0)
    # an outside ``next`` is not followed
    response = client.post(f"/dashboards/quality/{flag.submission_id}/review/",
                           {"status": "verified", "next": "https://example.org/"})
    assert response["Location"].startswith("/dashboards/quality/?election=")


@pytest.mark.django_db
def test_the_bulk_action_reviews_every_open_flag_of_one_rule(client, world) -> None:
    from django.db.models import Count
    from django.utils import timezone

    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import QualityFlag, Submission

    client.force_login(world["erlan"])
    election = world["election"]
    slug = election.slug
    counts = dict(QualityFlag.objects.filter(election=election).values_list("rule_id")
                  .annotate(n=Count("submission_id", distinct=True)))
    rule = max(counts, key=counts.get)
    # test data: the same rule on three more submissions (two flags on one), another rule on a fourth
    flagged = set(QualityFlag.objects.filter(election=election).values_list("submission_id", flat=True))
    extra = list(Submission.objects.filter(election=election).exclude(pk__in=flagged).order_by("pk")[:4])
    now = timezone.now()
    QualityFlag.objects.bulk_create(
        [QualityFlag(election=election, submission=s, rule_id=rule, reason="test", created_at=now) for s in extra[:3]]
        + [QualityFlag(election=election, submission=extra[0], rule_id=rule, reason="again", created_at=now),
           QualityFlag(election=election, submission=extra[3], rule_id="another_rule", reason="x", created_at=now)])
    ids = set(QualityFlag.objects.filter(election=election, rule_id=rule).values_list("submission_id", flat=True))
    page = client.get(f"/dashboards/quality/?election={slug}").content.decode()
    assert f'data-rule="{rule}"' in page
    before = LedgerEntry.objects.count()
    # a bulk rejection without a reason is refused and writes nothing
    client.post(f"/dashboards/quality/?election={slug}", {"rule": rule, "status": "rejected", "reason": ""})
    assert LedgerEntry.objects.count() == before
    assert not Submission.objects.filter(pk__in=ids, status="rejected").exists()
    client.post(f"/dashboards/quality/?election={slug}", {"rule": rule, "status": "rejected", "reason": "duplicate"})
    assert set(Submission.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"rejected"}
    reviewed = LedgerEntry.objects.filter(sequence__gt=before, event="observation.submission.reviewed")
    assert sorted(int(i) for i in reviewed.values_list("object_id", flat=True)) == sorted(ids)
    assert LedgerEntry.objects.count() == before + len(ids)
    assert len(ids) == counts[rule] + 3
    assert f'data-rule="{rule}"' not in client.get(f"/dashboards/quality/?election={slug}").content.decode()
    assert Submission.objects.get(pk=extra[3].pk).status == extra[3].status  # the other rule's is untouched


# -- in Chromium --------------------------------------------------------------

from .test_browser import _database_beside_playwright, chromium  # noqa: E402,F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_rejecting_with_the_keyboard_rejects(chromium, live_server, tmp_path) -> None:  # noqa: F811
    """Type a reason and press Enter: the submission ends rejected (once it ended verified)."""
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.models import QualityFlag, Submission

    world = build_simulated(tmp_path)
    flag = QualityFlag.objects.filter(election=world["election"]).order_by("rule_id", "submission_id", "id").first()
    context = chromium.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    violations: list[str] = []
    context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", "kamila")
    page.fill("#id_password", "coord-pass-1")
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    page.goto("/dashboards/quality/")
    row = page.locator(f'tr[data-submission="{flag.submission_id}"]')
    # the submission opens beside its flags
    row.locator("a.open-submission").click()
    page.wait_for_selector("#submission")
    assert flag.rule_id in page.inner_text("#submission")
    before = LedgerEntry.objects.count()
    # Enter with an empty reason submits nothing (the reason is required)
    reason = row.locator("form.reject input[name=reason]")
    reason.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert Submission.objects.get(pk=flag.submission_id).status == "flagged"
    reason.fill("the observer reported twice")
    with page.expect_navigation():
        reason.press("Enter")
    assert Submission.objects.get(pk=flag.submission_id).status == "rejected"
    assert LedgerEntry.objects.count() == before + 1
    # back on the same view, the rejection's reason and reviewer shown
    assert page.locator("#submission").count() == 1
    page.goto(f"/dashboards/quality/?status=all&show={flag.submission_id}")
    shown = page.inner_text(f'tr[data-submission="{flag.submission_id}"] .review-status')
    assert "the observer reported twice" in shown and "kamila" in shown
    context.close()
    assert not violations, violations
