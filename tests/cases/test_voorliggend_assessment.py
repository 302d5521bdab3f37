"""Issue 17 item 6: a toekenning while a voorliggende voorziening (WW, DUO, ...) is recorded needs a recorded
assessment of that voorziening (art. 15 Participatiewet) in the draft, checked when drafting and when approving."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import RuleViolation
from cases import rules, services
from cases.models import Aanvraag, Uitkeringsdossier

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_the_calculation")]


TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _in_behandeling(actor, client, voorziening: str) -> Aanvraag:
    aanvraag = services.submit_aanvraag(
        actor=actor,
        client=client,
        regeling="bijstand",
        aanvraagdatum=date(2026, 3, 2),
        voorliggende_voorziening=voorziening,
    )
    return services.start_behandeling(actor=actor, aanvraag=aanvraag)


def _draft_toekennen(actor, aanvraag, **extra) -> Aanvraag:
    return services.draft_decision(
        actor=actor,
        aanvraag=aanvraag,
        besluit="toekennen",
        reden="Voldoet aan de voorwaarden.",
        ingangsdatum=date(2026, 3, 2),
        maandbedrag=Decimal("1100.00"),
        **extra,
    )


def test_toekennen_with_ww_recorded_needs_an_assessment(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = _in_behandeling(consulent, client_in_team, "ww")
    with pytest.raises(ValidationError) as exc:
        _draft_toekennen(consulent, aanvraag)
    assert "art. 15" in exc.value.message_dict["voorliggend_afweging"][0]
    aanvraag.refresh_from_db()
    assert aanvraag.concept_besluit == ""


def test_the_assessment_needs_a_motivation(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = _in_behandeling(consulent, client_in_team, "ww")
    with pytest.raises(ValidationError) as exc:
        _draft_toekennen(consulent, aanvraag, voorliggend_afweging="aanvulling", voorliggend_motivering=" ")
    assert "voorliggend_motivering" in exc.value.message_dict


def test_toekennen_with_an_assessment_is_drafted_and_approved(make_user, client_in_team):
    consulent, toetser = make_user(Role.INTAKER), make_user(Role.TOETSER)
    aanvraag = _in_behandeling(consulent, client_in_team, "ww")
    aanvraag = _draft_toekennen(
        consulent,
        aanvraag,
        voorliggend_afweging="aanvulling",
        voorliggend_motivering="WW € 800 per maand, onder de bijstandsnorm: aanvulling tot de norm.",
    )
    assert aanvraag.concept_voorliggend_afweging == "aanvulling"
    services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=aanvraag.concept_versie)
    aanvraag.refresh_from_db()
    assert aanvraag.status == "toegekend" and Uitkeringsdossier.objects.filter(aanvraag=aanvraag).exists()


def test_a_voorziening_recorded_after_the_draft_blocks_the_approval(make_user, client_in_team):
    consulent, toetser = make_user(Role.INTAKER), make_user(Role.TOETSER)
    aanvraag = _draft_toekennen(consulent, _in_behandeling(consulent, client_in_team, "geen"))
    services.record_voorliggende_voorziening(actor=consulent, aanvraag=aanvraag, uitkomst="ww")
    with pytest.raises(ValidationError) as exc:
        services.approve_decision(toetser=toetser, aanvraag=aanvraag, versie=aanvraag.concept_versie)
    assert "voorliggend_afweging" in exc.value.message_dict
    aanvraag.refresh_from_db()
    assert aanvraag.status == "in_behandeling" and not Uitkeringsdossier.objects.exists()


def test_afwijzen_needs_no_assessment(make_user, client_in_team):
    consulent = make_user(Role.INTAKER)
    aanvraag = _in_behandeling(consulent, client_in_team, "ww")
    aanvraag = services.draft_decision(
        actor=consulent, aanvraag=aanvraag, besluit="afwijzen", reden="Recht op WW (art. 15)."
    )
    assert aanvraag.concept_besluit == "afwijzen" and aanvraag.concept_voorliggend_afweging == ""


@pytest.mark.parametrize("voorziening", ["ww", "duo", "zw_wia", "anders"])
def test_rule_every_recorded_voorziening_needs_an_assessment(voorziening):
    with pytest.raises(RuleViolation) as exc:
        rules.check_voorliggend_assessment(
            besluit="toekennen", voorziening=voorziening, afweging="", motivering=""
        )
    assert exc.value.code == "voorliggend_afweging_verplicht"


@pytest.mark.parametrize("voorziening", ["geen"])
def test_rule_no_voorziening_needs_no_assessment(voorziening):
    rules.check_voorliggend_assessment(
        besluit="toekennen", voorziening=voorziening, afweging="", motivering=""
    )


def test_rule_unchecked_voorziening_blocks_toekennen():
    with pytest.raises(RuleViolation) as exc:
        rules.check_voorliggend_assessment(
            besluit="toekennen", voorziening="niet_gecontroleerd", afweging="", motivering=""
        )
    assert exc.value.field == "besluit"
