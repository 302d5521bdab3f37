"""Every state change of the intake domain: validated, in one transaction, audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role, has_role
from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import RuleViolation, money, rule_errors
from almelo_sociaal.events import catalogue as event_types
from almelo_sociaal.events.services import publish

from . import hooks, rules, selectors
from .events import record_client_event
from .models import (
    CLIENT_FIELDS,
    Aanvraag,
    Client,
    ClientEvent,
    Contact,
    LeefgebiedScore,
    Uitkeringsdossier,
    Wijkteam,
)


def _validated_identity(
    *,
    bsn: str | None = None,
    postcode: str | None = None,
    iban: str | None = None,
    birth_date: date | None = None,
) -> dict:
    """Normalise identifiers; collect all violations so the form shows every field error at once."""
    errors: dict[str, list[ValidationError]] = {}
    out: dict = {}
    checks = []
    if bsn is not None:
        checks.append(("bsn", rules.normalise_bsn, bsn))
    if postcode is not None:
        checks.append(("postcode", rules.normalise_postcode, postcode))
    if iban is not None:
        checks.append(("iban", rules.normalise_iban, iban))
    for field, fn, value in checks:
        try:
            out[field] = fn(value)
        except RuleViolation as v:
            errors.setdefault(field, []).append(ValidationError(v.message, code=v.code))
    if birth_date is not None and birth_date > timezone.localdate():
        errors.setdefault("birth_date", []).append(
            ValidationError("De geboortedatum ligt in de toekomst.", code="geboortedatum_toekomst")
        )
    if errors:
        raise ValidationError(errors)
    return out


def validate_coach(*, coach, wijkteam: Wijkteam) -> None:
    """The one check every entry point (form, API, admin, imports) runs before a client gets a coach."""
    if coach is None:
        return
    with rule_errors():
        rules.check_coach_assignment(
            is_active=coach.is_active,
            is_coach=has_role(coach, Role.COACH),
            coach_wijkteam_id=coach.wijkteam_id,
            client_wijkteam_id=wijkteam.pk,
        )


DUPLICATE_BSN = ValidationError(
    {"bsn": [ValidationError("Er is al een cliënt met dit BSN geregistreerd.", code="bsn_bestaat")]}
)


@transaction.atomic
def register_client(
    *,
    actor,
    bsn: str,
    voornamen: str,
    achternaam: str,
    birth_date: date,
    street: str,
    house_number: str,
    postcode: str,
    leefvorm: str,
    wijkteam: Wijkteam,
    tussenvoegsel: str = "",
    city: str = "Almelo",
    phone: str = "",
    email: str = "",
    iban: str = "",
    taaleis: str = "niet_beoordeeld",
    coach=None,
) -> Client:
    ids = _validated_identity(bsn=bsn, postcode=postcode, iban=iban, birth_date=birth_date)
    validate_coach(coach=coach, wijkteam=wijkteam)
    if Client.objects.filter(bsn=ids["bsn"]).exists():
        raise DUPLICATE_BSN
    client = Client(
        bsn=ids["bsn"],
        voornamen=voornamen.strip(),
        tussenvoegsel=tussenvoegsel.strip(),
        achternaam=achternaam.strip(),
        birth_date=birth_date,
        street=street.strip(),
        house_number=house_number.strip(),
        postcode=ids["postcode"],
        city=city.strip() or "Almelo",
        phone=phone.strip(),
        email=email.strip(),
        iban=ids["iban"],
        leefvorm=leefvorm,
        taaleis=taaleis,
        wijkteam=wijkteam,
        coach=coach,
    )
    client.full_clean(exclude=["bsn", "coach"])
    set_history_user(client, actor)
    try:
        with transaction.atomic():
            client.save()
    except IntegrityError:  # a concurrent registration of the same BSN
        raise DUPLICATE_BSN
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.INTAKE,
        text=f"Cliënt geregistreerd in wijkteam {wijkteam}",
        actor=actor,
    )
    return client


MOVE_SEPARATELY = ValidationError(
    {
        "wijkteam": [
            ValidationError(
                "Een cliënt naar een ander wijkteam verhuizen is een aparte handeling (Verhuizen naar ander wijkteam).",
                code="wijkteam_via_verhuizing",
            )
        ]
    }
)


@transaction.atomic
def update_client(*, actor, client: Client, **changes) -> Client:
    """Change a client's own data and (``coach``) the coach within the client's wijkteam. The wijkteam itself
    changes only through ``move_client``."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    if "wijkteam" in changes:
        if changes["wijkteam"] != client.wijkteam:
            raise MOVE_SEPARATELY
        del changes["wijkteam"]
    unknown = set(changes) - set(CLIENT_FIELDS) - {"coach"}
    if unknown:
        raise ValueError(f"Onbekende velden: {sorted(unknown)}")
    ids = _validated_identity(
        postcode=changes.get("postcode"), iban=changes.get("iban"), birth_date=changes.get("birth_date")
    )
    if "coach" in changes and changes["coach"] != client.coach:
        validate_coach(coach=changes["coach"], wijkteam=client.wijkteam)
    changes.update(ids)
    changed = [f for f, v in changes.items() if getattr(client, f) != v]
    for field, value in changes.items():
        setattr(client, field, value)
    client.full_clean(exclude=["bsn", "coach"])
    if not changed:
        return client
    set_history_user(client, actor)
    client.save()
    labels = ", ".join(str(Client._meta.get_field(f).verbose_name) for f in changed)
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.WIJZIGING,
        text=f"Gegevens gewijzigd: {labels}",
        actor=actor,
    )
    return client


