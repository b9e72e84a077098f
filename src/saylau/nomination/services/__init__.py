"""Every write of nomination and accreditation: atomic, ``actor=``, a ledger entry per object.

* nominees (:mod:`.nominees`): :func:`create_nominee`, :func:`decide` (a status step, a body's decision
  with its vote), :func:`record_eligibility`;
* signatures (:mod:`.signatures`): :func:`import_lines` (sheets and lines, all or nothing),
  :func:`verify_lines` (every line against the register), :func:`run_session` (a full or sample check);
* accreditation (:mod:`.accreditation`): :func:`import_accreditations`, :func:`revoke_accreditation`;
* the simulation (:mod:`.simulation`): :func:`import_simulation`.
"""

from saylau.nomination.services.accreditation import import_accreditations, revoke_accreditation
from saylau.nomination.services.nominees import (
           create_nominee,
           decide,
           import_nominees,
           record_eligibility,
)
from saylau.nomination.services.signatures import import_lines, rules_for, run_session, verify_lines
from saylau.nomination.services.simulation import import_simulation
from saylau.nomination.writes import NominationError

__all__ = ["NominationError", "create_nominee", "decide", "import_accreditations", "import_lines", "import_nominees", "import_simulation",
           "record_eligibility", "revoke_accreditation", "rules_for", "run_session", "verify_lines"]
