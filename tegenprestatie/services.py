"""Every state change of tegenprestatie: checked by ``rules``, in one transaction, recorded in the history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import RuleViolation, rule_errors
from almelo_sociaal.parameters.selectors import parameter_history, parameter_values
from cases.events import record_client_event
from cases.models import Client, ClientEvent

from . import parameters as p
from . import rules
from .integration import (
    participation_facts,
    reintegration_commitments,
    reintegration_commitments_by_client,
)
from .models import Activity, Exemption, HostOrganisation, HourLog, Placement, PlacementEvent, Sanction
from .terms import TERM, TERM_LOWER

# --------------------------------------------------------------------------- host organisations

HOST_FIELDS = (
    "name",
    "kind",
    "street",
    "postcode",
    "city",
    "wijkteam",
    "contact_name",
    "contact_phone",
    "contact_email",
    "notes",
    "active",
)


@transaction.atomic
def create_host(
    *,
    actor,
    name: str,
    kind: str,
    street: str,
    postcode: str,
    contact_name: str,
    city: str = "Almelo",
    wijkteam=None,
    contact_phone: str = "",
    contact_email: str = "",
    notes: str = "",
    active: bool = True,
) -> HostOrganisation:
    if HostOrganisation.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError(
            {"name": [ValidationError("Er is al een gastorganisatie met deze naam.", code="naam_bestaat")]}
        )
    host = HostOrganisation(
        name=name.strip(),
        kind=kind,
        street=street,
        postcode=postcode.upper(),
        city=city,
        wijkteam=wijkteam,
        contact_name=contact_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
        notes=notes,
        active=active,
    )
    set_history_user(host, actor)
    host.save()
    return host


@transaction.atomic
def update_host(*, actor, host: HostOrganisation, **changes) -> HostOrganisation:
    host = HostOrganisation.objects.select_for_update().get(pk=host.pk)
    unknown = set(changes) - set(HOST_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {sorted(unknown)}")
    name = changes.get("name")
    if name and HostOrganisation.objects.filter(name__iexact=name.strip()).exclude(pk=host.pk).exists():
        raise ValidationError(
            {"name": [ValidationError("Er is al een gastorganisatie met deze naam.", code="naam_bestaat")]}
        )
    for field, value in changes.items():
        setattr(host, field, value)
    set_history_user(host, actor)
    host.save()
    return host


@transaction.atomic
def record_declaration(*, actor, host: HostOrganisation, signed_on: date, signed_by: str) -> HostOrganisation:
    """The host declares it does not replace paid work (verdringing); from now on placements are possible."""
    with rule_errors():
        rules.check_declaration(signed_on=signed_on, signed_by=signed_by, today=timezone.localdate())
    host = HostOrganisation.objects.select_for_update().get(pk=host.pk)
    host.declaration_signed_on = signed_on
    host.declaration_signed_by = signed_by.strip()
    set_history_user(host, actor)
    host.save(update_fields=["declaration_signed_on", "declaration_signed_by"])
    return host


# --------------------------------------------------------------------------- placements


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
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.TEGENPRESTATIE,
        text=f"{TERM} {verb}: {activity.name}{where}, {rules.format_hours(agreed_hours)} uur per week "
        f"vanaf {rules.format_date(start_date)}.",
        actor=actor,
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
    record_client_event(
        client_id=placement.client_id,
        kind=ClientEvent.Kind.TEGENPRESTATIE,
        text=f"{TERM} {placement.activity.name} {label} per {rules.format_date(on)}{extra}.",
        actor=actor,
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
    record_client_event(
        client_id=placement.client_id,
        kind=ClientEvent.Kind.TEGENPRESTATIE,
        text=f"{TERM} {placement.activity.name}: afspraak {rules.format_hours(agreed_hours)} uur per week "
        f"per {rules.format_date(on)}.",
        actor=actor,
    )
    return placement


# --------------------------------------------------------------------------- weekly hours


class HourRegistrationError(ValidationError):
    """A refused bulk registration.

    ``message_dict``: ``{"rows.<i>.<field>": ["Rij <i+1> (...): ..."]}`` (API);
    ``row_messages``: ``{<i>: ["..."]}`` without the row label, for the grid that shows them next to the row.
    """

    def __init__(self, errors: dict[str, list[ValidationError]], row_messages: dict[int, list[str]]):
        super().__init__(errors)
        self.row_messages = row_messages


@dataclass(frozen=True)
class HourRow:
    """One line of a (bulk) registration: the hours of one placement in the week."""

    placement_id: int
    hours: Decimal
    attendance: str = ""  # "" = aanwezig when hours > 0
    note: str = ""


def hour_caps(week: rules.IsoWeek) -> rules.HourCaps:
    return rules.HourCaps.from_parameters(parameter_values(p.HOUR_CAP_KEYS, on=week.reference_date))


def _row_label(index: int, placement: Placement | None) -> str:
    if placement is None:
        return f"Rij {index + 1}"
    return f"Rij {index + 1} ({placement.client.full_name}, {placement.activity.name})"


@transaction.atomic
def register_week_hours(*, actor, week: rules.IsoWeek, rows: Sequence[HourRow], placements) -> list[HourLog]:
    """Register the hours of one week for many placements at once: all rows or none.

    ``placements``: the queryset of placements ``actor`` may register for (from
    ``selectors.registrable_placements``); a row for any other placement is refused.
    Refusals name the row:
    ``ValidationError({"rows.<i>.<field>": "Rij <i+1> (<cliënt>, <activiteit>): ..."})``.
    """
    if not rows:
        raise ValidationError({"rows": [ValidationError("Geen uren om op te slaan.", code="geen_rijen")]})
    ids = [row.placement_id for row in rows]
    by_id = {pl.pk: pl for pl in placements.filter(pk__in=ids).select_related("client", "activity")}
    client_ids = sorted({pl.client_id for pl in by_id.values()})
    list(
        Client.objects.select_for_update().filter(pk__in=client_ids).values_list("pk", flat=True)
    )  # serialise

    existing = {
        log.placement_id: log
        for log in HourLog.objects.filter(client_id__in=client_ids, week_start=week.monday)
    }
    weeks_with_hours: dict[int, set[rules.IsoWeek]] = defaultdict(set)
    for cid, year, wk in (
        HourLog.objects.filter(client_id__in=client_ids, iso_year=week.year, hours__gt=0)
        .exclude(week_start=week.monday)
        .values_list("client_id", "iso_year", "iso_week")
        .distinct()
    ):
        weeks_with_hours[cid].add(rules.IsoWeek(year, wk))

    errors: dict[str, list[ValidationError]] = {}
    row_messages: dict[int, list[str]] = defaultdict(list)

    def fail(index: int, placement: Placement | None, v: RuleViolation) -> None:
        key = f"rows.{index}.{v.field or 'hours'}"
        errors.setdefault(key, []).append(
            ValidationError(f"{_row_label(index, placement)}: {v.message}", code=v.code)
        )
        row_messages[index].append(v.message[:1].upper() + v.message[1:])

    seen: set[int] = set()
    resulting: dict[int, Decimal] = {pid: log.hours for pid, log in existing.items()}  # placement -> hours
    for index, row in enumerate(rows):
        placement = by_id.get(row.placement_id)
        if placement is None:
            fail(
                index,
                None,
                RuleViolation(
                    "plaatsing_onbekend",
                    f"plaatsing {row.placement_id} bestaat niet of u mag hier geen uren voor registreren.",
                    "placement",
                ),
            )
            continue
        if row.placement_id in seen:
            fail(
                index,
                placement,
                RuleViolation("dubbele_rij", "deze plaatsing staat twee keer in de lijst.", "placement"),
            )
            continue
        seen.add(row.placement_id)
        resulting[row.placement_id] = row.hours

    caps = hour_caps(week) if not errors else None
    if caps is not None:
        today = timezone.localdate()
        client_of = {pid: log.client_id for pid, log in existing.items()}
        client_of.update({pid: pl.client_id for pid, pl in by_id.items()})
        week_total: dict[int, Decimal] = defaultdict(Decimal)
        for pid, hours in resulting.items():
            week_total[client_of[pid]] += hours
        combined_cap = parameter_values([p.MAX_COMBINED_HOURS], on=week.reference_date)[p.MAX_COMBINED_HOURS]
        reintegration = {
            cid: rules.peak_reintegration_hours(commitments, week.monday, week.sunday)
            for cid, commitments in reintegration_commitments_by_client(
                client_ids, week.monday, week.sunday
            ).items()
        }
        events: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
        for pid, on, from_status, to_status in (
            PlacementEvent.objects.filter(placement_id__in=list(by_id))
            .order_by("on", "id")
            .values_list("placement_id", "on", "from_status", "to_status")
        ):
            events[pid].append((on, from_status, to_status))
        for index, row in enumerate(rows):
            placement = by_id[row.placement_id]
            try:
                if placement.status == rules.PROPOSED:
                    raise RuleViolation(
                        "plaatsing_niet_actief",
                        "de plaatsing is nog niet gestart; activeer haar eerst.",
                        "placement",
                    )
                rules.check_was_started(
                    ever_active=any(to == rules.ACTIVE for _, _, to in events[placement.pk])
                    or not events[placement.pk]
                )
                rules.check_hours_value(row.hours)
                attendance = row.attendance or (rules.PRESENT if row.hours > 0 else "")
                rules.check_attendance(hours=row.hours, attendance=attendance)
                rules.check_week_started(week=week, attendance=attendance, today=today)
                rules.check_week_not_paused(week=week, pauses=rules.pause_periods(events[placement.pk]))
                rules.check_hour_registration(
                    week=week,
                    hours=row.hours,
                    placement_start=placement.start_date,
                    placement_end=placement.end_date,
                    other_hours_in_week=week_total[placement.client_id] - row.hours,
                    weeks_with_hours=weeks_with_hours[placement.client_id],
                    caps=caps,
                )
                rules.check_week_with_reintegration(
                    week=week,
                    registered_hours=week_total[placement.client_id],
                    reintegration_hours=reintegration[placement.client_id],
                    max_combined_hours=combined_cap,
                )
                rules.check_hours_against_agreement(
                    hours=row.hours, agreed_hours=placement.agreed_hours, note=row.note
                )
            except RuleViolation as v:
                fail(index, placement, v)
    if errors:
        raise HourRegistrationError(errors, dict(row_messages))

    month = week.reference_date.replace(day=1)
    to_create, to_update = [], []
    for row in rows:
        placement = by_id[row.placement_id]
        attendance = row.attendance or rules.PRESENT
        log = existing.get(row.placement_id)
        if log is None:
            to_create.append(
                HourLog(
                    placement=placement,
                    client_id=placement.client_id,
                    week_start=week.monday,
                    iso_year=week.year,
                    iso_week=week.week,
                    month=month,
                    hours=row.hours,
                    attendance=attendance,
                    note=row.note.strip()[:200],
                    registered_by=actor,
                )
            )
        else:
            log.hours, log.attendance, log.note, log.registered_by = (
                row.hours,
                attendance,
                row.note.strip()[:200],
                actor,
            )
            log.registered_at = timezone.now()
            to_update.append(log)
    created = bulk_create_with_history(to_create, HourLog, default_user=actor) if to_create else []
    if to_update:
        bulk_update_with_history(
            to_update,
            HourLog,
            ["hours", "attendance", "note", "registered_by", "registered_at"],
            default_user=actor,
        )
    return [*created, *to_update]


# --------------------------------------------------------------------------- vrijstellingen


@transaction.atomic
def record_exemption(
    *,
    actor,
    client: Client,
    kind: str,
    start_date: date,
    end_date: date | None,
    reason: str,
    youngest_child_born: date | None = None,
) -> Exemption:
    age_limit = None
    if kind == rules.SINGLE_PARENT:
        age_limit = int(
            parameter_values([p.SINGLE_PARENT_CHILD_AGE], on=start_date)[p.SINGLE_PARENT_CHILD_AGE]
        )
    with rule_errors():
        rules.check_exemption(
            kind=kind,
            start=start_date,
            end=end_date,
            reason=reason,
            youngest_child_born=youngest_child_born,
            child_age_limit=age_limit,
        )
    exemption = Exemption.objects.create(
        client=client,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        reason=reason.strip(),
        youngest_child_born=youngest_child_born,
        recorded_by=actor,
    )
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.TEGENPRESTATIE,
        text=f"Vrijstelling {TERM_LOWER} ({exemption.get_kind_display().lower()}) van "
        f"{rules.format_date(start_date)} t/m {rules.format_date(end_date)}.",
        actor=actor,
    )
    return exemption


# --------------------------------------------------------------------------- maatregelen


def sanction_proposal(*, client_id: int, offence_on: date) -> rules.SanctionProposal:
    policy = rules.SanctionPolicy.from_parameters(parameter_values(p.SANCTION_KEYS, on=offence_on))
    history = [
        rules.PriorSanction(offence_on=s.offence_on, culpable=s.culpability != rules.NOT_CULPABLE)
        for s in Sanction.objects.filter(client_id=client_id).only("offence_on", "culpability")
    ]
    return rules.propose_sanction(offence_on=offence_on, history=history, policy=policy)


@transaction.atomic
def record_sanction(
    *,
    actor,
    client: Client,
    offence_on: date,
    reason: str,
    culpability: str,
    urgent_reasons: str,
    circumstances: str,
    client_account: str,
    percentage: Decimal,
    heard_on: date | None = None,
    placement: Placement | None = None,
    decided_on: date | None = None,
) -> Sanction:
    """A maatregel, only with the weighing and the client's account; stricter for recidivists; 0% possible."""
    Client.objects.select_for_update().filter(pk=client.pk).first()
    if placement is not None and placement.client_id != client.pk:
        raise ValidationError(
            {
                "placement": [
                    ValidationError(
                        "Deze plaatsing hoort niet bij de cliënt.", code="plaatsing_andere_client"
                    )
                ]
            }
        )
    decided_on = decided_on or timezone.localdate()
    if offence_on > decided_on:
        raise ValidationError(
            {"offence_on": [ValidationError("De gedraging ligt na de besluitdatum.", code="datum_toekomst")]}
        )
    proposal = sanction_proposal(client_id=client.pk, offence_on=offence_on)
    with rule_errors():
        rules.check_sanction(
            proposal=proposal,
            percentage=percentage,
            reason=reason,
            culpability=culpability,
            urgent_reasons=urgent_reasons,
            circumstances=circumstances,
            client_account=client_account,
        )
    sanction = Sanction.objects.create(
        client=client,
        placement=placement,
        offence_on=offence_on,
        reason=reason.strip(),
        culpability=culpability,
        urgent_reasons=urgent_reasons.strip(),
        circumstances=circumstances.strip(),
        client_account=client_account.strip(),
        heard_on=heard_on,
        standard_percentage=proposal.percentage,
        level=proposal.level,
        prior_in_window=proposal.prior_in_window,
        percentage=percentage,
        months=proposal.months,
        decided_on=decided_on,
        decided_by=actor,
    )
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.MAATREGEL,
        text=f"Maatregel {TERM_LOWER}: {rules.format_hours(percentage)}% gedurende {proposal.months} maand(en) "
        f"(beleid {rules.format_hours(proposal.percentage)}%, {proposal.level}).",
        actor=actor,
    )
    return sanction