@transaction.atomic
def assign_coach(*, actor, client: Client, coach) -> Client:
    """Give the client a coach of the client's own wijkteam (or none: the coördinator then gets the work)."""
    client = Client.objects.select_for_update().select_related("wijkteam").get(pk=client.pk)
    if client.coach_id == (coach.pk if coach else None):
        return client
    validate_coach(coach=coach, wijkteam=client.wijkteam)
    client.coach = coach
    set_history_user(client, actor)
    client.save()
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.WIJZIGING,
        text=f"Werkcoach: {coach or 'geen (de coördinator wijst een coach toe)'}",
        actor=actor,
    )
    return client


@transaction.atomic
def move_client(*, actor, client: Client, wijkteam: Wijkteam, reden: str, coach=None) -> Client:
    """Move a client to another wijkteam (its own action, see ``selectors.can_move_client`` for who may). The
    coach goes with the old team: the client gets ``coach`` (a coach of the new wijkteam) or none, so no one
    keeps a client they can no longer open."""
    client = Client.objects.select_for_update().select_related("wijkteam").get(pk=client.pk)
    if not selectors.can_move_client(actor, client):
        raise PermissionDenied(
            "Alleen de coördinator van het wijkteam of functioneel beheer kan een cliënt verhuizen."
        )
    with rule_errors():
        rules.check_move(current_wijkteam_id=client.wijkteam_id, target_wijkteam_id=wijkteam.pk, reden=reden)
    validate_coach(coach=coach, wijkteam=wijkteam)
    previous = client.wijkteam
    client.wijkteam = wijkteam
    client.coach = coach
    set_history_user(client, actor)
    client.save()
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.VERHUIZING,
        text=f"Verhuisd van wijkteam {previous} naar {wijkteam}: {reden.strip()}. "
        f"Werkcoach: {coach or 'geen (de coördinator wijst een coach toe)'}",
        actor=actor,
    )
    return client


@transaction.atomic
def submit_aanvraag(
    *,
    actor,
    client: Client,
    regeling: str,
    aanvraagdatum: date,
    leefgebieden: dict[str, tuple[int, str]] | None = None,
    voorliggende_voorziening: str = "niet_gecontroleerd",
    voorliggende_toelichting: str = "",
) -> Aanvraag:
    """Register an aanvraag (status gemeld) with the leefgebieden assessment of the intake."""
    if aanvraagdatum > timezone.localdate():
        raise ValidationError({"aanvraagdatum": "De aanvraagdatum kan niet in de toekomst liggen."})
    if Aanvraag.objects.filter(
        client=client, regeling=regeling, status__in=[Aanvraag.Status.GEMELD, Aanvraag.Status.IN_BEHANDELING]
    ).exists():
        raise ValidationError(
            {"regeling": "Deze cliënt heeft al een openstaande aanvraag voor deze regeling."}
        )
    aanvraag = Aanvraag(
        client=client,
        regeling=regeling,
        aanvraagdatum=aanvraagdatum,
        consulent=actor,
        created_by=actor,
        voorliggende_voorziening=voorliggende_voorziening,
        voorliggende_toelichting=voorliggende_toelichting,
    )
    aanvraag.full_clean(exclude=["client", "consulent", "created_by"])
    set_history_user(aanvraag, actor)
    aanvraag.save()
    _save_leefgebieden(aanvraag, leefgebieden or {})
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.AANVRAAG,
        text=f"Aanvraag {aanvraag.get_regeling_display()} gemeld",
        actor=actor,
    )
    publish(event_types.AANVRAAG_INGEDIEND, aanvraag.pk, {"aanvraag": aanvraag.pk, "client": client.pk})
    return aanvraag


