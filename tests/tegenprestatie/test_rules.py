"""Pure rule tests (no database): hour caps, ISO weeks, admission, status, maatregelen, vrijstellingen."""

from datetime import date
from decimal import Decimal as D

import pytest

from almelo_sociaal.core.rules import RuleViolation
from tegenprestatie import parameters as p
from tegenprestatie import rules as r

CAPS = r.HourCaps(max_hours_per_week=D("20"), max_weeks_per_year=44)
POLICY = r.SanctionPolicy(D("20"), D("40"), D("100"), months=1, recidive_months=12)
W07 = r.IsoWeek(2026, 7)


def register(**overrides):
    kwargs = {
        "week": W07,
        "hours": D("8"),
        "placement_start": date(2026, 1, 5),
        "placement_end": None,
        "other_hours_in_week": D("0"),
        "weeks_with_hours": set(),
        "caps": CAPS,
    }
    kwargs.update(overrides)
    r.check_hour_registration(**kwargs)


def refused(fn, **kwargs) -> RuleViolation:
    with pytest.raises(RuleViolation) as exc:
        fn(**kwargs)
    return exc.value


def weeks_of(year, count, first=1):
    return {r.IsoWeek(year, n) for n in range(first, first + count)}


# --------------------------------------------------------------------------- formatting and parsing


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (D("20"), "20"),
        (D("20.5"), "20,5"),
        (D("7.25"), "7,25"),
        (D("0"), "0"),
        (D("13820.50"), "13.820,5"),
        (D("-1.5"), "-1,5"),
        (D("20.50"), "20,5"),
    ],
)
def test_format_hours_is_dutch_without_needless_zeros(hours, text):
    assert r.format_hours(hours) == text


@pytest.mark.parametrize(
    ("typed", "hours"), [("7,5", D("7.5")), ("7.5", D("7.5")), (" 8 ", D("8")), ("", D("0"))]
)
def test_parse_hours_accepts_dutch_and_dot_notation(typed, hours):
    assert r.parse_hours(typed) == hours


@pytest.mark.parametrize("typed", ["abc", "7,5,1", "NaN", "inf"])
def test_parse_hours_refuses_text_that_is_no_number(typed):
    assert refused(r.parse_hours, value=typed).code == "uren_ongeldig"


def test_parse_hours_never_yields_binary_float_noise():
    assert r.parse_hours(0.1) == D("0.1")


# --------------------------------------------------------------------------- ISO weeks


def test_week_label_is_iso_with_two_digit_week():
    assert r.IsoWeek(2026, 7).label == "2026-W07"


def test_week_of_a_date_uses_iso_calendar():
    assert r.IsoWeek.of(date(2026, 2, 11)) == W07


def test_week_runs_monday_to_sunday():
    assert (W07.monday, W07.sunday) == (date(2026, 2, 9), date(2026, 2, 15))


@pytest.mark.parametrize(("year", "weeks"), [(2020, 53), (2025, 52), (2026, 53), (2027, 52)])
def test_weeks_in_year_knows_53_week_years(year, weeks):
    assert r.IsoWeek.weeks_in_year(year) == weeks


def test_week_53_that_does_not_exist_is_refused():
    assert refused(r.IsoWeek, year=2025, week=53).code == "week_ongeldig"


def test_last_days_of_december_can_belong_to_week_1_of_the_next_year():
    assert r.IsoWeek.of(date(2024, 12, 30)) == r.IsoWeek(2025, 1)


def test_first_days_of_january_can_belong_to_week_53_of_the_previous_year():
    assert r.IsoWeek.of(date(2027, 1, 3)) == r.IsoWeek(2026, 53)


def test_reference_date_of_a_boundary_week_lies_in_its_iso_year():
    assert r.IsoWeek(2025, 1).reference_date == date(2025, 1, 2)


@pytest.mark.parametrize("text", ["2026-W07", "2026-w7", "2026W07"])
def test_parse_week(text):
    assert r.IsoWeek.parse(text) == W07


@pytest.mark.parametrize("text", ["2026-07", "week 7", "26-W07", "2026-Wxx"])
def test_parse_week_refuses_other_notations(text):
    assert refused(r.IsoWeek.parse, text=text).code == "week_ongeldig"


