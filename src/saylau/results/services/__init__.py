"""Every write of the results chain goes through these services.

Each is the outermost transaction, takes a keyword ``actor`` and appends its
ledger entries in the same transaction.
"""

from .chain import check_and_tabulate
from .checking import run_checks
from .importing import import_file, import_frame
from .observers import import_observer_copies, import_observer_frame
from .protocols import (
    correct_protocol,
    ensure_template,
    import_corrections,
    record_decision,
    record_protocol,
)
from .publishing import publish
from .simulation import import_simulation
from .tabulating import tabulate

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
