from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, HostOrganisation


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "needs_host", "needs_description", "active", "sort_order")
    list_filter = ("kind", "active")
    list_editable = ("active", "sort_order")


@admin.register(HostOrganisation)
class HostOrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "wijkteam", "contact_name", "declaration_signed_on", "active")
    list_filter = ("kind", "active", "wijkteam")
    search_fields = ("name", "contact_name")
    filter_horizontal = ("contact_users",)
