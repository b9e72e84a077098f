"""Every back-office model in the Django admin (imported by ``saylau.web.admin``).

Lists with useful columns, filters and search. Writes go through the services
only, with the signed-in administrator as actor, so each is in the ledger:

* the election's structure (elections, unit names, stations, commissions' seats,
  members, parties, candidates): a change form whose editable fields are the
  ones the geography service changes (``saylau.geography.services.editing``);
  every other field is read-only;
* submissions: the actions *Verify* and *Mark as new* call
  ``saylau.observation.services.set_status`` (a rejection needs a reason: the
  quality review page asks for it).

Everything else is read-only here (no add, change or delete), because it has no
one-object editing service: forms, observers, teams and deployments (imported
with ``saylau observers import`` / ``forms import``), protocols, corrections,
data entry and runs (the results chain's services and pages), the ledger,
disputes (their pages and transitions), media codings, the register audit and
nomination (nominees, decisions, checks, sheets, sessions, accreditations; their
services and commands; signature lines, personal data, are not listed here).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from saylau.core.actors import Actor
from saylau.disputes import models as disputes
from saylau.geography import models as geo
from saylau.geography.services import editing
from saylau.ledger import models as ledger
from saylau.media import models as media
from saylau.nomination import models as nomination
from saylau.observation import models as obs
from saylau.observation.choices import SubmissionStatus
from saylau.observation.services import set_status
from saylau.registry import models as registry
from saylau.results import models as results


class ReadOnlyAdmin(admin.ModelAdmin):
    """Seen, searched and filtered; never written here (no service edits it one by one)."""

    list_per_page = 100

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ServiceAdmin(ReadOnlyAdmin):
    """Changes only :attr:`editable` fields, through ``service(actor=..., <arg>=obj, **changes)``."""

    editable: tuple[str, ...] = ()
    service = None
    arg = ""

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.concrete_fields if f.name not in self.editable and f.name != "id"]

    def save_model(self, request, obj, form, change) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in self.editable}
        if changes:
            type(self).service(actor=Actor.from_user(request.user), reason="Django admin",
                               **{self.arg: obj}, **changes)

    def save_related(self, request, form, formsets, change) -> None:
        pass  # no many-to-many here: everything went through the service


def _service_admin(model, service, arg: str, editable: tuple[str, ...], **options):
    attrs = {"service": staticmethod(service), "arg": arg, "editable": editable, **options}
    admin.site.register(model, type(f"{model.__name__}Admin", (ServiceAdmin,), attrs))


def _read_only(model, **options) -> None:
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), options))


NAMES = ("name_en", "name_ru", "name_kk")

# --- geography: edited through saylau.geography.services.editing ---------------------------------
_service_admin(geo.Election, editing.update_election, "election", editing.ELECTION_FIELDS,
               list_display=("slug", "name_en", "kind", "date"), list_filter=("kind",),
               search_fields=("slug", *NAMES))
_service_admin(geo.Unit, editing.rename_unit, "unit", NAMES,
               list_display=("code", "name_en", "level", "path", "election"), list_filter=("level", "election"),
               search_fields=("code", "path", *NAMES))
_service_admin(geo.Station, editing.update_station, "station", editing.STATION_FIELDS,
               list_display=("unit", "kind", "registered_voters", "area"), list_filter=("kind", "area"),
               search_fields=("unit__code", "unit__name_en"), list_select_related=("unit",))
_service_admin(geo.Commission, editing.set_commission_seats, "commission", ("seats",),
               list_display=("unit", "tier", "seats"), list_filter=("tier",), search_fields=("unit__code",),
               list_select_related=("unit",))
_service_admin(geo.CommissionMember, editing.update_member, "member", editing.MEMBER_FIELDS,
               list_display=("full_name", "commission", "role", "gender", "nominating_party"),
               list_filter=("role", "gender", "voting"), search_fields=("full_name", "commission__unit__code"),
               list_select_related=("commission__unit",))
_service_admin(geo.Party, editing.update_party, "party", editing.PARTY_FIELDS,
               list_display=("code", "name_en", "in_parliament", "opposition"),
               list_filter=("in_parliament", "opposition"), search_fields=("code", *NAMES))
_service_admin(geo.Candidate, editing.update_candidate, "candidate", editing.CANDIDATE_FIELDS,
               list_display=("number", "name_en", "nominator", "party", "status"),
               list_filter=("status", "nominator", "incumbent"), search_fields=(*NAMES,))


# --- observation ---------------------------------------------------------------------------------
@admin.register(obs.Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("id", "form_code", "station_code", "dec_code", "region_code", "team", "observer",
                    "received_at", "channel", "status")
    list_filter = ("status", "form_code", "channel", "election")
    search_fields = ("=id", "station_code", "dec_code", "uuid", "observer__code", "team__code")
    list_select_related = ("team", "observer")
    date_hierarchy = "received_at"
    actions = ("verify", "mark_new")

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and request.user.is_superuser  # the actions, not the form

    def _set(self, request, queryset, status: str) -> None:
        actor = Actor.from_user(request.user)
        try:
            for submission in queryset.order_by("pk"):
                set_status(actor=actor, submission=submission, status=status)
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"{queryset.count()} submission(s) now {SubmissionStatus(status).label}")

    @admin.action(description="Verify the selected submissions (ledgered)")
    def verify(self, request, queryset) -> None:
        self._set(request, queryset, SubmissionStatus.VERIFIED)

    @admin.action(description="Mark the selected submissions as new, to be reviewed again (ledgered)")
    def mark_new(self, request, queryset) -> None:
        self._set(request, queryset, SubmissionStatus.NEW)


_read_only(obs.FormDefinition, list_display=("form_id", "version", "title", "active", "election", "created_at"),
           list_filter=("active", "election"), search_fields=("form_id", "title"), exclude=("xlsx",))
_read_only(obs.FormMedia, list_display=("filename", "definition", "content_type", "size", "md5"),
           search_fields=("filename",), exclude=("data",))
_read_only(obs.SubmissionFile, list_display=("filename", "submission", "content_type", "size", "sha256"),
           search_fields=("filename", "=submission__id"), exclude=("data",), list_select_related=("submission",))
_read_only(obs.ObservationSettings, list_display=("election", "timezone"))
_read_only(obs.Team, list_display=("code", "kind", "election"), list_filter=("kind", "election"),
           search_fields=("code",))
_read_only(obs.Observer, list_display=("code", "full_name", "role", "team", "language", "state"),
           list_filter=("role", "language", "parliamentarian"), search_fields=("code", "full_name", "phone"),
           list_select_related=("team",))
_read_only(obs.Deployment, list_display=("team", "unit"), search_fields=("team__code", "unit__code"),
           list_select_related=("team", "unit"))
_read_only(obs.SubmissionVersion, list_display=("submission", "version", "channel", "actor", "created_at"),
           list_filter=("channel",), search_fields=("=submission__id", "actor"))
_read_only(obs.QualityFlag, list_display=("rule_id", "place", "submission", "created_at"),
           list_filter=("rule_id",), search_fields=("rule_id", "place", "=submission__id"))

# --- results -------------------------------------------------------------------------------------
_read_only(results.Protocol, list_display=("unit", "tier", "source", "version", "registered", "valid", "invalid",
                                           "received_at"),
           list_filter=("tier", "source", "election"), search_fields=("unit__code", "unit__name_en"),
           list_select_related=("unit",))
_read_only(results.ProtocolTemplate, list_display=("election", "tolerance_absolute", "max_turnout"))
_read_only(results.ProtocolLine, list_display=("code", "position", "label_en", "template"), search_fields=("code",))
_read_only(results.ProtocolBlock, list_display=("origin", "count", "created_at", "election"))
_read_only(results.Decision, list_display=("number", "date", "commission", "election"), search_fields=("number",))
_read_only(results.Correction, list_display=("protocol", "decision", "without_decision", "created_at"),
           list_filter=("without_decision",), search_fields=("protocol__unit__code",))
_read_only(results.DataEntry, list_display=("protocol", "clerk", "created_at"), search_fields=("clerk__username",))
_read_only(results.EntryReview, list_display=("unit", "outcome", "accepted", "reviewer", "created_at"),
           list_filter=("outcome", "accepted"), search_fields=("unit__code",))
_read_only(results.CheckRun, list_display=("election", "created_at", "checked", "quarantined"))
_read_only(results.Quarantine, list_display=("protocol", "codes", "run"), search_fields=("codes", "protocol__unit__code"))
_read_only(results.TabulationRun, list_display=("election", "created_at"))
_read_only(results.Discrepancy, list_display=("unit", "kind", "line", "official", "expected", "difference"),
           list_filter=("kind",), search_fields=("unit__code", "line"))
_read_only(results.Publication, list_display=("election", "created_at", "until", "stations"))

# --- ledger: read-only by nature -----------------------------------------------------------------
_read_only(ledger.LedgerEntry, list_display=("sequence", "event", "object_type", "object_id", "created_at"),
           list_filter=("object_type",), search_fields=("=sequence", "event", "object_id", "hash"))
_read_only(ledger.LedgerHead, list_display=("sequence", "hash"))
_read_only(ledger.MerkleNode, list_display=("level", "position", "hash"))
_read_only(ledger.SigningKey, list_display=("name", "key_id", "created_at", "retired_at"), search_fields=("name",))
_read_only(ledger.Checkpoint, list_display=("size", "root", "created_at", "key"))

# --- disputes, media, register audit, nomination -------------------------------------------------------------
_read_only(disputes.LegalBasis, list_display=("code", "law", "article"), search_fields=("code", "law"))
_read_only(disputes.CalendarDay, list_display=("date", "kind", "note"), list_filter=("kind",))
_read_only(disputes.Case, list_display=("reference", "body_name", "complainant_kind", "filed_on", "phase"),
           list_filter=("phase", "complainant_kind"), search_fields=("reference", "complainant_name", "summary"))
_read_only(disputes.CaseEvent, list_display=("case", "transition", "from_status", "to_status", "at", "actor"),
           search_fields=("case__reference",))
_read_only(disputes.CaseDocument, list_display=("case", "name", "public", "size"), search_fields=("name",))
_read_only(disputes.CaseLink, list_display=("case", "kind", "target"))
_read_only(media.Outlet, list_display=("code", "name_en", "kind", "ownership", "language"),
           list_filter=("kind", "ownership"), search_fields=("code", *NAMES))
_read_only(media.Period, list_display=("code", "name_en", "start", "end"))
_read_only(media.Slot, list_display=("code", "outlet", "programme", "start", "end"), search_fields=("code",))
_read_only(media.Item, list_display=("outlet", "aired_at", "title"), search_fields=("title",))
_read_only(media.Coding, list_display=("item", "coder", "subject", "tone", "final"), list_filter=("tone", "final"))
_read_only(registry.AuditRun, list_display=("election", "engine", "records", "matches", "created_at"))
_read_only(registry.CandidatePair, list_display=("run", "voter_l", "voter_r", "probability_e6", "status"),
           list_filter=("status",), search_fields=("voter_l", "voter_r"))
_read_only(registry.Flag, list_display=("run", "kind", "voter_id", "unit_code"), list_filter=("kind",),
           search_fields=("voter_id", "unit_code"))
_read_only(nomination.Nominee, list_display=("code", "name_en", "nominated_by", "nominated_on", "status", "incumbent"),
           list_filter=("election", "status", "nominated_by"), search_fields=("code", *NAMES))
_read_only(nomination.StatusDecision, list_display=("nominee", "body", "number", "decided_on", "from_status",
                                                    "to_status", "votes_for", "votes_against"),
           list_filter=("to_status", "body"))
_read_only(nomination.EligibilityCheck, list_display=("nominee", "code", "outcome"), list_filter=("code", "outcome"))
_read_only(nomination.SignatureSheet, list_display=("nominee", "number", "region_code", "collector", "lines"))
_read_only(nomination.VerificationSession, list_display=("nominee", "held_on", "mode", "stage", "sampled", "invalid",
                                                         "projected_valid", "decision", "proxy_present"))
_read_only(nomination.Accreditation, list_display=("badge", "full_name", "kind", "status", "refusal", "station_code",
                                                   "region_code"),
           list_filter=("kind", "status", "refusal"), search_fields=("badge", "full_name"))
