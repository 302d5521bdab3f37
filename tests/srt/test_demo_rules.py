"""Issue 17, item 13: the SRT demo tells the truth. Every demo record passes the rules a user's entry passes
(the proposal recomputed from its inputs and history, the route, the adjustment and its reason, the outcome,
the terugvordering, the savings, an investigator, the case number), and closures run to the current month."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from almelo_sociaal.core.rules import RuleViolation
from cases import demo as cases_demo
from srt import demo, rules, selectors
from srt.models import SrtInvestigation, SrtSignal

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 2)


def _violations(investigation: SrtInvestigation) -> list[str]:
    inv = investigation
    try:
        params = selectors.srt_parameters(inv.closed_on)
        proposal = rules.propose_boete(
            benadelingsbedrag=inv.benadelingsbedrag,
            culpability=inv.culpability,
            recidive=selectors.recidive_for(inv, inv.closed_on, params),
            params=params,
            aangifte=inv.aangifte,
        )
        rules.check_route(
            proposal=proposal, reason=inv.aangifte_reden, boete=inv.boete, other_result=inv.other_result
        )
        rules.check_boete_adjustment(proposal=proposal, amount=inv.boete, reason=inv.boete_reden)
        rules.check_outcome(
            outcome=inv.outcome,
            other_result=inv.other_result,
            has_dossier=inv.dossier_id is not None,
            has_aanvraag=inv.aanvraag_id is not None,
            boete=inv.boete,
        )
        rules.terugvordering_assessment(
            inlichtingenplicht_geschonden=inv.inlichtingenplicht_geschonden,
            amount=inv.terugvordering,
            benadelingsbedrag=inv.benadelingsbedrag,
            waived=inv.terugvordering_afgezien,
            waiver_reason=inv.terugvordering_afzien_reden,
        )
        savings = rules.bespaarde_uitkering(
            outcome=inv.outcome, monthly_benefit=inv.maandbedrag_uitkering, months=params.savings_months
        )
    except RuleViolation as violation:
        return [f"{inv.reference}: {violation.code}"]
    found = []
    stored = (inv.boete_advice, inv.boete_voorstel, inv.recidive, inv.aangifte, inv.bespaarde_uitkering)
    expected = (proposal.advice, proposal.amount, proposal.recidive, proposal.route_aangifte, savings.amount)
    if stored != expected:
        found.append(f"{inv.reference}: stored {stored} != rules {expected}")
    if inv.duration_days != rules.duration_days(opened_on=inv.opened_on, closed_on=inv.closed_on):
        found.append(f"{inv.reference}: doorlooptijd")
    return found


@pytest.fixture
def loaded():
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        cases_demo.load(stdout=io.StringIO(), clients=150)
        demo.load(stdout=io.StringIO())


def test_every_closed_demo_investigation_passes_the_rules(loaded):
    closed = SrtInvestigation.objects.filter(status=rules.InvestigationStatus.AFGEROND).order_by("closed_on")
    found = [v for inv in closed for v in _violations(inv)]
    assert found == []


def test_every_demo_investigation_has_an_investigator_and_the_case_number_format(loaded):
    assert not SrtInvestigation.objects.filter(assignments__isnull=True).exists()
    for reference in SrtInvestigation.objects.values_list("reference", flat=True):
        assert rules.REFERENCE_PATTERN.fullmatch(reference), reference


def test_every_demo_signal_passes_the_rules(loaded):
    for signal in SrtSignal.objects.all():
        rules.check_themacontrole(source=signal.source, risk_profile=signal.risk_profile)
        assert signal.received_on <= TODAY
        if signal.status == rules.SignalStatus.VERWORPEN:
            assert signal.discard_reason.strip()


def test_demo_closures_run_to_the_current_month(loaded):
    months = set(
        SrtInvestigation.objects.filter(closed_on__isnull=False).values_list(
            "closed_on__year", "closed_on__month"
        )
    )
    year, month, missing = 2019, 11, []
    while (year, month) <= (TODAY.year, TODAY.month):
        if (year, month) not in months:
            missing.append(f"{month:02d}-{year}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    assert missing == []
