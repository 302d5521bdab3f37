from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, HostOrganisation


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "needs_host", "needs_description", "active", "sort_order")
    list_filter = ("kind", "active")
    list_editable = ("active", "sort_order")


@admin.register(HostOrganisation)
class HostOrganisationAdmin(SimpleHistoryAdmin):
    """Hosts are created, changed and declared through tegenprestatie.services (the UI at
    /tegenprestatie/gastorganisaties/); here beheer only links the host's contact users (access)."""

    list_display = ("name", "kind", "wijkteam", "contact_name", "declaration_signed_on", "active")
    list_filter = ("kind", "active", "wijkteam")
    search_fields = ("name", "contact_name")
    filter_horizontal = ("contact_users",)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in HostOrganisation._meta.concrete_fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        pass  # every field is read-only; the contact users are saved with the form's m2m

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":  # a "revert" would save an old version past the services
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
