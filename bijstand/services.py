"""Every write of recht en hoogte: validated, in one transaction, with history and the client timeline.

A change in the facts (a household member, an income, the vermogen, the circumstances, a stay abroad) makes a
herberekening of the client's running dossier from the date the change counts (``recalculate``); the
difference per month is kept (nabetaling or te veel betaald).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import RuleViolation, money, rule_errors
from cases import services as cases_services
from cases.events import record_client_event
from cases.models import Aanvraag, Client, ClientEvent, Uitkeringsdossier
from cases.rules import normalise_bsn

from . import rules, selectors
from .models import (
    Berekening,
    BuitenlandVerblijf,
    Herberekening,
    Huishoudlid,
    Inkomen,
    Omstandigheden,
    Vermogen,
)


def _event(client_id: int, text: str, actor) -> None:
    record_client_event(client_id=client_id, kind=ClientEvent.Kind.WIJZIGING, text=text[:300], actor=actor)


LEEFVORM = {
    rules.GEHUWDEN: "gehuwd",
    rules.ALLEENSTAANDE_OUDER: "alleenstaande_ouder",
    rules.ALLEENSTAANDE: "alleenstaand",
}


def _sync_leefvorm(client: Client, actor) -> None:
    """The client's leefvorm (cases) follows the household derived today, so the bound of the four-eyes check
    and every list that shows the leefvorm agree with the household."""
    today = timezone.localdate()
    kind = selectors.household_summary(client, today)["kind"]
    leefvorm = LEEFVORM[kind]
    if client.leefvorm != leefvorm:
        cases_services.update_client(actor=actor, client=client, leefvorm=leefvorm)
        client.leefvorm = leefvorm


def _save(obj, actor) -> None:
    obj.full_clean(exclude=["client", "partner_client", "created_by"])
    set_history_user(obj, actor)
    obj.save()


# --- the household -------------------------------------------------------------------------------------------


def _partner_client(
    *, actor, aanvrager: Client, bsn: str, voornamen: str, achternaam: str, geboortedatum: date
):
    """The partner as a client (one joint right): found by BSN, or registered at the aanvrager's address in the
    aanvrager's wijkteam. Both BSNs are checked (elfproef, not the aanvrager's own)."""
    with rule_errors(rename={"bsn": "partner_bsn"}):
        bsn = normalise_bsn(bsn)
    if bsn == aanvrager.bsn:
        raise ValidationError(
            {
                "partner_bsn": ValidationError(
                    "De partner kan niet de aanvrager zelf zijn.", code="partner_is_aanvrager"
                )
            }
        )
    existing = Client.objects.filter(bsn=bsn).first()
    if existing is not None:
        return existing
    if not (voornamen or "").strip() or not (achternaam or "").strip():
        raise ValidationError(
            {"voornamen": ValidationError("Vul de naam van de partner in.", code="partner_naam_verplicht")}
        )
    return cases_services.register_client(
        actor=actor,
        bsn=bsn,
        voornamen=voornamen,
        achternaam=achternaam,
        birth_date=geboortedatum,
        street=aanvrager.street,
        house_number=aanvrager.house_number,
        postcode=aanvrager.postcode,
        city=aanvrager.city,
        leefvorm="gehuwd",
        wijkteam=aanvrager.wijkteam,
        coach=aanvrager.coach,
    )


@transaction.atomic
def add_member(
    *,
    actor,
    client: Client,
    rol: str,
    geboortedatum: date,
    ingangsdatum: date,
    naam: str = "",
    relatie: str = rules.OVERIG,
    partner_bsn: str = "",
    voornamen: str = "",
    achternaam: str = "",
    wederzijdse_zorg: bool = False,
    vermoedens: list[str] | None = None,
    duurzaam_gescheiden: bool = False,
    student: bool = False,
    in_inrichting: bool = False,
    einddatum: date | None = None,
) -> Huishoudlid:
    """Record a partner, child or housemate from ``ingangsdatum``. A partner is a client (found by BSN or
    registered); only one partner at a time."""
    today = timezone.localdate()
    with rule_errors():
        rules.check_member(role=rol, relation=relatie, birth_date=geboortedatum, start=ingangsdatum, on=today)
        rules.check_period(start=ingangsdatum, end=einddatum)
    unknown = set(vermoedens or ()) - set(rules.VERMOEDENS)
    if unknown:
        raise ValidationError({"vermoedens": "Onbekend vermoeden van zorg."})
    member = Huishoudlid(
        client=client,
        rol=rol,
        geboortedatum=geboortedatum,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        naam=(naam or "").strip(),
        relatie=relatie if rol != rules.KIND else rules.FAMILIE_EERSTE_GRAAD,
        wederzijdse_zorg=wederzijdse_zorg,
        vermoedens=sorted(vermoedens or ()),
        duurzaam_gescheiden=duurzaam_gescheiden,
        student=student,
        in_inrichting=in_inrichting,
        created_by=actor,
    )
    if rol == rules.PARTNER:
        Client.objects.select_for_update().filter(
            pk=client.pk
        ).first()  # one partner at a time, also concurrently
        partners = Huishoudlid.objects.filter(client=client, rol=rules.PARTNER).values_list(
            "ingangsdatum", "einddatum"
        )
        if rules.overlap(list(partners), ingangsdatum, einddatum):
            raise ValidationError(
                {
                    "rol": ValidationError(
                        "In deze periode is al een partner vastgelegd.", code="al_een_partner"
                    )
                }
            )
        partner = _partner_client(
            actor=actor,
            aanvrager=client,
            bsn=partner_bsn,
            voornamen=voornamen,
            achternaam=achternaam,
            geboortedatum=geboortedatum,
        )
        member.partner_client = partner
        member.naam = partner.full_name
        member.geboortedatum = partner.birth_date
    if not member.naam:
        raise ValidationError({"naam": ValidationError("Vul de naam in.", code="naam_verplicht")})
    _save(member, actor)
    _event(
        client.pk,
        f"Huishouden: {member.get_rol_display().lower()} {member.naam} vanaf {ingangsdatum:%d-%m-%Y}",
        actor,
    )
    _sync_leefvorm(client, actor)
    recalculate_running(actor=actor, client=client, vanaf=ingangsdatum, aanleiding=f"{member} toegevoegd")
    return member


@transaction.atomic
def end_member(*, actor, member: Huishoudlid, einddatum: date) -> Huishoudlid:
    member = Huishoudlid.objects.select_for_update().get(pk=member.pk)
    with rule_errors():
        rules.check_period(start=member.ingangsdatum, end=einddatum)
    member.einddatum = einddatum
    _save(member, actor)
    _event(
        member.client_id,
        f"Huishouden: {member.naam} woont niet meer in het huishouden na {einddatum:%d-%m-%Y}",
        actor,
    )
    _sync_leefvorm(member.client, actor)
    recalculate_running(
        actor=actor, client=member.client, vanaf=einddatum, aanleiding=f"{member} uit het huishouden"
    )
    return member


# --- middelen ------------------------------------------------------------------------------------------------


@transaction.atomic
def record_income(
    *,
    actor,
    client: Client,
    soort: str,
    bedrag: Decimal,
    ingangsdatum: date,
    einddatum: date | None = None,
    van_partner: bool = False,
    omschrijving: str = "",
    vrijlating_vanaf: date | None = None,
    medische_urenbeperking: bool = False,
) -> Inkomen:
    with rule_errors():
        rules.check_amount(bedrag)
        rules.check_period(start=ingangsdatum, end=einddatum)
    if soort == rules.ARBEID and vrijlating_vanaf is None:
        vrijlating_vanaf = ingangsdatum
    income = Inkomen(
        client=client,
        soort=soort,
        bedrag=money(bedrag),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        van_partner=van_partner,
        omschrijving=(omschrijving or "").strip(),
        vrijlating_vanaf=vrijlating_vanaf if soort == rules.ARBEID else None,
        medische_urenbeperking=medische_urenbeperking and soort == rules.ARBEID,
        created_by=actor,
    )
    _save(income, actor)
    _event(
        client.pk,
        f"Inkomen vastgelegd: {income.get_soort_display().lower()} € {income.bedrag} per maand",
        actor,
    )
    recalculate_running(actor=actor, client=client, vanaf=ingangsdatum, aanleiding="Inkomen vastgelegd")
    return income


@transaction.atomic
def end_income(*, actor, income: Inkomen, einddatum: date) -> Inkomen:
    income = Inkomen.objects.select_for_update().get(pk=income.pk)
    with rule_errors():
        rules.check_period(start=income.ingangsdatum, end=einddatum)
    income.einddatum = einddatum
    _save(income, actor)
    _event(income.client_id, f"Inkomen beëindigd per {einddatum:%d-%m-%Y}", actor)
    recalculate_running(actor=actor, client=income.client, vanaf=einddatum, aanleiding="Inkomen beëindigd")
    return income


def _close_previous(model, client: Client, ingangsdatum: date, actor) -> None:
    """A new period of a one-at-a-time fact ends the open one the day before."""
    from datetime import timedelta

    for previous in model.objects.select_for_update().filter(client=client, einddatum__isnull=True):
        if previous.ingangsdatum >= ingangsdatum:
            raise ValidationError(
                {
                    "ingangsdatum": ValidationError(
                        "Er is al een gegeven vanaf deze datum of later.", code="al_vastgelegd"
                    )
                }
            )
        previous.einddatum = ingangsdatum - timedelta(days=1)
        _save(previous, actor)


@transaction.atomic
def record_vermogen(
    *, actor, client: Client, bedrag: Decimal, ingangsdatum: date, eigen_woning: Decimal = Decimal(0)
) -> Vermogen:
    with rule_errors():
        rules.check_amount(eigen_woning, "eigen_woning")
    _close_previous(Vermogen, client, ingangsdatum, actor)
    vermogen = Vermogen(
        client=client,
        bedrag=money(bedrag),
        eigen_woning=money(eigen_woning),
        ingangsdatum=ingangsdatum,
        created_by=actor,
    )
    _save(vermogen, actor)
    _event(client.pk, f"Vermogen vastgelegd vanaf {ingangsdatum:%d-%m-%Y}", actor)
    recalculate_running(actor=actor, client=client, vanaf=ingangsdatum, aanleiding="Vermogen vastgelegd")
    return vermogen


@transaction.atomic
def record_omstandigheden(*, actor, client: Client, ingangsdatum: date, **facts) -> Omstandigheden:
    allowed = {"verblijfstatus", "woont_in_nederland", "gedetineerd", "studiefinanciering", "in_inrichting"}
    if set(facts) - allowed:
        raise ValueError(f"Onbekende velden: {sorted(set(facts) - allowed)}")
    _close_previous(Omstandigheden, client, ingangsdatum, actor)
    row = Omstandigheden(client=client, ingangsdatum=ingangsdatum, created_by=actor, **facts)
    _save(row, actor)
    _event(client.pk, f"Omstandigheden (recht op bijstand) vastgelegd vanaf {ingangsdatum:%d-%m-%Y}", actor)
    recalculate_running(actor=actor, client=client, vanaf=ingangsdatum, aanleiding="Omstandigheden gewijzigd")
    return row


@transaction.atomic
def record_stay_abroad(*, actor, client: Client, van: date, tot: date) -> BuitenlandVerblijf:
    with rule_errors(rename={"einddatum": "tot"}):
        rules.check_period(start=van, end=tot)
    stay = BuitenlandVerblijf(client=client, van=van, tot=tot)
    set_history_user(stay, actor)
    stay.save()
    _event(client.pk, f"Verblijf in het buitenland van {van:%d-%m-%Y} tot {tot:%d-%m-%Y}", actor)
    recalculate_running(actor=actor, client=client, vanaf=van, aanleiding="Verblijf in het buitenland")
    return stay


# --- calculations --------------------------------------------------------------------------------------------


def _berekening(calc: rules.Calculation, **fields) -> Berekening:
    fields.setdefault("vastgesteld_bedrag", calc.total)
    return Berekening(
        ingangsdatum=calc.on,
        leefvorm=calc.household_kind,
        kostendelers=calc.kostendelers,
        norm=calc.norm,
        middelen=calc.middelen,
        bedrag=calc.total,
        vakantietoeslag=calc.vakantietoeslag,
        recht=calc.recht,
        regels=[line.as_dict() for line in calc.lines],
        redenen=[{"code": r.code, "message": r.message, "article": r.article} for r in calc.reasons],
        **fields,
    )


@transaction.atomic
def store_calculation(
    *,
    actor,
    dossier: Uitkeringsdossier,
    on: date,
    aanleiding: str = Berekening.Aanleiding.PERIODIEK,
    toelichting: str = "",
) -> Berekening:
    """Calculate the dossier's client on ``on`` and keep it as the dossier's calculation from that date."""
    with rule_errors():
        calc = selectors.calculate_for_client(dossier.client, on)
    berekening = _berekening(
        calc,
        client=dossier.client,
        dossier=dossier,
        aanleiding=aanleiding,
        toelichting=toelichting[:300],
        door=actor,
    )
    berekening.save()
    return berekening


def recalculate_running(*, actor, client: Client, vanaf: date, aanleiding: str) -> Herberekening | None:
    """The herberekening of the client's dossier running on ``vanaf`` (or today), if it has calculations."""
    today = timezone.localdate()
    dossier = selectors.running_dossier(client, min(vanaf, today)) or selectors.running_dossier(client, today)
    if dossier is None:
        return None
    return recalculate(actor=actor, dossier=dossier, vanaf=vanaf, aanleiding=aanleiding, today=today)


