"""Una via (issue 17, item 8): from the aangifte threshold a case is in principle reported to the OM, and then no
bestuurlijke boete is imposed for the same fact. The outcome takes one of the two routes, and a choice against
the threshold's default is recorded with its reason — the same rule and Dutch text in the service and the API."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from almelo_sociaal.accounts.roles import Role
from srt import rules

from .factories import InvestigationFactory
from .test_rules import PARAMS, no_history

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def srt(make_user):
    return make_user(Role.SRT)


def running():
    return InvestigationFactory(running=True, opened_on=date.today() - timedelta(days=40))


def close(srt, investigation, **kwargs):
    from srt import services

    data = {
        "outcome": "ander_resultaat",
        "other_result": "maatregel",
        "closed_on": date.today(),
        "conclusion": "Vermogen in het buitenland niet gemeld.",
        "inlichtingenplicht_geschonden": True,
        "culpability": "opzet",
        "benadelingsbedrag": D("60000.00"),
        "terugvordering": D("60000.00"),
    }
    data.update(kwargs)
    return services.record_outcome(actor=srt, investigation=investigation, **data)


def propose(benadeling: str, **kwargs) -> rules.BoeteProposal:
    return rules.propose_boete(
        benadelingsbedrag=D(benadeling),
        culpability=rules.Culpability.OPZET,
        recidive=no_history(),
        params=PARAMS,
        **kwargs,
    )


def test_from_the_threshold_the_proposal_is_aangifte_without_a_boete():
    proposal = propose("60000")
    assert (proposal.aangifte, proposal.route_aangifte) == (True, True)
    assert (proposal.advice, proposal.amount) == (rules.BoeteAdvice.GEEN, D("0.00"))
    assert proposal.computed_boete == D("60000.00")  # shown, not proposed
    assert any("una via" in line for line in proposal.explanation)


def test_below_the_threshold_the_proposal_is_the_boete():
    proposal = propose("49999.99")
    assert (proposal.route_aangifte, proposal.amount) == (False, D("49999.99"))


def test_choosing_the_boete_from_the_threshold_proposes_the_boete():
    proposal = propose("60000", aangifte=False)
    assert (proposal.aangifte, proposal.route_aangifte, proposal.amount) == (True, False, D("60000.00"))


def test_outcome_from_the_threshold_records_aangifte_and_no_boete(srt):
    investigation = close(srt, running())
    assert (investigation.aangifte, investigation.boete, investigation.boete_voorstel) == (
        True,
        D("0.00"),
        D("0.00"),
    )
    assert "una via" in investigation.notes.get(kind="uitkomst").text


def test_a_boete_instead_of_aangifte_needs_a_reason(srt):
    with pytest.raises(ValidationError) as excinfo:
        close(srt, running(), aangifte=False)
    error = excinfo.value.error_dict["aangifte_reden"][0]
    assert error.code == "reden_keuze_aangifte"
    assert error.message == (
        "De benadeling is € 50.000,00 of meer: in beginsel aangifte bij het OM. "
        "Leg vast waarom in plaats daarvan een bestuurlijke boete volgt."
    )


def test_a_boete_instead_of_aangifte_with_its_reason_is_recorded(srt):
    investigation = close(
        srt,
        running(),
        other_result="boete",
        aangifte=False,
        aangifte_reden="OM ziet af van vervolging (sepot).",
    )
    assert (investigation.aangifte, investigation.boete) == (False, D("60000.00"))
    assert investigation.aangifte_reden == "OM ziet af van vervolging (sepot)."
    assert "sepot" in investigation.notes.get(kind="uitkomst").text


def test_aangifte_below_the_threshold_needs_a_reason(srt):
    with pytest.raises(ValidationError) as excinfo:
        close(srt, running(), benadelingsbedrag=D("4000.00"), terugvordering=D("4000.00"), aangifte=True)
    assert excinfo.value.error_dict["aangifte_reden"][0].code == "reden_keuze_aangifte"


def test_aangifte_and_a_boete_for_the_same_fact_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        close(srt, running(), boete=D("1000.00"), boete_reden="Toch een boete")
    error = excinfo.value.error_dict["boete"][0]
    assert error.code == "boete_bij_aangifte"


def test_aangifte_with_the_other_result_boete_is_refused(srt):
    with pytest.raises(ValidationError) as excinfo:
        close(srt, running(), other_result="boete")
    assert excinfo.value.error_dict["boete"][0].code == "boete_bij_aangifte"


def test_the_api_gives_the_same_text_and_code(make_user, api_client_for):
    api = api_client_for(make_user(Role.SRT))
    investigation = running()
    response = api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/uitkomst",
        {
            "outcome": "ander_resultaat",
            "other_result": "maatregel",
            "closed_on": date.today().isoformat(),
            "conclusion": "Vermogen in het buitenland niet gemeld.",
            "inlichtingenplicht_geschonden": True,
            "culpability": "opzet",
            "benadelingsbedrag": "60000.00",
            "terugvordering": "60000.00",
            "aangifte": False,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["fields"]["aangifte_reden"] == [
        {
            "message": "De benadeling is € 50.000,00 of meer: in beginsel aangifte bij het OM. "
            "Leg vast waarom in plaats daarvan een bestuurlijke boete volgt.",
            "code": "reden_keuze_aangifte",
        }
    ]


def test_the_outcome_form_shows_the_same_text_next_to_the_reason(client, make_user):
    from django.urls import reverse

    client.force_login(make_user(Role.SRT))
    investigation = running()
    response = client.post(
        reverse("srt:investigation-outcome", args=[investigation.pk]),
        {
            "outcome": "ander_resultaat",
            "other_result": "boete",
            "closed_on": date.today().isoformat(),
            "conclusion": "Vermogen in het buitenland niet gemeld.",
            "inlichtingenplicht_geschonden": "on",
            "culpability": "opzet",
            "benadelingsbedrag": "60000,00",
            "terugvordering": "60000,00",
            "aangifte": "boete",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["aangifte_reden"] == [
        "De benadeling is € 50.000,00 of meer: in beginsel aangifte bij het OM. "
        "Leg vast waarom in plaats daarvan een bestuurlijke boete volgt."
    ]
    assert response.context["proposal"].amount == D("60000.00")  # the boete route's proposal
