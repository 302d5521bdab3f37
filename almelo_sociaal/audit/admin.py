from django.contrib import admin

from .models import AccessLog, ProcessingActivity


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    # the client by number, not by name: browsing the log shows no personal data
    # Logboek Dataverwerkingen: every row of one (Werkplein) request is found by its trace id (search box)
    list_display = (
        "at",
        "user",
        "action",
        "object_type",
        "object_id",
        "client_id",
        "purpose",
        "processing_activity",
        "trace_id",
        "api_token_id",
    )
    list_filter = ("action", "object_type", "processing_activity")
    search_fields = ("user__username", "object_id", "=trace_id")
    list_select_related = ("user",)
    readonly_fields = (
        "at",
        "user",
        "action",
        "client_id",
        "object_type",
        "object_id",
        "purpose",
        "processing_activity",
        "trace_id",
        "api_token_id",
    )
    exclude = ("client",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ProcessingActivity)
class ProcessingActivityAdmin(admin.ModelAdmin):
    """The register of verwerkingsactiviteiten: functioneel beheer maintains purpose and legal basis."""

    list_display = ("code", "name", "legal_basis", "active")
    list_filter = ("active",)
    search_fields = ("code", "name")
