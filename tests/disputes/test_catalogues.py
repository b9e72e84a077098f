"""Every label of disputes in Russian and Kazakh: the app's own catalogues are complete."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

import saylau.disputes
from saylau.disputes import choices

LOCALE = Path(saylau.disputes.__file__).parent / "locale"


def _po(lang: str) -> dict[str, str]:
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    out = {}
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? "(.*)"$', block, re.M)
        if msgid and msgid.group(1):
            out[msgid.group(1).replace('\\"', '"')] = msgstr.group(1) if msgstr else ""
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_choice_has_its_label(lang):
    po = _po(lang)
    from django.utils import translation

    with translation.override(None):  # the msgids
        labels = {str(member.label) for enum in vars(choices).values()
                  if isinstance(enum, type) and hasattr(enum, "choices") and enum.__module__ == choices.__name__
                  for member in enum}
    assert len(labels) > 50  # the walk found the enums
    missing = sorted(label for label in labels if not po.get(label))
    assert not missing, f"untranslated in {lang}: {missing}"
    assert all(po.values()), [k for k, v in po.items() if not v]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_compiled_catalogue_is_the_source(lang):
    compiled = gettext.GNUTranslations(open(LOCALE / lang / "LC_MESSAGES" / "django.mo", "rb"))
    for msgid, msgstr in _po(lang).items():
        if "%(n)s case." == msgid:
            continue
        assert compiled.gettext(msgid) == msgstr.replace('\\"', '"'), msgid
