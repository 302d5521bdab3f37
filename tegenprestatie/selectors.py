"""Reads of tegenprestatie, scoped to the user in SQL; aggregates in the database; fixed query counts."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from almelo_sociaal.accounts.roles import has_role
from almelo_sociaal.parameters.selectors import parameter_values
from cases.models import Client

from . import access, rules
from . import parameters as p
from .access import HOST_CONTACT
from .models import Exemption, HostOrganisation, HourLog, Placement, PlacementEvent, Sanction

HOURS = DecimalField(max_digits=8, decimal_places=2)
OPEN_STATUSES = (rules.ACTIVE, rules.PAUSED)
ALL_SCOPE_ROLES = access.ALL_SCOPE_ROLES
WIJKTEAM_ROLES = access.WIJKTEAM_ROLES


# --------------------------------------------------------------------------- scope


def _placement_scope(user) -> Q | None:
    """The Q that limits placements to what ``user`` may see; None = everything; Q(pk__in=[]) = nothing."""
    if has_role(user, *ALL_SCOPE_ROLES):
        return None
    q = Q(pk__in=[])
    if has_role(user, *WIJKTEAM_ROLES) and user.wijkteam_id:
        q |= Q(client__wijkteam_id=user.wijkteam_id)
    if has_role(user, HOST_CONTACT):
        q |= Q(host__contact_users=user)
    return q


def placements_visible_to(user) -> QuerySet[Placement]:
    scope = _placement_scope(user)
    qs = Placement.objects.all()
    return qs if scope is None else qs.filter(scope).distinct()


def registrable_placements(user) -> QuerySet[Placement]:
    """Placements ``user`` may register hours for: the coach's wijkteam, the host contact's own hosts."""
    q = Q(pk__in=[])
    if has_role(user, *access.COACH_ROLES) and user.wijkteam_id:
        q |= Q(client__wijkteam_id=user.wijkteam_id)
    if has_role(user, HOST_CONTACT):
        q |= Q(host__contact_users=user)
    return Placement.objects.filter(q).exclude(status=rules.PROPOSED).distinct()


def hour_logs_visible_to(user) -> QuerySet[HourLog]:
    if has_role(user, *ALL_SCOPE_ROLES):
        return HourLog.objects.all()
    q = Q(pk__in=[])
    if has_role(user, *WIJKTEAM_ROLES) and user.wijkteam_id:
        q |= Q(client__wijkteam_id=user.wijkteam_id)
    if has_role(user, HOST_CONTACT):
        q |= Q(placement__host__contact_users=user)
    return HourLog.objects.filter(q)


def hosts_visible_to(user) -> QuerySet[HostOrganisation]:
    if has_role(user, *access.ALL_HOSTS_ROLES):
        return HostOrganisation.objects.all()
    if has_role(user, HOST_CONTACT):
        return HostOrganisation.objects.filter(contact_users=user)
    return HostOrganisation.objects.none()


def clients_manageable_by(user) -> QuerySet[Client]:
    """Clients whose placements, vrijstellingen and maatregelen ``user`` may record (coach: own wijkteam)."""
    if has_role(user, *access.COACH_ROLES) and user.wijkteam_id:
        return Client.objects.filter(wijkteam_id=user.wijkteam_id)
    return Client.objects.none()


def clients_readable_by(user) -> QuerySet[Client]:
    """Clients whose tegenprestatie file ``user`` may read (not host contacts: they see only their rows)."""
    if has_role(user, *access.ALL_CLIENT_FILES_ROLES):
        return Client.objects.all()
    if has_role(user, *WIJKTEAM_ROLES) and user.wijkteam_id:
        return Client.objects.filter(wijkteam_id=user.wijkteam_id)
    return Client.objects.none()


def can_manage_client(user, client: Client) -> bool:
    return (
        has_role(user, *access.COACH_ROLES)
        and bool(user.wijkteam_id)
        and client.wijkteam_id == user.wijkteam_id
    )


def get_placement_for(user, pk: int) -> Placement:
    return get_object_or_404(
        placements_visible_to(user).select_related(
            "client", "client__wijkteam", "host", "activity", "created_by"
        ),
        pk=pk,
    )


def get_host_for(user, pk: int) -> HostOrganisation:
    return get_object_or_404(hosts_visible_to(user).select_related("wijkteam"), pk=pk)


# --------------------------------------------------------------------------- lists


def placement_list(
    user,
    *,
    status: str = "",
    host_id: int | None = None,
    client_id: int | None = None,
    phase: int | None = None,
) -> QuerySet[Placement]:
    qs = placements_visible_to(user).select_related("client", "client__wijkteam", "host", "activity")
    if status:
        qs = qs.filter(status=status)
    if host_id:
        qs = qs.filter(host_id=host_id)
    if client_id:
        qs = qs.filter(client_id=client_id)
    if phase:
        qs = qs.filter(phase=phase)
    return qs.order_by("client__achternaam", "client__voornamen", "-start_date", "id")


def host_list(user) -> QuerySet[HostOrganisation]:
    return (
        hosts_visible_to(user)
        .select_related("wijkteam")
        .annotate(
            open_placements=Count("placements", filter=Q(placements__status__in=OPEN_STATUSES), distinct=True)
        )
        .order_by("name")
    )


def declaration_validity(host: HostOrganisation, today: date) -> dict:
    """Until when the host's verdringing declaration is valid (parameter on its signing date) and whether it
    has expired on ``today``."""
    if host.declaration_signed_on is None:
        return {"declaration_valid_until": None, "declaration_expired": False}
    signed = host.declaration_signed_on
    months = int(parameter_values([p.DECLARATION_VALID_MONTHS], on=signed)[p.DECLARATION_VALID_MONTHS])
    until = rules.declaration_valid_until(signed, months)
    return {"declaration_valid_until": until, "declaration_expired": until < today}


def host_detail(user, host: HostOrganisation) -> dict:
    placements = list(placement_list(user, host_id=host.pk).exclude(status=rules.ENDED)) + list(
        placement_list(user, host_id=host.pk, status=rules.ENDED)[:50]
    )
    return {
        "placements": placements,
        "contacts": list(host.contact_users.all()),
        **declaration_validity(host, timezone.localdate()),
    }


# --------------------------------------------------------------------------- the week grid


def _week_total_subquery(monday: date):
    return Subquery(
        HourLog.objects.filter(client_id=OuterRef("client_id"), week_start=monday)
        .values("client_id")
        .annotate(total=Sum("hours"))
        .values("total"),
        output_field=HOURS,
    )


def _weeks_used_subquery(year: int):
    return Subquery(
        HourLog.objects.filter(client_id=OuterRef("client_id"), iso_year=year, hours__gt=0)
        .values("client_id")
        .annotate(n=Count("week_start", distinct=True))
        .values("n"),
        output_field=IntegerField(),
    )


def week_grid(
    user,
    week: rules.IsoWeek,
    *,
    wijkteam_id: int | None = None,
    host_id: int | None = None,
    readonly: bool = False,
) -> list[Placement]:
    """The placements ``user`` registers hours for in ``week``: 2 queries, whatever the number of clients.

    Each placement carries ``week_log`` (this week's registration or None), ``week_total`` (the client's hours
    this week over all placements) and ``weeks_used`` (the client's weeks with hours in the ISO year).
    ``readonly``: the rows ``user`` may see (coordinator) instead of the rows ``user`` registers.
    """
    source = (
        placements_visible_to(user).exclude(status=rules.PROPOSED)
        if readonly
        else registrable_placements(user)
    )
    qs = (
        source.filter(start_date__lte=week.sunday)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=week.monday))
        .select_related("client", "host", "activity")
        .annotate(
            week_total=Coalesce(_week_total_subquery(week.monday), Value(Decimal("0")), output_field=HOURS),
            weeks_used=Coalesce(_weeks_used_subquery(week.year), Value(0), output_field=IntegerField()),
        )
        .prefetch_related(
            Prefetch(
                "hour_logs", queryset=HourLog.objects.filter(week_start=week.monday), to_attr="week_logs"
            )
        )
        .order_by("client__achternaam", "client__voornamen", "client_id", "start_date", "id")
    )
    if wijkteam_id:
        qs = qs.filter(client__wijkteam_id=wijkteam_id)
    if host_id:
        qs = qs.filter(host_id=host_id)
    rows = list(qs)
    for placement in rows:
        placement.week_log = placement.week_logs[0] if placement.week_logs else None
    return rows


def week_caps(week: rules.IsoWeek) -> rules.HourCaps:
    return rules.HourCaps.from_parameters(parameter_values(p.HOUR_CAP_KEYS, on=week.reference_date))


def week_summary(rows: list[Placement]) -> dict:
    """Totals under the grid (no queries)."""
    clients = {pl.client_id: pl.week_total for pl in rows}
    registered = sum(1 for pl in rows if pl.week_log is not None)
    return {
        "clients": len(clients),
        "placements": len(rows),
        "registered": registered,
        "open": len(rows) - registered,
        "hours": sum(clients.values(), Decimal("0")),
    }


# --------------------------------------------------------------------------- per client


def _pauses(events: list[PlacementEvent]) -> list[rules.Period]:
    ordered = sorted(events, key=lambda e: (e.on, e.pk))
    return rules.pause_periods((e.on, e.from_status, e.to_status) for e in ordered)


def client_progress(client: Client, year: int) -> dict:
    """Weeks used of the yearly maximum, hours per week, placements, vrijstellingen and maatregelen."""
    caps = week_caps(rules.IsoWeek(year, 1))
    per_week = {
        row["iso_week"]: row
        for row in HourLog.objects.filter(client=client, iso_year=year)
        .values("iso_week")
        .annotate(
            hours=Sum("hours"),
            no_shows=Count("id", filter=Q(attendance=rules.NO_SHOW)),
            excused=Count("id", filter=Q(attendance=rules.EXCUSED)),
        )
    }
    weeks = []
    for n in range(1, rules.IsoWeek.weeks_in_year(year) + 1):
        row = per_week.get(n, {})
        hours = row.get("hours") or Decimal("0")
        weeks.append(
            {
                "week": rules.IsoWeek(year, n),
                "hours": hours,
                "pct": min(100, int(hours * 100 / caps.max_hours_per_week)) if caps.max_hours_per_week else 0,
                "no_shows": row.get("no_shows", 0),
                "excused": row.get("excused", 0),
                "logged": bool(row),
            }
        )
    used = sum(1 for w in weeks if w["hours"] > 0)
    total = sum((w["hours"] for w in weeks), Decimal("0"))
    return {
        "year": year,
        "caps": caps,
        "weeks": weeks,
        "weeks_used": used,
        "weeks_left": max(0, caps.max_weeks_per_year - used),
        "used_pct": min(100, int(used * 100 / caps.max_weeks_per_year)) if caps.max_weeks_per_year else 0,
        "hours_total": total,
        "placements": list(
            client.tp_placements.select_related("host", "activity").order_by("-start_date", "-id")
        ),
        "exemptions": list(client.tp_exemptions.select_related("recorded_by")),
        "sanctions": list(client.tp_sanctions.select_related("decided_by", "placement__activity")),
    }


def client_panel(user, client: Client, today: date) -> dict:
    """The tegenprestatie block on the client page: 4 queries, whatever the history."""
    if not access.reads_client_files(user):
        return {"visible": False}
    week = rules.IsoWeek.of(today)
    placements = list(
        client.tp_placements.exclude(status=rules.ENDED)
        .select_related("host", "activity")
        .order_by("start_date")
    )
    used = (
        HourLog.objects.filter(client=client, iso_year=week.year, hours__gt=0)
        .values("week_start")
        .distinct()
        .count()
    )
    exemption = client.tp_exemptions.filter(start_date__lte=today, end_date__gte=today).first()
    sanctions = list(client.tp_sanctions.order_by("-offence_on")[:3])
    values = parameter_values([p.MAX_WEEKS_PER_YEAR], on=week.reference_date)
    return {
        "visible": True,
        "placements": placements,
        "weeks_used": used,
        "max_weeks": int(values[p.MAX_WEEKS_PER_YEAR]),
        "year": week.year,
        "exemption": exemption,
        "sanctions": sanctions,
        "can_manage": can_manage_client(user, client),
    }


# --------------------------------------------------------------------------- compliance


def compliance_signals(user, today: date, *, weeks_back: int = 8) -> list[dict]:
    """Missed weeks (no registration) and no-shows in the last ``weeks_back`` completed weeks, per placement
    ``user`` may see. Fixed number of queries: placements + their logs in the window + status events +
    exemptions + sanctions.
    """
    return _signals(placements_visible_to(user), today, weeks_back=weeks_back)


def _signals(placements_qs: QuerySet[Placement], today: date, *, weeks_back: int) -> list[dict]:
    last = rules.IsoWeek.of(today).shift(-1)
    first = last.shift(-(weeks_back - 1))
    max_weeks = int(parameter_values([p.MAX_WEEKS_PER_YEAR], on=last.reference_date)[p.MAX_WEEKS_PER_YEAR])
    placements = list(
        placements_qs.filter(status__in=OPEN_STATUSES, start_date__lte=last.sunday)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first.monday))
        .select_related("client", "host", "activity")
        .annotate(weeks_used=Coalesce(_weeks_used_subquery(last.year), Value(0), output_field=IntegerField()))
        .prefetch_related(
            Prefetch(  # closed weeks only: the running week (and any week ahead) is not judged yet
                "hour_logs",
                queryset=HourLog.objects.filter(week_start__gte=first.monday, week_start__lte=last.monday),
                to_attr="recent",
            ),
            Prefetch("events", to_attr="all_events"),
            Prefetch("client__tp_exemptions", to_attr="all_exemptions"),
            Prefetch(
                "client__tp_sanctions", queryset=Sanction.objects.order_by("-offence_on"), to_attr="sanctions"
            ),
        )
        .order_by("client__achternaam", "client__voornamen", "id")
    )
    signals = []
    for pl in placements:
        logged = {log.week for log in pl.recent}
        with_hours = {log.week for log in pl.recent if log.hours > 0}
        missed = rules.missed_weeks(
            start=max(pl.start_date, first.monday),
            end=pl.end_date,
            until=last,
            logged_weeks=logged,
            weeks_with_hours=with_hours,
            paused=_pauses(pl.all_events),
            exemptions=[ex.as_period() for ex in pl.client.all_exemptions],
        )
        if pl.weeks_used >= max_weeks:
            missed = []  # the yearly maximum is reached: no more hours may be asked
        no_shows = sorted(log.week for log in pl.recent if log.attendance == rules.NO_SHOW)
        if missed or no_shows:
            signals.append(
                {
                    "placement": pl,
                    "client": pl.client,
                    "missed": missed,
                    "no_shows": no_shows,
                    "score": len(missed) + 2 * len(no_shows),
                    "last_sanction": pl.client.sanctions[0] if pl.client.sanctions else None,
                    "prior_sanctions": len(pl.client.sanctions),
                }
            )
    signals.sort(key=lambda s: (-s["score"], s["client"].achternaam))
    return signals


def due_work(today: date, *, weeks_back: int = 8, near_margin: int = 4) -> list[dict]:
    """Work items for the coaches (the jobs app's daily work list; not scoped: a job sees everything).

    ``near_cap``: a client with an open placement within ``near_margin`` weeks of the yearly maximum;
    ``missed``: a placement with missed weeks or no-shows in the last ``weeks_back`` completed weeks.
    Subject keys are stable while the situation lasts, so the work list upserts instead of duplicating.
    """
    week = rules.IsoWeek.of(today)
    max_weeks = int(parameter_values([p.MAX_WEEKS_PER_YEAR], on=week.reference_date)[p.MAX_WEEKS_PER_YEAR])
    items = []
    open_clients = Placement.objects.filter(status__in=OPEN_STATUSES).values("client_id")
    for row in (
        HourLog.objects.filter(iso_year=week.year, hours__gt=0, client_id__in=open_clients)
        .values(
            "client_id",
            "client__coach_id",
            "client__wijkteam_id",
            "client__voornamen",
            "client__tussenvoegsel",
            "client__achternaam",
        )
        .annotate(weeks=Count("week_start", distinct=True))
        .filter(weeks__gte=max_weeks - near_margin)
        .order_by("client_id")
    ):
        name = " ".join(
            x
            for x in (row["client__voornamen"], row["client__tussenvoegsel"], row["client__achternaam"])
            if x
        )
        items.append(
            {
                "kind": "near_cap",
                "subject_key": f"tp:bijna-max:{row['client_id']}:{week.year}",
                "client_id": row["client_id"],
                "coach_id": row["client__coach_id"],
                "wijkteam_id": row["client__wijkteam_id"],
                "due_on": today,
                "message": f"{name}: {row['weeks']} van {max_weeks} weken met uren in {week.year}.",
            }
        )
    for signal in _signals(Placement.objects.all(), today, weeks_back=weeks_back):
        pl = signal["placement"]
        parts = []
        if signal["missed"]:
            parts.append(
                f"{len(signal['missed'])} week/weken zonder registratie "
                f"({', '.join(w.label for w in signal['missed'])})"
            )
        if signal["no_shows"]:
            parts.append(
                f"{len(signal['no_shows'])}× niet verschenen "
                f"({', '.join(w.label for w in signal['no_shows'])})"
            )
        items.append(
            {
                "kind": "missed",
                "subject_key": f"tp:gemist:{pl.pk}",
                "client_id": pl.client_id,
                "coach_id": pl.client.coach_id,
                "wijkteam_id": pl.client.wijkteam_id,
                "due_on": today,
                "message": f"{pl.client.full_name} ({pl.activity.name}): {'; '.join(parts)}.",
            }
        )
    return items


# --------------------------------------------------------------------------- coordinator overview


def coordinator_overview(user, *, year: int, today: date, near_margin: int = 4) -> dict:
    """Active placements per wijkteam and phase, hours per month, clients near the yearly cap, hosts without
    a verdringing declaration. All aggregated in SQL."""
    max_weeks = int(parameter_values([p.MAX_WEEKS_PER_YEAR], on=date(year, 7, 1))[p.MAX_WEEKS_PER_YEAR])
    by_team: dict[str, dict[int, int]] = defaultdict(dict)
    for row in (
        placements_visible_to(user)
        .filter(status=rules.ACTIVE)
        .values("client__wijkteam__name", "phase")
        .annotate(n=Count("id"))
        .order_by("client__wijkteam__name", "phase")
    ):
        by_team[row["client__wijkteam__name"]][row["phase"]] = row["n"]
    team_rows = [
        {"wijkteam": team, "phases": [phases.get(f, 0) for f in (1, 2, 3)], "total": sum(phases.values())}
        for team, phases in sorted(by_team.items())
    ]
    phase_totals = [sum(r["phases"][i] for r in team_rows) for i in range(3)]
    months = list(
        hour_logs_visible_to(user)
        .filter(month__year=year)
        .values("month")
        .annotate(hours=Sum("hours"), clients=Count("client_id", distinct=True))
        .order_by("month")
    )
    peak = max((m["hours"] for m in months), default=Decimal("0")) or Decimal("1")
    for m in months:
        m["pct"] = int(m["hours"] * 100 / peak)
    near = list(
        hour_logs_visible_to(user)
        .filter(iso_year=year, hours__gt=0)
        .values(
            "client_id",
            "client__voornamen",
            "client__tussenvoegsel",
            "client__achternaam",
            "client__wijkteam__name",
        )
        .annotate(weeks=Count("week_start", distinct=True))
        .filter(weeks__gte=max_weeks - near_margin)
        .order_by("-weeks", "client__achternaam")[:100]
    )
    hosts_without = list(
        HostOrganisation.objects.filter(active=True, declaration_signed_on__isnull=True)
        .annotate(proposed=Count("placements", filter=Q(placements__status=rules.PROPOSED)))
        .order_by("name")
    )
    return {
        "year": year,
        "max_weeks": max_weeks,
        "team_rows": team_rows,
        "phase_totals": phase_totals,
        "active_total": sum(phase_totals),
        "months": months,
        "hours_year": sum((m["hours"] for m in months), Decimal("0")),
        "near_cap": near,
        "near_margin": near_margin,
        "hosts_without_declaration": hosts_without,
    }


def exemptions_of(client: Client) -> QuerySet[Exemption]:
    return client.tp_exemptions.all()
