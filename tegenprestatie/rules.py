"""Pure tegenprestatie rules: hour caps per ISO week, placement admission, status changes, maatregelen,
vrijstellingen and missed weeks. No database: callers pass the facts and the amounts (parameters).

Year attribution (documented choice): a week belongs to the calendar year of its **ISO year**, i.e. the
year that holds its Thursday. So 2026-W53 (28-12-2026 t/m 03-01-2027) counts for 2026, 2025-W01
(30-12-2024 t/m 05-01-2025) counts for 2025. A week is never split over two years, so "at most 44 weeks
per calendar year" is a count of distinct ISO weeks with hours within one ISO year. Parameters for a
week are read on its Thursday (``IsoWeek.reference_date``), consistent with that attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from almelo_sociaal.core.dates import months_before
from almelo_sociaal.core.rules import RuleViolation

from . import parameters as p
from .terms import TERM, TERM_LOWER

QUARTER = Decimal("0.25")
ZERO = Decimal("0")


# --------------------------------------------------------------------------- formatting


def format_hours(hours: Decimal) -> str:
    """Dutch notation without needless zeros: 20 → '20', 20.5 → '20,5', 13820.5 → '13.820,5'."""
    q = Decimal(hours).quantize(Decimal("0.01"))
    sign = "-" if q < 0 else ""
    whole, _, fraction = f"{abs(q):f}".partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + ".".join(groups) + (f",{fraction}" if fraction else "")


def format_date(d: date) -> str:
    return f"{d:%d-%m-%Y}"


def parse_hours(value) -> Decimal:
    """Read hours typed by a user ('7,5', '7.5', 7) as Decimal; refuse anything else."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # never accept floats silently: go through their text form
        value = str(value)
    text = str(value).strip().replace(",", ".")
    if text == "":
        return ZERO
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise RuleViolation("uren_ongeldig", f"'{value}' is geen aantal uren.", "hours") from None
    if not hours.is_finite():
        raise RuleViolation("uren_ongeldig", f"'{value}' is geen aantal uren.", "hours")
    return hours


