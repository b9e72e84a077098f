"""Forms with logic in the observer app, rendered by ODK Web Forms in Chromium, filled in as a
person would, sent, and the answers checked where the server stored them.

* pyxform's own test forms (tests/data/xlsforms-client, copied from pyxform's repository:
  SOURCE.txt): cascading choice filters; ``or_other`` with its relevant "specify" question
  and a filter that, written without quotes, matches nothing (as in ODK); the spec form's repeat of ``repeat_count`` 2 and a group that a
  first answer makes irrelevant.
* A checklist written here (``LOGIC``) for what pyxform's forms do not have together: a
  default, a constraint reading another answer, a calculation, a relevant question, a repeat
  whose count is an answer (with a default), and a choice filter.

The expected answers are worked out by hand from the forms, not by the engine.
"""
# The browser fixtures come from test_browser (imported below); tests taking them as
# arguments "redefine" the imported names as far as ruff can see.
# ruff: noqa: F811

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from saylau.core.actors import Actor
from tests.observation.helpers import workbook

from .test_browser import (  # noqa: F401  (fixtures)
    _database_beside_playwright,
    answer,
    cast,
    chromium,
    fill_the_rest,
    log_in_with_link,
    phone,
    shot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parent.parent / "data" / "xlsforms-client"

#: survey rows: type, name, label, relevant, constraint, constraint_message, calculation,
#: default, repeat_count, required, choice_filter
LOGIC_SURVEY = [
    ("start", "start", "", "", "", "", "", "", "", "", ""),
    ("end", "end", "", "", "", "", "", "", "", "", ""),
    ("today", "today", "", "", "", "", "", "", "", "", ""),
    ("deviceid", "deviceid", "", "", "", "", "", "", "", "", ""),
    ("username", "username", "", "", "", "", "", "", "", "", ""),
    ("text", "station_code", "Station", "", "", "", "", "", "", "yes", ""),
    ("integer", "members", "Members present", "", ". >= 1", "At least one", "", "", "", "yes", ""),
    ("integer", "women", "Women among them", "", ". <= ${members}", "No more women than members", "", "", "",
     "yes", ""),
    ("calculate", "men", "", "", "", "", "${members} - ${women}", "", "", "", ""),
    ("select_one yes_no", "incidents", "Incidents?", "", "", "", "", "", "", "yes", ""),
    ("text", "incident_note", "What happened?", "${incidents} = 'yes'", "", "", "", "", "", "yes", ""),
    ("text", "remark", "Remark", "", "", "", "", "none", "", "", ""),
    ("integer", "visits", "Visits made", "", ". <= 5", "At most 5", "", "2", "", "yes", ""),
    ("begin repeat", "visit", "Visit", "", "", "", "", "", "${visits}", "", ""),
    ("text", "visit_note", "Note of this visit", "", "", "", "", "", "", "yes", ""),
    ("calculate", "visit_no", "", "", "", "", "position(..)", "", "", "", ""),
    ("end repeat", "", "", "", "", "", "", "", "", "", ""),
    ("select_one region", "region", "Region", "", "", "", "", "", "", "yes", ""),
    ("select_one district", "district", "District", "", "", "", "", "", "", "yes", "region = ${region}"),
]
LOGIC_CHOICES = [
    ("yes_no", "yes", "Yes", ""), ("yes_no", "no", "No", ""),
    ("region", "r1", "North", ""), ("region", "r2", "South", ""),
    ("district", "d11", "North one", "r1"), ("district", "d12", "North two", "r1"),
    ("district", "d21", "South one", "r2"),
]


def logic_workbook() -> bytes:
    return workbook(
        [["type", "name", "label", "relevant", "constraint", "constraint_message", "calculation", "default",
          "repeat_count", "required", "choice_filter"], *map(list, LOGIC_SURVEY)],
        [["list_name", "name", "label", "region"], *map(list, LOGIC_CHOICES)],
        [["form_id", "form_title", "version"], ["logic_test", "Logic test", "1"]])


def import_workbook(data: bytes):
    from saylau.geography.models import Election
    from saylau.observation.services import import_form

    return import_form(actor=Actor.system("tests"), election=Election.objects.get(), data=data)


def open_form(phone, live_server, cast, form_id: str):
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in_with_link(page, live_server, cast["aigerim"])
    page.click(f'a[data-form="{form_id}"]')
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    return page, errors


def options(page, name: str) -> list[str]:
    return page.evaluate(f"""() => Array.from(document.querySelectorAll('[data-name="{name}"] input'))
        .map(i => i.value)""")


def send(page) -> str:
    """Press the app's submit; returns the report's UUID once the server has acknowledged it."""
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '0'")
    return page.get_attribute("#sent .item", "data-uuid")


def stored(client_uuid: str):
    from saylau.observation.models import Submission

    return Submission.objects.get(uuid=client_uuid)


def test_choice_filters_cascade(phone, live_server, cast) -> None:
    definition = import_workbook((DATA / "example_xls__choice_filter_test.xlsx").read_bytes())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    page.fill("#station-code", "0111")
    assert options(page, "county") == []  # nothing to choose before a state
    answer(page, "state", "texas")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="county"] input').length === 2""")
    assert options(page, "county") == ["king", "cameron"]
    answer(page, "county", "cameron")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="city"] input').length === 2""")
    assert options(page, "city") == ["brownsville", "harlingen"]
    answer(page, "city", "harlingen")
    client_uuid = send(page)
    submission = stored(client_uuid)
    answers = submission.answers
    assert (answers["state"], answers["county"], answers["city"]) == ("texas", "cameron", "harlingen")
    assert answers.get("instanceID", f"uuid:{client_uuid}") == f"uuid:{client_uuid}"
    assert submission.station_code == "0111"
    assert not errors, errors


