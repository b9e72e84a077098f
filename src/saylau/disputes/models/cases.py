"""Cases, their timeline, documents and links; the process is a django-fsm-2 state machine.

The transitions below only change ``status`` and check their conditions;
``saylau.disputes.services`` calls them inside its transaction, records who,
when and why (:class:`CaseEvent`) and appends the ledger entry.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django_fsm import FSMField, transition

from saylau.disputes.choices import (
    Body,
    ComplainantKind,
    DecisionMode,
    LinkKind,
    NotConsideredReason,
    Outcome,
    Phase,
    Status,
    Transition,
)
from saylau.disputes.core import bodies
from saylau.disputes.models.bases import LegalBasis
from saylau.geography.models import Commission, Election


def document_storage() -> FileSystemStorage:
    """Documents live in the data directory, under ``disputes/``."""
    return FileSystemStorage(location=settings.DATA_DIR / "disputes")


def decision_recorded(case) -> bool:
    """A decision says how it was taken: a session with its vote, or the one official."""
    return bool(case.decision_problems() == [])


class Case(models.Model):
    """One complaint or appeal at one body."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="dispute_cases")
    reference = models.CharField(max_length=40)
    body = models.CharField(max_length=16, choices=Body.choices)
    commission = models.ForeignKey(Commission, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="dispute_cases")
    body_name = models.CharField(max_length=200, blank=True, help_text="e.g. the court's name")
    complainant_kind = models.CharField(max_length=10, choices=ComplainantKind.choices)
    complainant_name = models.CharField(max_length=200)
    respondent = models.CharField(max_length=200)
    contested_act = models.TextField()
    act_date = models.DateField(null=True, blank=True)
    filed_on = models.DateField()
    phase = models.CharField(max_length=24, choices=Phase.choices)
    summary = models.TextField(blank=True)
    bases = models.ManyToManyField(LegalBasis, blank=True, related_name="cases")
    appeal_of = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="appeals")
    status = FSMField(max_length=12, choices=Status.choices, default=Status.RECEIVED)
    # the decision
    decided_on = models.DateField(null=True, blank=True)
    decision_mode = models.CharField(max_length=8, choices=DecisionMode.choices, blank=True)
    session_date = models.DateField(null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    official = models.CharField(max_length=200, blank=True, help_text="who decided alone, and their post")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    not_considered_reason = models.CharField(max_length=14, choices=NotConsideredReason.choices, blank=True)
    deadline_basis = models.ForeignKey(LegalBasis, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+", help_text="the basis a deadline refusal applied")
    remedy = models.TextField(blank=True)
    reasoning = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    publication_url = models.URLField(blank=True)

    class Meta:
        ordering = ["election", "filed_on", "id"]
        constraints = [models.UniqueConstraint(fields=["election", "reference"], name="dispute_reference_unique")]
        permissions = [("decide_case", "Admit, return and decide cases (a commission member or a judge's clerk)")]

    def __str__(self) -> str:
        return self.reference

    @property
    def bases_codes(self) -> str:
        """The legal bases' codes, sorted, joined by commas (the ledger's form)."""
        return ",".join(sorted(b.code for b in self.bases.all())) if self.pk else ""

    @property
    def private_complainant(self) -> bool:
        return self.complainant_kind in bodies.PRIVATE_COMPLAINANTS

    @property
    def public_complainant(self) -> str:
        """The complainant as the public may see them: a private person is not named."""
        return str(ComplainantKind(self.complainant_kind).label) if self.private_complainant else \
            self.complainant_name

    def clean(self) -> None:
        if self.commission_id and self.body not in bodies.COMMISSIONS:
            raise ValidationError({"commission": "a court case names the court in body_name, not a commission"})
        if self.commission_id and self.commission.tier != self.body:
            raise ValidationError({"commission": f"the commission is a {self.commission.tier}, the body a {self.body}"})
        if self.act_date and self.filed_on and self.act_date > self.filed_on:
            raise ValidationError({"act_date": "the act complained of comes after the filing date"})

    def decision_problems(self) -> list[str]:
        """What is missing or inconsistent in the decision recorded on this case (empty: complete)."""
        problems = []
        if not self.decided_on:
            problems.append("the date of the decision")
        if not self.outcome:
            problems.append("the outcome (upheld, partly upheld, rejected or not considered)")
        if self.outcome == Outcome.NOT_CONSIDERED and not self.not_considered_reason:
            problems.append("why the case was not considered")
        if self.decision_mode == DecisionMode.SESSION:
            if not self.session_date or self.members_present is None or self.votes_for is None \
                    or self.votes_against is None:
                problems.append("the session's date, the members present and the votes for and against")
            elif self.votes_for + self.votes_against > self.members_present:
                problems.append(f"votes for and against ({self.votes_for} + {self.votes_against}) "
                                f"within the {self.members_present} members present")
        elif self.decision_mode == DecisionMode.OFFICIAL:
            if not self.official:
                problems.append("the official who decided alone")
        else:
            problems.append("how it was decided: by vote in a recorded session, or by one named official")
        if self.decided_on and self.decided_on < self.filed_on:
            problems.append("a decision date on or after the filing date")
        return problems

    # the state machine ------------------------------------------------------------------
    @transition(field=status, source=Status.RECEIVED, target=Status.ADMITTED)
    def admit(self) -> None:
        """The body accepts the case for consideration."""

    @transition(field=status, source=Status.RECEIVED, target=Status.RETURNED)
    def return_(self) -> None:
        """The body sends the case back unconsidered (the reason is recorded)."""

    @transition(field=status, source=Status.ADMITTED, target=Status.CONSIDERED)
    def consider(self) -> None:
        """The body takes the case up (a session is called, or an official is assigned)."""

    @transition(field=status, source=[Status.ADMITTED, Status.CONSIDERED], target=Status.DECIDED,
                conditions=[decision_recorded])
    def decide(self) -> None:
        """The decision is taken; its session or official, outcome and date are recorded first."""

    @transition(field=status, source=[Status.DECIDED, Status.RETURNED], target=Status.APPEALED)
    def appeal(self) -> None:
        """A decision (or a refusal to admit) is appealed; the appeal is a new case at the next body."""

    @transition(field=status, source=Status.DECIDED, target=Status.FINAL)
    def finalise(self) -> None:
        """The time to appeal passed, or the body's decision cannot be appealed."""


class CaseEvent(models.Model):
    """One step of a case's timeline: what happened, who did it, when and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(max_length=12, choices=Transition.choices)
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    on = models.DateField(help_text="the date the step took effect")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.CharField(max_length=150)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "on", "id"]


class CaseDocument(models.Model):
    """A file lodged with a case; its SHA-256 is in the ledger."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=200)
    file = models.FileField(upload_to="%Y/%m/", storage=document_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    public = models.BooleanField(default=False, help_text="shown on the public page (a decision, not a complaint)")

    class Meta:
        ordering = ["case", "id"]

    @property
    def file_name(self) -> str:
        return self.file.name


class CaseLink(models.Model):
    """What a case is about: a station, a candidate, a protocol or an observer's submission."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=12, choices=LinkKind.choices)
    target = models.CharField(max_length=100, help_text="the station's or protocol's code, the candidate's number, "
                                                        "the submission's id")

    class Meta:
        ordering = ["case", "kind", "target"]
        constraints = [models.UniqueConstraint(fields=["case", "kind", "target"], name="dispute_link_unique")]
