"""Choice enums, named ``<Model><Field>``.

The protocol lines and their labels are defined once, in
:mod:`saylau.core.protocol`; ``LINES`` and ``LINE_LABELS`` are re-exported
here for the code that reads them with the results app's choices.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from saylau.core.protocol import LINE_LABELS, LINES

__all__ = ["LINES", "LINE_LABELS", "DiscrepancyKind", "EntryOutcome", "ProtocolSource", "ProtocolTier",
           "LEVEL_OF_TIER", "TIER_OF_LEVEL"]


class ProtocolTier(models.TextChoices):
    """The commission that drew up (or entered) the protocol."""

    PEC = "PEC", _("Precinct Election Commission")
    DEC = "DEC", _("District Election Commission")
    TEC = "TEC", _("Territorial Election Commission")
    CEC = "CEC", _("Central Election Commission")


class ProtocolSource(models.TextChoices):
    """Where the figures come from; each source is kept apart."""

    OFFICIAL = "official", _("Official protocol signed by the commission")
    ENTERED = "entered", _("Figures entered into the results system by the higher commission")
    OBSERVER = "observer", _("Observer's copy of the protocol")
    ENTRY_A = "entry_a", _("Double-blind data entry A")
    ENTRY_B = "entry_b", _("Double-blind data entry B")


class DiscrepancyKind(models.TextChoices):
    TIER = "tier", _("Higher-tier protocol against the sum of its children")
    OBSERVER = "observer", _("Official PEC protocol against the observer's copy")
    ENTERED = "entered", _("Official PEC protocol against the figures the DEC entered")
    DOUBLE_ENTRY = "double_entry", _("Data entry A against data entry B")


#: tier of the unit at each level of the tree (national 0 .. station 3)
TIER_OF_LEVEL = {0: ProtocolTier.CEC, 1: ProtocolTier.TEC, 2: ProtocolTier.DEC, 3: ProtocolTier.PEC}
LEVEL_OF_TIER = {tier: level for level, tier in TIER_OF_LEVEL.items()}


class EntryOutcome(models.TextChoices):
    """What a supervisor did with a station's entries A and B."""

    ACCEPTED = "accepted", _("Accepted as the entered figures")
    RETURNED = "returned", _("Sent back for re-entry")
