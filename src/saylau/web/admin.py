"""The back office: login tokens, and Django's own user and group admin with
every change appended to the ledger (through ``saylau.web.services``)."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from saylau.core.actors import Actor
from saylau.web import services
from saylau.web.forms import LoginForm
from saylau.web.models import LoginToken


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    """The admin's login, rate-limited as every login is: the same counters as
    ``/accounts/login/`` (:class:`saylau.web.forms.LoginForm`, 10 tries a minute per
    address and user name, 30 per address), so the two forms share one budget; then
    the admin's own rule (staff only)."""

    error_messages = {**AdminAuthenticationForm.error_messages,
                      "rate_limited": LoginForm.error_messages["rate_limited"]}


admin.site.login_form = AdminLoginForm


@admin.register(LoginToken)
class LoginTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "expires_at", "used_at", "created_by")
    list_filter = ("used_at", "expires_at")
    search_fields = ("user__username", "created_by")
    # read-only throughout: a token is issued by `saylau users token` and expired by the
    # action below, both through the services and so in the ledger
    readonly_fields = ("user", "token_hash", "created_at", "created_by", "expires_at", "used_at")
    fields = ("user", "created_at", "created_by", "expires_at", "used_at", "token_hash")
    actions = ("expire_now",)

    def has_add_permission(self, request) -> bool:
        return False  # tokens are issued by `saylau users token` (the raw token is shown once)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description="Expire the selected tokens now")
    def expire_now(self, request, queryset) -> None:
        count = services.expire_login_tokens(actor=Actor.from_user(request.user), tokens=queryset)
        self.message_user(request, f"{count} token(s) expired")


class LedgeredAdmin:
    """Records each save and delete of the admin in the ledger, in the admin's own
    transaction (``changeform_view`` and ``delete_view`` are atomic)."""

    def save_model(self, request, obj, form, change) -> None:
        # kept on this request's form: the admin object serves every request and thread
        form.ledger_before = services.account_state(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)  # groups and permissions are many-to-many
        services.record_account_change(actor=Actor.from_user(request.user), obj=form.instance,
                                       action="updated" if change else "created", before=form.ledger_before)

    def delete_model(self, request, obj) -> None:
        before = services.account_state(obj)
        pk = obj.pk
        super().delete_model(request, obj)
        obj.pk = pk
        services.record_account_change(actor=Actor.from_user(request.user), obj=obj, action="deleted",
                                       before=before)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class LedgeredUserAdmin(LedgeredAdmin, UserAdmin):
    pass


@admin.register(Group)
class LedgeredGroupAdmin(LedgeredAdmin, GroupAdmin):
    pass


# every other back-office model, with its writes through the services (or read-only)
from saylau.web import admin_backoffice  # noqa: E402, F401
