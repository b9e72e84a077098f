"""Choice enums and the standard protocol lines, named ``<Model><Field>``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The fixed lines of every protocol, in the order they are stored and shown.
#: Candidate votes follow as ``votes_1 .. votes_k`` (ballot order).
LINES = (
    "registered", "ballots_received", "issued_in_station", "issued_mobile", "issued_early",
    "cancelled", "found_in_boxes", "invalid", "valid",
)

#: en / ru / kk labels of the fixed lines.
LINE_LABELS = {
    "registered": ("Voters on the register", "Число избирателей, внесённых в список",
                   "Тізімге енгізілген сайлаушылар саны"),
    "ballots_received": ("Ballots received by the commission", "Число бюллетеней, полученных комиссией",
                         "Комиссия алған бюллетеньдер саны"),
    "issued_in_station": ("Ballots issued in the station", "Число бюллетеней, выданных в помещении",
                          "Үй-жайда берілген бюллетеньдер саны"),
    "issued_mobile": ("Ballots issued for the mobile box", "Число бюллетеней, выданных вне помещения",
                      "Үй-жайдан тыс берілген бюллетеньдер саны"),
    "issued_early": ("Ballots issued for early voting", "Число бюллетеней, выданных досрочно",
                     "Мерзімінен бұрын берілген бюллетеньдер саны"),
    "cancelled": ("Ballots cancelled (unused)", "Число погашенных бюллетеней",
                  "Жойылған бюллетеньдер саны"),
    "found_in_boxes": ("Ballots found in the boxes", "Число бюллетеней в ящиках для голосования",
                       "Жәшіктерден табылған бюллетеньдер саны"),
    "invalid": ("Invalid ballots", "Число недействительных бюллетеней", "Жарамсыз бюллетеньдер саны"),
    "valid": ("Valid ballots", "Число действительных бюллетеней", "Жарамды бюллетеньдер саны"),
}


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