# --------------------------------------------------------------------------- ISO weeks


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week (Monday–Sunday), e.g. 2026-W07."""

    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.week <= IsoWeek.weeks_in_year(self.year):
            raise RuleViolation("week_ongeldig", f"Week {self.year}-W{self.week:02d} bestaat niet.", "week")

    @staticmethod
    def weeks_in_year(year: int) -> int:
        """52 or 53: 28 December always lies in the last ISO week of its year."""
        return date(year, 12, 28).isocalendar()[1]

    @classmethod
    def of(cls, d: date) -> IsoWeek:
        iso = d.isocalendar()
        return cls(iso[0], iso[1])

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """'2026-W07' (also '2026-w7' and '2026W07')."""
        raw = str(text).strip().upper().replace("-", "")
        if "W" not in raw:
            raise RuleViolation(
                "week_ongeldig", f"'{text}' is geen week; gebruik jjjj-Www, bijv. 2026-W07.", "week"
            )
        year_part, week_part = raw.split("W", 1)
        if not (year_part.isdigit() and week_part.isdigit() and len(year_part) == 4):
            raise RuleViolation(
                "week_ongeldig", f"'{text}' is geen week; gebruik jjjj-Www, bijv. 2026-W07.", "week"
            )
        return cls(int(year_part), int(week_part))

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 7)

    @property
    def reference_date(self) -> date:
        """The Thursday: it decides the ISO year, so parameters of a week are read on this day."""
        return date.fromisocalendar(self.year, self.week, 4)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    def __str__(self) -> str:
        return self.label

    def shift(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def overlaps(self, start: date, end: date | None) -> bool:
        return start <= self.sunday and (end is None or end >= self.monday)


def weeks_between(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """All weeks from ``first`` up to and including ``last`` (empty when last < first)."""
    weeks = []
    current = first
    while current <= last:
        weeks.append(current)
        current = current.shift(1)
    return weeks


# --------------------------------------------------------------------------- hour caps


@dataclass(frozen=True)
class HourCaps:
    max_hours_per_week: Decimal
    max_weeks_per_year: int

    @classmethod
    def from_parameters(cls, values: Mapping[str, Decimal]) -> HourCaps:
        return cls(
            max_hours_per_week=Decimal(values[p.MAX_HOURS_PER_WEEK]),
            max_weeks_per_year=int(values[p.MAX_WEEKS_PER_YEAR]),
        )


def check_hours_value(hours: Decimal) -> None:
    """Hours are zero or positive, in quarters of an hour."""
    if hours < 0:
        raise RuleViolation("uren_negatief", "Het aantal uren kan niet negatief zijn.", "hours")
    if hours % QUARTER != 0:
        raise RuleViolation(
            "uren_kwartier",
            f"Registreer uren per kwartier (bijv. 7,25 of 7,5); {format_hours(hours)} kan niet.",
            "hours",
        )


def check_week_in_placement(*, week: IsoWeek, start: date, end: date | None) -> None:
    """Hours only in a week that overlaps the placement period."""
    if not week.overlaps(start, end):
        period = f"{format_date(start)} t/m {format_date(end)}" if end else f"vanaf {format_date(start)}"
        raise RuleViolation(
            "buiten_plaatsingsperiode",
            f"Week {week.label} valt buiten de plaatsingsperiode ({period}).",
            "week",
        )


def check_week_total(*, week: IsoWeek, total_hours: Decimal, caps: HourCaps) -> None:
    """At most ``max_hours_per_week`` over all placements of the client in one week."""
    if total_hours > caps.max_hours_per_week:
        raise RuleViolation(
            "max_uren_week",
            f"Maximaal {format_hours(caps.max_hours_per_week)} uur per week: "
            f"week {week.label} komt op {format_hours(total_hours)} uur.",
            "hours",
        )


def check_weeks_in_year(
    *, week: IsoWeek, hours_in_week: Decimal, weeks_with_hours: Iterable[IsoWeek], caps: HourCaps
) -> None:
    """At most ``max_weeks_per_year`` distinct weeks with hours in the ISO year of ``week``.

    ``weeks_with_hours``: the client's weeks with hours > 0 (any placement or year;
    other years are ignored).
    A week that already has hours does not add a week; a week with 0 hours never counts.
    """
    if hours_in_week <= 0:
        return
    same_year = {w for w in weeks_with_hours if w.year == week.year}
    if week in same_year:
        return
    count = len(same_year) + 1
    if count > caps.max_weeks_per_year:
        raise RuleViolation(
            "max_weken_jaar",
            f"Maximaal {caps.max_weeks_per_year} weken per kalenderjaar: {week.year} komt met week "
            f"{week.label} op {count} weken met uren.",
            "week",
        )


PRESENT, EXCUSED, NO_SHOW = "aanwezig", "afgemeld", "niet_verschenen"
ATTENDANCE_LABELS = {PRESENT: "aanwezig", EXCUSED: "afgemeld (met bericht)", NO_SHOW: "niet verschenen"}


def check_attendance(*, hours: Decimal, attendance: str) -> None:
    """Hours go with 'aanwezig'; a week 'afgemeld' or 'niet verschenen' has 0 hours."""
    if attendance not in ATTENDANCE_LABELS:
        raise RuleViolation(
            "aanwezigheid_ongeldig", "Kies aanwezig, afgemeld of niet verschenen.", "attendance"
        )
    if attendance == PRESENT and hours <= 0:
        raise RuleViolation("uren_verplicht", "Vul de uren in, of kies afgemeld of niet verschenen.", "hours")
    if attendance != PRESENT and hours != 0:
        raise RuleViolation(
            "uren_bij_afwezigheid",
            f"Bij '{ATTENDANCE_LABELS[attendance]}' horen geen uren ({format_hours(hours)} ingevuld).",
            "hours",
        )


def check_hour_registration(
    *,
    week: IsoWeek,
    hours: Decimal,
    placement_start: date,
    placement_end: date | None,
    other_hours_in_week: Decimal,
    weeks_with_hours: Collection[IsoWeek],
    caps: HourCaps,
) -> None:
    """The one rule for registering ``hours`` on one placement in one week (UI, API and jobs).

    ``other_hours_in_week``: the client's hours in the same week on its *other* placements (as they will be
    after this registration, including other rows of the same bulk request).
    ``weeks_with_hours``: the client's other weeks with hours > 0 (this week may be included; it is not
    counted twice).
    """
    check_hours_value(hours)
    check_week_in_placement(week=week, start=placement_start, end=placement_end)
    check_week_total(week=week, total_hours=hours + other_hours_in_week, caps=caps)
    in_week = hours + other_hours_in_week
    check_weeks_in_year(week=week, hours_in_week=in_week, weeks_with_hours=weeks_with_hours, caps=caps)


def check_week_started(*, week: IsoWeek, attendance: str, today: date) -> None:
    """Attendance is registered once a week has begun; only an absence can be reported in advance."""
    if week.monday > today and attendance != EXCUSED:
        raise RuleViolation(
            "week_niet_begonnen",
            f"Week {week.label} begint pas op {format_date(week.monday)}; "
            f"'{ATTENDANCE_LABELS.get(attendance, attendance)}' kan pas vanaf die dag worden geregistreerd.",
            "week",
        )


def check_week_not_paused(*, week: IsoWeek, pauses: Iterable[Period]) -> None:
    """No registration in a week the placement was paused for the whole week."""
    for pause in pauses:
        if pause.start <= week.monday and (pause.end is None or pause.end >= week.sunday):
            since = f"sinds {format_date(pause.start)}"
            raise RuleViolation(
                "plaatsing_gepauzeerd",
                f"De plaatsing was in week {week.label} gepauzeerd ({since}); daarin worden geen uren "
                "geregistreerd.",
                "week",
            )


def pause_periods(events: Iterable[tuple[date, str, str]]) -> list[Period]:
    """The pauses of a placement from its status events ``(on, from_status, to_status)``, in order.

    A pause runs from the day it starts up to the day before the placement is resumed or ended.
    """
    pauses, started = [], None
    for on, from_status, to_status in events:
        if to_status == PAUSED:
            started = on
        elif started is not None and from_status == PAUSED:
            pauses.append(Period(started, on - timedelta(days=1)))
            started = None
    if started is not None:
        pauses.append(Period(started, None))
    return pauses


def check_was_started(*, ever_active: bool) -> None:
    if not ever_active:
        raise RuleViolation(
            "plaatsing_niet_actief",
            "de plaatsing is nooit gestart; daarop worden geen uren geregistreerd.",
            "placement",
        )


def weeks_used(weeks_with_hours: Iterable[IsoWeek], year: int) -> int:
    return len({w for w in weeks_with_hours if w.year == year})


# --------------------------------------------------------------------------- combined hours (with re-integration)

TP_KIND, REINTEGRATION_KIND = "tegenprestatie", "re-integratie"


@dataclass(frozen=True)
class Commitment:
    """Hours per week a client is committed to during a period: a placement or a re-integration trajectory."""

    start: date
    end: date | None  # None: open-ended
    hours: Decimal
    kind: str  # TP_KIND or REINTEGRATION_KIND

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Load:
    """The hours per week on one day: tegenprestatie and re-integration."""

    day: date
    own: Decimal
    reintegration: Decimal

    @property
    def total(self) -> Decimal:
        return self.own + self.reintegration


def load_on(commitments: Iterable[Commitment], day: date) -> Load:
    own = reint = ZERO
    for c in commitments:
        if c.active_on(day):
            if c.kind == REINTEGRATION_KIND:
                reint += c.hours
            else:
                own += c.hours
    return Load(day, own, reint)


def loads_within(
    commitments: Sequence[Commitment], start: date, end: date | None, extra_days: Iterable[date] = ()
) -> list[Load]:
    """The load on every day in [start, end] on which it can change upwards (the first day and every start of
    a commitment) and on ``extra_days`` (e.g. when the cap changes): the maximum of the period is among these."""
    candidates = {c.start for c in commitments} | set(extra_days)
    days = {start} | {d for d in candidates if d > start and (end is None or d <= end)}
    return [load_on(commitments, d) for d in sorted(days)]


def peak_reintegration_hours(commitments: Sequence[Commitment], start: date, end: date) -> Decimal:
    """The highest re-integration hours per week on any day of [start, end] (e.g. one ISO week)."""
    trajectories = [c for c in commitments if c.kind == REINTEGRATION_KIND]
    return max((load.reintegration for load in loads_within(trajectories, start, end)), default=ZERO)


def check_combined_hours(
    *,
    commitments: Sequence[Commitment],
    start: date,
    end: date | None,
    max_combined_hours: Callable[[date], Decimal] | Decimal,
    cap_changes: Iterable[date] = (),
    field: str = "agreed_hours",
    advise: bool = False,
) -> None:
    """Tegenprestatie + re-integration stay within the weekly maximum on every day of [start, end], hence in
    every week of every overlap, whichever side (placement or trajectory) is written.

    ``commitments``: every placement and trajectory of the client as they will be after the write.
    ``max_combined_hours``: the parameter, or a function giving its value on a day (effective-dated), with
    ``cap_changes`` the days a new value takes effect.
    """
    cap_on = max_combined_hours if callable(max_combined_hours) else (lambda _day: max_combined_hours)
    for load in loads_within(commitments, start, end, cap_changes):
        if load.own <= 0:
            continue  # re-integration alone is not limited by this rule
        cap = Decimal(cap_on(load.day))
        if load.total > cap:
            parts = [f"{TERM_LOWER} {format_hours(load.own)} uur"]
            if load.reintegration:
                parts.append(f"re-integratie {format_hours(load.reintegration)} uur")
            when = (
                "" if load.day == start else f" vanaf {format_date(load.day)} (week {IsoWeek.of(load.day)})"
            )
            advice = f" Verlaag of beëindig eerst de {TERM_LOWER}: re-integratie gaat voor." if advise else ""
            raise RuleViolation(
                "max_uren_met_reintegratie",
                f"Maximaal {format_hours(cap)} uur per week samen{when}: "
                f"{' + '.join(parts)} = {format_hours(load.total)} uur.{advice}",
                field,
            )


def check_week_with_reintegration(
    *, week: IsoWeek, registered_hours: Decimal, reintegration_hours: Decimal, max_combined_hours: Decimal
) -> None:
    """Registered tegenprestatie hours of a week plus that week's re-integration hours stay within the cap."""
    total = registered_hours + reintegration_hours
    if reintegration_hours and total > max_combined_hours:
        raise RuleViolation(
            "max_uren_met_reintegratie",
            f"Maximaal {format_hours(max_combined_hours)} uur per week samen: week {week.label} komt op "
            f"{TERM_LOWER} {format_hours(registered_hours)} uur + re-integratie "
            f"{format_hours(reintegration_hours)} uur = {format_hours(total)} uur.",
            "hours",
        )


