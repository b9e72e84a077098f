from saylau.nomination.models.accreditation import Accreditation
from saylau.nomination.models.nominees import EligibilityCheck, Nominee, StatusDecision
from saylau.nomination.models.signatures import SignatureLine, SignatureSheet, VerificationSession

__all__ = ["Accreditation", "EligibilityCheck", "Nominee", "SignatureLine", "SignatureSheet", "StatusDecision",
           "VerificationSession"]