def test_or_other_and_a_filtered_list(phone, live_server, cast) -> None:
    definition = import_workbook((DATA / "example_xls__or_other.xlsx").read_bytes())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    page.fill("#station-code", "0111")
    specify = page.locator('[data-name="fav_color_other"]')
    assert specify.count() == 0  # relevant only when "other" is chosen
    assert options(page, "fav_color") == ["red", "green", "blue", "mauve", "apricot", "other"]
    # choice_filter pastel=yes: unquoted, `yes` is a path (a child element named yes), not the
    # string 'yes'; no choice has such a child, so ODK offers none, and neither does the app
    assert options(page, "fav_pastel") == []
    answer(page, "fav_color", "other")
    specify.wait_for()
    answer(page, "fav_color_other", "teal")
    answers = stored(send(page)).answers
    assert answers["fav_color"] == "other" and answers["fav_color_other"] == "teal"
    assert "fav_pastel" not in answers
    assert not errors, errors


def test_logic_default_constraint_calculation_relevance_repeat_count(phone, live_server, cast) -> None:
    definition = import_workbook(logic_workbook())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    # defaults: the remark and the number of visits, hence two visits already
    assert page.locator('[data-name="remark"] input').input_value() == "none"
    assert page.locator('[data-name="visit_note"]').count() == 2
    # a constraint that reads another answer
    answer(page, "station_code", "0111")
    answer(page, "members", "7")
    answer(page, "women", "9")
    message = page.locator('[data-name="women"] .validation-message')
    assert message.is_visible() and "No more women than members" in message.inner_text()
    answer(page, "women", "3")
    assert message.is_hidden()
    # relevance
    assert page.locator('[data-name="incident_note"]').count() == 0
    answer(page, "incidents", "yes")
    page.locator('[data-name="incident_note"]').wait_for()
    answer(page, "incident_note", "Observers asked to leave")
    # the repeat follows its count
    answer(page, "visits", "3")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="visit_note"]').length === 3""")
    notes = page.locator('[data-name="visit_note"] input')
    for i in range(3):
        notes.nth(i).fill(f"visit {i + 1}")
    # a filtered list
    answer(page, "region", "r2")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="district"] input').length === 1""")
    assert options(page, "district") == ["d21"]
    answer(page, "district", "d21")
    shot(page, "form-logic")
    # sending with an error is refused in the interface language, nothing queued
    answer(page, "women", "8")
    page.click("#submit")
    page.locator("#fill .form-errors").wait_for()
    assert "Please correct the answers marked below." in page.inner_text("#fill .form-errors")
    answer(page, "women", "3")
    client_uuid = send(page)
    answers = stored(client_uuid).answers
    assert str(answers["members"]) == "7" and str(answers["women"]) == "3"
    assert str(answers["men"]) == "4"  # 7 - 3, calculated
    assert answers["incident_note"] == "Observers asked to leave"
    assert answers["remark"] == "none"  # the default, kept
    assert str(answers["visits"]) == "3"
    assert [v["visit_note"] for v in answers["visit"]] == ["visit 1", "visit 2", "visit 3"]
    assert [str(v["visit_no"]) for v in answers["visit"]] == ["1", "2", "3"]
    assert answers["region"] == "r2" and answers["district"] == "d21"
    assert str(uuid.UUID(client_uuid)) == client_uuid
    # metadata filled by the engine and kept
    assert answers["username"] == "aigerim"
    assert answers["deviceid"].startswith("getodk.org:webforms:")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", answers["today"])
    assert answers["start"][:10] == answers["today"] and answers["start"] <= answers["end"]
    # the observer's page of received reports shows them under the form's labels
    page.goto("/observe/submissions/")
    table = page.locator(f'section[data-uuid="{client_uuid}"]')
    rows = dict(zip(table.locator("th").all_inner_texts(), table.locator("td").all_inner_texts(), strict=True))
    assert rows["Women among them"] == "3" and rows["District"] == "South one" and rows["Incidents?"] == "Yes"
    assert rows["Visit 2 · Note of this visit"] == "visit 2"
    assert not errors, errors