@transaction.atomic
def recalculate(
    *, actor, dossier: Uitkeringsdossier, vanaf: date, aanleiding: str, today: date | None = None
) -> Herberekening | None:
    """Recalculate ``dossier`` from ``vanaf`` up to today: a new calculation from ``vanaf`` and one from every
    later month whose amount changes, and the difference per month against what was in force. Never before
    the dossier's first calculation (before it the amount was decided without these rules). None when the
    dossier has no calculation yet."""
    today = today or timezone.localdate()
    first = Berekening.objects.filter(dossier=dossier).order_by("ingangsdatum", "id").first()
    if first is None:
        return None
    start = max(vanaf, first.ingangsdatum, dossier.startdatum)
    end = min(today, dossier.einddatum) if dossier.einddatum else today
    client = dossier.client
    if start > end:  # a change that counts from a future date: its calculation waits for that date
        store_calculation(
            actor=actor,
            dossier=dossier,
            on=start,
            aanleiding=Berekening.Aanleiding.HERBEREKENING,
            toelichting=aanleiding,
        )
        return None
    months = rules.month_starts(start, end)
    previous = {m: selectors.monthly_amounts([dossier.pk], m).get(dossier.pk, rules.ZERO) for m in months}
    new: dict[date, Decimal] = {}
    last_amount = None
    for i, month in enumerate(months):
        day = start if i == 0 else month
        with rule_errors():
            calc = selectors.calculate_for_client(client, day)
        new[month] = calc.total
        if i == 0 or calc.total != last_amount:
            _berekening(
                calc,
                client=client,
                dossier=dossier,
                aanleiding=Berekening.Aanleiding.HERBEREKENING,
                toelichting=aanleiding[:300],
                door=actor,
            ).save()
        last_amount = calc.total
    diffs = rules.month_differences(previous, new)
    total = sum((d.difference for d in diffs), rules.ZERO)
    herberekening = Herberekening.objects.create(
        client=client,
        dossier=dossier,
        vanaf=start,
        verschillen=[
            {
                "maand": d.month.isoformat(),
                "oud": str(d.previous),
                "nieuw": str(d.new),
                "verschil": str(d.difference),
            }
            for d in diffs
        ],
        totaal_verschil=total,
        aanleiding=aanleiding[:300],
        door=actor,
    )
    if total:
        kind = "nabetaling" if total > 0 else "te veel betaald"
        _event(client.pk, f"Herberekening vanaf {start:%d-%m-%Y}: {kind} € {abs(total)}", actor)
    return herberekening