def test_shift_crosses_the_year_boundary():
    assert r.IsoWeek(2026, 53).shift(1) == r.IsoWeek(2027, 1)


def test_weeks_between_is_inclusive():
    assert r.weeks_between(r.IsoWeek(2026, 52), r.IsoWeek(2027, 2)) == [
        r.IsoWeek(2026, 52),
        r.IsoWeek(2026, 53),
        r.IsoWeek(2027, 1),
        r.IsoWeek(2027, 2),
    ]


# --------------------------------------------------------------------------- 20 hours per week


def test_exactly_20_hours_in_a_week_is_allowed():
    register(hours=D("20"))


def test_20_and_a_half_hours_in_a_week_is_refused_with_the_numbers():
    v = refused(register, hours=D("20.5"))
    assert (v.code, v.field) == ("max_uren_week", "hours")
    assert v.message == "Maximaal 20 uur per week: week 2026-W07 komt op 20,5 uur."


def test_overlapping_placements_add_up_to_20_hours():
    register(hours=D("12"), other_hours_in_week=D("8"))


def test_overlapping_placements_above_20_hours_are_refused():
    v = refused(register, hours=D("12.25"), other_hours_in_week=D("8.25"))
    assert v.message == "Maximaal 20 uur per week: week 2026-W07 komt op 20,5 uur."


def test_the_week_cap_follows_the_parameter():
    caps = r.HourCaps(max_hours_per_week=D("16"), max_weeks_per_year=44)
    assert refused(register, hours=D("16.25"), caps=caps).message.startswith("Maximaal 16 uur per week")


def test_negative_hours_are_refused():
    assert refused(register, hours=D("-1")).code == "uren_negatief"


def test_hours_are_registered_in_quarters():
    assert refused(register, hours=D("7.1")).code == "uren_kwartier"


def test_zero_hours_are_allowed_and_clear_a_week():
    register(hours=D("0"))


@pytest.mark.parametrize(
    ("hours", "attendance"), [(D("4"), r.PRESENT), (D("0"), r.EXCUSED), (D("0"), r.NO_SHOW)]
)
def test_attendance_and_hours_that_fit(hours, attendance):
    r.check_attendance(hours=hours, attendance=attendance)


def test_present_without_hours_is_refused():
    assert refused(r.check_attendance, hours=D("0"), attendance=r.PRESENT).code == "uren_verplicht"


def test_a_no_show_with_hours_is_refused():
    v = refused(r.check_attendance, hours=D("3"), attendance=r.NO_SHOW)
    assert v.message == "Bij 'niet verschenen' horen geen uren (3 ingevuld)."


# --------------------------------------------------------------------------- 44 weeks per year


def test_the_44th_week_with_hours_in_a_year_is_allowed():
    register(week=r.IsoWeek(2026, 44), weeks_with_hours=weeks_of(2026, 43))


def test_the_45th_week_with_hours_in_a_year_is_refused_with_the_numbers():
    v = refused(register, week=r.IsoWeek(2026, 45), weeks_with_hours=weeks_of(2026, 44))
    assert (v.code, v.field) == ("max_weken_jaar", "week")
    assert (
        v.message == "Maximaal 44 weken per kalenderjaar: 2026 komt met week 2026-W45 op 45 weken met uren."
    )


def test_changing_hours_in_a_week_that_already_counts_does_not_add_a_week():
    register(week=r.IsoWeek(2026, 30), weeks_with_hours=weeks_of(2026, 44))


def test_zero_hours_in_a_45th_week_do_not_count():
    register(week=r.IsoWeek(2026, 45), hours=D("0"), weeks_with_hours=weeks_of(2026, 44))


def test_weeks_of_another_year_do_not_count():
    register(week=r.IsoWeek(2026, 2), weeks_with_hours=weeks_of(2025, 44, first=5))


def test_week_53_counts_for_the_iso_year_even_with_days_in_january():
    # 2026-W53 runs 28-12-2026 t/m 03-01-2027 and belongs to 2026: with 44 weeks in 2026 it is refused ...
    v = refused(register, week=r.IsoWeek(2026, 53), placement_end=None, weeks_with_hours=weeks_of(2026, 44))
    assert "2026 komt met week 2026-W53 op 45 weken" in v.message


