from .corrections import Correction, Decision
from .entry import DataEntry, EntryReview
from .protocols import Protocol, ProtocolBlock, ProtocolLine, ProtocolTemplate
from .runs import CheckRun, Discrepancy, Publication, Quarantine, TabulationRun

__all__ = [
    "CheckRun",
    "Correction",
    "DataEntry",
    "Decision",
    "Discrepancy",
    "EntryReview",
    "Protocol",
    "ProtocolBlock",
    "ProtocolLine",
    "ProtocolTemplate",
    "Publication",
    "Quarantine",
    "TabulationRun",
]
