from django.contrib import admin

from .models import JobRun, WorkItem


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ("job", "started_at", "finished_at", "status", "attempt", "rows_written")
    list_filter = ("job", "status")
    readonly_fields = [f.name for f in JobRun._meta.fields]


@admin.register(WorkItem)
class WorkItemAdmin(admin.ModelAdmin):
    list_display = ("kind", "message", "assignee", "role", "due_on", "resolved_on")
    list_filter = ("kind", "role", "resolved_on")
    raw_id_fields = ("assignee", "client")
