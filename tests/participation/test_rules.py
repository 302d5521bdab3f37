"""Pure rules of participation: no database, one behaviour per test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from almelo_sociaal.core.rules import RuleViolation
from participation import rules
from participation.parameters import PARAMETERS
from participation.rules import (
    Belemmeringen,
    Coach,
    DeploymentFacts,
    Kans,
    Limits,
    Motivatie,
    Opleiding,
    Preventiesignaal,
    ProfileFacts,
    suggest_group,
)

D = Decimal

# --- Personas of bijlage 1 (seed 002) ---

JAAP = ProfileFacts(  # 17, VSO-Pro, stage, doelgroepverklaring, no benefit yet
    motivatie=Motivatie.VOLDOENDE,
    kans_arbeidsmarkt=Kans.MATIG,
    uitkeringsduur_maanden=0,
    opleiding=Opleiding.MATIG,
    belemmeringen=Belemmeringen.IN_ZEKERE_MATE,
    preventiesignaal=Preventiesignaal.VSO_PRO,
)
JULIA = ProfileFacts(  # 32, HBO, savings used up, applies for a benefit
    motivatie=Motivatie.VOLDOENDE,
    kans_arbeidsmarkt=Kans.HOOG,
    uitkeringsduur_maanden=0,
    opleiding=Opleiding.VOLDOENDE,
    belemmeringen=Belemmeringen.GEEN,
)
FRANK = ProfileFacts(  # 28, attitude, mishandelingsverleden, praktijkassessment
    motivatie=Motivatie.MATIG,
    kans_arbeidsmarkt=Kans.REDELIJK,
    uitkeringsduur_maanden=1,
    opleiding=Opleiding.MATIG,
    belemmeringen=Belemmeringen.IN_ZEKERE_MATE,
    in_uitkering=True,
)
KARIN = ProfileFacts(  # single mother, two children under 5, no finished education
    motivatie=Motivatie.VOLDOENDE,
    kans_arbeidsmarkt=Kans.MATIG,
    uitkeringsduur_maanden=4,
    opleiding=Opleiding.SLECHT,
    belemmeringen=Belemmeringen.IN_ZEKERE_MATE,
    in_uitkering=True,
)
HEIN = ProfileFacts(  # 49, after WW, health, care for his mother, participatiecoach
    motivatie=Motivatie.MATIG,
    kans_arbeidsmarkt=Kans.MATIG,
    uitkeringsduur_maanden=30,
    opleiding=Opleiding.MATIG,
    belemmeringen=Belemmeringen.IN_ZEKERE_MATE,
    coach=Coach.WIJKCOACH,
    in_uitkering=True,
)
EMINA = ProfileFacts(  # 37, startkwalificatie, psychiatric history, benefit since 30
    motivatie=Motivatie.MATIG,
    kans_arbeidsmarkt=Kans.SLECHT,
    uitkeringsduur_maanden=84,
    opleiding=Opleiding.VOLDOENDE,
    belemmeringen=Belemmeringen.FORS,
    coach=Coach.ZORGCOACH,
    in_uitkering=True,
)


@pytest.mark.parametrize(
    "facts, group",
    [(JAAP, -1), (JULIA, 0), (FRANK, 1), (KARIN, 2), (HEIN, 3), (EMINA, 4)],
    ids=["jaap", "julia", "frank", "karin", "hein", "emina"],
)
def test_persona_lands_in_their_group(facts, group):
    assert suggest_group(facts).group == group


def test_jaap_reason_names_the_prevention_signal():
    assert suggest_group(JAAP).reasons == [
        "preventiesignaal: VSO-Pro schoolverlater, geen lopende uitkering → groep -1"
    ]


def test_julia_reasons_list_every_factor_pointing_to_group_0():
    assert suggest_group(JULIA).reasons == [
        "motivatie: voldoende → groep 0",
        "kans op de arbeidsmarkt: hoog → groep 0",
        "uitkeringsduur: 0 maanden (0–3) → groep 0",
        "opleiding/kwalificatie: voldoende (startkwalificatie of hoger) → groep 0",
        "belemmeringen: geen → groep 0",
    ]


def test_frank_reasons_are_the_group_1_factors():
    assert suggest_group(FRANK).reasons == [
        "motivatie: matig → groep 1",
        "kans op de arbeidsmarkt: redelijk → groep 1",
        "opleiding/kwalificatie: matig → groep 1",
        "belemmeringen: in zekere mate aanwezig → groep 1",
    ]


def test_karin_reasons_are_chance_and_education():
    assert suggest_group(KARIN).reasons == [
        "kans op de arbeidsmarkt: matig → groep 2",
        "opleiding/kwalificatie: slecht (geen afgeronde opleiding) → groep 2",
    ]


def test_hein_reasons_are_duration_and_coach():
    assert suggest_group(HEIN).reasons == [
        "uitkeringsduur: 30 maanden (meer dan 18) → groep 3",
        "wijk- of zorgcoach betrokken: wijkcoach → groep 3",
    ]


def test_emina_reasons_quote_the_poor_chance_and_heavy_obstacles():
    assert suggest_group(EMINA).reasons == [
        "kans op de arbeidsmarkt: slecht → groep 4",
        "belemmeringen: fors aanwezig → groep 4",
    ]


def test_suggestion_keeps_every_factor_for_the_explanation():
    indications = suggest_group(EMINA).indications
    assert [i.factor for i in indications] == [
        "motivatie",
        "kans op de arbeidsmarkt",
        "uitkeringsduur",
        "opleiding/kwalificatie",
        "belemmeringen",
        "wijk- of zorgcoach betrokken",
    ]
    assert indications[3].text == "opleiding/kwalificatie: voldoende (startkwalificatie of hoger) → groep 0"


# --- Boundaries ---


def _julia_with(**changes) -> ProfileFacts:
    values = {**JULIA.__dict__, **changes}
    return ProfileFacts(**values)


@pytest.mark.parametrize("months, group", [(0, 0), (3, 0), (4, 1), (18, 1), (19, 3), (240, 3)])
def test_benefit_duration_boundaries(months, group):
    assert suggest_group(_julia_with(uitkeringsduur_maanden=months, in_uitkering=True)).group == group


def test_duration_reason_text_at_the_group_1_boundary():
    assert suggest_group(_julia_with(uitkeringsduur_maanden=18)).reasons == [
        "uitkeringsduur: 18 maanden (0–18) → groep 1"
    ]


def test_one_month_is_singular_in_the_reason():
    assert (
        suggest_group(_julia_with(uitkeringsduur_maanden=1)).reasons[2]
        == "uitkeringsduur: 1 maand (0–3) → groep 0"
    )


@pytest.mark.parametrize(
    "kans, group", [(Kans.HOOG, 0), (Kans.REDELIJK, 1), (Kans.MATIG, 2), (Kans.SLECHT, 4)]
)
def test_chance_on_the_labour_market_sets_a_minimum_group(kans, group):
    assert suggest_group(_julia_with(kans_arbeidsmarkt=kans)).group == group


@pytest.mark.parametrize(
    "motivatie, group", [(Motivatie.VOLDOENDE, 0), (Motivatie.MATIG, 1), (Motivatie.NAUWELIJKS, 4)]
)
def test_motivation_sets_a_minimum_group(motivatie, group):
    assert suggest_group(_julia_with(motivatie=motivatie)).group == group


@pytest.mark.parametrize(
    "belemmeringen, group",
    [
        (Belemmeringen.GEEN, 0),
        (Belemmeringen.ZEER_BEPERKT, 0),
        (Belemmeringen.IN_ZEKERE_MATE, 1),
        (Belemmeringen.FORS, 4),
    ],
)
def test_obstacles_set_a_minimum_group(belemmeringen, group):
    assert suggest_group(_julia_with(belemmeringen=belemmeringen)).group == group


@pytest.mark.parametrize(
    "opleiding, group", [(Opleiding.VOLDOENDE, 0), (Opleiding.MATIG, 1), (Opleiding.SLECHT, 2)]
)
def test_education_sets_a_minimum_group(opleiding, group):
    assert suggest_group(_julia_with(opleiding=opleiding)).group == group


def test_a_wijkcoach_alone_points_to_group_3():
    assert suggest_group(_julia_with(coach=Coach.WIJKCOACH)).reasons == [
        "wijk- of zorgcoach betrokken: wijkcoach → groep 3"
    ]


def test_poor_motivation_reason_text():
    assert suggest_group(_julia_with(motivatie=Motivatie.NAUWELIJKS)).reasons == [
        "motivatie: nauwelijks aanwezig → groep 4"
    ]


def test_poor_chance_outweighs_a_startkwalificatie():
    assert suggest_group(_julia_with(kans_arbeidsmarkt=Kans.SLECHT)).reasons == [
        "kans op de arbeidsmarkt: slecht → groep 4"
    ]


def test_prevention_signal_ignored_once_in_benefit():
    suggestion = suggest_group(_julia_with(preventiesignaal=Preventiesignaal.EINDE_WW, in_uitkering=True))
    assert suggestion.group == 0
    assert (
        suggestion.reasons[-1]
        == "preventiesignaal (einde WW in zicht) telt niet mee: cliënt ontvangt al een uitkering"
    )


def test_former_client_whose_temporary_contract_ends_is_prevention():
    facts = _julia_with(preventiesignaal=Preventiesignaal.EINDE_CONTRACT, uitkeringsduur_maanden=30)
    assert suggest_group(facts).reasons == [
        "preventiesignaal: einde tijdelijk contract, geen lopende uitkering → groep -1"
    ]


def test_end_of_temporary_contract_without_benefit_is_prevention():
    facts = _julia_with(preventiesignaal=Preventiesignaal.EINDE_CONTRACT, kans_arbeidsmarkt=Kans.SLECHT)
    assert suggest_group(facts).group == -1


def test_unknown_value_is_refused_with_the_field():
    with pytest.raises(RuleViolation) as caught:
        suggest_group(_julia_with(kans_arbeidsmarkt="uitstekend"))
    assert (caught.value.code, caught.value.field) == ("profiel_ongeldig", "kans_arbeidsmarkt")


def test_negative_duration_is_refused():
    with pytest.raises(RuleViolation, match="negatief"):
        suggest_group(_julia_with(uitkeringsduur_maanden=-1))


# --- Decision ---


def test_decision_equal_to_suggestion_needs_no_reason():
    rules.check_assignment(group=2, suggested=2, reason="")


def test_deviation_from_suggestion_needs_a_reason():
    with pytest.raises(RuleViolation) as caught:
        rules.check_assignment(group=3, suggested=2, reason="  ")
    assert caught.value.code == "reden_verplicht"
    assert caught.value.field == "reason"
    assert caught.value.message == "Geef een reden: u kiest groep 3, het voorstel is groep 2."


def test_deviation_with_reason_is_allowed():
    rules.check_assignment(group=3, suggested=2, reason="Mantelzorg voor moeder vraagt meer tijd")


def test_decision_without_suggestion_needs_no_reason():
    rules.check_assignment(group=1, suggested=None, reason="")


@pytest.mark.parametrize("group", [-2, 5])
def test_group_outside_minus_one_to_four_is_refused(group):
    with pytest.raises(RuleViolation, match="bestaat niet"):
        rules.check_assignment(group=group, suggested=None, reason="")


# --- Review interval ---

REVIEW_MONTHS = {-1: 3, 0: 3, 1: 6, 2: 6, 3: 12, 4: 12}


@pytest.mark.parametrize(
    "group, due",
    [
        (-1, date(2026, 4, 15)),
        (0, date(2026, 4, 15)),
        (1, date(2026, 7, 15)),
        (2, date(2026, 7, 15)),
        (3, date(2027, 1, 15)),
        (4, date(2027, 1, 15)),
    ],
)
def test_review_due_after_the_groups_interval(group, due):
    assert (
        rules.next_review_date(group=group, assigned_on=date(2026, 1, 15), months_by_group=REVIEW_MONTHS)
        == due
    )


def test_review_date_clamps_to_end_of_short_month():
    assert rules.add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_review_date_clamps_to_leap_day():
    assert rules.add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)


def test_review_months_come_from_the_parameter():
    assert rules.next_review_date(group=1, assigned_on=date(2026, 1, 1), months_by_group={1: 2}) == date(
        2026, 3, 1
    )


def test_parameter_keys_for_reviews_and_contact():
    keys = {p.key for p in PARAMETERS}
    assert {rules.review_months_key(g) for g in rules.GROUPS} <= keys
    assert {rules.contact_weeks_key(g) for g in rules.GROUPS} <= keys


def test_default_review_months_match_policy():
    values = {p.key: p.value for p in PARAMETERS}
    assert [values[rules.review_months_key(g)] for g in rules.GROUPS] == [
        D(3),
        D(3),
        D(6),
        D(6),
        D(12),
        D(12),
    ]


def test_parameter_defaults_are_decimals():
    assert all(isinstance(p.value, Decimal) for p in PARAMETERS)


# --- Loonkostensubsidie ---

LKS = dict(
    vakantiebijslag_pct=D("8"),
    werkgeverslasten_pct=D("23"),
    max_pct=D("70"),
    zonder_loonwaarde_pct=D("50"),
    zonder_loonwaarde_maanden=6,
)


def test_lks_is_wml_minus_loonwaarde_plus_employer_costs():
    result = rules.loonkostensubsidie(wml_maand=D("2294.40"), loonwaarde_pct=D("60"), **LKS)
    assert result.loon_incl_vakantiebijslag == D("2477.95")  # 2294.40 × 1.08
    assert result.basis == D("991.18")  # 40% of 2477.95
    assert result.werkgeverslasten == D("227.97")
    assert result.bedrag == D("1219.15")


def test_lks_never_above_70_percent_of_wml_with_holiday_pay():
    result = rules.loonkostensubsidie(wml_maand=D("2294.40"), loonwaarde_pct=D("20"), **LKS)
    assert result.basis == D("1734.57") == result.maximum  # 70% of 2477.95, not 80%
    assert "begrensd op 70% van WML + vakantiebijslag: € 1734.57" in result.lines


def test_lks_exactly_at_the_cap_is_not_marked_as_capped():
    result = rules.loonkostensubsidie(wml_maand=D("1000"), loonwaarde_pct=D("30"), **LKS)
    assert result.basis == D("756.00") == result.maximum
    assert not any("begrensd" in line for line in result.lines)


def test_lks_without_loonwaarde_is_50_percent_for_6_months():
    result = rules.loonkostensubsidie(wml_maand=D("2294.40"), loonwaarde_pct=None, **LKS)
    assert result.basis == D("1238.98")
    assert result.max_maanden == 6


@pytest.mark.parametrize("loonwaarde", [D("100"), D("-1")])
def test_lks_refuses_loonwaarde_outside_0_to_100(loonwaarde):
    with pytest.raises(RuleViolation) as caught:
        rules.loonkostensubsidie(wml_maand=D("2294.40"), loonwaarde_pct=loonwaarde, **LKS)
    assert caught.value.field == "loonwaarde_pct"


def test_lks_amounts_are_decimal():
    result = rules.loonkostensubsidie(wml_maand=D("2294.40"), loonwaarde_pct=D("55.5"), **LKS)
    assert all(isinstance(v, Decimal) for v in (result.basis, result.werkgeverslasten, result.bedrag))


def test_wml_for_part_time_hours():
    assert rules.wml_for_hours(wml_uur=D("14.71"), uren_per_week=D("24")) == D("1529.84")


# --- Participatiepremie ---

PREMIE = dict(premie=D("150"), min_uren=D("18"))


def test_premium_at_18_hours_with_cooperation():
    assert rules.participatiepremie(uren_per_week=D("18"), voldoende_meegewerkt=True, **PREMIE).bedrag == D(
        "150.00"
    )


def test_no_premium_below_18_hours():
    premie = rules.participatiepremie(uren_per_week=D("16"), voldoende_meegewerkt=True, **PREMIE)
    assert premie.bedrag == D("0.00")
    assert premie.reason == "geen premie: 16 uur per week is minder dan 18 uur per week"


def test_no_premium_without_sufficient_cooperation():
    premie = rules.participatiepremie(uren_per_week=D("24"), voldoende_meegewerkt=False, **PREMIE)
    assert premie.bedrag == D("0.00")
    assert "onvoldoende meegewerkt" in premie.reason


# --- Inkomstenvrijlating medische urenbeperking ---


def test_vrijlating_is_15_percent_of_earnings():
    assert rules.vrijlating_medisch(
        inkomsten=D("600"), pct=D("15"), maximum=D("180.19"), andere_vrijlating_loopt=False
    ) == D("90.00")


def test_vrijlating_capped_at_2019_maximum():
    assert rules.vrijlating_medisch(
        inkomsten=D("1000"), pct=D("15"), maximum=D("132.56"), andere_vrijlating_loopt=False
    ) == D("132.56")


def test_vrijlating_capped_at_2026_maximum():
    assert rules.vrijlating_medisch(
        inkomsten=D("1500"), pct=D("15"), maximum=D("180.19"), andere_vrijlating_loopt=False
    ) == D("180.19")


def test_vrijlating_rounds_half_up_to_cents():
    assert rules.vrijlating_medisch(
        inkomsten=D("100.03"), pct=D("15"), maximum=D("180.19"), andere_vrijlating_loopt=False
    ) == D("15.00")
    assert rules.vrijlating_medisch(
        inkomsten=D("100.10"), pct=D("15"), maximum=D("180.19"), andere_vrijlating_loopt=False
    ) == D("15.02")  # 15.015 → 15.02


def test_vrijlating_refused_while_another_vrijlating_runs():
    with pytest.raises(RuleViolation) as caught:
        rules.vrijlating_medisch(
            inkomsten=D("600"), pct=D("15"), maximum=D("180.19"), andere_vrijlating_loopt=True
        )
    assert caught.value.code == "vrijlating_samenloop"


# --- Instrument catalogue and conditions ---

START = date(2026, 2, 1)


def facts(**changes) -> DeploymentFacts:
    values = dict(group=2, age=35, start=START, end=date(2026, 8, 1), hours_per_week=D("16"))
    values.update(changes)
    return DeploymentFacts(**values)


def violation(code: str, f: DeploymentFacts, limits: Limits | None = None) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        rules.check_deployment(code, f, limits)
    return caught.value


def test_catalogue_codes_are_unique():
    codes = [i.code for i in rules.CATALOGUE]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    "code, groups",
    [
        ("beschut_werk", {3}),
        ("jobcoaching", {0, 1, 2}),
        ("garantiebaan", {0, 1, 2}),
        ("loonkostensubsidie", {0, 1, 2}),
        ("participatieplaats", {3}),
        ("proefplaatsing", {1, 2}),
        ("praktijkassessment", {1, 2}),
        ("sociale_activering", {3, 4}),
        ("dagbesteding", {4}),
        ("taalles", {-1, 0, 1, 2, 3, 4}),
        ("tegenprestatie", {1, 2, 3}),
    ],
)
def test_instrument_allowed_groups_follow_the_matrix(code, groups):
    assert {g for g in rules.GROUPS if rules.instrument_allowed_for_group(code, g)} == groups


def test_unknown_instrument_is_not_allowed():
    assert rules.instrument_allowed_for_group("bestaat_niet", 1) is False


def test_no_instrument_without_a_group():
    assert rules.instrument_allowed_for_group("taalles", None) is False


def test_instrument_outside_its_groups_is_refused_with_the_allowed_groups():
    v = violation("participatieplaats", facts(group=1))
    assert v.code == "groep_niet_toegestaan"
    assert v.message == "Participatieplaats is niet toegestaan in groep 1 (wel in groep 3)."


def test_deployment_without_group_is_refused():
    assert violation("taalles", facts(group=None)).code == "geen_groep"


def test_participatieplaats_from_27():
    rules.check_deployment("participatieplaats", facts(group=3, age=27))


def test_participatieplaats_refused_at_26():
    v = violation("participatieplaats", facts(group=3, age=26))
    assert v.code == "leeftijd_participatieplaats"
    assert v.message == "Participatieplaats kan pas vanaf 27 jaar; de cliënt is 26 jaar."


def test_participatieplaats_age_comes_from_the_limits():
    rules.check_deployment(
        "participatieplaats", facts(group=3, age=25), Limits(participatieplaats_min_age=25)
    )


def test_group_2_allows_a_second_instrument():
    rules.check_deployment("scholing", facts(active_instruments=("werkervaringsplek",)))


def test_group_2_refuses_a_third_instrument():
    v = violation("proefplaatsing", facts(active_instruments=("werkervaringsplek", "scholing")))
    assert v.code == "max_instrumenten_groep_2"
    assert v.message == (
        "In groep 2 lopen ten hoogste 2 instrumenten tegelijk; "
        "er lopen er al 2 (werkervaringsplek, scholing en training)."
    )


def test_group_1_has_no_maximum_of_instruments():
    rules.check_deployment(
        "proefplaatsing", facts(group=1, active_instruments=("werkervaringsplek", "scholing"))
    )


def test_income_measures_do_not_count_towards_the_group_2_maximum():
    rules.check_deployment(
        "scholing",
        facts(active_instruments=("werkervaringsplek", "vrijlating_medisch", "studietoeslag")),
    )


def test_same_instrument_twice_at_once_is_refused():
    assert violation("scholing", facts(active_instruments=("scholing",))).code == "instrument_loopt_al"


@pytest.mark.parametrize("code", ["jobcoaching", "garantiebaan"])
def test_arbeidsbeperking_required(code):
    v = violation(code, facts(arbeidsbeperking=False))
    assert v.code == "arbeidsbeperking_vereist"
    assert "arbeidsbeperking" in v.message


def test_jobcoaching_with_arbeidsbeperking():
    rules.check_deployment("jobcoaching", facts(arbeidsbeperking=True))


def test_beschut_werk_needs_group_3_and_arbeidsbeperking():
    rules.check_deployment("beschut_werk", facts(group=3, arbeidsbeperking=True))


def test_lks_with_loonwaarde_has_no_time_limit():
    rules.check_deployment("loonkostensubsidie", facts(end=None, loonwaarde_pct=D("60")))


def test_lks_without_loonwaarde_up_to_6_months():
    rules.check_deployment("loonkostensubsidie", facts(end=date(2026, 8, 1)))


def test_lks_without_loonwaarde_longer_than_6_months_refused():
    v = violation("loonkostensubsidie", facts(end=date(2026, 8, 2)))
    assert v.code == "lks_zonder_loonwaarde_te_lang"
    assert v.field == "end"
    assert "tot en met 01-08-2026" in v.message


def test_lks_without_loonwaarde_open_ended_refused():
    assert violation("loonkostensubsidie", facts(end=None)).code == "lks_zonder_loonwaarde_te_lang"


def test_lks_loonwaarde_of_100_refused():
    assert violation("loonkostensubsidie", facts(loonwaarde_pct=D("100"))).code == "lks_loonwaarde_ongeldig"


def test_studietoeslag_from_18_for_students_with_arbeidsbeperking():
    rules.check_deployment("studietoeslag", facts(age=18, student=True, arbeidsbeperking=True))


def test_studietoeslag_refused_at_17():
    v = violation("studietoeslag", facts(age=17, student=True, arbeidsbeperking=True))
    assert v.message == "Individuele studietoeslag kan pas vanaf 18 jaar; de cliënt is 17 jaar."


def test_studietoeslag_refused_for_non_student():
    assert violation("studietoeslag", facts(student=False, arbeidsbeperking=True)).code == "student_vereist"


@pytest.mark.parametrize("age", [16, 26])
def test_leerwerktraject_for_16_to_26_without_startkwalificatie(age):
    rules.check_deployment("leerwerktraject", facts(age=age))


@pytest.mark.parametrize("age", [15, 27])
def test_leerwerktraject_refused_outside_16_to_27(age):
    assert violation("leerwerktraject", facts(age=age)).code == "leeftijd_leerwerktraject"


def test_leerwerktraject_refused_with_startkwalificatie():
    assert (
        violation("leerwerktraject", facts(age=20, startkwalificatie=True)).code
        == "startkwalificatie_aanwezig"
    )


def test_vrijlating_medisch_needs_urenbeperking():
    assert violation("vrijlating_medisch", facts()).code == "medische_urenbeperking_vereist"


def test_vrijlating_medisch_refused_alongside_other_vrijlating():
    f = facts(medisch_urenbeperkt=True, andere_vrijlating_loopt=True)
    assert violation("vrijlating_medisch", f).code == "vrijlating_samenloop"


def test_age_unknown_is_refused_for_age_bound_instruments():
    assert violation("participatieplaats", facts(group=3, age=None)).code == "leeftijd_onbekend"


def test_tegenprestatie_is_not_a_trajectory_here():
    v = violation("tegenprestatie", facts(group=2))
    assert v.code == "instrument_elders"
    assert "module" in v.message


def test_unknown_instrument_is_refused():
    assert violation("bestaat_niet", facts()).code == "instrument_onbekend"


def test_end_before_start_is_refused():
    v = violation("scholing", facts(end=date(2026, 1, 31)))
    assert (v.code, v.field) == ("einde_voor_start", "end")


def test_hours_above_40_refused():
    assert violation("scholing", facts(hours_per_week=D("41"))).code == "uren_ongeldig"


def test_all_violations_are_listed():
    codes = [v.code for v in rules.deployment_violations("participatieplaats", facts(group=2, age=20))]
    assert codes == ["groep_niet_toegestaan", "leeftijd_participatieplaats"]


def test_every_instrument_has_dutch_conditions_text():
    for item in rules.CATALOGUE:
        assert all(c.text for c in item.conditions)


# --- Dates ---


def test_months_between_counts_whole_months():
    assert rules.months_between(date(2025, 1, 15), date(2025, 4, 14)) == 2
    assert rules.months_between(date(2025, 1, 15), date(2025, 4, 15)) == 3


def test_benefit_months_counts_overlapping_dossiers_once():
    periods = [(date(2024, 1, 1), date(2024, 7, 1)), (date(2024, 4, 1), None)]
    assert rules.benefit_months(periods, on=date(2025, 1, 1)) == 12


def test_benefit_months_adds_separate_spells():
    periods = [(date(2020, 1, 1), date(2020, 4, 1)), (date(2024, 1, 1), None)]
    assert rules.benefit_months(periods, on=date(2024, 3, 1)) == 5


def test_benefit_months_ignores_future_dossiers():
    assert rules.benefit_months([(date(2026, 6, 1), None)], on=date(2026, 1, 1)) == 0


def test_age_on_the_day_before_the_birthday():
    assert rules.age_on(date(1999, 3, 10), date(2026, 3, 9)) == 26
    assert rules.age_on(date(1999, 3, 10), date(2026, 3, 10)) == 27
