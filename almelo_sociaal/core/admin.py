"""Shared pieces of the admin (functioneel beheer)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied


class ReadOnlyAdmin(admin.ModelAdmin):
    """Inspect only: records whose changes have rules go through their service (UI, API, commands), so the
    rules, the history and the client timeline stay intact. No add, change or delete, and no saving at all:
    also not through django-simple-history's "revert" form (a POST there would save an old version)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        raise PermissionDenied

    def delete_model(self, request, obj):
        raise PermissionDenied

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