def test_spec_form_repeat_count_and_a_group_made_irrelevant(phone, live_server, cast) -> None:
    definition = import_workbook((DATA / "example_xls__xlsform_spec_test.xlsx").read_bytes())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    page.fill("#station-code", "0111")
    assert page.locator('[data-name="required_text"]').count() == 2  # repeat_count 2
    # the form's own languages (english, chinese) are offered beside the interface's
    page.locator(".language-changer:visible").click()
    offered = page.locator("[role=option]").all_inner_texts()
    assert {"english", "chinese"} <= {text.strip() for text in offered}, offered
    page.locator("[role=option]", has_text="chinese").click()
    assert "对不起" in page.inner_text("#fill") or "您好" in page.inner_text("#fill")
    answer(page, "skip_to_end", "yes")  # the group "everything" is relevant only otherwise
    page.wait_for_function("""() => !document.querySelector('[data-name="my_name"]')""")
    answers = stored(send(page)).answers
    assert answers["skip_to_end"] == "yes"
    assert "my_name" not in answers and "repeat_test" not in answers and "calculate_test" not in answers
    assert not errors, errors


def test_a_draft_comes_back_after_a_reload_and_keeps_its_uuid(phone, live_server, cast) -> None:
    definition = import_workbook(logic_workbook())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    answer(page, "station_code", "0111")
    answer(page, "members", "7")
    answer(page, "incidents", "yes")
    page.locator('[data-name="incident_note"]').wait_for()
    answer(page, "incident_note", "Kept on the phone")
    answer(page, "visits", "3")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="visit_note"]').length === 3""")
    page.locator('[data-name="visit_note"] input').first.fill("first visit")
    page.locator('[data-name="visit_note"] input').first.press("Tab")
    page.wait_for_url("**/observe/#/draft/*")
    draft_uuid = page.url.rsplit("/", 1)[1]
    page.wait_for_timeout(1200)  # the draft is written a moment after the last change
    page.goto("/observe/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator(f'#drafts .item[data-uuid="{draft_uuid}"]').count() == 1
    page.click(f'#drafts a[href="#/draft/{draft_uuid}"]')
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    assert page.locator('[data-name="members"] input').input_value() == "7"
    assert page.locator('[data-name="incident_note"] input').input_value() == "Kept on the phone"
    assert page.locator('[data-name="visit_note"]').count() == 3
    assert page.locator('[data-name="visit_note"] input').first.input_value() == "first visit"
    answer(page, "women", "2")
    notes = page.locator('[data-name="visit_note"] input')
    for i in (1, 2):
        notes.nth(i).fill(f"visit {i + 1}")
    answer(page, "region", "r1")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="district"] input').length === 2""")
    answer(page, "district", "d12")
    client_uuid = send(page)
    assert client_uuid == draft_uuid
    answers = stored(client_uuid).answers
    assert answers["incident_note"] == "Kept on the phone" and str(answers["men"]) == "5"
    assert [v["visit_note"] for v in answers["visit"]] == ["first visit", "visit 2", "visit 3"]
    assert answers["instanceID"] == f"uuid:{client_uuid}" and "deprecatedID" not in answers
    assert not errors, errors