def open_placements_overlapping(*, client_id: int, start: date, end: date | None):
    qs = Placement.objects.filter(client_id=client_id).exclude(status=rules.ENDED)
    qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    if end is not None:
        qs = qs.filter(start_date__lte=end)
    return qs


# --------------------------------------------------------------------------- import (jobs)

CSV_COLUMNS = ("plaatsing", "uren", "aanwezigheid", "opmerking")


def parse_hours_csv(text: str) -> list[HourRow]:
    """Read a host organisation's week list: ``plaatsing;uren[;aanwezigheid[;opmerking]]`` with a header line.

    Separator ';' (Dutch spreadsheets) or ','; hours as '7,5' or '7.5'. Refusals name the line.
    """
    import csv
    import io

    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise ValidationError({"file": [ValidationError("Het bestand is leeg.", code="leeg_bestand")]})
    dialect = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=dialect)
    header = [h.strip().lower() for h in next(reader)]
    if header[:2] != list(CSV_COLUMNS[:2]):
        raise ValidationError(
            {
                "file": [
                    ValidationError(
                        f"De eerste regel moet de kolommen {';'.join(CSV_COLUMNS)} noemen.",
                        code="kolommen_onbekend",
                    )
                ]
            }
        )
    rows, errors = [], {}
    for number, values in enumerate(reader, start=2):
        values = [v.strip() for v in values] + [""] * (4 - len(values))
        try:
            if not values[0].isdigit():
                raise RuleViolation(
                    "plaatsing_onbekend", f"'{values[0]}' is geen plaatsingsnummer.", "placement"
                )
            rows.append(
                HourRow(
                    placement_id=int(values[0]),
                    hours=rules.parse_hours(values[1]),
                    attendance=values[2].lower().replace(" ", "_"),
                    note=values[3],
                )
            )
        except RuleViolation as v:
            errors[f"line.{number}"] = [ValidationError(f"Regel {number}: {v.message}", code=v.code)]
    if errors:
        raise ValidationError(errors)
    return rows


def import_week_hours(*, actor, week: rules.IsoWeek, text: str, placements) -> list[HourLog]:
    """A host organisation's week list, through the same rule as the grid and the API (all or nothing)."""
    return register_week_hours(actor=actor, week=week, rows=parse_hours_csv(text), placements=placements)
