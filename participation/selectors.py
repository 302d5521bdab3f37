"""Reads of participation. Scoped to the user (``..._visible_to``); aggregates in SQL; constant query counts.

Stable interface for other apps (tegenprestatie, budget, jobs):
``current_group``, ``reintegration_hours_per_week``, ``trajectory_periods``, ``instrument_allowed_for_group``;
checks on trajectory writes are registered in ``participation.hooks``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404

from almelo_sociaal.parameters.selectors import parameter_values
from cases.models import Client, Contact, Uitkeringsdossier, Wijkteam
from cases.selectors import clients_visible_to

from . import access, rules
from .models import GroupAssignment, Profile, Trajectory

# Who may see participation data (each within the client scope of cases.selectors.clients_visible_to).
READ_ROLES = access.READ_ROLES
WRITE_ROLES = access.WRITE_ROLES
API_READ_ROLES = access.API_READ_ROLES
DASHBOARD_ROLES = access.DASHBOARD_ROLES


# --- Interface for other apps ---


def _active_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gt=on))


def _trajectory_active_on(on: date) -> Q:
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def current_group(client_id: int, on: date) -> int | None:
    """The client's participation group on ``on`` (None when no group was assigned for that date)."""
    return (
        GroupAssignment.objects.filter(_active_on(on), client_id=client_id)
        .order_by("-valid_from", "-id")
        .values_list("group", flat=True)
        .first()
    )


def reintegration_hours_per_week(client_id: int, on: date) -> Decimal:
    """Sum of the hours per week of the client's trajectories active on ``on`` (Decimal('0') if none)."""
    total = Trajectory.objects.filter(_trajectory_active_on(on), client_id=client_id).aggregate(
        total=Sum("hours_per_week")
    )["total"]
    return total if total is not None else Decimal("0")


def trajectory_periods(
    client_id: int, start: date, end: date | None, *, exclude_id: int | None = None
) -> list[tuple[date, date | None, Decimal]]:
    """(start, end, hours per week) of the client's trajectories overlapping [start, end]."""
    qs = Trajectory.objects.filter(client_id=client_id).filter(Q(end__isnull=True) | Q(end__gte=start))
    if end is not None:
        qs = qs.filter(start__lte=end)
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    return list(qs.order_by("start", "id").values_list("start", "end", "hours_per_week"))


def trajectory_periods_by_client(
    client_ids: list[int], start: date, end: date
) -> dict[int, list[tuple[date, date | None, Decimal]]]:
    """``trajectory_periods`` for many clients in one query (e.g. the clients of a week's registration)."""
    out: dict[int, list[tuple[date, date | None, Decimal]]] = {cid: [] for cid in client_ids}
    qs = (
        Trajectory.objects.filter(client_id__in=client_ids, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gte=start))
        .order_by("client_id", "start", "id")
    )
    for cid, s, e, h in qs.values_list("client_id", "start", "end", "hours_per_week"):
        out[cid].append((s, e, h))
    return out


def instrument_allowed_for_group(code: str, group: int) -> bool:
    """Whether instrument ``code`` (e.g. "tegenprestatie") may be used in participation group ``group``."""
    return rules.instrument_allowed_for_group(code, group)


# --- Access ---


def can_read_participation(user) -> bool:
    return access.can_read(user)


def can_edit_participation(user, client: Client) -> bool:
    """Coach of the client's wijkteam, or functioneel beheer."""
    return access.can_edit_client(user, client)


def get_client_for(user, pk: int) -> Client:
    return get_object_or_404(clients_visible_to(user).select_related("wijkteam", "coach"), pk=pk)


def profiles_visible_to(user) -> QuerySet[Profile]:
    return Profile.objects.filter(client__in=clients_visible_to(user)).select_related("client", "author")


def assignments_visible_to(user) -> QuerySet[GroupAssignment]:
    return GroupAssignment.objects.filter(client__in=clients_visible_to(user)).select_related(
        "client", "decided_by"
    )


def trajectories_visible_to(user) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(client__in=clients_visible_to(user)).select_related("client")


