"""Forms of data entry: a paper protocol's lines, and a correction with its decision.

The lines come from the election's protocol template (the fixed lines, then
one per candidate with the candidate's name). Every figure is a whole number,
zero or more; the errors are shown next to their field.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from saylau.core.protocol import LINES, vote_columns_in

FIGURE_ERRORS = {
    "required": _("Enter the figure from the protocol."),
    "invalid": _("Enter a whole number."),
    "min_value": _("A figure cannot be negative."),
    "max_value": _("This figure is too large."),
}


def figure_field(label: str, initial: int | None = None) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=0, max_value=2_000_000_000, initial=initial, error_messages=FIGURE_ERRORS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 9,
                                      "class": "figure"}),
    )


class ProtocolForm(forms.Form):
    """One field per template line, named by the line's code (``registered`` ... ``votes_<n>``)."""

    def __init__(self, *args, lines: list[tuple[str, str]], initial_figures: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.line_codes = [code for code, _label in lines]
        for code, label in lines:
            self.fields[code] = figure_field(label, (initial_figures or {}).get(code))

    def figures(self) -> tuple[dict[str, int], list[int]]:
        """``(lines, votes)`` as the services take them."""
        data = self.cleaned_data
        fixed = {code: data[code] for code in self.line_codes if code in LINES}
        votes = [data[code] for code in vote_columns_in(self.line_codes)]
        return fixed, votes


class CorrectionForm(ProtocolForm):
    """The protocol's lines with their current figures, and either the decision
    behind the change (commission, number, date) or an explicit tick that there
    is none."""

    def __init__(self, *args, commissions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commission"] = forms.ModelChoiceField(
            queryset=commissions, required=False, label=_("Commission that decided"),
            empty_label=_("(no decision)"))
        self.fields["number"] = forms.CharField(label=_("Decision number"), max_length=40, required=False)
        self.fields["date"] = forms.DateField(label=_("Decision date"), required=False,
                                              widget=forms.DateInput(attrs={"type": "date"}),
                                              error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")})
        self.fields["summary"] = forms.CharField(label=_("What the decision says"), required=False,
                                                 widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
        self.fields["without_decision"] = forms.BooleanField(
            required=False, label=_("There is no decision: record the change flagged as made without one"))
        self.fields["reason"] = forms.CharField(label=_("Reason for the change"), required=False,
                                                widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def clean(self):
        data = super().clean()
        with_decision = bool(data.get("commission"))
        if with_decision and data.get("without_decision"):
            raise forms.ValidationError(_("Either give the decision or tick that there is none, not both."))
        if not with_decision and not data.get("without_decision"):
            raise forms.ValidationError(
                _("Give the decision (commission, number and date) or tick that there is none."))
        if with_decision:
            if not (data.get("number") or "").strip():
                self.add_error("number", _("Enter the decision's number."))
            if not data.get("date") and "date" not in self.errors:
                self.add_error("date", _("Enter the decision's date."))
        return data
