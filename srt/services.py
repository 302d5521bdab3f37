"""Every state change of the SRT domain: validated by ``rules``, in a transaction, noted in the findings log.

Nothing here writes to the client timeline (``ClientEvent``): that timeline is visible to coaches and the
existence of an investigation is need-to-know.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.core.rules import format_euro, rule_errors
from almelo_sociaal.events import catalogue as event_types
from almelo_sociaal.events.services import publish

from . import access, rules, selectors
from .models import SrtAssignment, SrtDocument, SrtInvestigation, SrtNote, SrtSignal
from .rules import InvestigationStatus, OtherResult, Outcome, SignalStatus


def _check(rule, **kwargs):
    with rule_errors():
        return rule(**kwargs)


def _note(investigation: SrtInvestigation, kind: str, text: str, author) -> SrtNote:
    return SrtNote.objects.create(investigation=investigation, kind=kind, text=text, author=author)


def _not_in_future(day: date, field: str, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError(
            {field: [ValidationError(f"{label} kan niet in de toekomst liggen.", code="toekomst")]}
        )


def _check_links(client, dossier, aanvraag) -> None:
    _check(
        rules.check_links,
        client_id=client.pk,
        dossier_client_id=dossier.client_id if dossier is not None else None,
        aanvraag_client_id=aanvraag.client_id if aanvraag is not None else None,
    )


# --- Signals ---


@transaction.atomic
def register_signal(
    *,
    actor,
    client,
    source: str,
    received_on: date,
    description: str,
    risk_profile: str = "",
    dossier=None,
    aanvraag=None,
) -> SrtSignal:
    """Register a signal (tip, themacontrole, Suwinet match, huisbezoek, niet verschenen) for triage."""
    _check(rules.check_themacontrole, source=source, risk_profile=risk_profile)
    _not_in_future(received_on, "received_on", "De ontvangstdatum")
    _check_links(client, dossier, aanvraag)
    if not (description or "").strip():
        raise ValidationError({"description": [ValidationError("Beschrijf het signaal.", code="required")]})
    signal = SrtSignal(
        client=client,
        dossier=dossier,
        aanvraag=aanvraag,
        source=source,
        risk_profile=(risk_profile or "").strip(),
        received_on=received_on,
        description=description.strip(),
        created_by=actor,
    )
    signal.full_clean(exclude=["client", "dossier", "aanvraag", "created_by", "triaged_by"])
    signal.save()
    return signal


def _locked_signal(signal: SrtSignal) -> SrtSignal:
    return SrtSignal.objects.select_for_update(of=("self",)).select_related("client").get(pk=signal.pk)


@transaction.atomic
def discard_signal(*, actor, signal: SrtSignal, reason: str) -> SrtSignal:
    signal = _locked_signal(signal)
    _check(rules.check_signal_triage, current=signal.status, target=SignalStatus.VERWORPEN, reason=reason)
    signal.status = SignalStatus.VERWORPEN
    signal.discard_reason = reason.strip()
    signal.triaged_by = actor
    signal.triaged_at = timezone.now()
    signal.save(update_fields=["status", "discard_reason", "triaged_by", "triaged_at"])
    publish(event_types.SIGNAAL_BEOORDEELD, signal.pk, {"signaal": signal.pk, "onderzoek": None})
    return signal


def _check_investigators(users: Iterable) -> list:
    users = list(users)
    _check(rules.check_investigators, count=len(users))
    not_srt = [u for u in users if not access.is_investigator(u)]
    if not_srt:
        names = ", ".join(str(u) for u in not_srt)
        raise ValidationError(
            {
                "investigators": [
                    ValidationError(
                        f"Alleen SRT-medewerkers kunnen onderzoeker zijn (niet: {names}).", code="geen_srt"
                    )
                ]
            }
        )
    return users


@transaction.atomic
def open_investigation(
    *, actor, signal: SrtSignal, investigators: Iterable | None = None, opened_on: date | None = None
) -> SrtInvestigation:
    """Triage a signal into an investigation (status gemeld), with the assigned investigators (at least one;
    ``None``: the one who opens it)."""
    signal = _locked_signal(signal)
    _check(rules.check_signal_triage, current=signal.status, target=SignalStatus.IN_ONDERZOEK)
    opened_on = opened_on or timezone.localdate()
    _not_in_future(opened_on, "opened_on", "De startdatum")
    if opened_on < signal.received_on:
        raise ValidationError(
            {
                "opened_on": [
                    ValidationError("Een onderzoek start niet vóór het signaal.", code="voor_signaal")
                ]
            }
        )
    investigators = _check_investigators([actor] if investigators is None else investigators)
    investigation = SrtInvestigation.objects.create(
        reference=f"tmp-{uuid.uuid4().hex[:16]}",
        signal=signal,
        client=signal.client,
        dossier=signal.dossier,
        aanvraag=signal.aanvraag,
        source=signal.source,
        opened_on=opened_on,
    )
    investigation.reference = rules.investigation_reference(opened_on=opened_on, number=investigation.pk)
    investigation.save(update_fields=["reference"])
    signal.status = SignalStatus.IN_ONDERZOEK
    signal.triaged_by = actor
    signal.triaged_at = timezone.now()
    signal.save(update_fields=["status", "triaged_by", "triaged_at"])
    SrtAssignment.objects.bulk_create(
        [SrtAssignment(investigation=investigation, user=u, assigned_by=actor) for u in investigators]
    )
    text = f"Onderzoek geopend uit signaal ({signal.get_source_display()} van {signal.received_on:%d-%m-%Y})."
    text += " Onderzoekers: " + ", ".join(str(u) for u in investigators) + "."
    _note(investigation, SrtNote.Kind.STATUS, text, actor)
    publish(event_types.SIGNAAL_BEOORDEELD, signal.pk, {"signaal": signal.pk, "onderzoek": investigation.pk})
    return investigation


def _locked(investigation: SrtInvestigation) -> SrtInvestigation:
    return (
        SrtInvestigation.objects.select_for_update(of=("self",))
        .select_related("client", "dossier", "aanvraag")
        .get(pk=investigation.pk)
    )


@transaction.atomic
def assign_investigators(
    *, actor, investigation: SrtInvestigation, investigators: Iterable
) -> SrtInvestigation:
    """Set the assigned investigators (SRT staff only). SRT and functioneel beheer may do this."""
    investigation = _locked(investigation)
    wanted = {u.pk: u for u in _check_investigators(investigators)}
    current = set(SrtAssignment.objects.filter(investigation=investigation).values_list("user_id", flat=True))
    added = [wanted[pk] for pk in wanted.keys() - current]
    removed = current - wanted.keys()
    if not added and not removed:
        return investigation
    SrtAssignment.objects.filter(investigation=investigation, user_id__in=removed).delete()
    SrtAssignment.objects.bulk_create(
        [SrtAssignment(investigation=investigation, user=u, assigned_by=actor) for u in added]
    )
    names = ", ".join(sorted(str(u) for u in wanted.values())) or "niemand"
    _note(investigation, SrtNote.Kind.TOEWIJZING, f"Onderzoekers: {names}.", actor)
    return investigation


@transaction.atomic
def link_investigation(
    *, actor, investigation: SrtInvestigation, dossier=None, aanvraag=None
) -> SrtInvestigation:
    """Link a running investigation to the client's uitkeringsdossier and/or aanvraag (what the outcome
    "uitkering beëindigd" or "aanvraag afgewezen" is about)."""
    investigation = _locked(investigation)
    _check(
        rules.check_can_link,
        status=investigation.status,
        has_dossier=dossier is not None,
        has_aanvraag=aanvraag is not None,
    )
    _check_links(investigation.client, dossier, aanvraag)
    linked = []
    if dossier is not None:
        investigation.dossier = dossier
        linked.append(f"uitkeringsdossier {dossier}")
    if aanvraag is not None:
        investigation.aanvraag = aanvraag
        linked.append(str(aanvraag).lower())
    investigation.save(update_fields=["dossier", "aanvraag", "updated_at"])
    _note(investigation, SrtNote.Kind.BEVINDING, "Gekoppeld aan " + " en ".join(linked) + ".", actor)
    return investigation


@transaction.atomic
def start_investigation(
    *, actor, investigation: SrtInvestigation, on: date | None = None
) -> SrtInvestigation:
    """gemeld → in onderzoek."""
    investigation = _locked(investigation)
    _check(
        rules.check_investigation_transition,
        current=investigation.status,
        target=InvestigationStatus.IN_ONDERZOEK,
    )
    on = on or timezone.localdate()
    if on < investigation.opened_on:
        raise ValidationError(
            {"status": [ValidationError("Start ligt vóór de melding.", code="voor_melding")]}
        )
    investigation.status = InvestigationStatus.IN_ONDERZOEK
    investigation.started_on = on
    investigation.save(update_fields=["status", "started_on", "updated_at"])
    _note(investigation, SrtNote.Kind.STATUS, "Status gewijzigd naar 'In onderzoek'.", actor)
    return investigation


@transaction.atomic
def change_status(*, actor, investigation: SrtInvestigation, target: str) -> SrtInvestigation:
    """A status change by name (API). Closing needs an outcome: use ``record_outcome``."""
    _check(rules.check_investigation_transition, current=investigation.status, target=target)
    if target == InvestigationStatus.IN_ONDERZOEK:
        return start_investigation(actor=actor, investigation=investigation)
    raise ValidationError(
        {
            "status": [
                ValidationError(
                    "Rond een onderzoek af door de uitkomst vast te leggen.", code="uitkomst_nodig"
                )
            ]
        }
    )


@transaction.atomic
def add_note(*, actor, investigation: SrtInvestigation, text: str) -> SrtNote:
    """Append a finding (never edited or deleted afterwards)."""
    if not (text or "").strip():
        raise ValidationError({"text": [ValidationError("Schrijf de bevinding op.", code="required")]})
    investigation = _locked(investigation)
    if investigation.is_closed:
        raise ValidationError(
            {
                "text": [
                    ValidationError("Het onderzoek is afgerond; bevindingen zijn gesloten.", code="afgerond")
                ]
            }
        )
    return _note(investigation, SrtNote.Kind.BEVINDING, text.strip(), actor)


@transaction.atomic
def add_document(
    *,
    actor,
    investigation: SrtInvestigation,
    kind: str,
    title: str,
    document_date: date,
    dms_reference: str = "",
) -> SrtDocument:
    """Record a document's metadata (the document itself lives in the DMS)."""
    investigation = _locked(investigation)
    _not_in_future(document_date, "document_date", "De documentdatum")
    document = SrtDocument(
        investigation=investigation,
        kind=kind,
        title=(title or "").strip(),
        document_date=document_date,
        dms_reference=(dms_reference or "").strip(),
        added_by=actor,
    )
    document.full_clean(exclude=["investigation", "added_by"])
    document.save()
    _note(investigation, SrtNote.Kind.BEVINDING, f"Document toegevoegd: {document.title}.", actor)
    return document


