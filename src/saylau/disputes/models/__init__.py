from saylau.disputes.models.bases import CalendarDay, LegalBasis
from saylau.disputes.models.cases import Case, CaseDocument, CaseEvent, CaseLink

__all__ = ["CalendarDay", "Case", "CaseDocument", "CaseEvent", "CaseLink", "LegalBasis"]