def test_week_1_after_week_53_starts_a_new_year_count():
    # ... while 2027-W01 starts the count of 2027 afresh.
    register(week=r.IsoWeek(2027, 1), weeks_with_hours=weeks_of(2026, 44) | {r.IsoWeek(2026, 53)})


def test_week_1_that_starts_in_december_counts_for_the_new_year():
    # 2025-W01 runs 30-12-2024 t/m 05-01-2025: with 44 weeks in 2024 it is still allowed.
    register(week=r.IsoWeek(2025, 1), placement_start=date(2024, 1, 1), weeks_with_hours=weeks_of(2024, 44))


def test_weeks_used_counts_distinct_weeks_of_one_year():
    assert r.weeks_used(weeks_of(2026, 3) | {r.IsoWeek(2027, 1)}, 2026) == 3


# --------------------------------------------------------------------------- placement period


def test_hours_in_the_first_week_of_a_placement_that_starts_midweek_are_allowed():
    register(week=W07, placement_start=date(2026, 2, 13))


def test_hours_in_a_week_before_the_placement_are_refused():
    v = refused(register, week=r.IsoWeek(2026, 6), placement_start=date(2026, 2, 9))
    assert (v.code, v.field) == ("buiten_plaatsingsperiode", "week")
    assert v.message == "Week 2026-W06 valt buiten de plaatsingsperiode (vanaf 09-02-2026)."


def test_hours_in_the_last_week_of_a_placement_are_allowed():
    register(week=W07, placement_start=date(2026, 1, 5), placement_end=date(2026, 2, 9))


def test_hours_in_a_week_after_the_placement_are_refused():
    v = refused(
        register, week=r.IsoWeek(2026, 8), placement_start=date(2026, 1, 5), placement_end=date(2026, 2, 15)
    )
    assert v.message == "Week 2026-W08 valt buiten de plaatsingsperiode (05-01-2026 t/m 15-02-2026)."


def test_a_no_show_outside_the_period_is_refused_too():
    v = refused(register, week=r.IsoWeek(2026, 1), hours=D("0"), placement_start=date(2026, 2, 9))
    assert v.code == "buiten_plaatsingsperiode"


# --------------------------------------------------------------------------- placement admission


def facts(**overrides):
    values = {
        "start": date(2026, 3, 2),
        "end": None,
        "agreed_hours": D("8"),
        "host_has_declaration": True,
        "host_name": "Buurthuis De Riet",
        "participation_group": 2,
        "instrument_allowed": True,
        "reintegration_hours": D("0"),
        "other_agreed_hours": D("0"),
        "exemptions": (),
    }
    values.update(overrides)
    return r.PlacementFacts(**values)


def admit(**overrides):
    r.check_placement_admission(facts(**overrides), max_hours_per_week=D("20"), max_combined_hours=D("20"))


def test_a_placement_with_all_facts_in_order_is_admitted():
    admit()


def test_a_host_without_verdringing_declaration_is_refused():
    v = refused(admit, host_has_declaration=False)
    assert (v.code, v.field) == ("geen_verdringingsverklaring", "host")
    assert "Buurthuis De Riet heeft geen verdringingsverklaring" in v.message


def test_an_activity_at_a_host_needs_a_host():
    v = refused(admit, host_name=None, host_has_declaration=False)
    assert (v.code, v.field) == ("gastorganisatie_verplicht", "host")


def test_mantelzorg_at_home_needs_no_host_and_no_declaration():
    admit(host_name=None, host_has_declaration=False, needs_host=False)


def test_a_declaration_needs_date_and_signer():
    r.check_declaration(
        signed_on=date(2026, 1, 5), signed_by="J. de Vries, voorzitter", today=date(2026, 1, 5)
    )


@pytest.mark.parametrize(
    ("signed_on", "signed_by", "code"),
    [
        (None, "J. de Vries", "datum_verplicht"),
        (date(2026, 1, 6), "J. de Vries", "datum_toekomst"),
        (date(2026, 1, 5), " ", "ondertekenaar_verplicht"),
    ],
)
def test_an_incomplete_declaration_is_refused(signed_on, signed_by, code):
    v = refused(r.check_declaration, signed_on=signed_on, signed_by=signed_by, today=date(2026, 1, 5))
    assert v.code == code