def _save_leefgebieden(aanvraag: Aanvraag, leefgebieden: dict[str, tuple[int, str]]) -> None:
    rows = []
    for leefgebied, (score, toelichting) in leefgebieden.items():
        if score is None:
            continue
        if not 1 <= int(score) <= 5:
            raise ValidationError({f"score_{leefgebied}": "Kies een score van 1 tot en met 5."})
        rows.append(
            LeefgebiedScore(aanvraag=aanvraag, leefgebied=leefgebied, score=score, toelichting=toelichting)
        )
    LeefgebiedScore.objects.filter(aanvraag=aanvraag).delete()
    LeefgebiedScore.objects.bulk_create(rows)


def _locked(aanvraag: Aanvraag) -> Aanvraag:
    return Aanvraag.objects.select_for_update().select_related("client").get(pk=aanvraag.pk)


def _transition(aanvraag: Aanvraag, target: str) -> None:
    with rule_errors():
        rules.check_transition(aanvraag.status, target)
    aanvraag.status = target


@transaction.atomic
def start_behandeling(*, actor, aanvraag: Aanvraag) -> Aanvraag:
    aanvraag = _locked(aanvraag)
    _transition(aanvraag, Aanvraag.Status.IN_BEHANDELING)
    if aanvraag.consulent_id is None:
        aanvraag.consulent = actor
    set_history_user(aanvraag, actor)
    aanvraag.save()
    record_client_event(
        client_id=aanvraag.client.pk,
        kind=ClientEvent.Kind.AANVRAAG,
        text="Aanvraag in behandeling genomen",
        actor=actor,
    )
    return aanvraag


@transaction.atomic
def record_voorliggende_voorziening(
    *, actor, aanvraag: Aanvraag, uitkomst: str, toelichting: str = ""
) -> Aanvraag:
    aanvraag = _locked(aanvraag)
    if not aanvraag.is_open:
        raise ValidationError({"voorliggende_voorziening": "Deze aanvraag is al afgehandeld."})
    aanvraag.voorliggende_voorziening = uitkomst
    aanvraag.voorliggende_toelichting = toelichting
    aanvraag.full_clean(exclude=["client", "consulent", "created_by"])
    set_history_user(aanvraag, actor)
    aanvraag.save()
    return aanvraag