def photo_workbook() -> bytes:
    return workbook([["type", "name", "label", "required"], ["text", "station_code", "Station", "yes"],
                     ["image", "protocol_photo", "Photo of the posted protocol", "yes"]],
                    settings=[["form_id", "form_title", "version"], ["photo_test", "Photo test", "1"]])


#: the smallest PNG (1 x 1 pixel)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_a_photo_is_queued_with_its_report(phone, live_server, cast) -> None:
    """The photo answer carries the file name; the file itself waits in the outbox with the
    report and goes with it as multipart (docs/forms.md, "In the browser")."""
    definition = import_workbook(photo_workbook())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    answer(page, "station_code", "0111")
    kinds: list[str] = []
    page.on("request", lambda r: kinds.append(r.headers.get("content-type", ""))
            if r.method == "POST" and "/api/observation/submissions/" in r.url else None)
    page.locator('[data-name="protocol_photo"] input[type=file]').set_input_files(
        files=[{"name": "protocol.png", "mimeType": "image/png", "buffer": PNG}])
    page.wait_for_timeout(500)
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => !window.SaylauObserve.busy() && document.querySelector('#outbox .item, #sent .item')")
    assert kinds and kinds[0].startswith("multipart/form-data; boundary=")
    kept = page.evaluate("""() => window.SaylauStore.open('aigerim').then(s => s.all('outbox').then(o => s.all('sent')
        .then(sent => o.concat(sent)))).then(items => items.map(e => ({
            answer: e.value.answers.protocol_photo,
            files: (e.value.files || []).map(f => [f.name, f.size, f.type]) })))""")
    assert len(kept) == 1
    name = kept[0]["answer"]
    assert name and name.endswith(".png")
    # in the outbox until the server has it (then "sent" keeps no file)
    assert kept[0]["files"] in ([[name, len(PNG), "image/png"]], [])
    assert not errors, errors


def test_the_server_stores_the_photo_with_the_report(phone, live_server, cast) -> None:
    """Multipart to the JSON API: the photo is stored with the report, its hash in the ledger entry."""
    import hashlib
    import json

    from saylau.ledger.models import LedgerEntry

    definition = import_workbook(photo_workbook())
    page, _ = open_form(phone, live_server, cast, definition.form_id)
    answer(page, "station_code", "0111")
    page.locator('[data-name="protocol_photo"] input[type=file]').set_input_files(
        files=[{"name": "protocol.png", "mimeType": "image/png", "buffer": PNG}])
    page.wait_for_timeout(500)
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => !window.SaylauObserve.busy()")
    assert page.locator("#sent .item").count() == 1, page.inner_text("#outbox")
    submission = stored(page.get_attribute("#sent .item", "data-uuid"))
    name = submission.answers["protocol_photo"]
    assert name.endswith(".png")
    files = {f.filename: (bytes(f.data), f.content_type) for f in submission.files.all()}
    assert files == {name: (PNG, "image/png")}
    entry = LedgerEntry.objects.get(event="observation.submission.accepted", object_id=str(submission.pk))
    assert json.loads(entry.payload)["after"]["files"] == {name: hashlib.sha256(PNG).hexdigest()}