def test_a_client_without_participation_group_is_refused():
    assert refused(admit, participation_group=None).code == "geen_participatiegroep"


def test_a_group_for_which_tegenprestatie_is_no_instrument_is_refused():
    v = refused(admit, participation_group=4, instrument_allowed=False)
    assert v.message == "Tegenprestatie is geen instrument voor participatiegroep 4."


def test_agreed_plus_reintegration_hours_of_exactly_20_are_admitted():
    admit(agreed_hours=D("8"), reintegration_hours=D("12"))


def test_agreed_plus_reintegration_hours_above_20_are_refused_with_the_sum():
    v = refused(admit, agreed_hours=D("8.5"), reintegration_hours=D("12"))
    assert (v.code, v.field) == ("max_uren_met_reintegratie", "agreed_hours")
    assert v.message == (
        "Maximaal 20 uur per week samen: tegenprestatie 8,5 uur + re-integratie 12 uur = 20,5 uur."
    )


def test_overlapping_placements_count_towards_the_combined_cap():
    v = refused(admit, agreed_hours=D("6"), other_agreed_hours=D("6"), reintegration_hours=D("8.5"))
    assert "tegenprestatie 12 uur + re-integratie 8,5 uur = 20,5 uur" in v.message


def test_agreed_hours_above_the_week_cap_are_refused():
    assert refused(admit, agreed_hours=D("20.5")).code == "max_uren_week"


def test_agreed_hours_must_be_positive():
    assert refused(admit, agreed_hours=D("0")).code == "afgesproken_uren_leeg"


def test_an_end_before_the_start_is_refused():
    assert refused(admit, end=date(2026, 3, 1)).field == "end_date"


def test_a_placement_during_an_exemption_is_refused():
    ex = r.ExemptionPeriod("medisch", date(2026, 1, 1), date(2026, 3, 31))
    v = refused(admit, exemptions=(ex,))
    assert v.code == "vrijstelling"
    assert "vrijgesteld (medisch) van 01-01-2026 t/m 31-03-2026" in v.message


def test_a_placement_after_an_exemption_is_admitted():
    admit(exemptions=(r.ExemptionPeriod("medisch", date(2026, 1, 1), date(2026, 3, 1)),))


def test_an_open_ended_placement_overlaps_a_later_exemption():
    ex = r.ExemptionPeriod("mantelzorg", date(2027, 1, 1), date(2027, 6, 30))
    assert refused(admit, exemptions=(ex,)).code == "vrijstelling"


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 1, 31), None), True),
        ((date(2026, 1, 1), date(2026, 1, 30)), (date(2026, 1, 31), None), False),
        ((date(2026, 1, 1), None), (date(2020, 1, 1), date(2026, 1, 1)), True),
        ((date(2026, 1, 1), None), (date(2020, 1, 1), date(2025, 12, 31)), False),
    ],
)
def test_periods_overlap_with_inclusive_ends(a, b, overlap):
    assert r.periods_overlap(*a, *b) is overlap


def test_self_chosen_placement_needs_a_self_chosen_kind():
    v = refused(
        r.check_activity_choice,
        self_chosen=True,
        activity_is_self_chosen_kind=False,
        activity_needs_description=False,
        description="",
    )
    assert v.code == "activiteit_niet_zelfgekozen"


def test_imposed_placement_needs_a_catalogue_activity():
    v = refused(
        r.check_activity_choice,
        self_chosen=False,
        activity_is_self_chosen_kind=True,
        activity_needs_description=False,
        description="",
    )
    assert v.code == "activiteit_niet_opgelegd"


def test_other_self_chosen_activity_needs_a_description():
    v = refused(
        r.check_activity_choice,
        self_chosen=True,
        activity_is_self_chosen_kind=True,
        activity_needs_description=True,
        description="  ",
    )
    assert (v.code, v.field) == ("omschrijving_verplicht", "description")


# --------------------------------------------------------------------------- status changes


def transition(**overrides):
    values = {"current": r.ACTIVE, "new": r.ENDED, "start": date(2026, 1, 5), "on": date(2026, 6, 1)}
    values.update(overrides)
    r.check_status_transition(**values)


