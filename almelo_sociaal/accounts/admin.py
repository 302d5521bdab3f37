from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Organisatie", {"fields": ("wijkteam",)}),)
    list_display = ("username", "first_name", "last_name", "wijkteam", "is_active")
    list_filter = ("groups", "wijkteam", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "scopes", "expires_at", "revoked_at", "last_used_at")
    # The holder and the scopes are fixed at issue (services.issue_api_token checks both): to change them, issue
    # a new token and revoke this one.
    readonly_fields = ("user", "scopes", "prefix", "key_hash", "created_at", "last_used_at")
    actions = ["revoke"]

    @admin.action(description="Geselecteerde tokens intrekken")
    def revoke(self, request, queryset):
        for token in queryset:
            token.revoke()

    def has_add_permission(self, request):  # tokens are issued with `manage.py issue_api_token`
        return False
