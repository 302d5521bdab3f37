"""Pure SRT rules: one behaviour per test, no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from almelo_sociaal.core.rules import RuleViolation
from srt import rules
from srt.parameters import PARAMETERS, SRT_PARAMETER_KEYS
from srt.rules import (
    BoeteAdvice,
    Culpability,
    InvestigationStatus,
    OtherResult,
    Outcome,
    PriorSanction,
    SignalSource,
    SignalStatus,
    SrtParameters,
)

D = Decimal
TODAY = date(2020, 6, 15)


def default_params(on: date = TODAY) -> SrtParameters:
    values: dict[str, Decimal] = {}
    for p in sorted(PARAMETERS, key=lambda p: p.valid_from):
        if p.valid_from <= on:
            values[p.key] = p.value
    return SrtParameters.from_values(values)


PARAMS = default_params()


def no_history(on: date = TODAY) -> rules.RecidiveFinding:
    return rules.detect_recidive(reference_date=on, prior=[], recidive_years=5, warning_years=2)


def history(*prior: PriorSanction, on: date = TODAY) -> rules.RecidiveFinding:
    return rules.detect_recidive(reference_date=on, prior=prior, recidive_years=5, warning_years=2)


def propose(benadeling: str, culpability: str, finding=None) -> rules.BoeteProposal:
    return rules.propose_boete(
        benadelingsbedrag=D(benadeling),
        culpability=culpability,
        recidive=finding or no_history(),
        params=PARAMS,
    )


def violation_code(excinfo) -> str:
    return excinfo.value.code


# --- parameters ---


def test_every_parameter_key_is_read_by_the_rules():
    assert set(SRT_PARAMETER_KEYS) == {
        "srt_boete_pct_opzet",
        "srt_boete_pct_grove_schuld",
        "srt_boete_pct_normaal",
        "srt_boete_pct_verminderd",
        "srt_boete_recidive_pct",
        "srt_recidive_jaren",
        "srt_waarschuwing_jaren",
        "srt_waarschuwing_max_benadeling",
        "srt_boete_max_zonder_benadeling",
        "srt_aangifte_drempel",
        "srt_besparing_maanden",
    }


def test_parameter_values_are_decimals_not_floats():
    assert all(isinstance(p.value, Decimal) for p in PARAMETERS)


def test_parameters_apply_to_the_seed_period():
    assert all(p.valid_from <= date(2019, 11, 1) for p in PARAMETERS)


def test_default_parameters_match_the_boetebesluit():
    assert (PARAMS.pct_opzet, PARAMS.pct_grove_schuld, PARAMS.pct_normaal, PARAMS.pct_verminderd) == (
        D("100"),
        D("75"),
        D("50"),
        D("25"),
    )
    assert PARAMS.recidive_pct == D("150")
    assert (PARAMS.recidive_years, PARAMS.warning_years, PARAMS.savings_months) == (5, 2, 12)
    assert PARAMS.aangifte_threshold == D("50000.00")


def test_from_values_misses_a_key_loudly():
    with pytest.raises(KeyError):
        SrtParameters.from_values({"srt_boete_pct_opzet": D("100")})


# --- boete by culpability ---


@pytest.mark.parametrize(
    ("culpability", "expected"),
    [
        (Culpability.OPZET, D("1000.00")),
        (Culpability.GROVE_SCHULD, D("750.00")),
        (Culpability.NORMAAL, D("500.00")),
        (Culpability.VERMINDERD, D("250.00")),
    ],
)
def test_boete_is_the_culpability_share_of_the_benadeling(culpability, expected):
    proposal = propose("1000", culpability)
    assert proposal.advice == BoeteAdvice.BOETE
    assert proposal.amount == expected


def test_boete_without_culpability_is_none():
    proposal = propose("1000", Culpability.GEEN)
    assert proposal.advice == BoeteAdvice.GEEN
    assert proposal.amount == D("0.00")


def test_boete_rounds_half_up_to_cents():
    assert propose("0.1", Culpability.NORMAAL).computed_boete == D("0.05")
    assert propose("1234.57", Culpability.VERMINDERD).amount == D("308.64")  # 308.6425


def test_boete_is_a_decimal_with_two_places():
    amount = propose("999.99", Culpability.GROVE_SCHULD).amount
    assert isinstance(amount, Decimal)
    assert amount == D("749.99")  # 749.9925
    assert amount.as_tuple().exponent == -2


def test_boete_refuses_a_float():
    with pytest.raises(TypeError):
        rules.propose_boete(
            benadelingsbedrag=1000.0, culpability=Culpability.OPZET, recidive=no_history(), params=PARAMS
        )


def test_boete_refuses_a_negative_benadeling():
    with pytest.raises(RuleViolation) as excinfo:
        propose("-1", Culpability.OPZET)
    assert violation_code(excinfo) == "bedrag_negatief"
    assert excinfo.value.field == "benadelingsbedrag"


def test_boete_refuses_an_unknown_culpability():
    with pytest.raises(RuleViolation) as excinfo:
        propose("1000", "roekeloos")
    assert violation_code(excinfo) == "verwijtbaarheid_onbekend"


def test_boete_uses_the_given_parameters_not_constants():
    params = SrtParameters(**{**PARAMS.__dict__, "pct_opzet": D("90")})
    proposal = rules.propose_boete(
        benadelingsbedrag=D("1000"), culpability=Culpability.OPZET, recidive=no_history(), params=params
    )
    assert proposal.amount == D("900.00")


def test_boete_explanation_names_the_inputs():
    text = " ".join(propose("2000", Culpability.GROVE_SCHULD).explanation)
    assert "€ 2.000,00" in text
    assert "Grove schuld" in text
    assert "75%" in text
    assert "€ 1.500,00" in text


# --- recidive ---


def test_earlier_boete_within_five_years_is_recidive():
    finding = history(PriorSanction(decided_on=date(2016, 6, 15), boete=D("100")))
    assert finding.recidive is True


def test_earlier_boete_more_than_five_years_ago_is_not_recidive():
    finding = history(PriorSanction(decided_on=date(2015, 6, 14), boete=D("100")))
    assert finding.recidive is False


def test_earlier_investigation_without_boete_is_not_recidive():
    finding = history(PriorSanction(decided_on=date(2019, 1, 1), boete=D("0")))
    assert finding.recidive is False


def test_a_later_boete_does_not_count_as_recidive():
    finding = history(PriorSanction(decided_on=date(2020, 6, 16), boete=D("100")))
    assert finding.recidive is False


def test_recidive_window_handles_leap_day():
    assert rules.years_before(date(2020, 2, 29), 5) == date(2015, 2, 28)
    assert rules.within_years_before(date(2015, 2, 28), date(2020, 2, 29), 5)


@pytest.mark.parametrize(
    ("culpability", "expected_pct", "expected"),
    [
        (Culpability.OPZET, D("150"), D("1500.00")),
        (Culpability.GROVE_SCHULD, D("112.5"), D("1125.00")),
        (Culpability.NORMAAL, D("75"), D("750.00")),
        (Culpability.VERMINDERD, D("37.5"), D("375.00")),
    ],
)
def test_recidive_raises_the_boete_by_half(culpability, expected_pct, expected):
    proposal = propose(
        "1000", culpability, history(PriorSanction(decided_on=date(2018, 1, 1), boete=D("50")))
    )
    assert proposal.recidive is True
    assert proposal.applied_pct == expected_pct
    assert proposal.amount == expected


def test_recidive_maximum_is_150_percent_of_the_benadeling():
    proposal = propose(
        "1000", Culpability.OPZET, history(PriorSanction(decided_on=date(2018, 1, 1), boete=D("50")))
    )
    assert proposal.maximum == D("1500.00")


def test_without_recidive_the_maximum_is_the_benadeling():
    assert propose("1000", Culpability.VERMINDERD).maximum == D("1000.00")


def test_recidive_is_explained_with_the_earlier_date():
    finding = history(PriorSanction(decided_on=date(2018, 3, 1), boete=D("50")))
    text = " ".join(propose("1000", Culpability.OPZET, finding).explanation)
    assert "Recidive" in text and "01-03-2018" in text


# --- written warning ---


def test_small_benadeling_without_earlier_warning_gets_a_warning_instead():
    proposal = propose("150", Culpability.NORMAAL)
    assert proposal.advice == BoeteAdvice.WAARSCHUWING
    assert proposal.amount == D("0.00")
    assert proposal.computed_boete == D("75.00")


def test_no_benadeling_without_earlier_warning_gets_a_warning():
    assert propose("0", Culpability.NORMAAL).advice == BoeteAdvice.WAARSCHUWING


def test_warning_within_two_years_means_a_boete():
    finding = history(PriorSanction(decided_on=date(2019, 1, 1), warning=True))
    proposal = propose("100", Culpability.NORMAAL, finding)
    assert proposal.advice == BoeteAdvice.BOETE
    assert proposal.amount == D("50.00")
    assert "Geen waarschuwing mogelijk" in " ".join(proposal.explanation)


def test_warning_more_than_two_years_ago_allows_a_new_warning():
    finding = history(PriorSanction(decided_on=date(2018, 6, 14), warning=True))
    assert propose("100", Culpability.NORMAAL, finding).advice == BoeteAdvice.WAARSCHUWING


def test_benadeling_above_the_warning_limit_gets_a_boete():
    assert propose("150.01", Culpability.NORMAAL).advice == BoeteAdvice.BOETE


def test_recidivist_gets_no_warning():
    finding = history(PriorSanction(decided_on=date(2019, 1, 1), boete=D("40")))
    assert propose("100", Culpability.NORMAAL, finding).advice == BoeteAdvice.BOETE


def test_without_benadeling_the_maximum_is_the_fixed_cap():
    assert propose("0", Culpability.OPZET).maximum == D("150.00")


# --- aangifte ---


@pytest.mark.parametrize(
    ("benadeling", "expected"),
    [("49999.99", False), ("50000.00", True), ("50000", True), ("125000", True), ("0", False)],
)
def test_aangifte_from_fifty_thousand(benadeling, expected):
    assert (
        rules.aangifte_required(benadelingsbedrag=D(benadeling), threshold=PARAMS.aangifte_threshold)
        is expected
    )


def test_proposal_flags_aangifte_and_says_so():
    proposal = propose("60000", Culpability.OPZET)
    assert proposal.aangifte is True
    assert "aangifte bij het OM" in " ".join(proposal.explanation)


def test_proposal_below_threshold_has_no_aangifte():
    assert propose("49999.99", Culpability.OPZET).aangifte is False


# --- boete adjustment ---


def test_adjustment_equal_to_the_proposal_needs_no_reason():
    proposal = propose("1000", Culpability.OPZET)
    assert rules.check_boete_adjustment(proposal=proposal, amount=D("1000"), reason="") == D("1000.00")


def test_adjustment_needs_a_reason():
    proposal = propose("1000", Culpability.OPZET)
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_boete_adjustment(proposal=proposal, amount=D("800"), reason="  ")
    assert violation_code(excinfo) == "reden_afwijking_boete"
    assert excinfo.value.field == "boete_reden"


def test_adjustment_with_reason_is_accepted():
    proposal = propose("1000", Culpability.OPZET)
    assert rules.check_boete_adjustment(
        proposal=proposal, amount=D("800"), reason="Beperkte draagkracht"
    ) == D("800.00")


def test_adjustment_above_the_maximum_is_refused():
    proposal = propose("1000", Culpability.OPZET)
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_boete_adjustment(proposal=proposal, amount=D("1000.01"), reason="ernstig")
    assert violation_code(excinfo) == "boete_boven_maximum"


def test_adjustment_cannot_be_negative():
    proposal = propose("1000", Culpability.OPZET)
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_boete_adjustment(proposal=proposal, amount=D("-5"), reason="x")
    assert violation_code(excinfo) == "bedrag_negatief"


def test_no_boete_without_culpability_even_with_a_reason():
    proposal = propose("1000", Culpability.GEEN)
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_boete_adjustment(proposal=proposal, amount=D("10"), reason="toch")
    assert violation_code(excinfo) == "boete_zonder_verwijtbaarheid"


def test_a_warning_can_be_turned_into_a_boete_with_a_reason():
    proposal = propose("100", Culpability.OPZET)
    assert proposal.advice == BoeteAdvice.WAARSCHUWING
    assert rules.check_boete_adjustment(proposal=proposal, amount=D("100"), reason="Bewuste misleiding") == D(
        "100.00"
    )


# --- savings ---


@pytest.mark.parametrize("outcome", [Outcome.UITKERING_BEEINDIGD, Outcome.AANVRAAG_AFGEWEZEN])
def test_savings_is_twelve_months_of_the_benefit(outcome):
    savings = rules.bespaarde_uitkering(outcome=outcome, monthly_benefit=D("1170.25"), months=12)
    assert savings.applies is True
    assert savings.amount == D("14043.00")
    assert "€ 1.170,25 per maand × 12 maanden = € 14.043,00" == savings.explanation


def test_other_result_saves_nothing():
    savings = rules.bespaarde_uitkering(outcome=Outcome.ANDER_RESULTAAT, monthly_benefit=D("1200"), months=12)
    assert savings.applies is False
    assert savings.amount == D("0.00")


def test_savings_needs_the_monthly_benefit():
    with pytest.raises(RuleViolation) as excinfo:
        rules.bespaarde_uitkering(outcome=Outcome.UITKERING_BEEINDIGD, monthly_benefit=None, months=12)
    assert violation_code(excinfo) == "maandbedrag_verplicht"
    assert excinfo.value.field == "maandbedrag_uitkering"


def test_savings_uses_the_months_parameter():
    savings = rules.bespaarde_uitkering(
        outcome=Outcome.AANVRAAG_AFGEWEZEN, monthly_benefit=D("1000"), months=6
    )
    assert savings.amount == D("6000.00")


def test_savings_of_64_benefits_reproduce_the_seed():
    total = sum(
        rules.bespaarde_uitkering(
            outcome=Outcome.UITKERING_BEEINDIGD, monthly_benefit=D("1170"), months=12
        ).amount
        for _ in range(64)
    )
    assert total == D("898560.00")  # "9 ton"


# --- terugvordering ---


def test_terugvordering_is_mandatory_after_breach_of_inlichtingenplicht():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=True, amount=D("2500"), benadelingsbedrag=D("2500")
    )
    assert assessment.grond == rules.TerugvorderingGrond.VERPLICHT
    assert assessment.amount == D("2500.00")


def test_mandatory_terugvordering_cannot_be_zero():
    with pytest.raises(RuleViolation) as excinfo:
        rules.terugvordering_assessment(
            inlichtingenplicht_geschonden=True, amount=D("0"), benadelingsbedrag=D("10")
        )
    assert violation_code(excinfo) == "terugvordering_verplicht"
    assert excinfo.value.field == "terugvordering"


def test_mandatory_terugvordering_may_be_waived_for_urgent_reasons():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=True,
        amount=D("0"),
        benadelingsbedrag=D("900"),
        waived=True,
        waiver_reason="Schuldhulptraject loopt",
    )
    assert assessment.waived is True
    assert assessment.waiver_reason == "Schuldhulptraject loopt"
    assert "dringende redenen" in assessment.explanation


def test_waiver_needs_a_reason():
    with pytest.raises(RuleViolation) as excinfo:
        rules.terugvordering_assessment(
            inlichtingenplicht_geschonden=True, amount=D("0"), benadelingsbedrag=D("900"), waived=True
        )
    assert violation_code(excinfo) == "reden_afzien_verplicht"


def test_breach_without_benadeling_needs_no_terugvordering():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=True, amount=D("0"), benadelingsbedrag=D("0")
    )
    assert assessment.grond == rules.TerugvorderingGrond.VERPLICHT
    assert assessment.amount == D("0.00")


def test_terugvordering_without_breach_is_discretionary():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=False, amount=D("0"), benadelingsbedrag=D("500")
    )
    assert assessment.grond == rules.TerugvorderingGrond.BEVOEGD
    assert assessment.amount == D("0.00")


def test_discretionary_terugvordering_may_have_an_amount():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=False, amount=D("300.456"), benadelingsbedrag=D("0")
    )
    assert assessment.amount == D("300.46")


def test_terugvordering_cannot_be_negative():
    with pytest.raises(RuleViolation) as excinfo:
        rules.terugvordering_assessment(
            inlichtingenplicht_geschonden=False, amount=D("-1"), benadelingsbedrag=D("0")
        )
    assert violation_code(excinfo) == "bedrag_negatief"


def test_waiver_reason_is_dropped_when_not_waived():
    assessment = rules.terugvordering_assessment(
        inlichtingenplicht_geschonden=False,
        amount=D("10"),
        benadelingsbedrag=D("10"),
        waived=False,
        waiver_reason="n.v.t.",
    )
    assert assessment.waiver_reason == ""


# --- investigation status ---


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (InvestigationStatus.GEMELD, InvestigationStatus.IN_ONDERZOEK),
        (InvestigationStatus.IN_ONDERZOEK, InvestigationStatus.AFGEROND),
    ],
)
def test_allowed_status_transitions(current, target):
    rules.check_investigation_transition(current=current, target=target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (InvestigationStatus.GEMELD, InvestigationStatus.AFGEROND),
        (InvestigationStatus.GEMELD, InvestigationStatus.GEMELD),
        (InvestigationStatus.IN_ONDERZOEK, InvestigationStatus.GEMELD),
        (InvestigationStatus.IN_ONDERZOEK, InvestigationStatus.IN_ONDERZOEK),
        (InvestigationStatus.AFGEROND, InvestigationStatus.IN_ONDERZOEK),
        (InvestigationStatus.AFGEROND, InvestigationStatus.GEMELD),
        (InvestigationStatus.AFGEROND, InvestigationStatus.AFGEROND),
    ],
)
def test_illegal_status_transitions_are_refused(current, target):
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_investigation_transition(current=current, target=target)
    assert violation_code(excinfo) == "ongeldige_statusovergang"
    assert "kan niet naar" in excinfo.value.message


# --- signal triage ---


def test_new_signal_can_become_an_investigation():
    rules.check_signal_triage(current=SignalStatus.NIEUW, target=SignalStatus.IN_ONDERZOEK)


def test_discarding_needs_a_reason():
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_signal_triage(current=SignalStatus.NIEUW, target=SignalStatus.VERWORPEN, reason=" ")
    assert violation_code(excinfo) == "reden_verwerpen_verplicht"
    assert excinfo.value.field == "reason"


def test_discarding_with_reason_is_allowed():
    rules.check_signal_triage(
        current=SignalStatus.NIEUW, target=SignalStatus.VERWORPEN, reason="Geen aanwijzingen"
    )


@pytest.mark.parametrize("current", [SignalStatus.VERWORPEN, SignalStatus.IN_ONDERZOEK])
def test_signal_is_triaged_once(current):
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_signal_triage(current=current, target=SignalStatus.IN_ONDERZOEK)
    assert violation_code(excinfo) == "signaal_al_beoordeeld"


def test_triage_target_must_be_a_decision():
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_signal_triage(current=SignalStatus.NIEUW, target=SignalStatus.NIEUW)
    assert violation_code(excinfo) == "ongeldige_beoordeling"


def test_themacontrole_needs_a_risk_profile():
    with pytest.raises(RuleViolation) as excinfo:
        rules.check_themacontrole(source=SignalSource.THEMACONTROLE, risk_profile="")
    assert violation_code(excinfo) == "risicoprofiel_verplicht"


def test_other_sources_need_no_risk_profile():
    rules.check_themacontrole(source=SignalSource.MELDING, risk_profile="")


# --- outcome consistency ---


def outcome(**overrides):
    kwargs = {
        "outcome": Outcome.ANDER_RESULTAAT,
        "other_result": OtherResult.MAATREGEL,
        "has_dossier": True,
        "has_aanvraag": False,
        "boete": D("0"),
    }
    kwargs.update(overrides)
    rules.check_outcome(**kwargs)


def outcome_code(**overrides) -> str:
    with pytest.raises(RuleViolation) as excinfo:
        outcome(**overrides)
    return excinfo.value.code


def test_consistent_outcome_passes():
    outcome()
    outcome(outcome=Outcome.UITKERING_BEEINDIGD, other_result="", boete=D("500"))
    outcome(outcome=Outcome.AANVRAAG_AFGEWEZEN, other_result="", has_dossier=False, has_aanvraag=True)
    outcome(other_result=OtherResult.BOETE, boete=D("1"))


def test_outcome_is_required():
    assert outcome_code(outcome="") == "uitkomst_verplicht"


def test_other_result_is_required_for_ander_resultaat():
    assert outcome_code(other_result="") == "ander_resultaat_verplicht"


def test_other_result_only_with_ander_resultaat():
    assert outcome_code(outcome=Outcome.UITKERING_BEEINDIGD) == "ander_resultaat_niet_van_toepassing"


def test_ended_benefit_needs_a_dossier():
    assert (
        outcome_code(outcome=Outcome.UITKERING_BEEINDIGD, other_result="", has_dossier=False)
        == "dossier_verplicht"
    )


def test_rejected_application_needs_an_aanvraag():
    assert outcome_code(outcome=Outcome.AANVRAAG_AFGEWEZEN, other_result="") == "aanvraag_verplicht"


@pytest.mark.parametrize("other", [OtherResult.GEEN_OVERTREDING, OtherResult.WAARSCHUWING])
def test_no_boete_with_no_violation_or_a_warning(other):
    assert outcome_code(other_result=other, boete=D("10")) == "boete_niet_mogelijk"


def test_boete_result_needs_an_amount():
    assert outcome_code(other_result=OtherResult.BOETE, boete=D("0")) == "boete_ontbreekt"


# --- duration ---


def test_duration_in_days():
    assert rules.duration_days(opened_on=date(2020, 1, 1), closed_on=date(2020, 3, 1)) == 60


def test_closing_before_opening_is_refused():
    with pytest.raises(RuleViolation) as excinfo:
        rules.duration_days(opened_on=date(2020, 3, 1), closed_on=date(2020, 1, 1))
    assert violation_code(excinfo) == "afgerond_voor_start"