@transaction.atomic
def record_outcome(
    *,
    actor,
    investigation: SrtInvestigation,
    outcome: str,
    closed_on: date,
    conclusion: str,
    other_result: str = "",
    inlichtingenplicht_geschonden: bool = False,
    culpability: str = rules.Culpability.GEEN,
    benadelingsbedrag: Decimal = Decimal("0"),
    terugvordering: Decimal = Decimal("0"),
    terugvordering_afgezien: bool = False,
    terugvordering_afzien_reden: str = "",
    boete: Decimal | None = None,
    boete_reden: str = "",
    maandbedrag_uitkering: Decimal | None = None,
    aangifte: bool | None = None,
    aangifte_reden: str = "",
) -> SrtInvestigation:
    """in onderzoek → afgerond, with the outcome, the money and the derived figures (savings, duration).

    ``boete=None`` takes the proposal; another amount needs ``boete_reden`` and stays within the maximum.
    ``aangifte``: the route (una via) — aangifte bij het OM (no boete for the same fact) or a bestuurlijke
    boete; None follows the threshold, the other route needs ``aangifte_reden``.
    """
    investigation = _locked(investigation)
    _check(
        rules.check_investigation_transition,
        current=investigation.status,
        target=InvestigationStatus.AFGEROND,
    )
    _not_in_future(closed_on, "closed_on", "De datum van afronden")
    duration = _check(rules.duration_days, opened_on=investigation.opened_on, closed_on=closed_on)
    if not (conclusion or "").strip():
        raise ValidationError({"conclusion": [ValidationError("Schrijf de conclusie op.", code="required")]})
    if outcome != Outcome.ANDER_RESULTAAT:
        other_result = ""
    params = _check(selectors.srt_parameters, on=closed_on)
    finding = selectors.recidive_for(investigation, closed_on, params)
    proposal = _check(
        rules.propose_boete,
        benadelingsbedrag=benadelingsbedrag,
        culpability=culpability,
        recidive=finding,
        params=params,
        aangifte=aangifte,
    )
    if boete is None:
        boete = proposal.amount
        boete_reden = ""
    aangifte_reden = _check(
        rules.check_route, proposal=proposal, reason=aangifte_reden, boete=boete, other_result=other_result
    )
    boete = _check(rules.check_boete_adjustment, proposal=proposal, amount=boete, reason=boete_reden)
    _check(
        rules.check_outcome,
        outcome=outcome,
        other_result=other_result,
        has_dossier=investigation.dossier_id is not None,
        has_aanvraag=investigation.aanvraag_id is not None,
        boete=boete,
    )
    terug = _check(
        rules.terugvordering_assessment,
        inlichtingenplicht_geschonden=inlichtingenplicht_geschonden,
        amount=terugvordering,
        benadelingsbedrag=benadelingsbedrag,
        waived=terugvordering_afgezien,
        waiver_reason=terugvordering_afzien_reden,
    )
    if maandbedrag_uitkering is None and outcome in selectors.SAVINGS_OUTCOMES:
        maandbedrag_uitkering = selectors.suggested_monthly_benefit(investigation)
    savings = _check(
        rules.bespaarde_uitkering,
        outcome=outcome,
        monthly_benefit=maandbedrag_uitkering,
        months=params.savings_months,
    )

    investigation.status = InvestigationStatus.AFGEROND
    investigation.closed_on = closed_on
    investigation.duration_days = duration
    investigation.outcome = outcome
    investigation.other_result = other_result
    investigation.conclusion = conclusion.strip()
    investigation.inlichtingenplicht_geschonden = inlichtingenplicht_geschonden
    investigation.culpability = culpability
    investigation.benadelingsbedrag = proposal.benadelingsbedrag
    investigation.terugvordering = terug.amount
    investigation.terugvordering_grond = terug.grond
    investigation.terugvordering_afgezien = terug.waived
    investigation.terugvordering_afzien_reden = terug.waiver_reason
    investigation.boete_advice = proposal.advice
    investigation.boete_voorstel = proposal.amount
    investigation.boete = boete
    investigation.boete_reden = boete_reden.strip() if boete != proposal.amount else ""
    investigation.recidive = proposal.recidive
    investigation.waarschuwing = other_result == OtherResult.WAARSCHUWING or (
        proposal.advice == rules.BoeteAdvice.WAARSCHUWING and boete == 0
    )
    investigation.aangifte = proposal.route_aangifte
    investigation.aangifte_reden = aangifte_reden
    investigation.maandbedrag_uitkering = (
        savings.monthly_benefit if savings.applies else maandbedrag_uitkering
    )
    investigation.bespaarde_uitkering = savings.amount
    investigation.outcome_recorded_by = actor
    investigation.full_clean(exclude=["client", "dossier", "aanvraag", "signal", "outcome_recorded_by"])
    investigation.save()

    label = investigation.get_outcome_display()
    if other_result:
        label += f" ({investigation.get_other_result_display()})"
    lines = [f"Afgerond: {label}."]
    lines.extend(proposal.explanation)
    if aangifte_reden:
        route = "aangifte bij het OM" if proposal.route_aangifte else "bestuurlijke boete"
        lines.append(f"Gekozen: {route}; reden: {aangifte_reden}")
    if boete != proposal.amount:
        lines.append(f"Opgelegde boete {format_euro(boete)}; reden afwijking: {investigation.boete_reden}")
    lines.append(f"Terugvordering {format_euro(terug.amount)} — {terug.explanation}")
    if savings.applies:
        lines.append(f"Bespaarde uitkering: {savings.explanation}")
    _note(investigation, SrtNote.Kind.UITKOMST, "\n".join(lines), actor)
    return investigation
