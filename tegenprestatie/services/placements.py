"""Placements: admission (caps, declaration, exemptions, combined hours with reintegration), propose,
change of status and of the agreed hours."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import RuleViolation, rule_errors
from almelo_sociaal.parameters.selectors import parameter_history, parameter_values
from cases.models import Client

from .. import parameters as p
from .. import rules
from ..integration import (
    participation_facts,
    reintegration_commitments,
)
from ..models import Activity, Exemption, HostOrganisation, HourLog, Placement, PlacementEvent
from ..terms import TERM
from ._common import _event


def _exemption_periods(client_id: int) -> list[rules.ExemptionPeriod]:
    return [ex.as_period() for ex in Exemption.objects.filter(client_id=client_id)]


PLANNED_STATUSES = (rules.ACTIVE, rules.PAUSED, rules.PROPOSED)


def _placement_commitments(
    *, client_id: int, start: date, end: date | None, exclude_id: int | None = None
) -> list[rules.Commitment]:
    """The client's planned (open) placements overlapping [start, end], with their own periods."""
    qs = Placement.objects.filter(client_id=client_id, status__in=PLANNED_STATUSES)
    qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    if end is not None:
        qs = qs.filter(start_date__lte=end)
    if exclude_id:
        qs = qs.exclude(pk=exclude_id)
    return [
        rules.Commitment(s, e, h, rules.TP_KIND)
        for s, e, h in qs.values_list("start_date", "end_date", "agreed_hours")
    ]


def _combined_cap_changes() -> list[date]:
    """The days a new value of the combined maximum takes effect."""
    return list(parameter_history(p.MAX_COMBINED_HOURS).values_list("valid_from", flat=True))


def _combined_cap():
    """The combined weekly maximum on a day (effective-dated parameter, read once per day asked)."""
    seen: dict[date, Decimal] = {}

    def on(day: date) -> Decimal:
        if day not in seen:
            seen[day] = parameter_values([p.MAX_COMBINED_HOURS], on=day)[p.MAX_COMBINED_HOURS]
        return seen[day]

    return on


def _check_admission(
    *,
    client_id: int,
    host: HostOrganisation | None,
    activity: Activity,
    agreed_hours: Decimal,
    start: date,
    end: date | None,
    exclude_id: int | None = None,
    declaration_date_matters: bool = True,
) -> None:
    """``declaration_date_matters``: False for a change of hours of a running placement (the declaration was
    checked on its start date; an expired one must not stop lowering the hours)."""
    values = parameter_values(p.ADMISSION_KEYS, on=start)
    facts_p = participation_facts(client_id, start)
    facts = rules.PlacementFacts(
        start=start,
        end=end,
        agreed_hours=agreed_hours,
        host_has_declaration=bool(host and host.has_declaration),
        host_declaration_signed_on=host.declaration_signed_on if host and declaration_date_matters else None,
        host_name=host.name if host else None,
        needs_host=activity.needs_host,
        participation_group=facts_p.group,
        instrument_allowed=facts_p.instrument_allowed,
        commitments=[
            *_placement_commitments(client_id=client_id, start=start, end=end, exclude_id=exclude_id),
            *reintegration_commitments(client_id, start, end),
        ],
        exemptions=_exemption_periods(client_id),
    )
    rules.check_placement_admission(
        facts,
        max_hours_per_week=values[p.MAX_HOURS_PER_WEEK],
        max_combined_hours=_combined_cap(),
        cap_changes=_combined_cap_changes(),
        declaration_valid_months=int(values[p.DECLARATION_VALID_MONTHS]),
    )


def check_combined_hours_for_trajectory(
    *, client_id: int, start: date, end: date | None, hours_per_week: Decimal, trajectory_id: int | None
) -> None:
    """A trajectory written in participation (new, or a later end) against the client's placements: raises
    ``RuleViolation`` (field ``hours_per_week``) when a week would exceed the combined maximum. The caller holds
    the lock on the client row."""
    placements = _placement_commitments(client_id=client_id, start=start, end=end)
    if not placements:
        return
    rules.check_combined_hours(
        commitments=[
            *placements,
            *reintegration_commitments(client_id, start, end, exclude_id=trajectory_id),
            rules.Commitment(start, end, hours_per_week, rules.REINTEGRATION_KIND),
        ],
        start=start,
        end=end,
        max_combined_hours=_combined_cap(),
        cap_changes=_combined_cap_changes(),
        field="hours_per_week",
        advise=True,
    )


