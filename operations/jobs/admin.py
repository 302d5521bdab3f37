from django.contrib import admin

from almelo_sociaal.core.admin import ReadOnlyAdmin

from .models import JobRun, WorkItem


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("job", "started_at", "finished_at", "status", "attempt", "rows_written")
    list_filter = ("job", "status")
    readonly_fields = [f.name for f in JobRun._meta.fields]


@admin.register(WorkItem)
class WorkItemAdmin(ReadOnlyAdmin):
    """Produced by the due-work job (upserted per subject); resolved in the work list."""

    list_display = ("kind", "message", "assignee", "role", "due_on", "resolved_on")
    list_filter = ("kind", "role", "resolved_on")
