"""The back office: login tokens (users and groups are Django's own admin)."""

from django.contrib import admin

from saylau.web.models import LoginToken


@admin.register(LoginToken)
class LoginTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "expires_at", "used_at", "created_by")
    list_filter = ("used_at", "expires_at")
    search_fields = ("user__username", "created_by")
    readonly_fields = ("user", "token_hash", "created_at", "created_by", "used_at")
    fields = ("user", "created_at", "created_by", "expires_at", "used_at", "token_hash")
    actions = ("expire_now",)

    def has_add_permission(self, request) -> bool:
        return False  # tokens are issued by `saylau users token` (the raw token is shown once)

    @admin.action(description="Expire the selected tokens now")
    def expire_now(self, request, queryset) -> None:
        from saylau.core.actors import Actor
        from saylau.web.services import expire_login_tokens

        count = expire_login_tokens(actor=Actor.from_user(request.user), tokens=queryset)
        self.message_user(request, f"{count} token(s) expired")