@transaction.atomic
def propose_placement(
    *,
    actor,
    client: Client,
    activity: Activity,
    host: HostOrganisation | None,
    self_chosen: bool,
    phase: int,
    agreed_hours: Decimal,
    start_date: date,
    end_date: date | None = None,
    description: str = "",
    activate: bool = False,
) -> Placement:
    """Propose (or, with ``activate``, directly start) a placement after all admission checks."""
    Client.objects.select_for_update().filter(pk=client.pk).first()  # serialise placements of one client
    with rule_errors():
        rules.check_activity_choice(
            self_chosen=self_chosen,
            activity_is_self_chosen_kind=activity.is_self_chosen_kind,
            activity_needs_description=activity.needs_description,
            description=description,
        )
        _check_admission(
            client_id=client.pk,
            host=host,
            activity=activity,
            agreed_hours=agreed_hours,
            start=start_date,
            end=end_date,
        )
    status = rules.ACTIVE if activate else rules.PROPOSED
    placement = Placement(
        client=client,
        host=host,
        activity=activity,
        self_chosen=self_chosen,
        description=description.strip(),
        phase=phase,
        agreed_hours=agreed_hours,
        start_date=start_date,
        end_date=end_date,
        status=status,
        created_by=actor,
    )
    set_history_user(placement, actor)
    placement.save()
    PlacementEvent.objects.create(
        placement=placement, from_status="", to_status=status, on=start_date, actor=actor
    )
    where = f" bij {host.name}" if host else ""
    verb = "gestart" if activate else "voorgesteld"
    _event(
        client.pk,
        "tegenprestatie",
        f"{TERM} {verb}: {activity.name}{where}, {rules.format_hours(agreed_hours)} uur per week "
        f"vanaf {rules.format_date(start_date)}.",
        actor,
    )
    return placement


@transaction.atomic
def change_placement_status(
    *, actor, placement: Placement, new_status: str, on: date, end_reason: str = "", reason_text: str = ""
) -> Placement:
    """Activate, pause, resume or end a placement (ending needs a reason; activating re-checks admission)."""
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("host", "activity")
        .get(pk=placement.pk)
    )
    current = placement.status
    with rule_errors():
        rules.check_status_transition(
            current=current,
            new=new_status,
            start=placement.start_date,
            on=on,
            end_reason=end_reason,
            reason_text=reason_text,
        )
        if current == rules.PROPOSED and new_status == rules.ACTIVE:
            _check_admission(
                client_id=placement.client_id,
                host=placement.host,
                activity=placement.activity,
                agreed_hours=placement.agreed_hours,
                start=placement.start_date,
                end=placement.end_date,
                exclude_id=placement.pk,
            )
        if new_status == rules.ENDED and current != rules.PROPOSED:
            last = (
                HourLog.objects.filter(placement=placement, hours__gt=0, week_start__gt=on)
                .order_by("-week_start")
                .first()
            )
            if last is not None:
                raise RuleViolation(
                    "uren_na_einde",
                    f"Er zijn uren geregistreerd in week {last.week.label}, na de einddatum "
                    f"{rules.format_date(on)}; kies een latere einddatum of corrigeer die uren.",
                    "end_date",
                )
    placement.status = new_status
    if new_status == rules.ENDED:
        placement.end_date = max(on, placement.start_date)
        placement.end_reason = end_reason
        placement.end_reason_text = reason_text.strip()
    set_history_user(placement, actor)
    placement.save()
    PlacementEvent.objects.create(
        placement=placement,
        from_status=current,
        to_status=new_status,
        on=on,
        reason=reason_text.strip() or placement.get_end_reason_display(),
        actor=actor,
    )
    label = rules.STATUS_LABELS[new_status]
    extra = f" ({placement.get_end_reason_display().lower()})" if new_status == rules.ENDED else ""
    _event(
        placement.client_id,
        "tegenprestatie",
        f"{TERM} {placement.activity.name} {label} per {rules.format_date(on)}{extra}.",
        actor,
    )
    return placement


@transaction.atomic
def change_agreed_hours(*, actor, placement: Placement, agreed_hours: Decimal, on: date) -> Placement:
    """The coach adjusts the hours 'naar vermogen'; the caps are checked again from ``on``."""
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("host", "activity")
        .get(pk=placement.pk)
    )
    if placement.status == rules.ENDED:
        raise ValidationError(
            {"agreed_hours": [ValidationError("De plaatsing is beëindigd.", code="plaatsing_beeindigd")]}
        )
    with rule_errors():
        _check_admission(
            client_id=placement.client_id,
            host=placement.host,
            activity=placement.activity,
            agreed_hours=agreed_hours,
            start=max(on, placement.start_date),
            end=placement.end_date,
            exclude_id=placement.pk,
            declaration_date_matters=False,
        )
    before = placement.agreed_hours
    placement.agreed_hours = agreed_hours
    set_history_user(placement, actor)
    placement.save(update_fields=["agreed_hours"])
    PlacementEvent.objects.create(
        placement=placement,
        from_status=placement.status,
        to_status=placement.status,
        on=on,
        actor=actor,
        reason=f"Afgesproken uren {rules.format_hours(before)} → {rules.format_hours(agreed_hours)} per week",
    )
    _event(
        placement.client_id,
        "tegenprestatie",
        f"{TERM} {placement.activity.name}: afspraak {rules.format_hours(agreed_hours)} uur per week "
        f"per {rules.format_date(on)}.",
        actor,
    )
    return placement


def open_placements_overlapping(*, client_id: int, start: date, end: date | None):
    qs = Placement.objects.filter(client_id=client_id).exclude(status=rules.ENDED)
    qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    if end is not None:
        qs = qs.filter(start_date__lte=end)
    return qs
