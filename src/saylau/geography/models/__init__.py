from .candidates import Candidate, Party
from .commissions import Commission, CommissionMember
from .election import Election, MultilingualName
from .units import Station, Unit

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
