"""Running jobs with a visible record, and the due-work (werkvoorraad) computation."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.parameters.selectors import parameter_value, parameter_values
from budget.models import BudgetYear
from budget.selectors import forecast_signals, latest_forecasts, tekort_signal_pct
from cases.models import Aanvraag, Client
from cases.selectors import decision_term_weeks, may_see_client
from participation.models import GroupAssignment
from tegenprestatie import selectors as tp

from .models import JobRun, WorkItem

logger = logging.getLogger("operations.jobs")


def run_job(
    *,
    job: str,
    params: dict,
    work: Callable[[], int],
    task_id: str = "",
    attempt: int = 1,
    final_attempt: bool = True,
) -> JobRun:
    """Run ``work`` (returns rows written) in one transaction and record start, end, rows or the error.

    The JobRun row is written outside the work's transaction, so a failure leaves a visible record and no
    half-written result rows.
    """
    run = JobRun.objects.create(job=job, params=params, task_id=task_id or "", attempt=attempt)
    logger.info("job %s started (attempt %s) %s", job, attempt, params)
    try:
        with transaction.atomic():
            rows = work()
    except Exception:
        run.status = JobRun.Status.FAILED if final_attempt else JobRun.Status.RETRYING
        run.error = traceback.format_exc()[-4000:]
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        logger.exception("job %s failed (attempt %s)", job, attempt)
        raise
    run.status = JobRun.Status.SUCCESS
    run.rows_written = int(rows or 0)
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "rows_written", "finished_at"])
    logger.info("job %s finished: %s rows in %s", job, run.rows_written, run.duration)
    return run


# --- due work ------------------------------------------------------------------------------------------


def _client_url(client_id: int) -> str:
    return reverse("cases:client-detail", args=[client_id])


def _name(row: dict, prefix: str = "client__") -> str:
    parts = (row.get(f"{prefix}voornamen"), row.get(f"{prefix}tussenvoegsel"), row.get(f"{prefix}achternaam"))
    return " ".join(p for p in parts if p)


NAME_FIELDS = ("client__voornamen", "client__tussenvoegsel", "client__achternaam")


def due_work_candidates(today: date) -> list[dict]:
    """Everything that needs attention today, as work-item dicts (SQL queries; a constant number)."""

    items: list[dict] = []
    horizon = today + timedelta(days=int(parameter_value("herbeoordeling_signaal_dagen", today)))
    for row in GroupAssignment.objects.filter(valid_to__isnull=True, review_due__lte=horizon).values(
        "id", "client_id", "client__coach_id", "client__wijkteam_id", "review_due", "group", *NAME_FIELDS
    ):
        items.append(
            dict(
                kind=WorkItem.Kind.REVIEW_DUE,
                subject_key=f"groepsindeling:{row['id']}",
                assignee_id=row["client__coach_id"],
                role="" if row["client__coach_id"] else Role.COORDINATOR,
                wijkteam_id=row["client__wijkteam_id"],
                client_id=row["client_id"],
                due_on=row["review_due"],
                url=_client_url(row["client_id"]),
                message=f"{_name(row)}: herbeoordeling groep {row['group']} uiterlijk {row['review_due']:%d-%m-%Y}",
            )
        )

    cutoff = today - timedelta(weeks=decision_term_weeks(today))
    open_states = [Aanvraag.Status.GEMELD, Aanvraag.Status.IN_BEHANDELING]
    for row in Aanvraag.objects.filter(status__in=open_states, aanvraagdatum__lt=cutoff).values(
        "id",
        "client_id",
        "consulent_id",
        "client__coach_id",
        "client__wijkteam_id",
        "aanvraagdatum",
        *NAME_FIELDS,
    ):
        assignee = row["consulent_id"] or row["client__coach_id"]
        items.append(
            dict(
                kind=WorkItem.Kind.AANVRAAG_OVERDUE,
                subject_key=f"aanvraag:{row['id']}",
                assignee_id=assignee,
                role="" if assignee else Role.INTAKER,
                wijkteam_id=row["client__wijkteam_id"],
                client_id=row["client_id"],
                due_on=row["aanvraagdatum"] + (today - cutoff),
                url=reverse("cases:aanvraag-detail", args=[row["id"]]),
                message=f"{_name(row)}: aanvraag van {row['aanvraagdatum']:%d-%m-%Y} is over de beslistermijn",
            )
        )

    for row in (
        Aanvraag.objects.filter(status=Aanvraag.Status.IN_BEHANDELING)
        .exclude(concept_besluit="")
        .values("id", "client_id", "client__wijkteam_id", "concept_op", *NAME_FIELDS)
    ):
        items.append(
            dict(
                kind=WorkItem.Kind.TOETSING,
                subject_key=f"aanvraag:{row['id']}",
                assignee_id=None,
                role=Role.TOETSER,
                wijkteam_id=row["client__wijkteam_id"],
                client_id=row["client_id"],
                due_on=(row["concept_op"] or timezone.now()).date(),
                url=reverse("cases:aanvraag-detail", args=[row["id"]]),
                message=f"{_name(row)}: conceptbesluit wacht op toetsing",
            )
        )

    items.extend(_out_of_view(today, Client, GroupAssignment))
    items.extend(_tegenprestatie_items(today))
    items.extend(_budget_items(today))
    return _routed_to_who_may_see(items)


def _routed_to_who_may_see(items: list[dict]) -> list[dict]:
    """An item about a client goes to its assignee only when the assignee may see that client (an active user
    whose roles and wijkteam give access, as ``clients_visible_to``); otherwise to the coördinator of the client's
    wijkteam. One query, whatever the number of items."""
    from django.contrib.auth import get_user_model

    assignees = {i["assignee_id"] for i in items if i.get("assignee_id") and i.get("client_id")}
    if not assignees:
        return items
    access: dict[int, tuple[set, int | None]] = {}
    for pk, wijkteam_id, role in (
        get_user_model()
        .objects.filter(pk__in=assignees, is_active=True)
        .values_list("pk", "wijkteam_id", "groups__name")
    ):
        access.setdefault(pk, (set(), wijkteam_id))[0].add(role)
    missing_team = [i["client_id"] for i in items if i.get("client_id") and not i.get("wijkteam_id")]
    teams = (
        dict(Client.objects.filter(pk__in=missing_team).values_list("pk", "wijkteam_id"))
        if missing_team
        else {}
    )
    for item in items:
        assignee, client_id = item.get("assignee_id"), item.get("client_id")
        if not (assignee and client_id):
            continue
        client_team = item.get("wijkteam_id") or teams.get(client_id)
        roles, user_team = access.get(assignee, (set(), None))
        if not may_see_client(roles, user_team, client_team):
            item.update(assignee_id=None, role=Role.COORDINATOR, wijkteam_id=client_team)
    return items


def _out_of_view(today: date, Client, GroupAssignment) -> list[dict]:  # noqa: N803
    """Clients with a running dossier and no contact within the contact frequency of their group."""
    from django.db.models import IntegerField, OuterRef, Subquery

    keys = {g: f"contact_weken_groep_{'m1' if g == -1 else g}" for g in (-1, 0, 1, 2, 3, 4)}
    weeks = parameter_values(list(keys.values()), today)
    group_now = GroupAssignment.objects.filter(client_id=OuterRef("pk"), valid_to__isnull=True).values(
        "group"
    )[:1]
    condition = Q()
    for group, key in keys.items():
        limit = today - timedelta(weeks=int(weeks[key]))
        condition |= Q(grp=group) & (
            Q(last_contact__lt=limit) | Q(last_contact__isnull=True, created_at__date__lt=limit)
        )
    rows = (
        Client.objects.filter(
            Q(dossiers__einddatum__isnull=True) | Q(dossiers__einddatum__gt=today),
            dossiers__startdatum__lte=today,
        )
        .annotate(grp=Subquery(group_now, output_field=IntegerField()), last_contact=Max("contacts__date"))
        .filter(condition)
        .values(
            "id", "coach_id", "wijkteam_id", "grp", "last_contact", "voornamen", "tussenvoegsel", "achternaam"
        )
        .distinct()
    )
    items = []
    for row in rows:
        last = row["last_contact"]
        items.append(
            dict(
                kind=WorkItem.Kind.OUT_OF_VIEW,
                subject_key=f"client:{row['id']}",
                assignee_id=row["coach_id"],
                role="" if row["coach_id"] else Role.COORDINATOR,
                wijkteam_id=row["wijkteam_id"],
                client_id=row["id"],
                due_on=today,
                url=_client_url(row["id"]),
                message=f"{_name(row, '')}: {'laatste contact ' + format(last, '%d-%m-%Y') if last else 'nog geen contact'}"
                f" (groep {row['grp']}: elke {int(weeks[keys[row['grp']]])} weken)",
            )
        )
    return items


def _tegenprestatie_items(today: date) -> list[dict]:
    if not hasattr(tp, "due_work"):
        return []
    items = []
    for row in tp.due_work(today):
        kind = WorkItem.Kind.TP_NEAR_CAP if row["kind"] == "near_cap" else WorkItem.Kind.TP_MISSED
        items.append(
            dict(
                kind=kind,
                subject_key=row["subject_key"],
                assignee_id=row.get("coach_id"),
                role="" if row.get("coach_id") else Role.COORDINATOR,
                wijkteam_id=row.get("wijkteam_id"),
                client_id=row.get("client_id"),
                due_on=row.get("due_on") or today,
                url=_client_url(row["client_id"]) if row.get("client_id") else "",
                message=row["message"][:300],
            )
        )
    return items


def _budget_items(today: date) -> list[dict]:
    """Finance is alerted when the latest forecast of this year crosses the BUIG signal threshold."""

    budget_year = BudgetYear.objects.filter(year=today.year).first()
    if budget_year is None:
        return []
    items = []
    for run in forecast_signals(today.year, latest_forecasts(budget_year)):
        items.append(
            dict(
                kind=WorkItem.Kind.BUDGET_ALERT,
                subject_key=f"buig:{today.year}:{run.scenario}",
                assignee_id=None,
                role=Role.FINANCE,
                wijkteam_id=None,
                client_id=None,
                due_on=today,
                url=reverse("budget:year", args=[today.year]),
                message=(
                    f"BUIG {today.year}, scenario {run.get_scenario_display().lower()}: verwacht tekort "
                    f"{run.tekort_pct}% van het budget (signaalgrens {tekort_signal_pct(today.year)}%), "
                    f"prognose van {run.run_on:%d-%m-%Y}"
                ),
            )
        )
    return items


@transaction.atomic
def refresh_work_items(*, today: date, only_budget: bool = False) -> int:
    """Upsert the work list: new items appear, existing ones are refreshed, vanished ones are resolved.

    ``only_budget`` refreshes just finance's BUIG alerts (after a revision or realisation entry).
    """
    if only_budget:
        found, scope = _budget_items(today), WorkItem.objects.filter(kind=WorkItem.Kind.BUDGET_ALERT)
    else:
        found, scope = due_work_candidates(today), WorkItem.objects.all()
    candidates = {(c["kind"], c["subject_key"]): c for c in found}
    existing = {
        (w.kind, w.subject_key): w for w in scope.select_for_update().filter(resolved_on__isnull=True)
    }
    new, changed = [], []
    for key, data in candidates.items():
        item = existing.get(key)
        if item is None:
            new.append(WorkItem(first_seen=today, last_seen=today, **data))
            continue
        for field, value in data.items():
            setattr(item, field, value)
        item.last_seen = today
        changed.append(item)
    WorkItem.objects.bulk_create(new, batch_size=1000)
    WorkItem.objects.bulk_update(
        changed,
        ["assignee", "role", "wijkteam", "client", "due_on", "url", "message", "last_seen"],
        batch_size=1000,
    )
    gone = [item.pk for key, item in existing.items() if key not in candidates]
    WorkItem.objects.filter(pk__in=gone).update(resolved_on=today)
    return len(new) + len(changed) + len(gone)


def refresh_budget_work_items(*, year: int) -> int:
    """After a recompute of ``year`` (budget's ``after_recompute`` hook): finance's BUIG alerts follow the forecast."""
    return refresh_work_items(today=timezone.localdate(), only_budget=True)


def resolve_settled_items(*, today: date) -> int:
    """Resolve open work items whose cause is gone, without waiting for the nightly due-work run: a client out of
    view with a contact dated on or after the day the item was signalled, and a review whose group was decided again (the
    current assignment's review date lies after the item's). Two UPDATE statements; returns the number resolved."""
    from django.db.models import Exists, OuterRef

    from cases.models import Contact

    open_items = WorkItem.objects.filter(resolved_on__isnull=True, client__isnull=False)
    contacted = Exists(
        Contact.objects.filter(client_id=OuterRef("client_id"), date__gte=OuterRef("first_seen"))
    )
    reviewed = Exists(
        GroupAssignment.objects.filter(
            client_id=OuterRef("client_id"), valid_to__isnull=True, review_due__gt=OuterRef("due_on")
        )
    )
    resolved = open_items.filter(contacted, kind=WorkItem.Kind.OUT_OF_VIEW).update(resolved_on=today)
    resolved += open_items.filter(reviewed, kind=WorkItem.Kind.REVIEW_DUE).update(resolved_on=today)
    return resolved
