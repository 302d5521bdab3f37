"""Weekly hours: the bulk registration of one week (grid, API) and the host organisation's CSV import."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from almelo_sociaal.core.rules import RuleViolation
from almelo_sociaal.events import catalogue as event_types
from almelo_sociaal.events.services import publish
from almelo_sociaal.parameters.selectors import parameter_values
from cases.models import Client

from .. import parameters as p
from .. import rules
from ..integration import (
    reintegration_commitments_by_client,
)
from ..models import HourLog, Placement, PlacementEvent


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
    state = _lock_week(week=week, rows=rows, placements=placements)
    errors = _RowErrors()
    resulting = _known_rows(rows=rows, state=state, errors=errors)
    if not errors:
        _check_rows(week=week, rows=rows, state=state, resulting=resulting, errors=errors)
    errors.raise_if_any()
    logs = _save_rows(actor=actor, week=week, rows=rows, state=state)
    publish(
        event_types.UREN_GEREGISTREERD,
        f"{week.year}-W{week.week:02d}",
        {"week": f"{week.year}-W{week.week:02d}", "urenregistraties": [log.pk for log in logs]},
    )
    return logs


@dataclass(frozen=True)
class _WeekState:
    """The placements of the rows, their clients (locked) and what is registered for them already."""

    by_id: dict[int, Placement]
    client_ids: list[int]
    existing: dict[int, HourLog]  # placement -> its log of this week
    weeks_with_hours: dict[int, set[rules.IsoWeek]]  # client -> the other weeks of the year with hours


class _RowErrors:
    """The refusals of the rows: keyed ``rows.<i>.<field>`` for the API, and per row for the grid."""

    def __init__(self) -> None:
        self.errors: dict[str, list[ValidationError]] = {}
        self.row_messages: dict[int, list[str]] = defaultdict(list)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def fail(self, index: int, placement: Placement | None, v: RuleViolation) -> None:
        key = f"rows.{index}.{v.field or 'hours'}"
        self.errors.setdefault(key, []).append(
            ValidationError(f"{_row_label(index, placement)}: {v.message}", code=v.code)
        )
        self.row_messages[index].append(v.message[:1].upper() + v.message[1:])

    def raise_if_any(self) -> None:
        if self.errors:
            raise HourRegistrationError(self.errors, dict(self.row_messages))


def _lock_week(*, week: rules.IsoWeek, rows: Sequence[HourRow], placements) -> _WeekState:
    """Read the rows' placements, lock their clients (serialise registrations) and read the logs of the week
    and the other weeks of the year with hours."""
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
    return _WeekState(
        by_id=by_id, client_ids=client_ids, existing=existing, weeks_with_hours=weeks_with_hours
    )


def _known_rows(*, rows: Sequence[HourRow], state: _WeekState, errors: _RowErrors) -> dict[int, Decimal]:
    """Refuse rows of unknown (or not permitted) placements and doubled rows; return the hours per placement
    of the week as they would be after this registration."""
    seen: set[int] = set()
    resulting: dict[int, Decimal] = {pid: log.hours for pid, log in state.existing.items()}
    for index, row in enumerate(rows):
        placement = state.by_id.get(row.placement_id)
        if placement is None:
            errors.fail(
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
            errors.fail(
                index,
                placement,
                RuleViolation("dubbele_rij", "deze plaatsing staat twee keer in de lijst.", "placement"),
            )
            continue
        seen.add(row.placement_id)
        resulting[row.placement_id] = row.hours
    return resulting


def _check_rows(
    *,
    week: rules.IsoWeek,
    rows: Sequence[HourRow],
    state: _WeekState,
    resulting: dict[int, Decimal],
    errors: _RowErrors,
) -> None:
    """Every row against the rules: started placement, hours and attendance, the week's caps, the combined
    maximum with reintegration, the agreement."""
    # One read of the week's caps and the combined maximum (tegenprestatie + re-integratie).
    values = parameter_values([*p.HOUR_CAP_KEYS, p.MAX_COMBINED_HOURS], on=week.reference_date)
    caps = rules.HourCaps.from_parameters(values)
    today = timezone.localdate()
    client_of = {pid: log.client_id for pid, log in state.existing.items()}
    client_of.update({pid: pl.client_id for pid, pl in state.by_id.items()})
    week_total: dict[int, Decimal] = defaultdict(Decimal)
    for pid, hours in resulting.items():
        week_total[client_of[pid]] += hours
    combined_cap = values[p.MAX_COMBINED_HOURS]
    reintegration = {
        cid: rules.peak_reintegration_hours(commitments, week.monday, week.sunday)
        for cid, commitments in reintegration_commitments_by_client(
            state.client_ids, week.monday, week.sunday
        ).items()
    }
    events = _status_events(state.by_id)
    for index, row in enumerate(rows):
        placement = state.by_id[row.placement_id]
        try:
            _check_row(
                week=week,
                row=row,
                placement=placement,
                events=events[placement.pk],
                today=today,
                caps=caps,
                other_hours_in_week=week_total[placement.client_id] - row.hours,
                registered_hours=week_total[placement.client_id],
                weeks_with_hours=state.weeks_with_hours[placement.client_id],
                reintegration_hours=reintegration[placement.client_id],
                max_combined_hours=combined_cap,
            )
        except RuleViolation as v:
            errors.fail(index, placement, v)


def _status_events(by_id: dict[int, Placement]) -> dict[int, list[tuple[date, str, str]]]:
    """The status changes of each placement, in order: (on, from_status, to_status)."""
    events: dict[int, list[tuple[date, str, str]]] = defaultdict(list)
    for pid, on, from_status, to_status in (
        PlacementEvent.objects.filter(placement_id__in=list(by_id))
        .order_by("on", "id")
        .values_list("placement_id", "on", "from_status", "to_status")
    ):
        events[pid].append((on, from_status, to_status))
    return events


def _check_row(
    *,
    week: rules.IsoWeek,
    row: HourRow,
    placement: Placement,
    events: list[tuple[date, str, str]],
    today: date,
    caps: rules.HourCaps,
    other_hours_in_week: Decimal,
    registered_hours: Decimal,
    weeks_with_hours: set[rules.IsoWeek],
    reintegration_hours: Decimal,
    max_combined_hours: Decimal,
) -> None:
    """One row against the rules; raises the first ``RuleViolation``."""
    if placement.status == rules.PROPOSED:
        raise RuleViolation(
            "plaatsing_niet_actief",
            "de plaatsing is nog niet gestart; activeer haar eerst.",
            "placement",
        )
    rules.check_was_started(ever_active=any(to == rules.ACTIVE for _, _, to in events) or not events)
    rules.check_hours_value(row.hours)
    attendance = row.attendance or (rules.PRESENT if row.hours > 0 else "")
    rules.check_attendance(hours=row.hours, attendance=attendance)
    rules.check_week_started(week=week, attendance=attendance, today=today)
    rules.check_week_not_paused(week=week, pauses=rules.pause_periods(events))
    rules.check_hour_registration(
        week=week,
        hours=row.hours,
        placement_start=placement.start_date,
        placement_end=placement.end_date,
        other_hours_in_week=other_hours_in_week,
        weeks_with_hours=weeks_with_hours,
        caps=caps,
    )
    rules.check_week_with_reintegration(
        week=week,
        registered_hours=registered_hours,
        reintegration_hours=reintegration_hours,
        max_combined_hours=max_combined_hours,
    )
    rules.check_hours_against_agreement(hours=row.hours, agreed_hours=placement.agreed_hours, note=row.note)


def _save_rows(*, actor, week: rules.IsoWeek, rows: Sequence[HourRow], state: _WeekState) -> list[HourLog]:
    """Create the new logs of the week and update the existing ones, with their history."""
    month = week.reference_date.replace(day=1)
    to_create, to_update = [], []
    for row in rows:
        placement = state.by_id[row.placement_id]
        attendance = row.attendance or rules.PRESENT
        log = state.existing.get(row.placement_id)
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
