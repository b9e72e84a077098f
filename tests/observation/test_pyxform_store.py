"""Stored XForms: the OpenRosa list and downloads never convert again, so one bad
form cannot take them down; a workbook pyxform refuses is never stored; media
files are served through the OpenRosa manifest; the API hands the XForm to the
browser; ids and versions as ODK Central."""

from __future__ import annotations

import hashlib
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse

from saylau.core.actors import Actor
from tests.observation.helpers import workbook
from tests.observation.test_openrosa import basic

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
LIST = {"x": "http://openrosa.org/xforms/xformsList"}
MANIFEST = {"m": "http://openrosa.org/xforms/xformsManifest"}


def _listed(client: Client, auth: dict) -> dict[str, ET.Element]:
    response = client.get("/openrosa/formList", **auth)
    assert response.status_code == 200, response.content
    return {f.findtext("x:formID", namespaces=LIST): f
            for f in ET.fromstring(response.content).findall("x:xform", LIST)}


def test_a_broken_stored_form_leaves_the_list_and_the_other_downloads_up(mission) -> None:
    from saylau.observation.models import FormDefinition

    client, auth = Client(), basic("aigerim", "pw-aigerim")
    before = _listed(client, auth)
    assert {"voting", "counting", "opening"} <= set(before)
    # a row whose workbook and XForm were damaged behind saylau's back (or converted by nothing)
    FormDefinition.objects.filter(form_id="voting").update(xlsx=b"not a workbook", xform="", xform_md5="")
    after = _listed(client, auth)
    assert set(after) == set(before) - {"voting"}
    for form_id, item in after.items():
        stored = FormDefinition.objects.get(form_id=form_id, active=True)
        assert item.findtext("x:hash", namespaces=LIST) == f"md5:{stored.xform_md5}"
        assert hashlib.md5(stored.xform.encode()).hexdigest() == stored.xform_md5  # noqa: S324
    download = client.get("/openrosa/forms/counting/form.xml", **auth)
    assert download.status_code == 200 and download.content.decode() == FormDefinition.objects.get(
        form_id="counting").xform
    gone = client.get("/openrosa/forms/voting/form.xml", **auth)
    assert gone.status_code == 404 and b"OpenRosaResponse" in gone.content


def test_a_workbook_pyxform_refuses_is_never_stored(election) -> None:
    from saylau.ledger.models import LedgerEntry
    from saylau.observation.core.xlsform import XLSFormError
    from saylau.observation.models import FormDefinition
    from saylau.observation.services import import_form

    forms, entries = FormDefinition.objects.count(), LedgerEntry.objects.count()
    for name in ("bug_example_xls__duplicate_columns", "example_xls__include", "example_xls__bad_calc"):
        with pytest.raises(XLSFormError), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import_form(actor=ACTOR, election=election, data=(DATA / f"{name}.xlsx").read_bytes(),
                        filename=f"{name}.xlsx")
    # a `${name}` pyxform cannot resolve in a label: refused at import, not at the list
    label_ref = workbook([["type", "name", "label"], ["text", "a", "A ${nowhere}"]])
    with pytest.raises(XLSFormError) as info:
        import_form(actor=ACTOR, election=election, data=label_ref, filename="label_ref.xlsx")
    assert (info.value.sheet, info.value.row, info.value.column) == ("survey", 2, "label")
    assert FormDefinition.objects.count() == forms and LedgerEntry.objects.count() == entries


def test_ids_and_versions_as_odk_central(election) -> None:
    from saylau.observation.services import import_form

    first = workbook([["type", "name", "label"], ["text", "a", "A"]])
    second = workbook([["type", "name", "label"], ["integer", "b", "B"]])
    one = import_form(actor=ACTOR, election=election, data=first, filename="market_survey.xlsx")
    two = import_form(actor=ACTOR, election=election, data=second, filename="road survey 2.xlsx")
    assert (one.form_id, two.form_id) == ("market_survey", "road survey 2")  # no form_id: the file name
    assert len(one.version) == 14 and one.version.isdigit()  # no version: the import's timestamp
    assert f'version="{one.version}"' in one.xform
    versioned = workbook([["type", "name", "label"], ["text", "a", "A"]], None,
                         [["form_id", "version"], ["market_survey", "7"]])
    changed = workbook([["type", "name", "label"], ["text", "a", "Changed"]], None,
                       [["form_id", "version"], ["market_survey", "7"]])
    import_form(actor=ACTOR, election=election, data=versioned, filename="m.xlsx")
    with pytest.raises(ValidationError) as info:
        import_form(actor=ACTOR, election=election, data=changed, filename="m.xlsx")
    assert info.value.messages == ["form 'market_survey' version '7' is already stored (a different workbook): "
                                   "give the new workbook a higher version in its settings sheet"]