def wijkteams_for_dashboard(user) -> QuerySet[Wijkteam]:
    if access.sees_every_wijkteam(user):
        return Wijkteam.objects.all()
    if access.coordinates_own_wijkteam(user):
        return Wijkteam.objects.filter(pk=user.wijkteam_id)
    return Wijkteam.objects.none()


# --- Parameters and derived facts ---


@dataclass(frozen=True)
class Policy:
    review_months: dict[int, int]
    contact_weeks: dict[int, int]
    premie: Decimal
    premie_min_uren: Decimal


PREMIE_KEYS = ["participatiepremie", "participatiepremie_min_uren"]


def policy(on: date) -> Policy:
    """Review interval, contact frequency per group and the participatiepremie on ``on`` (one query)."""
    review = {g: rules.review_months_key(g) for g in rules.GROUPS}
    contact = {g: rules.contact_weeks_key(g) for g in rules.GROUPS}
    values = parameter_values([*review.values(), *contact.values(), *PREMIE_KEYS], on)
    return Policy(
        review_months={g: int(values[key]) for g, key in review.items()},
        contact_weeks={g: int(values[key]) for g, key in contact.items()},
        premie=values["participatiepremie"],
        premie_min_uren=values["participatiepremie_min_uren"],
    )


def limits(on: date) -> rules.Limits:
    values = parameter_values(
        ["max_instrumenten_groep_2", "participatieplaats_min_leeftijd", "lks_zonder_loonwaarde_maanden"], on
    )
    return rules.Limits(
        max_instruments_group_2=int(values["max_instrumenten_groep_2"]),
        participatieplaats_min_age=int(values["participatieplaats_min_leeftijd"]),
        lks_zonder_loonwaarde_maanden=int(values["lks_zonder_loonwaarde_maanden"]),
    )


def benefit_facts(client_id: int, on: date) -> tuple[int, bool]:
    """(months of benefit up to ``on``, in benefit on ``on``), derived from the uitkeringsdossiers."""
    periods = list(
        Uitkeringsdossier.objects.filter(client_id=client_id, startdatum__lte=on).values_list(
            "startdatum", "einddatum"
        )
    )
    in_uitkering = any(end is None or end > on for _, end in periods)
    return rules.benefit_months(periods, on), in_uitkering


def latest_profile(client_id: int) -> Profile | None:
    return Profile.objects.filter(client_id=client_id).order_by("-assessed_on", "-id").first()


def active_instrument_codes(client_id: int, start: date, end: date | None) -> tuple[str, ...]:
    """Instruments of the client's trajectories that overlap the period [start, end]."""
    qs = Trajectory.objects.filter(client_id=client_id).filter(Q(end__isnull=True) | Q(end__gte=start))
    if end is not None:
        qs = qs.filter(start__lte=end)
    return tuple(qs.order_by("start", "id").values_list("instrument", flat=True))


# --- The client page section ---


def client_panel(client: Client, today: date) -> dict:
    """Everything the participation section of the client page shows, in 5 queries whatever the history."""
    assignments = list(client.group_assignments.select_related("decided_by").order_by("-valid_from", "-id"))
    profiles = list(client.participation_profiles.select_related("author").order_by("-assessed_on", "-id"))
    trajectories = list(client.trajectories.order_by("-start", "-id"))
    pol = policy(today)
    last_contact = Contact.objects.filter(client=client).aggregate(last=Max("date"))["last"]

    current = next((a for a in assignments if a.valid_to is None and a.valid_from <= today), None)
    latest = profiles[0] if profiles else None
    active = [t for t in trajectories if t.is_active_on(today)]
    contact_weeks = pol.contact_weeks.get(current.group) if current else None
    next_contact = None
    if contact_weeks:
        next_contact = (last_contact + timedelta(weeks=contact_weeks)) if last_contact else today
    for t in active:
        t.premie = _premie_text(t, pol)
    return {
        "current": current,
        "history": assignments,
        "latest_profile": latest,
        "suggestion_pending": bool(latest and (current is None or latest.assessed_on > current.valid_from)),
        "profiles": profiles,
        "ladder": [(p.assessed_on, p.trede, p.get_trede_display()) for p in reversed(profiles)],
        "active_trajectories": active,
        "other_trajectories": [t for t in trajectories if not t.is_active_on(today)],
        "hours_per_week": sum((t.hours_per_week for t in active), Decimal("0")),
        "review_due": current.review_due if current else None,
        "review_overdue": bool(current and current.review_due < today),
        "contact_weeks": contact_weeks,
        "last_contact": last_contact,
        "next_contact": next_contact,
        "contact_overdue": bool(next_contact and next_contact < today),
        "today": today,
    }


