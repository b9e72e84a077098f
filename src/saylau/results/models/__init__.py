from saylau.results.models.corrections import Correction, Decision
from saylau.results.models.entry import DataEntry, EntryReview
from saylau.results.models.protocols import Protocol, ProtocolBlock, ProtocolLine, ProtocolTemplate
from saylau.results.models.runs import CheckRun, Discrepancy, Publication, Quarantine, TabulationRun

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