def audio_file_workbook() -> bytes:
    return workbook([["type", "name", "label", "required"], ["text", "station_code", "Station", "yes"],
                     ["audio", "voice_note", "Voice note on the count", "yes"],
                     ["file", "signed_protocol", "The signed protocol (scan or PDF)", "no"]],
                    settings=[["form_id", "form_title", "version"], ["audio_file_test", "Audio and file test", "1"]])


def test_audio_and_file_questions_are_answered_and_stored(phone, live_server, cast) -> None:
    """Web Forms 0.22 renders image uploads only ("Support for non-image uploads is pending");
    saylau's own control takes audio, video and file questions: the form's media type for
    audio, any file for a file question, the chosen file's name and a clear button, and the
    file sent with the report as a photo is."""
    definition = import_workbook(audio_file_workbook())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    answer(page, "station_code", "0111")
    assert "pending" not in page.inner_text("#fill")
    voice = page.locator('[data-name="voice_note"] input[type=file]')
    assert voice.get_attribute("accept") == "audio/*"
    assert page.locator('[data-name="signed_protocol"] input[type=file]').get_attribute("accept") is None
    audio = b"ID3" + bytes(range(256)) * 8
    pdf = b"%PDF-1.4\n% a protocol\n%%EOF\n"
    voice.set_input_files(files=[{"name": "count.mp3", "mimeType": "audio/mpeg", "buffer": b"wrong one"}])
    page.wait_for_selector('[data-name="voice_note"] .saylau-upload-chosen')
    page.click('[data-name="voice_note"] .saylau-upload-clear')  # chosen by mistake: cleared
    page.wait_for_selector('[data-name="voice_note"] .saylau-upload-chosen', state="detached")
    voice.set_input_files(files=[{"name": "count.mp3", "mimeType": "audio/mpeg", "buffer": audio}])
    page.locator('[data-name="signed_protocol"] input[type=file]').set_input_files(
        files=[{"name": "protocol.pdf", "mimeType": "application/pdf", "buffer": pdf}])
    page.wait_for_selector('[data-name="signed_protocol"] .saylau-upload-chosen')
    assert "KB" in page.inner_text('[data-name="voice_note"] .saylau-upload-chosen')
    shot(page, "formengine-audio-file")
    page.wait_for_timeout(500)
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => !window.SaylauObserve.busy()")
    assert page.locator("#sent .item").count() == 1, page.inner_text("#outbox")
    submission = stored(page.get_attribute("#sent .item", "data-uuid"))
    files = {f.filename: (bytes(f.data), f.content_type) for f in submission.files.all()}
    assert files == {submission.answers["voice_note"]: (audio, "audio/mpeg"),
                     submission.answers["signed_protocol"]: (pdf, "application/pdf")}
    assert not errors, errors


def test_a_draft_from_the_earlier_renderer_keeps_its_answers(phone, live_server, cast) -> None:
    """Drafts written before the engine came (answers, no instance) open with their answers."""
    page = phone.new_page()
    log_in_with_link(page, live_server, cast["aigerim"])
    page.wait_for_selector('a[data-form="voting"]')
    old = str(uuid.uuid4())
    page.evaluate("""(id) => window.SaylauStore.open('aigerim').then(s => s.put('drafts', id, {
        uuid: id, form: 'voting', version: '', saved: true, station_code: '', created_at: new Date().toISOString(),
        answers: {station_code: '0111', assessment: 'good', pec_members_total: 7, ballot_stuffing: 'no'}}))""", old)
    page.evaluate("(id) => { location.hash = '#/draft/' + id; }", old)
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    page.wait_for_function("""() => document.querySelector('[data-name="station_code"] input').value === '0111'""")
    assert page.locator('[data-name="pec_members_total"] input').input_value() == "7"
    assert page.locator('[data-name="assessment"] input[value="good"]').is_checked()
    assert page.locator('[data-name="ballot_stuffing"] input[value="no"]').is_checked()
    assert page.locator("#fill .form-errors").is_hidden()