@transaction.atomic
def draft_decision(
    *,
    actor,
    aanvraag: Aanvraag,
    besluit: str,
    reden: str,
    ingangsdatum: date | None = None,
    maandbedrag: Decimal | None = None,
    bedrag_motivering: str = "",
    voorliggend_afweging: str = "",
    voorliggend_motivering: str = "",
    afwijking_reden: str = "",
) -> Aanvraag:
    """The consulent prepares a decision; it waits for a toetser (four-eyes). Every (re)draft is a new version:
    a redraft while the toetsing runs replaces the version under review (an approval of the old one is refused)
    and keeps the old values so the toetser sees what changed. A monthly amount above the bound
    (``maandbedrag_bound``) needs ``bedrag_motivering`` and then a second toetser. A toekenning while a
    voorliggende voorziening is recorded needs its assessment (``voorliggend_afweging`` and motivation). For a toekenning the apps on
    ``hooks.draft_amount`` calculate the amount: without ``maandbedrag`` the calculated one is drafted; another
    amount needs ``afwijking_reden``."""
    aanvraag = _locked(aanvraag)
    in_behandeling = aanvraag.status == Aanvraag.Status.IN_BEHANDELING
    if (
        besluit == "toekennen"
        and in_behandeling
        and aanvraag.voorliggende_voorziening == "niet_gecontroleerd"
    ):
        raise ValidationError(
            {"besluit": "Controleer eerst de voorliggende voorzieningen (WW, DUO) voordat u toekent."}
        )
    if besluit == "toekennen" and ingangsdatum is not None and in_behandeling:
        for calculated in hooks.draft_amount(
            aanvraag=aanvraag,
            ingangsdatum=ingangsdatum,
            maandbedrag=maandbedrag,
            afwijking_reden=afwijking_reden,
            versie=aanvraag.concept_versie + 1,
            actor=actor,
        ):
            if maandbedrag is None and calculated is not None:
                maandbedrag = calculated
    with rule_errors():
        rules.check_draft_decision(
            status=aanvraag.status,
            besluit=besluit,
            reden=reden,
            ingangsdatum=ingangsdatum,
            maandbedrag=maandbedrag,
            aanvraagdatum=aanvraag.aanvraagdatum,
        )
    toekennen = besluit == "toekennen"
    afweging = voorliggend_afweging if toekennen else ""
    afweging_motivering = (voorliggend_motivering or "").strip() if toekennen else ""
    with rule_errors():
        rules.check_voorliggend_assessment(
            besluit=besluit,
            voorziening=aanvraag.voorliggende_voorziening,
            afweging=afweging,
            motivering=afweging_motivering,
        )
    if afweging and afweging not in Aanvraag.VoorliggendAfweging.values:
        raise ValidationError({"voorliggend_afweging": "Kies een afweging uit de lijst."})
    amount = money(maandbedrag) if toekennen else None
    motivering = (bedrag_motivering or "").strip() if toekennen else ""
    if toekennen:
        with rule_errors():
            rules.above_bound(
                maandbedrag=amount,
                bound=selectors.maandbedrag_bound_for(aanvraag, ingangsdatum),
                motivering=motivering,
            )
    replaced = draft_snapshot(aanvraag) if aanvraag.awaiting_toetsing else None
    aanvraag.vorig_concept = replaced
    aanvraag.concept_versie += 1
    aanvraag.concept_besluit = besluit
    aanvraag.concept_reden = reden.strip()
    aanvraag.concept_ingangsdatum = ingangsdatum if toekennen else None
    aanvraag.concept_maandbedrag = amount
    aanvraag.concept_bedrag_motivering = motivering
    aanvraag.concept_voorliggend_afweging = afweging
    aanvraag.concept_voorliggend_motivering = afweging_motivering
    aanvraag.concept_door = actor
    aanvraag.concept_op = timezone.now()
    aanvraag.eerste_toets_door = None
    aanvraag.eerste_toets_versie = None
    aanvraag.toets_opmerking = ""
    set_history_user(aanvraag, actor)
    aanvraag.save()
    if replaced:
        text = (
            f"Conceptbesluit gewijzigd tijdens de toetsing (versie {replaced['versie']} → "
            f"{aanvraag.concept_versie}); de lopende toetsing vervalt"
        )
    else:
        text = f"Conceptbesluit '{besluit}' (versie {aanvraag.concept_versie}) ter toetsing aangeboden"
    record_client_event(client_id=aanvraag.client.pk, kind=ClientEvent.Kind.BESLUIT, text=text, actor=actor)
    return aanvraag


def draft_snapshot(aanvraag: Aanvraag) -> dict:
    """The draft's values as plain text (kept in ``vorig_concept`` when a redraft replaces it)."""
    return {
        "versie": aanvraag.concept_versie,
        "besluit": aanvraag.concept_besluit,
        "reden": aanvraag.concept_reden,
        "ingangsdatum": aanvraag.concept_ingangsdatum.isoformat() if aanvraag.concept_ingangsdatum else "",
        "maandbedrag": str(aanvraag.concept_maandbedrag) if aanvraag.concept_maandbedrag is not None else "",
        "bedrag_motivering": aanvraag.concept_bedrag_motivering,
        "voorliggend_afweging": aanvraag.concept_voorliggend_afweging,
        "voorliggend_motivering": aanvraag.concept_voorliggend_motivering,
    }