def test_media_files_are_served_through_the_manifest(mission) -> None:
    from saylau.observation.core.validate import validate_answers
    from saylau.observation.models import FormDefinition
    from saylau.observation.openrosa import views
    from saylau.observation.services import import_form

    fruits = b"name,price\napple,3\nbanana,5\n"
    definition = import_form(actor=ACTOR, election=mission["aigerim"].observer.election,
                             data=(DATA / "example_xls__pull_data.xlsx").read_bytes(),
                             filename="example_xls__pull_data.xlsx", media={"fruits.csv": fruits})
    assert list(definition.media.values_list("filename", "md5")) == [
        ("fruits.csv", hashlib.md5(fruits).hexdigest())]  # noqa: S324
    request = RequestFactory().get("/openrosa/forms/x/manifest")
    request.user = mission["aigerim"]
    manifest = views.form_manifest(request, form_id=definition.form_id)
    assert manifest.status_code == 200 and manifest["X-OpenRosa-Version"] == "1.0"
    files = ET.fromstring(manifest.content).findall("m:mediaFile", MANIFEST)
    assert [(f.findtext("m:filename", namespaces=MANIFEST), f.findtext("m:hash", namespaces=MANIFEST))
            for f in files] == [("fruits.csv", f"md5:{hashlib.md5(fruits).hexdigest()}")]  # noqa: S324
    media = views.form_media(request, form_id=definition.form_id, filename="fruits.csv")
    assert media.status_code == 200 and media.content == fruits
    assert views.form_media(request, form_id=definition.form_id, filename="other.csv").status_code == 404
    try:
        reverse("observation-openrosa:manifest", args=[definition.form_id])
    except NoReverseMatch:
        pass  # the route is the coordinator's to add (forms-server-shared.md); the list then omits it
    else:
        item = _listed(Client(), basic("aigerim", "pw-aigerim"))[definition.form_id]
        assert item.findtext("x:manifestUrl", namespaces=LIST).endswith(f"/forms/{definition.form_id}/manifest")
    client = Client()
    client.force_login(mission["aigerim"])
    listed = {f["form_id"]: f for f in client.get("/api/observation/forms/").json()}
    assert list(listed[definition.form_id]["media"]) == ["fruits.csv"]
    assert listed[definition.form_id]["media"]["fruits.csv"].endswith(f"/forms/{definition.form_id}/media/fruits.csv")
    assert listed["voting"]["media"] == {}
    # pulldata reads the media file when the server validates
    form = FormDefinition.objects.get(pk=definition.pk).form
    calc = next(q for q in form.survey if "pulldata" in q.calculation)
    result = validate_answers(form, {}, media={"fruits.csv": fruits})
    assert result.ok and calc.name in result.answers


def test_the_api_hands_the_browser_the_stored_xform(mission) -> None:
    from saylau.observation.models import FormDefinition

    client = Client()
    client.force_login(mission["aigerim"])
    forms = {f["form_id"]: f for f in client.get("/api/observation/forms/").json()}
    voting = FormDefinition.objects.get(form_id="voting", active=True)
    assert forms["voting"]["xform"] == voting.xform and forms["voting"]["xform_md5"] == voting.xform_md5
    assert {"id", "url", "display", "version", "title", "md5", "active", "created_at"} <= set(forms["voting"])
    xml = client.get(forms["voting"]["xform_url"])
    assert xml.status_code == 200 and xml["Content-Type"].startswith("text/xml")
    assert xml.content.decode() == voting.xform


def test_the_cli_imports_a_form_with_the_media_beside_it(election, tmp_path, capsys) -> None:
    from saylau.observation import commands
    from saylau.observation.models import FormDefinition

    (tmp_path / "prices.xlsx").write_bytes((DATA / "example_xls__pull_data.xlsx").read_bytes())
    (tmp_path / "fruits.csv").write_bytes(b"name,price\napple,3\n")
    args = type("A", (), {"election": election.slug, "file": str(tmp_path / "prices.xlsx"), "media": None})
    assert commands.import_form(args()) == 0
    out = capsys.readouterr().out
    definition = FormDefinition.objects.get(active=True, media__filename="fruits.csv")
    assert f"imported form {definition.form_id}" in out and "media: fruits.csv" in out
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes((DATA / "bug_example_xls__duplicate_columns.xlsx").read_bytes())
    args = type("A", (), {"election": election.slug, "file": str(broken), "media": None})
    assert commands.import_form(args()) == 2
    assert capsys.readouterr().err.strip() == f"{broken}: survey row 1, column 'label': Duplicate column header: label"