def media_workbook() -> bytes:
    return workbook([["type", "name", "label", "media::image", "required"],
                     ["text", "station_code", "Station", "", "yes"],
                     ["note", "sign_note", "The sign at the door", "sign.png", ""],
                     ["select_one_from_file places.csv", "place", "Where did you vote?", "", "yes"]],
                    settings=[["form_id", "form_title", "version"], ["media_test", "Media test", "1"]])


def _media_urlconf():
    """The site's URLs plus the OpenRosa media download, until the coordinator adds that
    route to saylau/observation/urls.py (/tmp/h/out/forms-server-shared.md, 2): the form
    list already names /openrosa/forms/<id>/media/<file>."""
    import sys
    import types

    from django.urls import path

    from saylau.observation.openrosa import views as openrosa
    from saylau.urls import urlpatterns

    module = types.ModuleType("tests.web._media_urls")
    module.urlpatterns = [path("openrosa/forms/<str:form_id>/media/<str:filename>", openrosa.form_media),
                          *urlpatterns]
    sys.modules[module.__name__] = module
    return module.__name__


@pytest.fixture
def media_urls(settings):
    from django.urls import clear_url_caches

    settings.ROOT_URLCONF = _media_urlconf()
    clear_url_caches()
    yield
    clear_url_caches()


def test_a_forms_media_are_kept_for_offline_use(phone, live_server, cast, media_urls) -> None:
    """The choices of select_one_from_file (a CSV) and a note's image come with the form and
    are kept on the device: the form works with the network cut."""
    from saylau.geography.models import Election
    from saylau.observation.services import import_form

    csv = b"name,label\nschool_5,School No. 5\nclub,Culture club\n"
    definition = import_form(actor=Actor.system("tests"), election=Election.objects.get(), data=media_workbook(),
                             media={"places.csv": csv, "sign.png": PNG})
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in_with_link(page, live_server, cast["aigerim"])
    phone.set_offline(True)
    page.click(f'a[data-form="{definition.form_id}"]')
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="place"] input').length === 2""")
    assert options(page, "place") == ["school_5", "club"]
    assert "Culture club" in page.inner_text('[data-name="place"]')
    page.wait_for_function("""() => { const img = document.querySelector('[data-name="sign_note"] img');
        return img && img.complete && img.naturalWidth === 1; }""")
    answer(page, "station_code", "0111")
    answer(page, "place", "club")
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '1'")
    phone.set_offline(False)
    page.wait_for_function("() => document.querySelector('#status').dataset.waiting === '0'")
    assert stored(page.get_attribute("#sent .item", "data-uuid")).answers["place"] == "club"
    assert not errors, errors


def test_the_engines_words_follow_the_interface_language(phone, live_server, cast) -> None:
    """Kazakh: a repeat's "Add" (the engine's own word, given by the app), a 24-hour time picker."""
    page = phone.new_page()
    log_in_with_link(page, live_server, cast["aigerim"])
    page.click('.languages button[value="kk"]')
    page.wait_for_selector('html[lang="kk"]')
    page.wait_for_selector("body[data-ready=true]")
    page.click('a[data-form="counting"]')
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    answer(page, "protocol_posted", "yes")
    page.locator('[data-name="p_registered"]').wait_for()
    assert page.get_by_role("button", name="Қосу").count() >= 1  # add a candidate's votes
    assert "Add" not in page.locator("#fill .odk-form").inner_text().split()
    page.locator('[data-name="arrival_time"] input').first.click()
    panel = page.locator(".p-datepicker-panel")
    panel.wait_for()
    assert "pm" not in panel.inner_text().lower()  # a 24-hour clock
    page.keyboard.press("Escape")


def big_png(side: int = 1900) -> bytes:
    """A valid PNG of random pixels, stored without compression: side * side * 3 bytes and a little."""
    import os
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + os.urandom(side * 3) for _ in range(side))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b""))


