"""Helpers for the bijstand tests: a partner BSN range of their own and an approved dossier with a calculation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cases import services as cases_services
from cases.rules import bsn_with_check_digit


def partner_bsn(n: int = 0) -> str:
    prefix = 81_000_000 + n * 13
    while (bsn := bsn_with_check_digit(prefix)) is None:
        prefix += 1
    return bsn


def approved_dossier(
    *, consulent, toetser, client, ingangsdatum: date, maandbedrag: Decimal | None = None, reden=""
):
    """An aanvraag bijstand drafted (the calculated amount unless ``maandbedrag``) and approved."""
    aanvraag = cases_services.submit_aanvraag(
        actor=consulent,
        client=client,
        regeling="bijstand",
        aanvraagdatum=ingangsdatum,
        voorliggende_voorziening="geen",
    )
    aanvraag = cases_services.start_behandeling(actor=consulent, aanvraag=aanvraag)
    aanvraag = cases_services.draft_decision(
        actor=consulent,
        aanvraag=aanvraag,
        besluit="toekennen",
        reden="Voldoet aan de voorwaarden.",
        ingangsdatum=ingangsdatum,
        maandbedrag=maandbedrag,
        afwijking_reden=reden,
    )
    aanvraag = cases_services.approve_decision(
        toetser=toetser, aanvraag=aanvraag, versie=aanvraag.concept_versie
    )
    return aanvraag.dossier
