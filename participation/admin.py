"""Functioneel beheer: inspect participation records. Changes go through the UI/API (services), so the
history and the rules stay intact; the admin is read-only."""

from django.contrib import admin

from almelo_sociaal.core.admin import ReadOnlyAdmin

from .models import GroupAssignment, Profile, Trajectory


@admin.register(Profile)
class ProfileAdmin(ReadOnlyAdmin):
    list_display = ("client", "assessed_on", "suggested_group", "trede", "author")
    list_filter = ("suggested_group", "trede", "client__wijkteam")
    date_hierarchy = "assessed_on"
    raw_id_fields = ("client", "author")


@admin.register(GroupAssignment)
class GroupAssignmentAdmin(ReadOnlyAdmin):
    list_display = (
        "client",
        "group",
        "valid_from",
        "valid_to",
        "suggested_group",
        "review_due",
        "decided_by",
    )
    list_filter = ("group", "client__wijkteam")
    date_hierarchy = "valid_from"
    raw_id_fields = ("client", "profile", "decided_by")


@admin.register(Trajectory)
class TrajectoryAdmin(ReadOnlyAdmin):
    list_display = ("client", "instrument", "group", "start", "end", "hours_per_week", "cost", "outcome")
    list_filter = ("instrument", "group", "outcome")
    date_hierarchy = "start"
    raw_id_fields = ("client", "created_by")
