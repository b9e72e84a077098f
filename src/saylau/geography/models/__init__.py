from saylau.geography.models.candidates import Candidate, Party
from saylau.geography.models.commissions import Commission, CommissionMember
from saylau.geography.models.election import Election, MultilingualName
from saylau.geography.models.units import Station, Unit

__all__ = [
    "Candidate",
    "Commission",
    "CommissionMember",
    "Election",
    "MultilingualName",
    "Party",
    "Station",
    "Unit",
]
