from django.contrib import admin

from .models import FailedEnqueue, PurgeRun, UserSession


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "user_agent")
    list_filter = ("created_at",)
    search_fields = ("user__username",)
    readonly_fields = ("user", "session_key", "created_at", "user_agent")

    def has_add_permission(self, request):
        return False


@admin.register(PurgeRun)
class PurgeRunAdmin(admin.ModelAdmin):
    list_display = ("at", "applied", "retention_years", "cutoff", "clients", "skipped")
    readonly_fields = ("at", "applied", "retention_years", "cutoff", "clients", "skipped", "deleted")

    def has_add_permission(self, request):
        return False


@admin.register(FailedEnqueue)
class FailedEnqueueAdmin(admin.ModelAdmin):
    list_display = ("at", "task_name", "error", "replayed_at")
    readonly_fields = ("at", "task_name", "args", "kwargs", "error", "replayed_at")

    def has_add_permission(self, request):
        return False