@pytest.mark.parametrize(
    ("current", "new"),
    [(r.PROPOSED, r.ACTIVE), (r.ACTIVE, r.PAUSED), (r.PAUSED, r.ACTIVE)],
)
def test_allowed_status_changes(current, new):
    transition(current=current, new=new, reason_text="ziekenhuisopname")


@pytest.mark.parametrize(
    ("current", "new"),
    [(r.ENDED, r.ACTIVE), (r.PROPOSED, r.PAUSED), (r.ACTIVE, r.PROPOSED), (r.ENDED, r.ENDED)],
)
def test_refused_status_changes(current, new):
    assert refused(transition, current=current, new=new, end_reason="werk").code == "status_overgang"


def test_ending_needs_a_reason():
    assert refused(transition, end_reason="").code == "reden_verplicht"


def test_ending_for_another_reason_needs_an_explanation():
    assert refused(transition, end_reason="anders", reason_text="").code == "toelichting_verplicht"


def test_ending_with_a_reason_is_allowed():
    transition(end_reason="werk")


def test_pausing_needs_an_explanation():
    assert refused(transition, new=r.PAUSED, reason_text="").code == "toelichting_verplicht"


def test_an_active_placement_cannot_end_before_it_started():
    assert refused(transition, end_reason="werk", on=date(2026, 1, 4)).code == "periode_ongeldig"


# --------------------------------------------------------------------------- maatregelen


def test_standard_percentages_come_from_the_parameters():
    policy = r.SanctionPolicy.from_parameters(
        {
            p.SANCTION_PCT_FIRST: D("20"),
            p.SANCTION_PCT_RECIDIVE: D("40"),
            p.SANCTION_PCT_REPEATED: D("100"),
            p.SANCTION_MONTHS: D("1"),
            p.RECIDIVE_MONTHS: D("12"),
        }
    )
    assert policy == POLICY


def test_first_offence_gets_the_first_percentage():
    proposal = r.propose_sanction(offence_on=date(2026, 5, 1), history=[], policy=POLICY)
    assert (proposal.percentage, proposal.level) == (D("20"), "eerste")


def test_a_recidivist_gets_a_stricter_maatregel():
    history = [r.PriorSanction(date(2025, 5, 1), culpable=True)]
    proposal = r.propose_sanction(offence_on=date(2026, 5, 1), history=history, policy=POLICY)
    assert (proposal.percentage, proposal.level, proposal.prior_in_window) == (D("40"), "recidive", 1)


def test_repeated_recidive_gets_the_highest_percentage():
    history = [r.PriorSanction(date(2025, 9, 1), True), r.PriorSanction(date(2026, 1, 1), True)]
    assert r.propose_sanction(offence_on=date(2026, 5, 1), history=history, policy=POLICY).percentage == D(
        "100"
    )


def test_an_offence_just_outside_the_recidive_window_does_not_count():
    history = [r.PriorSanction(date(2025, 4, 30), culpable=True)]
    assert r.propose_sanction(offence_on=date(2026, 5, 1), history=history, policy=POLICY).level == "eerste"


def test_a_non_culpable_earlier_maatregel_does_not_make_a_recidivist():
    history = [r.PriorSanction(date(2026, 1, 1), culpable=False)]
    assert r.propose_sanction(offence_on=date(2026, 5, 1), history=history, policy=POLICY).level == "eerste"


def test_later_offences_do_not_count_as_history():
    history = [r.PriorSanction(date(2026, 6, 1), culpable=True)]
    assert r.propose_sanction(offence_on=date(2026, 5, 1), history=history, policy=POLICY).level == "eerste"


def test_months_before_clamps_to_the_end_of_month():
    assert r.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)


FIRST = r.SanctionProposal(D("20"), 1, 0, "eerste")


def sanction(**overrides):
    values = {
        "proposal": FIRST,
        "percentage": D("20"),
        "reason": "Drie weken niet verschenen bij Buurthuis De Riet.",
        "culpability": r.CULPABLE,
        "urgent_reasons": "Geen dringende redenen gebleken.",
        "circumstances": "Alleenstaand, geen schulden, gezondheid goed.",
        "client_account": "Cliënt zegt de afspraken vergeten te zijn.",
    }
    values.update(overrides)
    r.check_sanction(**values)


