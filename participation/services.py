"""Every state change of participation: validated by the rules, in one transaction, on the client's timeline.

Concurrency: services that change a client's group or trajectories lock the client row first
(``select_for_update``), so two coaches deciding at the same moment are serialised; the partial unique
constraint ``assignment_one_current_per_client`` is the last line of defence.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from almelo_sociaal.core.rules import money, rule_errors
from almelo_sociaal.events import catalogue as event_types
from almelo_sociaal.events.services import publish
from almelo_sociaal.parameters.selectors import parameter_values
from cases.events import record_client_event
from cases.models import Client, ClientEvent, Leefgebied, Leefvorm

from . import hooks, rules, selectors
from .models import GroupAssignment, Profile, Trajectory
from .parameters import ONTHEFFING_CHILD_AGE


def _lock_client(client: Client) -> Client:
    return Client.objects.select_for_update().get(pk=client.pk)


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: [ValidationError(message, code=code)]})


def _not_in_future(day: date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise _error(field, f"{what} kan niet in de toekomst liggen.", "datum_toekomst")


@transaction.atomic
def record_profile(
    *,
    actor,
    client: Client,
    assessed_on: date,
    motivatie: str,
    kans_arbeidsmarkt: str,
    opleiding: str,
    belemmeringen: str,
    trede: int,
    belemmering_leefgebieden: list[str] | None = None,
    coach: str = "",
    preventiesignaal: str = "",
    arbeidsbeperking: bool = False,
    startkwalificatie: bool = False,
    student: bool = False,
    medisch_urenbeperkt: bool = False,
    andere_vrijlating_loopt: bool = False,
    zorg_kinderen: bool = False,
    jongste_kind_geboren: date | None = None,
    mantelzorg_uren: Decimal | None = None,
    beschikbare_uren: Decimal | None = None,
    toelichting: str = "",
) -> Profile:
    """Record a participation profile; the benefit duration comes from the dossiers, the suggestion from the
    rules. Returns the profile with ``suggested_group`` and ``suggestion_reasons`` filled in."""
    _not_in_future(assessed_on, "assessed_on", "De datum van het profiel")
    leefgebieden = list(dict.fromkeys(belemmering_leefgebieden or []))
    unknown = [v for v in leefgebieden if v not in Leefgebied.values]
    if unknown:
        raise _error(
            "belemmering_leefgebieden", f"Onbekend leefgebied: {', '.join(unknown)}.", "leefgebied_onbekend"
        )
    if belemmeringen in (rules.Belemmeringen.IN_ZEKERE_MATE, rules.Belemmeringen.FORS) and not leefgebieden:
        raise _error(
            "belemmering_leefgebieden",
            "Geef aan op welke leefgebieden de belemmeringen liggen.",
            "leefgebieden_verplicht",
        )
    if trede not in rules.Trede.values:
        raise _error("trede", "Kies een trede van 1 tot en met 6 op de participatieladder.", "trede_ongeldig")
    months, in_uitkering = selectors.benefit_facts(client.pk, assessed_on)
    facts = rules.ProfileFacts(
        motivatie=motivatie,
        kans_arbeidsmarkt=kans_arbeidsmarkt,
        uitkeringsduur_maanden=months,
        opleiding=opleiding,
        belemmeringen=belemmeringen,
        coach=coach or "",
        preventiesignaal=preventiesignaal or "",
        in_uitkering=in_uitkering,
    )
    care = rules.CareFacts(
        zorg_kinderen=bool(zorg_kinderen),
        jongste_kind_geboren=jongste_kind_geboren,
        alleenstaande_ouder=client.leefvorm == Leefvorm.ALLEENSTAANDE_OUDER,
        mantelzorg_uren=_decimal(mantelzorg_uren or 0, "mantelzorg_uren", "Mantelzorg (uren per week)"),
        beschikbare_uren=(
            None
            if beschikbare_uren in (None, "")
            else _decimal(beschikbare_uren, "beschikbare_uren", "Beschikbare uren per week")
        ),
    )
    with rule_errors():
        rules.check_care_facts(care, assessed_on=assessed_on)
        suggestion = rules.suggest_group(facts, care, assessed_on=assessed_on)
        child_age_limit = int(parameter_values([ONTHEFFING_CHILD_AGE], assessed_on)[ONTHEFFING_CHILD_AGE])
        prompts = rules.ontheffing_prompts(care, assessed_on=assessed_on, child_age_limit=child_age_limit)
    profile = Profile.objects.create(
        client=client,
        assessed_on=assessed_on,
        author=actor,
        motivatie=motivatie,
        kans_arbeidsmarkt=kans_arbeidsmarkt,
        opleiding=opleiding,
        belemmeringen=belemmeringen,
        belemmering_leefgebieden=leefgebieden,
        coach=coach or "",
        preventiesignaal=preventiesignaal or "",
        trede=trede,
        uitkeringsduur_maanden=months,
        in_uitkering=in_uitkering,
        arbeidsbeperking=arbeidsbeperking,
        startkwalificatie=startkwalificatie,
        student=student,
        medisch_urenbeperkt=medisch_urenbeperkt,
        andere_vrijlating_loopt=andere_vrijlating_loopt,
        zorg_kinderen=care.zorg_kinderen,
        jongste_kind_geboren=care.jongste_kind_geboren,
        mantelzorg_uren=care.mantelzorg_uren,
        beschikbare_uren=care.beschikbare_uren,
        toelichting=toelichting.strip(),
        suggested_group=suggestion.group,
        suggestion_reasons=suggestion.all_reasons,
        aandachtspunten=prompts,
    )
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.PARTICIPATIE,
        text=f"Participatieprofiel vastgelegd (trede {trede}); voorstel groep {suggestion.group}",
        actor=actor,
    )
    return profile


@transaction.atomic
def assign_group(
    *,
    actor,
    client: Client,
    group: int,
    reason: str = "",
    valid_from: date | None = None,
    profile: Profile | None = None,
) -> GroupAssignment:
    """The coach decides the client's group from ``valid_from`` (default today).

    The suggestion is that of ``profile`` (default: the latest profile). Deviating needs a reason. The current
    assignment is closed on ``valid_from``; the next review date follows from the group's policy interval.
    """
    client = _lock_client(client)
    valid_from = valid_from or timezone.localdate()
    _not_in_future(valid_from, "valid_from", "De ingangsdatum")
    if profile is None:
        profile = selectors.latest_profile(client.pk)
    elif profile.client_id != client.pk:
        raise _error("profile", "Dit profiel hoort bij een andere cliënt.", "profiel_andere_client")
    suggested = profile.suggested_group if profile else None
    with rule_errors():
        rules.check_assignment(group=group, suggested=suggested, reason=reason or "")
    current = GroupAssignment.objects.select_for_update().filter(client=client, valid_to__isnull=True).first()
    if current is not None:
        if valid_from < current.valid_from:
            raise _error(
                "valid_from",
                f"De ingangsdatum ligt vóór de huidige indeling (groep {current.group} vanaf "
                f"{current.valid_from:%d-%m-%Y}).",
                "ingangsdatum_voor_huidige",
            )
        current.valid_to = valid_from
        current.save(update_fields=["valid_to"])
    review_due = rules.next_review_date(
        group=group, assigned_on=valid_from, months_by_group=selectors.policy(valid_from).review_months
    )
    try:
        with transaction.atomic():
            assignment = GroupAssignment.objects.create(
                client=client,
                group=group,
                valid_from=valid_from,
                profile=profile,
                suggested_group=suggested,
                reason=(reason or "").strip(),
                review_due=review_due,
                decided_by=actor,
            )
    except IntegrityError:
        raise _error(
            "group",
            "De groep van deze cliënt is zojuist door iemand anders gewijzigd; laad de pagina opnieuw.",
            "gelijktijdig_gewijzigd",
        )
    text = f"Participatiegroep {group} vastgesteld" + (f" (was groep {current.group})" if current else "")
    if assignment.deviates:
        text += f", afwijkend van voorstel groep {suggested}"
    record_client_event(client_id=client.pk, kind=ClientEvent.Kind.PARTICIPATIE, text=text, actor=actor)
    publish(
        event_types.GROEP_VASTGESTELD,
        assignment.pk,
        {"groepsindeling": assignment.pk, "client": client.pk, "groep": group},
    )
    return assignment


def _decimal(value, field: str, what: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise _error(field, f"{what} is geen geldig getal.", "ongeldig_getal")


@transaction.atomic
def deploy_instrument(
    *,
    actor,
    client: Client,
    instrument: str,
    start: date,
    hours_per_week: Decimal,
    provider: str,
    cost: Decimal,
    end: date | None = None,
    loonwaarde_pct: Decimal | None = None,
) -> Trajectory:
    """Deploy an instrument as a trajectory, refused with the reason when it breaks a condition
    (group, age, maximum of simultaneous instruments, loonwaarde, vrijlating, ...)."""
    client = _lock_client(client)
    hours = _decimal(hours_per_week, "hours_per_week", "Uren per week")
    cost = money(_decimal(cost, "cost", "Kosten"))
    if cost < 0:
        raise _error("cost", "De kosten kunnen niet negatief zijn.", "kosten_negatief")
    if not (provider or "").strip():
        raise _error("provider", "Vul de aanbieder in.", "aanbieder_verplicht")
    loonwaarde = (
        None if loonwaarde_pct in (None, "") else _decimal(loonwaarde_pct, "loonwaarde_pct", "Loonwaarde")
    )
    group = selectors.current_group(client.pk, start)
    profile = selectors.latest_profile(client.pk)
    facts = rules.DeploymentFacts(
        group=group,
        age=rules.age_on(client.birth_date, start),
        start=start,
        end=end,
        hours_per_week=hours,
        arbeidsbeperking=bool(profile and profile.arbeidsbeperking),
        startkwalificatie=bool(profile and profile.startkwalificatie),
        student=bool(profile and profile.student),
        medisch_urenbeperkt=bool(profile and profile.medisch_urenbeperkt),
        andere_vrijlating_loopt=bool(profile and profile.andere_vrijlating_loopt),
        loonwaarde_pct=loonwaarde,
        active_instruments=selectors.active_instrument_codes(client.pk, start, end),
    )
    with rule_errors():
        rules.check_deployment(instrument, facts, selectors.limits(start))
        monthly_subsidy = _monthly_lks(instrument, start, hours, loonwaarde)
        hooks.run_trajectory_checks(
            hooks.TrajectoryChange(client_id=client.pk, start=start, end=end, hours_per_week=hours)
        )
    trajectory = Trajectory.objects.create(
        client=client,
        instrument=instrument,
        group=group,
        start=start,
        end=end,
        hours_per_week=hours,
        provider=provider.strip(),
        cost=cost,
        loonwaarde_pct=loonwaarde,
        monthly_subsidy=monthly_subsidy,
        created_by=actor,
    )
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.PARTICIPATIE,
        text=f"{trajectory.get_instrument_display()} ingezet vanaf {start:%d-%m-%Y} ({hours} uur per week)",
        actor=actor,
    )
    return trajectory


LKS_KEYS = [
    "wml_uur_21",
    "lks_vakantiebijslag_pct",
    "lks_werkgeverslasten_pct",
    "lks_max_pct",
    "lks_zonder_loonwaarde_pct",
    "lks_zonder_loonwaarde_maanden",
]


def _monthly_lks(instrument: str, start: date, hours: Decimal, loonwaarde: Decimal | None) -> Decimal | None:
    if instrument != "loonkostensubsidie":
        return None
    return loonkostensubsidie_for(start=start, hours_per_week=hours, loonwaarde_pct=loonwaarde).bedrag


def loonkostensubsidie_for(
    *, start: date, hours_per_week: Decimal, loonwaarde_pct: Decimal | None
) -> rules.Loonkostensubsidie:
    """The loonkostensubsidie per month with the amounts valid on ``start`` (read-only calculation)."""
    values = parameter_values(LKS_KEYS, start)
    return rules.loonkostensubsidie(
        wml_maand=rules.wml_for_hours(wml_uur=values["wml_uur_21"], uren_per_week=hours_per_week),
        loonwaarde_pct=loonwaarde_pct,
        vakantiebijslag_pct=values["lks_vakantiebijslag_pct"],
        werkgeverslasten_pct=values["lks_werkgeverslasten_pct"],
        max_pct=values["lks_max_pct"],
        zonder_loonwaarde_pct=values["lks_zonder_loonwaarde_pct"],
        zonder_loonwaarde_maanden=int(values["lks_zonder_loonwaarde_maanden"]),
    )


def vrijlating_medisch_for(*, on: date, inkomsten: Decimal, andere_vrijlating_loopt: bool) -> Decimal:
    """Monthly vrijlating for a medische urenbeperking with the percentage and cap valid on ``on``."""
    values = parameter_values(["vrijlating_medisch_pct", "vrijlating_medisch_max"], on)
    with rule_errors():
        return rules.vrijlating_medisch(
            inkomsten=inkomsten,
            pct=values["vrijlating_medisch_pct"],
            maximum=values["vrijlating_medisch_max"],
            andere_vrijlating_loopt=andere_vrijlating_loopt,
        )


@transaction.atomic
def close_trajectory(
    *, actor, trajectory: Trajectory, end: date, outcome: str, outcome_note: str = ""
) -> Trajectory:
    """Record the end and outcome of a trajectory."""
    trajectory = Trajectory.objects.select_for_update().select_related("client").get(pk=trajectory.pk)
    if trajectory.outcome:
        raise _error("outcome", "Dit traject is al afgesloten.", "traject_afgesloten")
    if outcome not in Trajectory.Outcome.values or not outcome:
        raise _error("outcome", "Kies het resultaat van het traject.", "resultaat_verplicht")
    if end < trajectory.start:
        raise _error("end", "De einddatum ligt vóór de startdatum.", "einde_voor_start")
    if trajectory.end is not None and end > trajectory.end:  # a later end: the added days are new overlap
        # the client row is locked with the trajectory (select_related above)
        with rule_errors(rename={"hours_per_week": "end"}):
            hooks.run_trajectory_checks(
                hooks.TrajectoryChange(
                    client_id=trajectory.client_id,
                    start=trajectory.end + timedelta(days=1),
                    end=end,
                    hours_per_week=trajectory.hours_per_week,
                    trajectory_id=trajectory.pk,
                )
            )
    trajectory.end = end
    trajectory.outcome = outcome
    trajectory.outcome_note = outcome_note.strip()
    trajectory.save(update_fields=["end", "outcome", "outcome_note"])
    record_client_event(
        client_id=trajectory.client.pk,
        kind=ClientEvent.Kind.PARTICIPATIE,
        text=f"{trajectory.get_instrument_display()} afgesloten: {trajectory.get_outcome_display().lower()}",
        actor=actor,
    )
    return trajectory
