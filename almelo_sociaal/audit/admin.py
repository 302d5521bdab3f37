from django.contrib import admin

from .models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    # the client by number, not by name: browsing the log shows no personal data
    list_display = ("at", "user", "action", "object_type", "object_id", "client_id", "purpose")
    list_filter = ("action", "object_type")
    search_fields = ("user__username", "object_id")
    list_select_related = ("user",)
    readonly_fields = ("at", "user", "action", "client_id", "object_type", "object_id", "purpose")
    exclude = ("client",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
