"""Issue 14, finding 5 beyond the budget: no computed SRT amount outgrows its field.

A boete (up to 150% of the benadeling with recidive) and the bespaarde uitkering (monthly benefit × 12) were
computed from inputs a money field accepts (up to € 999.999.999.999,99) and could not be stored or read back
(PostgreSQL refuses the row; on SQLite every read of the investigation broke). The rules now refuse such input
with a Dutch message on the field that caused it.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import RuleViolation
from srt import rules
from srt.models import SrtInvestigation

from ..factories import DossierFactory
from .factories import InvestigationFactory
from .test_rules import PARAMS, no_history

MONEY = SrtInvestigation._meta.get_field("boete")
accepted = st.decimals(min_value=D("0"), max_value=D("999999999999.99"), places=2)


def fits(value: D) -> bool:
    return len(value.quantize(D("0.01")).as_tuple().digits) <= MONEY.max_digits


@settings(max_examples=150, deadline=None)
@given(benadeling=accepted, culpability=st.sampled_from(list(rules.Culpability)), recidive=st.booleans())
def test_a_boete_proposal_fits_or_is_refused(benadeling, culpability, recidive):
    finding = rules.RecidiveFinding(
        recidive=recidive,
        warning_in_period=False,
        boetes_in_period=(),
        warnings_in_period=(),
        recidive_years=5,
        warning_years=2,
    )
    try:
        proposal = rules.propose_boete(
            benadelingsbedrag=benadeling, culpability=culpability, recidive=finding, params=PARAMS
        )
    except RuleViolation as refused:
        assert (refused.code, refused.field) == ("bedrag_te_groot", "benadelingsbedrag")
        return
    assert fits(proposal.amount) and fits(proposal.maximum)


@settings(max_examples=150, deadline=None)
@given(monthly=accepted, months=st.integers(min_value=1, max_value=60))
def test_the_bespaarde_uitkering_fits_or_is_refused(monthly, months):
    try:
        savings = rules.bespaarde_uitkering(
            outcome=rules.Outcome.UITKERING_BEEINDIGD, monthly_benefit=monthly, months=months
        )
    except RuleViolation as refused:
        assert (refused.code, refused.field) == ("bedrag_te_groot", "maandbedrag_uitkering")
        return
    assert fits(savings.amount)


def test_no_history_helper_still_proposes():
    assert (
        rules.propose_boete(
            benadelingsbedrag=D("100.00"), culpability="normaal", recidive=no_history(), params=PARAMS
        ).amount
        >= 0
    )


@pytest.mark.django_db
def test_an_outcome_whose_savings_would_not_fit_is_a_400_not_a_broken_investigation(
    make_user, api_client_for
):
    investigation = InvestigationFactory(running=True)
    investigation.dossier = DossierFactory(client=investigation.client)
    investigation.save(update_fields=["dossier"])
    api = api_client_for(make_user(Role.SRT))
    response = api.post(
        f"/api/v1/srt/onderzoeken/{investigation.pk}/uitkomst",
        {
            "outcome": "uitkering_beeindigd",
            "closed_on": investigation.opened_on.isoformat(),
            "conclusion": "Samenwonen verzwegen.",
            "inlichtingenplicht_geschonden": True,
            "culpability": "geen",
            "maandbedrag_uitkering": "999999999999.99",
        },
        format="json",
    )
    assert response.status_code == 400, response.json()
    assert response.json()["fields"]["maandbedrag_uitkering"][0]["code"] == "bedrag_te_groot", response.json()
    assert api.get(f"/api/v1/srt/onderzoeken/{investigation.pk}").status_code == 200