def test_a_weighed_maatregel_with_the_clients_account_is_allowed():
    sanction()


@pytest.mark.parametrize(
    ("field", "code"),
    [
        ("client_account", "zienswijze_verplicht"),
        ("urgent_reasons", "dringende_redenen_verplicht"),
        ("circumstances", "omstandigheden_verplicht"),
        ("reason", "gedraging_verplicht"),
    ],
)
def test_a_maatregel_cannot_be_saved_without_the_weighing(field, code):
    v = refused(sanction, **{field: "   "})
    assert (v.code, v.field) == (code, field)


def test_a_maatregel_needs_a_culpability_assessment():
    assert refused(sanction, culpability="").code == "verwijtbaarheid_verplicht"


def test_a_maatregel_may_be_set_to_zero_percent_with_the_reasoning():
    sanction(percentage=D("0"), culpability=r.REDUCED, urgent_reasons="Mantelzorg voor zieke moeder.")


def test_without_culpability_only_zero_percent_is_possible():
    v = refused(sanction, culpability=r.NOT_CULPABLE, percentage=D("10"))
    assert (v.code, v.field) == ("niet_verwijtbaar", "percentage")


def test_a_maatregel_above_the_policy_percentage_is_refused():
    v = refused(sanction, percentage=D("40"))
    assert v.message == "Het percentage (40%) is hoger dan de maatregel volgens het beleid (20%)."


def test_a_lower_percentage_is_allowed_with_the_weighing():
    sanction(percentage=D("10"), culpability=r.REDUCED)


def test_a_negative_percentage_is_refused():
    assert refused(sanction, percentage=D("-5")).code == "percentage_ongeldig"


# --------------------------------------------------------------------------- vrijstellingen


def exemption(**overrides):
    values = {
        "kind": r.MEDICAL,
        "start": date(2026, 1, 1),
        "end": date(2026, 6, 30),
        "reason": "Advies bedrijfsarts",
    }
    values.update(overrides)
    r.check_exemption(**values)


def test_a_reasoned_temporary_exemption_is_allowed():
    exemption()


def test_an_exemption_needs_an_end_date():
    assert refused(exemption, end=None).code == "einddatum_verplicht"


def test_an_exemption_needs_a_reason():
    assert refused(exemption, reason="").code == "toelichting_verplicht"


def test_single_parent_exemption_runs_until_the_day_before_the_fifth_birthday():
    exemption(
        kind=r.SINGLE_PARENT, youngest_child_born=date(2022, 7, 1), child_age_limit=5, end=date(2027, 6, 30)
    )


def test_single_parent_exemption_cannot_run_past_the_fifth_birthday():
    v = refused(
        exemption,
        kind=r.SINGLE_PARENT,
        youngest_child_born=date(2022, 7, 1),
        child_age_limit=5,
        end=date(2027, 7, 1),
    )
    assert v.message.endswith("uiterlijk t/m 30-06-2027.")


def test_single_parent_exemption_needs_the_birth_date():
    assert refused(exemption, kind=r.SINGLE_PARENT, child_age_limit=5).code == "geboortedatum_kind_verplicht"


# --------------------------------------------------------------------------- missed weeks


def test_weeks_without_registration_are_missed():
    missed = r.missed_weeks(
        start=date(2026, 2, 2),
        end=None,
        until=r.IsoWeek(2026, 9),
        logged_weeks={r.IsoWeek(2026, 6), r.IsoWeek(2026, 8)},
        weeks_with_hours={r.IsoWeek(2026, 6)},
    )
    assert missed == [r.IsoWeek(2026, 7), r.IsoWeek(2026, 9)]


def test_paused_and_exempted_weeks_are_not_missed():
    missed = r.missed_weeks(
        start=date(2026, 2, 2),
        end=None,
        until=r.IsoWeek(2026, 9),
        logged_weeks=set(),
        weeks_with_hours=set(),
        paused=[r.Period(date(2026, 2, 9), date(2026, 2, 15))],
        exemptions=[r.ExemptionPeriod("medisch", date(2026, 2, 23), None)],
    )
    assert missed == [r.IsoWeek(2026, 6), r.IsoWeek(2026, 8)]


