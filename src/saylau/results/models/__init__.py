from .corrections import Correction, Decision
from .protocols import Protocol, ProtocolBlock, ProtocolLine, ProtocolTemplate
from .runs import CheckRun, Discrepancy, Publication, Quarantine, TabulationRun

__all__ = [
    "CheckRun",
    "Correction",
    "Decision",
    "Discrepancy",
    "Protocol",
    "ProtocolBlock",
    "ProtocolLine",
    "ProtocolTemplate",
    "Publication",
    "Quarantine",
    "TabulationRun",
]