class StaleDraft(ValidationError):
    """The toetser named another version of the draft than the current one, or none (API: 412)."""


def _check_version(aanvraag: Aanvraag, versie: int | None) -> None:
    try:
        rules.check_draft_version(current=aanvraag.concept_versie, given=versie)
    except RuleViolation as v:
        raise StaleDraft({v.field: [ValidationError(v.message, code=v.code)]})


def _locked_for_toetsing(aanvraag: Aanvraag, toetser) -> Aanvraag:
    """Lock the aanvraag and check that ``toetser`` may judge its draft (four eyes: not the drafter)."""
    aanvraag = _locked(aanvraag)
    with rule_errors():
        rules.check_approval(
            status=aanvraag.status,
            has_draft=bool(aanvraag.concept_besluit),
            drafted_by_id=aanvraag.concept_door_id,
            toetser_id=toetser.pk,
        )
    return aanvraag


@transaction.atomic
def approve_decision(
    *, toetser, aanvraag: Aanvraag, versie: int | None, today: date | None = None
) -> Aanvraag:
    """The toetser approves version ``versie`` of the draft: the decision takes effect; a toekenning opens the
    uitkeringsdossier. Another version than the current one is refused (``StaleDraft``). A monthly amount above
    the bound takes two toetsers: the first approval is recorded and the decision waits for a second toetser
    (neither the drafter nor the first)."""
    aanvraag = _locked_for_toetsing(aanvraag, toetser)
    _check_version(aanvraag, versie)
    with rule_errors():  # the voorliggende voorziening may have been recorded after the draft
        rules.check_voorliggend_assessment(
            besluit=aanvraag.concept_besluit,
            voorziening=aanvraag.voorliggende_voorziening,
            afweging=aanvraag.concept_voorliggend_afweging,
            motivering=aanvraag.concept_voorliggend_motivering,
        )
    if aanvraag.concept_besluit == "toekennen":
        with rule_errors():
            above = rules.above_bound(
                maandbedrag=aanvraag.concept_maandbedrag,
                bound=selectors.maandbedrag_bound_for(aanvraag, aanvraag.concept_ingangsdatum),
                motivering=aanvraag.concept_bedrag_motivering,
            )
            if above:
                rules.check_second_toetser(
                    first_toetser_id=aanvraag.eerste_toets_door_id, toetser_id=toetser.pk
                )
        if above and aanvraag.eerste_toets_door_id is None:
            aanvraag.eerste_toets_door = toetser
            aanvraag.eerste_toets_versie = aanvraag.concept_versie
            set_history_user(aanvraag, toetser)
            aanvraag.save()
            record_client_event(
                client_id=aanvraag.client.pk,
                kind=ClientEvent.Kind.BESLUIT,
                text=f"Eerste toetsing (versie {aanvraag.concept_versie}): maandbedrag boven de grens, wacht op een "
                "tweede toetser",
                actor=toetser,
            )
            return aanvraag
    target = (
        Aanvraag.Status.TOEGEKEND if aanvraag.concept_besluit == "toekennen" else Aanvraag.Status.AFGEWEZEN
    )
    _transition(aanvraag, target)
    aanvraag.besluitdatum = today or timezone.localdate()
    aanvraag.besluit_reden = aanvraag.concept_reden
    aanvraag.getoetst_door = toetser
    set_history_user(aanvraag, toetser)
    aanvraag.save()
    if target == Aanvraag.Status.TOEGEKEND:
        dossier = Uitkeringsdossier(
            client=aanvraag.client,
            aanvraag=aanvraag,
            regeling=aanvraag.regeling,
            startdatum=aanvraag.concept_ingangsdatum,
            maandbedrag=aanvraag.concept_maandbedrag,
        )
        set_history_user(dossier, toetser)
        dossier.save()
        hooks.dossier_opened(dossier=dossier, aanvraag=aanvraag, actor=toetser)
        record_client_event(
            client_id=aanvraag.client.pk,
            kind=ClientEvent.Kind.DOSSIER,
            text=f"Uitkeringsdossier {dossier.get_regeling_display()} geopend",
            actor=toetser,
        )
        publish(
            event_types.DOSSIER_GEOPEND, dossier.pk, {"dossier": dossier.pk, "client": aanvraag.client.pk}
        )
    record_client_event(
        client_id=aanvraag.client.pk,
        kind=ClientEvent.Kind.BESLUIT,
        text=f"Besluit getoetst en vastgesteld: {aanvraag.get_status_display()}",
        actor=toetser,
    )
    publish(
        event_types.AANVRAAG_BESLOTEN,
        aanvraag.pk,
        {"aanvraag": aanvraag.pk, "client": aanvraag.client.pk, "besluit": aanvraag.status},
    )
    return aanvraag


