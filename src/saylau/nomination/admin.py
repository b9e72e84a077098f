"""Read-only admin views of nomination: every change goes through the services (and the ledger)."""

from django.contrib import admin

from saylau.nomination.models import (
    Accreditation,
    EligibilityCheck,
    Nominee,
    SignatureSheet,
    StatusDecision,
    VerificationSession,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Nominee)
class NomineeAdmin(ReadOnly):
    list_display = ("code", "name_en", "nominated_by", "nominated_on", "status", "incumbent")
    list_filter = ("election", "status", "nominated_by")
    search_fields = ("code", "name_en", "name_ru", "name_kk")


@admin.register(StatusDecision)
class StatusDecisionAdmin(ReadOnly):
    list_display = ("nominee", "body", "number", "decided_on", "from_status", "to_status", "votes_for",
                    "votes_against")
    list_filter = ("to_status", "body")


@admin.register(EligibilityCheck)
class EligibilityCheckAdmin(ReadOnly):
    list_display = ("nominee", "code", "outcome")
    list_filter = ("code", "outcome")


@admin.register(SignatureSheet)
class SignatureSheetAdmin(ReadOnly):
    list_display = ("nominee", "number", "region_code", "collector", "lines")


@admin.register(VerificationSession)
class VerificationSessionAdmin(ReadOnly):
    list_display = ("nominee", "held_on", "mode", "stage", "sampled", "invalid", "projected_valid", "decision",
                    "proxy_present")


@admin.register(Accreditation)
class AccreditationAdmin(ReadOnly):
    list_display = ("badge", "full_name", "kind", "status", "refusal", "station_code", "region_code")
    list_filter = ("kind", "status", "refusal")
    search_fields = ("badge", "full_name")