# --- the decision (hooks of cases) ------------------------------------------------------------------------------


def draft_amount(
    *, aanvraag: Aanvraag, ingangsdatum: date, maandbedrag, afwijking_reden: str, versie: int, actor
):
    """On ``cases.hooks.draft_amount``: calculate the aanvrager on the ingangsdatum and keep it for this
    version of the draft; an amount other than the calculated one needs a reason. None when no calculation
    can be made (a missing parameter): the consulent's amount then stands as before."""
    if aanvraag.regeling != "bijstand":
        return None
    try:
        calc = selectors.calculate_for_client(aanvraag.client, ingangsdatum)
    except RuleViolation:
        return None
    chosen = money(maandbedrag) if maandbedrag is not None else calc.total
    with rule_errors():
        deviates = rules.check_deviation(calculated=calc.total, chosen=chosen, reden=afwijking_reden)
    _berekening(
        calc,
        client=aanvraag.client,
        aanvraag=aanvraag,
        concept_versie=versie,
        vastgesteld_bedrag=chosen,
        afwijking_reden=(afwijking_reden or "").strip() if deviates else "",
        aanleiding=Berekening.Aanleiding.BESLUIT,
        door=actor,
    ).save()
    return calc.total


def dossier_opened(*, dossier: Uitkeringsdossier, aanvraag: Aanvraag, actor) -> None:
    """On ``cases.hooks.dossier_opened``: the approved draft's calculation becomes the dossier's first one."""
    berekening = (
        Berekening.objects.filter(aanvraag=aanvraag, concept_versie=aanvraag.concept_versie)
        .order_by("-id")
        .first()
    )
    if berekening is None:
        return
    berekening.dossier = dossier
    berekening.ingangsdatum = dossier.startdatum
    berekening.vastgesteld_bedrag = dossier.maandbedrag
    if berekening.vastgesteld_bedrag != berekening.bedrag and not berekening.afwijking_reden:
        berekening.afwijking_reden = "Vastgesteld bedrag van het besluit"
    berekening.save()
