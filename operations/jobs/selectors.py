from __future__ import annotations

from django.db.models import Q, QuerySet

from almelo_sociaal.accounts.roles import Role, user_roles
from cases.selectors import client_scope

from .models import JobRun, WorkItem

JOBS = {
    "caseload_snapshot": "Momentopname caseload (dagelijks)",
    "monthly_caseload_snapshot": "Momentopname caseload (maandelijks, op de 1e)",
    "due_work": "Werkvoorraad (dagelijks)",
    "budget_recompute": "Herberekening BUIG (maandelijks)",
}


def work_items_for(user) -> QuerySet[WorkItem]:
    """Open items for this user: assigned to them, shared with one of their roles, or (coordinator) their team's —
    and only items about a client this user may see (an item names the client): whoever it was routed to, a
    client moved to another wijkteam or a coach assigned wrongly never shows a client to a role without access."""

    roles = user_roles(user)
    condition = Q(assignee=user) | Q(role__in=[r for r in roles if r != Role.COORDINATOR], role__gt="")
    if Role.COORDINATOR in roles and user.wijkteam_id:
        condition |= Q(wijkteam_id=user.wijkteam_id)
    items = WorkItem.objects.filter(condition, resolved_on__isnull=True)
    scope = client_scope(user)
    if scope:  # an empty condition means: every client
        items = items.filter(Q(client__isnull=True) | scope)
    return items.order_by("due_on", "kind", "id")


def latest_runs() -> list[JobRun]:
    """The most recent runs of each job (one query), newest first."""
    return list(JobRun.objects.order_by("-started_at", "-id")[:100])


def failed_runs() -> QuerySet[JobRun]:
    return JobRun.objects.filter(status=JobRun.Status.FAILED).order_by("-started_at")