@transaction.atomic
def reject_draft(*, toetser, aanvraag: Aanvraag, reden: str, versie: int | None) -> Aanvraag:
    """The toetser sends version ``versie`` of the draft back with a reason; the aanvraag stays in behandeling."""
    aanvraag = _locked_for_toetsing(aanvraag, toetser)
    _check_version(aanvraag, versie)
    if not (reden or "").strip():
        raise ValidationError({"reden": "Geef aan waarom het conceptbesluit wordt teruggestuurd."})
    aanvraag.toets_opmerking = reden.strip()
    aanvraag.concept_besluit = ""
    aanvraag.concept_ingangsdatum = None
    aanvraag.concept_maandbedrag = None
    aanvraag.concept_bedrag_motivering = ""
    aanvraag.vorig_concept = None
    aanvraag.eerste_toets_door = None
    aanvraag.eerste_toets_versie = None
    set_history_user(aanvraag, toetser)
    aanvraag.save()
    record_client_event(
        client_id=aanvraag.client.pk,
        kind=ClientEvent.Kind.BESLUIT,
        text="Conceptbesluit teruggestuurd door toetser",
        actor=toetser,
    )
    return aanvraag


@transaction.atomic
def withdraw_aanvraag(*, actor, aanvraag: Aanvraag, reden: str) -> Aanvraag:
    aanvraag = _locked(aanvraag)
    if not (reden or "").strip():
        raise ValidationError({"reden": "Vul de reden van intrekking in."})
    _transition(aanvraag, Aanvraag.Status.INGETROKKEN)
    aanvraag.intrekking_reden = reden.strip()
    aanvraag.concept_besluit = ""
    set_history_user(aanvraag, actor)
    aanvraag.save()
    record_client_event(
        client_id=aanvraag.client.pk, kind=ClientEvent.Kind.AANVRAAG, text="Aanvraag ingetrokken", actor=actor
    )
    return aanvraag


@transaction.atomic
def end_dossier(*, actor, dossier: Uitkeringsdossier, einddatum: date, eindreden: str) -> Uitkeringsdossier:
    dossier = Uitkeringsdossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.einddatum is not None:
        raise ValidationError({"einddatum": "Dit dossier is al beëindigd."})
    if einddatum < dossier.startdatum:
        raise ValidationError({"einddatum": "De einddatum ligt vóór de startdatum van het dossier."})
    if eindreden not in Uitkeringsdossier.Eindreden.values:
        raise ValidationError({"eindreden": "Kies een reden van beëindiging."})
    dossier.einddatum = einddatum
    dossier.eindreden = eindreden
    set_history_user(dossier, actor)
    dossier.save()
    record_client_event(
        client_id=dossier.client.pk,
        kind=ClientEvent.Kind.DOSSIER,
        text=f"Uitkering beëindigd: {dossier.get_eindreden_display()}",
        actor=actor,
    )
    publish(event_types.DOSSIER_BEEINDIGD, dossier.pk, {"dossier": dossier.pk, "client": dossier.client_id})
    return dossier


@transaction.atomic
def record_contact(*, actor, client: Client, date: date, kind: str, summary: str = "") -> Contact:
    if date > timezone.localdate():
        raise ValidationError({"date": "Een contactmoment kan niet in de toekomst liggen."})
    if kind not in Contact.Kind.values:
        raise ValidationError({"kind": "Kies het soort contact."})
    contact = Contact.objects.create(client=client, date=date, kind=kind, summary=summary, recorded_by=actor)
    record_client_event(
        client_id=client.pk,
        kind=ClientEvent.Kind.CONTACT,
        text=f"Contactmoment ({contact.get_kind_display().lower()}) vastgelegd",
        actor=actor,
    )
    return contact