def _premie_text(trajectory: Trajectory, pol: Policy) -> str:
    if trajectory.instrument != "participatieplaats":
        return ""
    premie = rules.participatiepremie(
        uren_per_week=trajectory.hours_per_week,
        voldoende_meegewerkt=True,
        premie=pol.premie,
        min_uren=pol.premie_min_uren,
    )
    return f"{premie.reason}, bij voldoende medewerking" if premie.bedrag else premie.reason


# --- Lists ---


def _out_of_view_condition(today: date) -> Q:
    """No contact within the contact frequency of the current group (``contact_weken_groep_*``)."""
    keys = {g: f"contact_weken_groep_{'m1' if g == -1 else g}" for g in (-1, 0, 1, 2, 3, 4)}
    weeks = parameter_values(list(keys.values()), today)
    condition = Q()
    for group, key in keys.items():
        limit = today - timedelta(weeks=int(weeks[key]))
        condition |= Q(current_group=group) & (
            Q(last_contact__lt=limit) | Q(last_contact__isnull=True, created_at__date__lt=limit)
        )
    return condition


def clients_with_group(
    user,
    today: date,
    *,
    group: int | None = None,
    wijkteam_id: int | None = None,
    review_due_before: date | None = None,
    without_group: bool = False,
    in_benefit: bool = False,
    name: str = "",
    coach_id: int | None = None,
    status: str = "",
    out_of_view: bool = False,
) -> QuerySet[Client]:
    """The user's clients annotated with their current group and review date (subqueries, one query).

    ``coach_id``: only that coach's caseload; ``status``: ``"actief"`` (a running uitkering) or ``"uitgestroomd"``
    (none running: ex-clients and people never in benefit); ``out_of_view``: a running uitkering and no contact
    within the contact frequency of the current group (the same rule as the work item "uit beeld")."""
    current = GroupAssignment.objects.filter(_active_on(today), client=OuterRef("pk")).order_by(
        "-valid_from", "-id"
    )
    qs = (
        clients_visible_to(user)
        .select_related("wijkteam", "coach")
        .annotate(
            current_group=Subquery(current.values("group")[:1]),
            review_due=Subquery(current.values("review_due")[:1]),
            group_since=Subquery(current.values("valid_from")[:1]),
        )
    )
    if wijkteam_id:
        qs = qs.filter(wijkteam_id=wijkteam_id)
    if coach_id:
        qs = qs.filter(coach_id=coach_id)
    running = Exists(
        Uitkeringsdossier.objects.filter(
            Q(startdatum__lte=today) & (Q(einddatum__isnull=True) | Q(einddatum__gt=today)),
            client=OuterRef("pk"),
        )
    )
    if in_benefit or status == "actief" or out_of_view:
        qs = qs.filter(running)
    elif status == "uitgestroomd":
        qs = qs.exclude(running)
    if out_of_view:
        qs = qs.annotate(
            last_contact=Subquery(
                Contact.objects.filter(client=OuterRef("pk")).order_by("-date").values("date")[:1]
            )
        ).filter(_out_of_view_condition(today))
    for term in name.split()[:4]:
        qs = qs.filter(Q(achternaam__istartswith=term) | Q(voornamen__istartswith=term))
    if without_group:
        qs = qs.filter(current_group__isnull=True)
    elif group is not None:
        qs = qs.filter(current_group=group)
    if review_due_before is not None:
        qs = qs.filter(review_due__lte=review_due_before)
    return qs.order_by("achternaam", "voornamen", "id")


# --- Coordinator dashboard ---