def check_hours_against_agreement(*, hours: Decimal, agreed_hours: Decimal, note: str) -> None:
    """More hours than agreed ('naar vermogen') are registered as they happened, but only with the reason
    in the note: the coach set the agreed hours, so a week above them must be explained, not hidden."""
    if hours > agreed_hours and not note.strip():
        raise RuleViolation(
            "boven_afspraak",
            f"{format_hours(hours)} uur is meer dan de afgesproken {format_hours(agreed_hours)} uur per week; "
            "geef in de opmerking de reden.",
            "note",
        )


# --------------------------------------------------------------------------- placement admission


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None = None

    def overlaps(self, start: date, end: date | None) -> bool:
        return periods_overlap(self.start, self.end, start, end)


def periods_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Closed periods (end inclusive; None = open-ended) overlap."""
    return (a_end is None or a_end >= b_start) and (b_end is None or b_end >= a_start)


@dataclass(frozen=True)
class ExemptionPeriod:
    kind_label: str
    start: date
    end: date | None


@dataclass(frozen=True)
class PlacementFacts:
    """What is known when a placement is proposed or activated (gathered by the service)."""

    start: date
    end: date | None
    agreed_hours: Decimal
    host_has_declaration: bool
    host_name: str | None  # None: no host (e.g. mantelzorg at home)
    participation_group: int | None
    instrument_allowed: bool
    reintegration_hours: Decimal = ZERO  # flat re-integration hours over the whole period (simple callers)
    other_agreed_hours: Decimal = ZERO  # flat agreed hours of other placements over the whole period
    exemptions: Sequence[ExemptionPeriod] = field(default_factory=tuple)
    needs_host: bool = True  # the activity happens at a host organisation
    # The client's other placements and trajectories with their own periods (the service passes these).
    commitments: Sequence[Commitment] = field(default_factory=tuple)
    host_declaration_signed_on: date | None = None


def check_declaration(*, signed_on: date | None, signed_by: str, today: date) -> None:
    """A verdringing declaration has a signing date (not in the future) and a signer."""
    if signed_on is None:
        raise RuleViolation("datum_verplicht", "Geef de datum waarop de verklaring is getekend.", "signed_on")
    if signed_on > today:
        raise RuleViolation(
            "datum_toekomst", "De verklaring kan niet in de toekomst getekend zijn.", "signed_on"
        )
    if not signed_by.strip():
        raise RuleViolation(
            "ondertekenaar_verplicht", "Geef naam en functie van de ondertekenaar.", "signed_by"
        )


def check_placement_period(*, start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise RuleViolation(
            "periode_ongeldig",
            f"De einddatum ({format_date(end)}) ligt voor de startdatum ({format_date(start)}).",
            "end_date",
        )


def check_agreed_hours(*, agreed_hours: Decimal, max_hours_per_week: Decimal) -> None:
    if agreed_hours <= 0:
        raise RuleViolation(
            "afgesproken_uren_leeg", "Spreek naar vermogen een aantal uren per week af.", "agreed_hours"
        )
    if agreed_hours % QUARTER != 0:
        raise RuleViolation("uren_kwartier", "Spreek uren per kwartier af (bijv. 4,5).", "agreed_hours")
    if agreed_hours > max_hours_per_week:
        raise RuleViolation(
            "max_uren_week",
            f"Maximaal {format_hours(max_hours_per_week)} uur per week: afgesproken is "
            f"{format_hours(agreed_hours)} uur.",
            "agreed_hours",
        )


def check_no_exemption(*, start: date, end: date | None, exemptions: Iterable[ExemptionPeriod]) -> None:
    """An exempted client gets no new placement in the exemption period."""
    for ex in exemptions:
        if periods_overlap(ex.start, ex.end, start, end):
            until = f"t/m {format_date(ex.end)}" if ex.end else "zonder einddatum"
            raise RuleViolation(
                "vrijstelling",
                f"Cliënt is vrijgesteld ({ex.kind_label}) van {format_date(ex.start)} {until}; "
                f"geen {TERM_LOWER} in die periode.",
                "start_date",
            )


def declaration_valid_until(signed_on: date, valid_months: int) -> date:
    """The last day a verdringing declaration signed on ``signed_on`` is valid."""
    return months_before(signed_on, -valid_months) - timedelta(days=1)


def check_declaration_valid_on(
    *, host_name: str, signed_on: date, start: date, valid_months: int | None
) -> None:
    """A placement needs a declaration that is valid on its start date: signed on or before it and, with a
    validity period, not expired."""
    if signed_on > start:
        raise RuleViolation(
            "verklaring_na_start",
            f"{host_name} tekende de verdringingsverklaring op {format_date(signed_on)}, na de startdatum "
            f"{format_date(start)}; een plaatsing kan pas vanaf de datum van de verklaring.",
            "start_date",
        )
    if valid_months:
        last = declaration_valid_until(signed_on, valid_months)
        if start > last:
            raise RuleViolation(
                "verklaring_verlopen",
                f"De verdringingsverklaring van {host_name} (getekend {format_date(signed_on)}) was geldig "
                f"t/m {format_date(last)}; leg eerst een nieuwe verklaring vast.",
                "host",
            )


def check_placement_admission(
    facts: PlacementFacts,
    *,
    max_hours_per_week: Decimal,
    max_combined_hours: Callable[[date], Decimal] | Decimal,
    cap_changes: Iterable[date] = (),
    declaration_valid_months: int | None = None,
) -> None:
    """All admission checks of a placement, in the order a coach would want to hear them."""
    check_placement_period(start=facts.start, end=facts.end)
    if facts.host_name is None and facts.needs_host:
        raise RuleViolation(
            "gastorganisatie_verplicht", "Kies de gastorganisatie voor deze activiteit.", "host"
        )
    if facts.host_name is not None and not facts.host_has_declaration:
        raise RuleViolation(
            "geen_verdringingsverklaring",
            f"{facts.host_name} heeft geen verdringingsverklaring; plaatsen kan pas als die is vastgelegd.",
            "host",
        )
    if facts.host_name is not None and facts.host_declaration_signed_on is not None:
        check_declaration_valid_on(
            host_name=facts.host_name,
            signed_on=facts.host_declaration_signed_on,
            start=facts.start,
            valid_months=declaration_valid_months,
        )
    if facts.participation_group is None:
        raise RuleViolation(
            "geen_participatiegroep",
            f"Cliënt heeft op {format_date(facts.start)} geen participatiegroep; leg eerst de groep vast.",
            "client",
        )
    if not facts.instrument_allowed:
        raise RuleViolation(
            "groep_niet_toegestaan",
            f"{TERM} is geen instrument voor participatiegroep {facts.participation_group}.",
            "client",
        )
    check_no_exemption(start=facts.start, end=facts.end, exemptions=facts.exemptions)
    check_agreed_hours(agreed_hours=facts.agreed_hours, max_hours_per_week=max_hours_per_week)
    commitments = [*facts.commitments, Commitment(facts.start, facts.end, facts.agreed_hours, TP_KIND)]
    if facts.other_agreed_hours:
        commitments.append(Commitment(facts.start, facts.end, facts.other_agreed_hours, TP_KIND))
    if facts.reintegration_hours:
        commitments.append(Commitment(facts.start, facts.end, facts.reintegration_hours, REINTEGRATION_KIND))
    check_combined_hours(
        commitments=commitments,
        start=facts.start,
        end=facts.end,
        max_combined_hours=max_combined_hours,
        cap_changes=cap_changes,
    )


def check_activity_choice(
    *,
    self_chosen: bool,
    activity_is_self_chosen_kind: bool,
    activity_needs_description: bool,
    description: str,
) -> None:
    """Self-chosen placements use a self-chosen kind; imposed ones an activity from the imposed catalogue."""
    if self_chosen and not activity_is_self_chosen_kind:
        raise RuleViolation(
            "activiteit_niet_zelfgekozen",
            "Deze activiteit wordt door de gemeente opgelegd; kies een zelfgekozen soort "
            "(mantelzorg, vrijwilligerswerk, taalonderwijs of anders).",
            "activity",
        )
    if not self_chosen and activity_is_self_chosen_kind:
        raise RuleViolation(
            "activiteit_niet_opgelegd",
            "Een opgelegde activiteit komt uit de lijst van de gemeente; kies die, "
            "of markeer de plaatsing als zelfgekozen.",
            "activity",
        )
    if activity_needs_description and not description.strip():
        raise RuleViolation(
            "omschrijving_verplicht",
            "Beschrijf de activiteit en welk eigen probleem de cliënt ermee oplost.",
            "description",
        )


# --------------------------------------------------------------------------- placement status

PROPOSED, ACTIVE, PAUSED, ENDED = "voorgesteld", "actief", "gepauzeerd", "beeindigd"
TRANSITIONS: dict[str, frozenset[str]] = {
    PROPOSED: frozenset({ACTIVE, ENDED}),
    ACTIVE: frozenset({PAUSED, ENDED}),
    PAUSED: frozenset({ACTIVE, ENDED}),
    ENDED: frozenset(),
}
STATUS_LABELS = {PROPOSED: "voorgesteld", ACTIVE: "actief", PAUSED: "gepauzeerd", ENDED: "beëindigd"}


def check_status_transition(
    *, current: str, new: str, start: date, on: date, end_reason: str = "", reason_text: str = ""
) -> None:
    """voorgesteld → actief | beëindigd; actief ↔ gepauzeerd; any open status → beëindigd (with a reason)."""
    if new not in TRANSITIONS.get(current, frozenset()):
        raise RuleViolation(
            "status_overgang",
            f"Een plaatsing die {STATUS_LABELS.get(current, current)} is, kan niet naar "
            f"{STATUS_LABELS.get(new, new)}.",
            "status",
        )
    if new == ENDED:
        if not end_reason:
            raise RuleViolation("reden_verplicht", "Geef de reden van beëindiging.", "end_reason")
        if end_reason == "anders" and not reason_text.strip():
            raise RuleViolation("toelichting_verplicht", "Licht de reden 'anders' toe.", "reason_text")
        if on < start and current != PROPOSED:
            raise RuleViolation(
                "periode_ongeldig",
                f"De einddatum ({format_date(on)}) ligt voor de startdatum ({format_date(start)}).",
                "end_date",
            )
    if new == PAUSED and not reason_text.strip():
        raise RuleViolation(
            "toelichting_verplicht", "Geef aan waarom de plaatsing wordt gepauzeerd.", "reason_text"
        )


# --------------------------------------------------------------------------- maatregelen (sanctions)

CULPABLE, REDUCED, NOT_CULPABLE = "volledig", "verminderd", "geen"
CULPABILITY_LABELS = {
    CULPABLE: "volledig verwijtbaar",
    REDUCED: "verminderd verwijtbaar",
    NOT_CULPABLE: "niet verwijtbaar",
}


@dataclass(frozen=True)
class PriorSanction:
    offence_on: date
    culpable: bool  # a maatregel for non-culpable behaviour does not make a recidivist


@dataclass(frozen=True)
class SanctionPolicy:
    pct_first: Decimal
    pct_recidive: Decimal
    pct_repeated: Decimal
    months: int
    recidive_months: int

    @classmethod
    def from_parameters(cls, values: Mapping[str, Decimal]) -> SanctionPolicy:
        return cls(
            pct_first=Decimal(values[p.SANCTION_PCT_FIRST]),
            pct_recidive=Decimal(values[p.SANCTION_PCT_RECIDIVE]),
            pct_repeated=Decimal(values[p.SANCTION_PCT_REPEATED]),
            months=int(values[p.SANCTION_MONTHS]),
            recidive_months=int(values[p.RECIDIVE_MONTHS]),
        )


@dataclass(frozen=True)
class SanctionProposal:
    percentage: Decimal
    months: int
    prior_in_window: int
    level: str  # "eerste", "recidive", "herhaald"

    @property
    def explanation(self) -> str:
        if self.prior_in_window == 0:
            return "Eerste verwijtbare gedraging binnen de recidivetermijn."
        return (
            f"Recidive: {self.prior_in_window} keer eerder een verwijtbare gedraging binnen de "
            "recidivetermijn; de maatregel wordt verzwaard."
        )


def propose_sanction(
    *, offence_on: date, history: Iterable[PriorSanction], policy: SanctionPolicy
) -> SanctionProposal:
    """The standard maatregel for a gedraging on ``offence_on``: stricter for recidivists.

    Counts earlier *culpable* gedragingen in the recidive window before ``offence_on`` (on or after
    ``offence_on - recidive_months``, before ``offence_on``).
    """
    window_start = months_before(offence_on, policy.recidive_months)
    prior = sum(1 for s in history if s.culpable and window_start <= s.offence_on < offence_on)
    if prior == 0:
        return SanctionProposal(policy.pct_first, policy.months, 0, "eerste")
    if prior == 1:
        return SanctionProposal(policy.pct_recidive, policy.months, 1, "recidive")
    return SanctionProposal(policy.pct_repeated, policy.months, prior, "herhaald")


def check_sanction(
    *,
    proposal: SanctionProposal,
    percentage: Decimal,
    reason: str,
    culpability: str,
    urgent_reasons: str,
    circumstances: str,
    client_account: str,
) -> None:
    """Menselijke maat: no maatregel without the weighing and the client's own account.

    The percentage may be lower than the standard (down to 0%) with that reasoning; never higher.
    Without culpability the maatregel is 0%.
    """
    if not reason.strip():
        raise RuleViolation(
            "gedraging_verplicht", "Beschrijf de gedraging (wat is er niet nagekomen).", "reason"
        )
    if culpability not in CULPABILITY_LABELS:
        raise RuleViolation("verwijtbaarheid_verplicht", "Beoordeel de verwijtbaarheid.", "culpability")
    if not client_account.strip():
        raise RuleViolation(
            "zienswijze_verplicht",
            "Leg de zienswijze van de cliënt vast (hoor en wederhoor); reageerde de cliënt niet, noteer dan "
            "wanneer en hoe de cliënt is uitgenodigd.",
            "client_account",
        )
    if not urgent_reasons.strip():
        raise RuleViolation(
            "dringende_redenen_verplicht",
            "Leg vast of er dringende redenen zijn om (deels) af te zien van de maatregel.",
            "urgent_reasons",
        )
    if not circumstances.strip():
        raise RuleViolation(
            "omstandigheden_verplicht",
            "Leg de omstandigheden van de cliënt vast die bij de afweging zijn betrokken.",
            "circumstances",
        )
    if percentage < 0 or percentage > 100:
        raise RuleViolation("percentage_ongeldig", "Het percentage ligt tussen 0 en 100.", "percentage")
    if culpability == NOT_CULPABLE and percentage != 0:
        raise RuleViolation(
            "niet_verwijtbaar",
            "Zonder verwijtbaarheid wordt geen maatregel opgelegd: zet het percentage op 0%.",
            "percentage",
        )
    if percentage > proposal.percentage:
        raise RuleViolation(
            "boven_norm",
            f"Het percentage ({format_hours(percentage)}%) is hoger dan de maatregel volgens het beleid "
            f"({format_hours(proposal.percentage)}%).",
            "percentage",
        )


# --------------------------------------------------------------------------- vrijstellingen (exemptions)

MEDICAL, SINGLE_PARENT, CARER = "medisch", "alleenstaande_ouder", "mantelzorg"


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def check_exemption(
    *,
    kind: str,
    start: date,
    end: date | None,
    reason: str,
    youngest_child_born: date | None = None,
    child_age_limit: int | None = None,
) -> None:
    """A vrijstelling is temporary and reasoned; for an alleenstaande ouder it ends before the youngest child
    reaches the age limit (Participatiewet art. 9a: children up to 5)."""
    if end is None:
        raise RuleViolation(
            "einddatum_verplicht", "Een vrijstelling is tijdelijk: geef een einddatum.", "end_date"
        )
    check_placement_period(start=start, end=end)
    if not reason.strip():
        raise RuleViolation("toelichting_verplicht", "Onderbouw de vrijstelling.", "reason")
    if kind == SINGLE_PARENT:
        if youngest_child_born is None:
            raise RuleViolation(
                "geboortedatum_kind_verplicht",
                "Geef de geboortedatum van het jongste kind.",
                "youngest_child_born",
            )
        if child_age_limit is None:
            raise RuleViolation(
                "parameter_ontbreekt", "Leeftijdsgrens jongste kind ontbreekt.", "youngest_child_born"
            )
        limit = add_years(youngest_child_born, child_age_limit)
        if end >= limit:
            last = limit - timedelta(days=1)
            raise RuleViolation(
                "kind_te_oud",
                f"Vrijstelling als alleenstaande ouder kan tot het jongste kind {child_age_limit} jaar "
                f"wordt: uiterlijk t/m {format_date(last)}.",
                "end_date",
            )


# --------------------------------------------------------------------------- compliance: missed weeks


def missed_weeks(
    *,
    start: date,
    end: date | None,
    until: IsoWeek,
    logged_weeks: Collection[IsoWeek],
    weeks_with_hours: Collection[IsoWeek],
    paused: Iterable[Period] = (),
    exemptions: Iterable[ExemptionPeriod] = (),
    max_weeks_per_year: int | None = None,
) -> list[IsoWeek]:
    """Weeks of a placement (up to and including ``until``) without any registration.

    Not missed: weeks in a pause or an exemption, and weeks after the client reached the yearly cap of weeks
    (``weeks_with_hours`` over all placements), because then no more hours may be asked.
    """
    last = until if end is None else min(until, IsoWeek.of(end))
    first = IsoWeek.of(start)
    paused = list(paused)
    exemptions = list(exemptions)
    result = []
    for week in weeks_between(first, last):
        if week in logged_weeks:
            continue
        if any(pp.overlaps(week.monday, week.sunday) for pp in paused):
            continue
        if any(periods_overlap(ex.start, ex.end, week.monday, week.sunday) for ex in exemptions):
            continue
        if max_weeks_per_year is not None:
            used_in_year = sum(1 for w in weeks_with_hours if w.year == week.year and w < week)
            if used_in_year >= max_weeks_per_year:
                continue
        result.append(week)
    return result