def test_weeks_after_the_yearly_cap_are_not_missed():
    missed = r.missed_weeks(
        start=date(2026, 1, 1),
        end=None,
        until=r.IsoWeek(2026, 46),
        logged_weeks=weeks_of(2026, 44),
        weeks_with_hours=weeks_of(2026, 44),
        max_weeks_per_year=44,
    )
    assert missed == []


def test_weeks_after_the_end_of_the_placement_are_not_missed():
    missed = r.missed_weeks(
        start=date(2026, 2, 2),
        end=date(2026, 2, 8),
        until=r.IsoWeek(2026, 9),
        logged_weeks=set(),
        weeks_with_hours=set(),
    )
    assert missed == [r.IsoWeek(2026, 6)]


# --------------------------------------------------------------------------- parameters


def test_parameter_defaults_hold_the_legal_caps():
    values = {d.key: d.value for d in p.PARAMETERS}
    assert (values[p.MAX_HOURS_PER_WEEK], values[p.MAX_WEEKS_PER_YEAR], values[p.MAX_COMBINED_HOURS]) == (
        D("20"),
        D("44"),
        D("20"),
    )


def test_hour_caps_from_parameters():
    caps = r.HourCaps.from_parameters(
        {p.MAX_HOURS_PER_WEEK: D("20.0000"), p.MAX_WEEKS_PER_YEAR: D("44.0000")}
    )
    assert caps == CAPS


# --------------------------------------------------------------------------- combined hours over periods


def tp(start, end, hours):
    return r.Commitment(start, end, D(hours), r.TP_KIND)


def reint(start, end, hours):
    return r.Commitment(start, end, D(hours), r.REINTEGRATION_KIND)


def test_a_commitment_starting_later_in_the_period_is_counted_in_its_weeks():
    v = refused(
        r.check_combined_hours,
        commitments=[tp(date(2026, 12, 7), None, "12"), reint(date(2027, 1, 4), None, "10")],
        start=date(2026, 12, 7),
        end=None,
        max_combined_hours=D("20"),
    )
    assert v.message == (
        "Maximaal 20 uur per week samen vanaf 04-01-2027 (week 2027-W01): "
        "tegenprestatie 12 uur + re-integratie 10 uur = 22 uur."
    )


def test_commitments_that_follow_each_other_do_not_add_up():
    r.check_combined_hours(
        commitments=[tp(date(2026, 1, 5), None, "12"), reint(date(2025, 6, 2), date(2026, 1, 4), "10")],
        start=date(2026, 1, 5),
        end=None,
        max_combined_hours=D("20"),
    )


def test_re_integration_alone_is_not_limited_by_the_combined_cap():
    r.check_combined_hours(
        commitments=[reint(date(2026, 1, 5), None, "32")],
        start=date(2026, 1, 5),
        end=None,
        max_combined_hours=D("20"),
    )


def test_the_cap_is_read_on_the_day_it_applies():
    v = refused(
        r.check_combined_hours,
        commitments=[tp(date(2026, 1, 5), None, "10"), reint(date(2026, 1, 5), None, "8")],
        start=date(2026, 1, 5),
        end=None,
        max_combined_hours=lambda day: D("20") if day < date(2026, 7, 1) else D("16"),
        cap_changes=[date(2026, 7, 1)],
    )
    assert "Maximaal 16 uur" in v.message


def test_the_peak_of_re_integration_in_a_week_counts():
    week = r.IsoWeek(2026, 7)
    commitments = [reint(date(2026, 1, 5), date(2026, 2, 10), "6"), reint(date(2026, 2, 11), None, "10")]
    assert r.peak_reintegration_hours(commitments, week.monday, week.sunday) == D("10")


def test_a_pause_runs_until_the_day_before_the_placement_resumes():
    pauses = r.pause_periods(
        [
            (date(2026, 1, 5), "", r.ACTIVE),
            (date(2026, 2, 2), r.ACTIVE, r.PAUSED),
            (date(2026, 2, 9), r.PAUSED, r.ACTIVE),
        ]
    )
    assert pauses == [r.Period(date(2026, 2, 2), date(2026, 2, 8))]