def coordinator_dashboard(
    user, wijkteam: Wijkteam, *, today: date, period_start: date, period_end: date
) -> dict:
    """Per wijkteam: clients per group, overdue reviews, movements between groups and on the ladder in the
    period, instrument use per group. Seven queries whatever the number of clients."""
    clients = clients_visible_to(user).filter(wijkteam=wijkteam)
    current = GroupAssignment.objects.filter(_active_on(today), client__in=clients)

    per_group = {row["group"]: row["n"] for row in current.values("group").annotate(n=Count("id")).order_by()}
    # The caseload: clients with a running benefit; those without a current group are work to do.
    in_benefit = Uitkeringsdossier.objects.filter(
        Q(startdatum__lte=today) & (Q(einddatum__isnull=True) | Q(einddatum__gt=today)), client=OuterRef("pk")
    )
    has_group = GroupAssignment.objects.filter(_active_on(today), client=OuterRef("pk"))
    caseload = clients.filter(Exists(in_benefit)).aggregate(
        total=Count("id"), without_group=Count("id", filter=~Q(Exists(has_group)))
    )
    overdue = current.filter(review_due__lt=today)
    overdue_count = overdue.count()
    overdue_rows = list(overdue.select_related("client", "client__coach").order_by("review_due", "id")[:25])

    previous = GroupAssignment.objects.filter(
        client=OuterRef("client"), valid_to=OuterRef("valid_from")
    ).order_by("-valid_from", "-id")
    moves = (
        GroupAssignment.objects.filter(
            client__in=clients, valid_from__gte=period_start, valid_from__lte=period_end
        )
        .annotate(previous_group=Subquery(previous.values("group")[:1]))
        .filter(previous_group__isnull=False)
        .exclude(previous_group=F("group"))
        .values("previous_group", "group")
        .annotate(n=Count("id"))
        .order_by("previous_group", "group")
    )
    movements = [(row["previous_group"], row["group"], row["n"]) for row in moves]

    earlier_profile = Profile.objects.filter(
        client=OuterRef("client"), assessed_on__lt=OuterRef("assessed_on")
    ).order_by("-assessed_on", "-id")
    ladder_up = (
        Profile.objects.filter(client__in=clients, assessed_on__gte=period_start, assessed_on__lte=period_end)
        .annotate(previous_trede=Subquery(earlier_profile.values("trede")[:1]))
        .filter(trede__gt=F("previous_trede"))
        .values("client_id")
        .distinct()
        .count()
    )

    use = (
        Trajectory.objects.filter(_trajectory_active_on(today), client__in=clients)
        .values("group", "instrument")
        .annotate(n=Count("id"))
        .order_by("group", "instrument")
    )
    names = dict(rules.INSTRUMENT_CHOICES)
    instrument_use: dict[str, dict[int, int]] = {}
    for row in use:
        instrument_use.setdefault(names.get(row["instrument"], row["instrument"]), {})[row["group"]] = row[
            "n"
        ]

    groups = [(g, label, per_group.get(g, 0)) for g, label in rules.Groep.choices]
    return {
        "wijkteam": wijkteam,
        "caseload": caseload["total"],
        "groups": groups,
        "with_group": sum(per_group.values()),
        "without_group": caseload["without_group"],
        "overdue_count": overdue_count,
        "overdue_rows": overdue_rows,
        "movements": movements,
        "moved_closer": sum(n for prev, new, n in movements if new < prev),
        "moved_further": sum(n for prev, new, n in movements if new > prev),
        "ladder_up": ladder_up,
        "instrument_use": [
            (name, [per.get(g, 0) for g in rules.GROUPS]) for name, per in sorted(instrument_use.items())
        ],
        "period_start": period_start,
        "period_end": period_end,
        "today": today,
    }


# --- Work lists (for "Mijn werk" and the due-work job) ---


def reviews_due(on: date, *, within_days: int = 0) -> QuerySet[GroupAssignment]:
    """Current assignments whose review is due on or before ``on + within_days`` (unscoped: for jobs)."""
    return (
        GroupAssignment.objects.filter(_active_on(on), review_due__lte=on + timedelta(days=within_days))
        .select_related("client", "client__wijkteam", "client__coach")
        .order_by("review_due", "id")
    )


def reviews_due_for(user, on: date, *, within_days: int = 14) -> QuerySet[GroupAssignment]:
    """The same, limited to the clients the user may see (a coach: own wijkteam)."""
    return reviews_due(on, within_days=within_days).filter(client__in=clients_visible_to(user))
