"""Every write of the results chain goes through these services.

Each is the outermost transaction, takes a keyword ``actor`` and appends its
ledger entries in the same transaction.
"""

from saylau.results.services.chain import check_and_tabulate
from saylau.results.services.checking import run_checks
from saylau.results.services.importing import import_file, import_frame
from saylau.results.services.observers import import_observer_copies, import_observer_frame
from saylau.results.services.protocols import (
    correct_protocol,
    ensure_template,
    import_corrections,
    record_decision,
    record_protocol,
)
from saylau.results.services.publishing import publish
from saylau.results.services.simulation import import_simulation
from saylau.results.services.tabulating import tabulate

__all__ = [
    "check_and_tabulate",
    "correct_protocol",
    "ensure_template",
    "import_corrections",
    "import_file",
    "import_frame",
    "import_observer_copies",
    "import_observer_frame",
    "import_simulation",
    "publish",
    "record_decision",
    "record_protocol",
    "run_checks",
    "tabulate",
]