def test_a_file_too_large_is_refused_on_the_phone(phone, live_server, cast) -> None:
    """More than 10 MB in one file: said on the phone, nothing queued (the engine keeps a
    photo as taken: it does not shrink it)."""
    definition = import_workbook(photo_workbook())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    answer(page, "station_code", "0111")
    photo = big_png()
    assert len(photo) > 10 * 1048576
    page.locator('[data-name="protocol_photo"] input[type=file]').set_input_files(
        files=[{"name": "protocol.png", "mimeType": "image/png", "buffer": photo}])
    page.wait_for_timeout(1000)
    page.click("#submit")
    box = page.locator("#fill .form-errors")
    box.wait_for()
    assert ".png is too large: at most 10 MB" in box.inner_text()
    assert page.locator("#fill").is_visible()  # still filling in: nothing queued
    queued = page.evaluate("() => window.SaylauStore.open('aigerim').then(s => s.all('outbox')).then(o => o.length)")
    assert queued == 0
    assert not errors, errors


def test_the_counting_forms_repeat_grows_by_hand(phone, live_server, cast) -> None:
    """The built-in counting form: the protocol group shows once a copy is given, and the
    candidates' repeat (no count) gets a second entry with the engine's Add."""
    page, errors = open_form(phone, live_server, cast, "counting")
    answer(page, "copy_given", "yes")
    page.locator('[data-name="p_registered"]').wait_for()
    assert page.locator('[data-name="candidate_number"]').count() == 1
    page.get_by_role("button", name="Add").click()
    page.wait_for_function("""() => document.querySelectorAll('[data-name="candidate_number"]').length === 2""")
    for i, (number, votes) in enumerate([("1", "120"), ("2", "80")]):
        for name, value in (("candidate_number", number), ("votes", votes)):
            field = page.locator(f'[data-name="{name}"] input').nth(i)
            field.fill("")
            field.press_sequentially(value)
            field.press("Tab")
    fill_the_rest(page, {"candidate_number": "", "votes": "", "station_code": ""})
    answer(page, "station_code", "0111")
    answers = stored(send(page)).answers
    assert [(str(v["candidate_number"]), str(v["votes"])) for v in answers["candidate_votes"]] == [
        ("1", "120"), ("2", "80")]
    assert not errors, errors


def test_a_refused_report_comes_back_to_be_corrected_under_its_uuid(phone, live_server, cast) -> None:
    """The server refuses the first send (400 with its errors, as when it finds what the phone
    did not): the report goes back to the drafts with the server's errors shown on its
    questions, is corrected, and is sent again under the same UUID."""
    import json as jsonlib

    definition = import_workbook((DATA / "example_xls__choice_filter_test.xlsx").read_bytes())
    page, errors = open_form(phone, live_server, cast, definition.form_id)
    page.fill("#station-code", "0111")
    answer(page, "state", "texas")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="county"] input').length === 2""")
    answer(page, "county", "king")
    page.wait_for_function("""() => document.querySelectorAll('[data-name="city"] input').length === 4""")
    answer(page, "city", "dumont")
    posts: list[str] = []

    def refuse_first(route) -> None:
        posts.append(route.request.post_data_json["uuid"])
        if len(posts) == 1:
            route.fulfill(status=400, content_type="application/json",
                          body=jsonlib.dumps({"errors": {"city": ["Not this city, says the server"]}}))
        else:
            route.continue_()

    page.route("**/api/observation/submissions/", refuse_first)
    page.click("#submit")
    page.wait_for_selector("#home:not([hidden])")
    page.wait_for_function("() => document.querySelector('#outbox .state.errors')")
    assert "Not this city, says the server" in page.inner_text("#outbox")
    page.locator("#outbox .item button.secondary").click()
    page.wait_for_selector("#fill .questions[data-engine-ready=true]")
    page.wait_for_function("""() => document.querySelector('[data-name="city"] .server-error')""")
    assert "Not this city, says the server" in page.inner_text('[data-name="city"]')
    assert page.locator('[data-name="city"] input[value="dumont"]').is_checked()  # the report as sent
    answer(page, "city", "finney")
    client_uuid = send(page)
    assert posts == [client_uuid, client_uuid]
    assert stored(client_uuid).answers["city"] == "finney"
    assert not errors, errors
