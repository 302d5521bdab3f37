"""Pure BUIG rules (no database). Figures from seed 000 (Resultaten 2020) and seed 002 §9 tabel 1."""

from datetime import date
from decimal import Decimal as D

import pytest

from almelo_sociaal.core.rules import RuleViolation
from budget import rules
from budget.rules import (
    BIJSTELLING,
    DEFINITIEF,
    NADER_VOORLOPIG,
    VOORLOPIG,
    RevisionEntry,
    VangnetBand,
    VangnetConfig,
    YearFigures,
)

DEF_2019 = D("39301654")
VL_2020 = D("35516242")
NVL_2020 = D("34240957")
DEF_2020 = D("36840104")
VL_2021 = D("42678201")
TODAY = date(2021, 6, 1)


def entry(id, kind, amount, published_on, year=2020, corrects=None):
    return RevisionEntry(
        id=id, year=year, kind=kind, amount=D(amount), published_on=published_on, corrects=corrects
    )


def year_2020():
    return [
        entry(1, VOORLOPIG, VL_2020, date(2019, 10, 1)),
        entry(2, NADER_VOORLOPIG, NVL_2020, date(2020, 4, 1)),
        entry(3, DEFINITIEF, DEF_2020, date(2020, 10, 1)),
    ]


# ---------------------------------------------------------------- must-show comparisons (seed 000)
def comparisons_2020():
    return {c.entry.kind: c for c in rules.compare_revisions(year_2020(), previous_year_definitief=DEF_2019)}


def test_voorlopig_2020_against_definitief_2019_is_minus_9_63_percent():
    c = comparisons_2020()[VOORLOPIG]
    assert c.vs_previous_year_definitief.pct == D("-9.63")
    assert c.vs_previous_year_definitief.eur == D("-3785412.00")


def test_nader_voorlopig_2020_against_voorlopig_2020_is_minus_3_59_percent():
    c = comparisons_2020()[NADER_VOORLOPIG]
    assert c.vs_previous.pct == D("-3.59")
    assert c.vs_previous.eur == D("-1275285.00")


def test_definitief_2020_against_nader_voorlopig_2020_is_plus_7_59_percent():
    c = comparisons_2020()[DEFINITIEF]
    assert c.vs_previous.pct == D("7.59")
    assert c.vs_previous.eur == D("2599147.00")


def test_definitief_2020_against_definitief_2019_is_minus_6_26_percent():
    c = comparisons_2020()[DEFINITIEF]
    assert c.vs_previous_year_definitief.pct == D("-6.26")
    assert c.vs_previous_year_definitief.eur == D("-2461550.00")


def test_first_revision_of_a_year_has_no_previous_revision():
    c = comparisons_2020()[VOORLOPIG]
    assert c.previous is None
    assert c.vs_previous is None


def test_without_previous_year_definitief_there_is_no_year_comparison():
    result = rules.compare_revisions(year_2020(), previous_year_definitief=None)
    assert all(c.vs_previous_year_definitief is None for c in result)


def test_voorlopig_2021_against_definitief_2020_rounds_half_up_to_15_85_percent():
    # The slide shows +15,84% (truncated); 15.8471...% rounded half up to 2 decimals is 15.85%.
    c = rules.compare_revisions(
        [entry(4, VOORLOPIG, VL_2021, date(2020, 10, 1), year=2021)], previous_year_definitief=DEF_2020
    )[0]
    assert c.vs_previous_year_definitief.pct == D("15.85")


def test_percent_change_returns_decimal_not_float():
    value = rules.percent_change(DEF_2019, VL_2020)
    assert isinstance(value, D)
    assert value == D("-9.63")


# ---------------------------------------------------------------- rounding rule
def test_percent_rounds_half_up_at_the_third_decimal():
    # 0.005% exactly: half up gives 0.01 (banker's rounding would give 0.00)
    assert rules.percent_change(D("100000"), D("100005")) == D("0.01")


def test_negative_percent_rounds_half_away_from_zero():
    assert rules.percent_change(D("100000"), D("99995")) == D("-0.01")


def test_percent_just_below_half_rounds_down():
    assert rules.percent_change(D("100000"), D("100004.99")) == D("0.00")


def test_percent_has_exactly_two_decimals():
    assert rules.percent_change(D("3"), D("4")) == D("33.33")
    assert rules.percent_change(D("3"), D("4")).as_tuple().exponent == -2


def test_money_change_rounds_half_up_to_cents():
    change = rules.Change.between(D("10.000"), D("10.005"))
    assert change.eur == D("0.01")


def test_percent_change_without_base_is_none():
    assert rules.percent_change(None, D("10")) is None
    assert rules.percent_change(D("0"), D("10")) is None


def test_pct_of_zero_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.pct(D("1"), D("0"))
    assert exc.value.code == "deling_door_nul"


def test_format_pct_uses_dutch_decimal_comma_and_sign():
    assert rules.format_pct(D("-9.63")) == "-9,63%"
    assert rules.format_pct(D("7.59")) == "+7,59%"
    assert rules.format_pct(D("7.5"), signed=False) == "7,50%"
    assert rules.format_pct(None) == "—"


# ---------------------------------------------------------------- corrections and effective revisions
def test_correction_takes_the_place_of_the_corrected_entry():
    entries = [*year_2020(), entry(9, NADER_VOORLOPIG, "34240000", date(2020, 4, 2), corrects=2)]
    result = rules.compare_revisions(entries, previous_year_definitief=DEF_2019)
    assert [c.entry.id for c in result] == [1, 9, 3]
    assert result[1].corrected is True
    assert result[1].original_id == 2


def test_comparison_after_a_correction_uses_the_corrected_amount():
    entries = [*year_2020(), entry(9, NADER_VOORLOPIG, "34240000", date(2020, 4, 2), corrects=2)]
    result = rules.compare_revisions(entries, previous_year_definitief=DEF_2019)
    assert result[2].previous.amount == D("34240000")
    assert result[2].vs_previous.eur == D("2600104.00")


def test_chain_of_corrections_collapses_to_the_last_link():
    entries = [
        entry(1, VOORLOPIG, "100", date(2019, 10, 1)),
        entry(2, VOORLOPIG, "110", date(2019, 10, 2), corrects=1),
        entry(3, VOORLOPIG, "120", date(2019, 10, 3), corrects=2),
    ]
    assert rules.effective_revisions(entries) == [(entries[2], 1)]


def test_revisions_are_ordered_by_kind_not_by_entry_order():
    entries = list(reversed(year_2020()))
    assert [e.kind for e, _ in rules.effective_revisions(entries)] == [VOORLOPIG, NADER_VOORLOPIG, DEFINITIEF]


def test_bijstelling_comes_after_definitief():
    entries = [*year_2020(), entry(5, BIJSTELLING, "37000000", date(2021, 3, 1))]
    result = rules.compare_revisions(entries, previous_year_definitief=DEF_2019)
    assert result[-1].entry.kind == BIJSTELLING
    assert result[-1].vs_previous.eur == D("159896.00")


def test_definitief_amount_uses_the_correction():
    entries = [*year_2020(), entry(9, DEFINITIEF, "36840000", date(2020, 10, 2), corrects=3)]
    assert rules.definitief_amount(entries) == D("36840000")


def test_definitief_amount_is_none_before_publication():
    assert rules.definitief_amount(year_2020()[:2]) is None


def test_latest_amount_is_the_last_effective_revision():
    assert rules.latest_amount(year_2020()[:2]) == (NADER_VOORLOPIG, NVL_2020)
    assert rules.latest_amount([]) is None


def test_timeline_compares_each_point_with_the_point_before():
    timeline = rules.revision_timeline(
        {
            2019: [entry(10, DEFINITIEF, DEF_2019, date(2019, 10, 1), year=2019)],
            2020: year_2020(),
            2021: [entry(4, VOORLOPIG, VL_2021, date(2020, 10, 1), year=2021)],
        }
    )
    assert [p.label for p in timeline] == [
        "Definitief 2019",
        "Voorlopig 2020",
        "Nader voorlopig 2020",
        "Definitief 2020",
        "Voorlopig 2021",
    ]
    assert timeline[0].vs_previous_point is None
    assert [p.vs_previous_point.pct for p in timeline[1:]] == [D("-9.63"), D("-3.59"), D("7.59"), D("15.85")]


# ---------------------------------------------------------------- validation of new entries
def test_second_voorlopig_for_a_year_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.check_new_revision(
            year=2020,
            kind=VOORLOPIG,
            amount=D("1"),
            published_on=date(2019, 10, 1),
            existing=year_2020(),
            today=TODAY,
        )
    assert exc.value.code == "soort_bestaat_al"
    assert exc.value.field == "kind"
    assert "correctie" in exc.value.message


def test_second_bijstelling_is_allowed():
    existing = [*year_2020(), entry(5, BIJSTELLING, "37000000", date(2021, 3, 1))]
    rules.check_new_revision(
        year=2020,
        kind=BIJSTELLING,
        amount=D("1"),
        published_on=date(2021, 4, 1),
        existing=existing,
        today=TODAY,
    )


def test_unknown_kind_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.check_new_revision(
            year=2020, kind="extra", amount=D("1"), published_on=date(2020, 1, 1), existing=[], today=TODAY
        )
    assert exc.value.code == "soort_onbekend"


@pytest.mark.parametrize(
    ("amount", "code"),
    [(D("0"), "bedrag_niet_positief"), (D("-5"), "bedrag_niet_positief"), (D("1.005"), "bedrag_centen")],
)
def test_amount_must_be_positive_whole_cents(amount, code):
    with pytest.raises(RuleViolation) as exc:
        rules.check_amount(amount)
    assert exc.value.code == code
    assert exc.value.field == "amount"


def test_publication_in_the_future_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.check_published_on(year=2021, published_on=date(2021, 6, 2), today=TODAY)
    assert exc.value.code == "datum_toekomst"


def test_publication_far_from_the_budget_year_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.check_published_on(year=2021, published_on=date(2018, 12, 31), today=TODAY)
    assert exc.value.code == "datum_buiten_jaar"


def test_voorlopig_published_the_year_before_is_accepted():
    rules.check_published_on(year=2021, published_on=date(2020, 10, 1), today=TODAY)


def test_correction_needs_a_reason():
    with pytest.raises(RuleViolation) as exc:
        rules.check_correction(target=year_2020()[1], amount=D("1"), reason="  ", existing=year_2020())
    assert exc.value.code == "reden_verplicht"
    assert exc.value.field == "reason"


def test_correcting_an_already_corrected_entry_is_refused():
    existing = [*year_2020(), entry(9, NADER_VOORLOPIG, "1", date(2020, 4, 2), corrects=2)]
    with pytest.raises(RuleViolation) as exc:
        rules.check_correction(target=existing[1], amount=D("2"), reason="typefout", existing=existing)
    assert exc.value.code == "al_gecorrigeerd"


@pytest.mark.parametrize(
    ("bezwaar", "bezwaar_on", "code"),
    [
        (True, None, "bezwaar_datum"),
        (False, date(2020, 11, 1), "bezwaar_datum_zonder_bezwaar"),
        (True, date(2020, 9, 30), "bezwaar_voor_publicatie"),
        (True, date(2021, 7, 1), "bezwaar_toekomst"),
    ],
)
def test_bezwaar_date_rules(bezwaar, bezwaar_on, code):
    with pytest.raises(RuleViolation) as exc:
        rules.check_bezwaar(
            bezwaar=bezwaar, bezwaar_on=bezwaar_on, published_on=date(2020, 10, 1), today=TODAY
        )
    assert exc.value.code == code


def test_bezwaar_with_date_after_publication_is_accepted():
    rules.check_bezwaar(
        bezwaar=True, bezwaar_on=date(2020, 11, 10), published_on=date(2020, 10, 1), today=TODAY
    )


# ---------------------------------------------------------------- realisation
def test_net_lasten_subtracts_baten():
    amounts = {
        "algemene_bijstand": D("3000000.10"),
        "ioaw": D("100000"),
        "ioaz": D("20000"),
        "bbz_levensonderhoud": D("30000"),
        "loonkostensubsidie": D("50000"),
        "terugvordering_verhaal": D("40000.05"),
    }
    assert rules.net_lasten(amounts) == D("3160000.05")


def test_cumulative_sums_month_by_month():
    assert rules.cumulative([D("1.10"), D("2.20"), D("3.30")]) == [D("1.10"), D("3.30"), D("6.60")]


def test_budget_line_ends_exactly_on_the_budget():
    line = rules.budget_line(D("36840104"))
    assert line[0] == D("3070008.67")
    assert line[-1] == D("36840104.00")
    assert len(line) == 12


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"post": "onbekend"}, "post_onbekend"),
        ({"month": date(2020, 12, 1)}, "maand_buiten_jaar"),
        ({"amount": D("0")}, "bedrag_nul"),
        ({"amount": D("-1")}, "bedrag_negatief"),
        ({"amount": D("1.001")}, "bedrag_centen"),
    ],
)
def test_realisation_entry_validation(kwargs, code):
    args = {"year": 2021, "month": date(2021, 3, 1), "post": "ioaw", "amount": D("10"), "posts": ["ioaw"]}
    args.update(kwargs)
    with pytest.raises(RuleViolation) as exc:
        rules.check_realisation_entry(**args)
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"is_reversal": True}, "tegenboeking_van_tegenboeking"),
        ({"already_reversed": True}, "al_teruggedraaid"),
        ({"reason": ""}, "reden_verplicht"),
    ],
)
def test_reversal_validation(kwargs, code):
    args = {"already_reversed": False, "is_reversal": False, "reason": "dubbel geboekt"}
    args.update(kwargs)
    with pytest.raises(RuleViolation) as exc:
        rules.check_reversal(**args)
    assert exc.value.code == code


# ---------------------------------------------------------------- forecast and tekort
def test_caseload_forecast_2021_is_2900_times_15000():
    f = rules.caseload_forecast(scenario="basis", active_dossiers=2900, cost_per_uitkering=D("15000"))
    assert f.lasten == D("43500000.00")
    assert f.caseload == 2900
    assert f.working[-1] == "Verwachte lasten: 2.900 × € 15.000,00 = € 43.500.000,00"


def test_caseload_forecast_applies_both_growth_rates():
    # seed 000: +10% uitkeringen, +5% kosten per uitkering
    f = rules.caseload_forecast(
        scenario="hoog",
        active_dossiers=2637,
        cost_per_uitkering=D("14285.71"),
        caseload_growth_pct=D("10"),
        cost_growth_pct=D("5"),
    )
    assert f.caseload == 2901  # 2900.7 rounded half up
    assert f.cost_per_uitkering == D("15000.00")  # 14999.9955 rounded half up to cents
    assert f.lasten == D("43515000.00")


def test_caseload_forecast_rounds_half_dossier_up():
    f = rules.caseload_forecast(
        scenario="x", active_dossiers=5, cost_per_uitkering=D("1"), caseload_growth_pct=D("10")
    )
    assert f.caseload == 6  # 5.5 → 6


def test_caseload_forecast_with_negative_growth():
    f = rules.caseload_forecast(
        scenario="laag", active_dossiers=2350, cost_per_uitkering=D("15000"), caseload_growth_pct=D("-4")
    )
    assert f.caseload == 2256
    assert "− 4" in f.working[0]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"active_dossiers": -1}, "caseload_negatief"),
        ({"cost_per_uitkering": D("0")}, "kosten_niet_positief"),
        ({"caseload_growth_pct": D("-100")}, "groei_te_laag"),
    ],
)
def test_caseload_forecast_refuses_impossible_inputs(kwargs, code):
    args = {"scenario": "x", "active_dossiers": 10, "cost_per_uitkering": D("15000")}
    args.update(kwargs)
    with pytest.raises(RuleViolation) as exc:
        rules.caseload_forecast(**args)
    assert exc.value.code == code


def test_extrapolation_multiplies_to_twelve_months():
    f = rules.extrapolation_forecast(monthly_net_lasten={1: D("3000000"), 2: D("3100000"), 3: D("3200000")})
    assert f.lasten == D("37200000.00")
    assert f.inputs["maanden"] == "3"


def test_extrapolation_counts_a_gap_month_as_zero():
    f = rules.extrapolation_forecast(monthly_net_lasten={1: D("100"), 3: D("200")})
    assert f.lasten == D("1200.00")  # (100 + 0 + 200) × 12 / 3


def test_extrapolation_rounds_to_cents_half_up():
    f = rules.extrapolation_forecast(
        monthly_net_lasten={1: D("0.01"), 2: D("0.01"), 3: D("0.01"), 7: D("0.01")}
    )
    # 0.04 × 12 / 7 = 0.0685714… → 0.07
    assert f.lasten == D("0.07")


def test_extrapolation_without_realisation_is_none():
    assert rules.extrapolation_forecast(monthly_net_lasten={}) is None


def test_saldo_tekort_is_positive_when_lasten_exceed_budget():
    s = rules.saldo(budget=VL_2021, lasten=D("43500000"))
    assert s.tekort == D("821799.00")
    assert s.tekort_pct == D("1.93")
    assert s.label == "tekort"


def test_saldo_overschot_is_negative():
    s = rules.saldo(budget=D("100"), lasten=D("90"))
    assert s.tekort == D("-10.00")
    assert s.tekort_pct == D("-10.00")
    assert s.label == "overschot"
    assert not s.is_tekort


# ---------------------------------------------------------------- vangnet
BANDS_2019 = (
    VangnetBand(D("7.5"), D("12.5"), D("50")),
    VangnetBand(D("12.5"), None, D("100")),
)


def config_2021(**overrides):
    args = {
        "year": 2021,
        "eigen_risico_pct": D("7.5"),
        "bands": BANDS_2019,
        "multiyear_years": 3,
        "multiyear_threshold_pct": D("7.5"),
    }
    args.update(overrides)
    return VangnetConfig(**args)


def figures(**tekort_pct_by_year):
    """Budget 10,000,000 each year; lasten set so that the tekort is the given % of the budget."""
    budget = D("10000000")
    return {
        int(y[1:]): YearFigures(year=int(y[1:]), budget=budget, lasten=budget * (100 + D(p)) / 100)
        for y, p in tekort_pct_by_year.items()
    }


def test_vangnet_pays_half_of_the_band_and_all_above():
    # tekort 15% of 10M = 1.5M: 50% of (12.5%−7.5%) = 250,000 + 100% of (15%−12.5%) = 250,000
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="15"))
    assert est.compensation == D("500000.00")
    assert est.applied == "regulier"
    assert est.net_tekort == D("1000000.00")
    assert est.eigen_risico == D("750000.00")
    assert all(c.met for c in est.conditions)


def test_vangnet_inside_the_first_band_pays_half_of_the_part_above_the_eigen_risico():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="10"))
    assert est.compensation == D("125000.00")  # 50% of 2.5% of 10M


def test_vangnet_tekort_below_eigen_risico_pays_nothing_and_says_why():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="7"))
    assert est.compensation == D("0")
    assert est.applied == "geen"
    cond = next(c for c in est.conditions if c.code == "tekort_jaar")
    assert cond.met is False
    assert cond.detail == "Tekort +7,00% ≤ 7,50%"


def test_vangnet_threshold_is_compared_exactly_not_on_the_rounded_percentage():
    budget = D("10000000")
    fig = {
        y: YearFigures(year=y, budget=budget, lasten=budget + D("750400")) for y in (2019, 2020, 2021)
    }  # 7.504%: shown as 7,50% but above 7.5%
    est = rules.vangnet_estimate(config=config_2021(), figures=fig)
    assert next(c for c in est.conditions if c.code == "tekort_jaar").met is True
    assert est.compensation == D("200.00")  # 50% of 400


def test_vangnet_tekort_exactly_at_the_threshold_is_not_above_it():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="7.5"))
    assert next(c for c in est.conditions if c.code == "tekort_jaar").met is False


def test_vangnet_multiyear_condition_not_met_blocks_compensation():
    # cumulative (−10 + −5 + 10) / 3 budgets = −1.67% ≤ 7.5%
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="-10", y2020="-5", y2021="10"))
    cond = next(c for c in est.conditions if c.code == "tekort_meerjarig")
    assert cond.met is False
    assert "-1,67%" in cond.detail
    assert est.compensation == D("0")


def test_vangnet_multiyear_condition_with_missing_year_is_unknown_and_provisional():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2020="10", y2021="10"))
    cond = next(c for c in est.conditions if c.code == "tekort_meerjarig")
    assert cond.met is None
    assert cond.detail == "Cijfers ontbreken voor 2019"
    assert est.provisional is True
    assert est.compensation == D("125000.00")  # estimated under reserve


def test_vangnet_without_multiyear_condition_only_tests_the_year():
    est = rules.vangnet_estimate(
        config=config_2021(multiyear_years=0, multiyear_threshold_pct=None), figures=figures(y2021="10")
    )
    assert [c.code for c in est.conditions] == ["tekort_jaar"]
    assert est.provisional is False


def test_vangnet_on_a_nader_voorlopig_budget_is_provisional():
    fig = figures(y2019="10", y2020="10", y2021="10")
    fig[2021] = YearFigures(
        year=2021, budget=fig[2021].budget, lasten=fig[2021].lasten, budget_kind=NADER_VOORLOPIG
    )
    est = rules.vangnet_estimate(config=config_2021(), figures=fig)
    assert est.provisional is True
    assert "nader voorlopig" in est.working[0]


def test_vangnet_overschot_pays_nothing():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="1", y2020="1", y2021="-3"))
    assert est.compensation == D("0")
    assert est.working[-1] == "Geschatte vangnetuitkering: € 0,00"


def test_vangnet_working_shows_each_band():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="15"))
    assert "Schijf 7,50%–12,50%: € 500.000,00 × 50,00% = € 250.000,00" in est.working
    assert "Schijf 12,50%–∞: € 250.000,00 × 100,00% = € 250.000,00" in est.working


def test_vangnet_without_figures_for_the_year_is_refused():
    with pytest.raises(RuleViolation) as exc:
        rules.vangnet_estimate(config=config_2021(), figures={})
    assert exc.value.code == "geen_cijfers"


def config_2025(**overrides):
    args = {
        "year": 2025,
        "eigen_risico_pct": D("7.5"),
        "bands": BANDS_2019,
        "multiyear_years": 3,
        "multiyear_threshold_pct": D("7.5"),
        "extended_threshold_pct": D("5"),
        "extended_reference_from": 2022,
        "extended_reference_to": 2024,
        "extended_min_years": 2,
        "extended_bands": (VangnetBand(D("5"), D("12.5"), D("50")), VangnetBand(D("12.5"), None, D("100"))),
    }
    args.update(overrides)
    return VangnetConfig(**args)


def test_extended_vangnet_2025_applies_at_6_percent_with_two_reference_years_above_5():
    est = rules.vangnet_estimate(
        config=config_2025(), figures=figures(y2022="6", y2023="2", y2024="5.5", y2025="6")
    )
    assert est.applied == "uitgebreid"
    assert est.compensation == D("50000.00")  # 50% of (6% − 5%) of 10M
    by_code = {c.code: c for c in est.conditions}
    assert by_code["tekort_jaar"].met is False
    assert by_code["uitgebreid_tekort_jaar"].met is True
    assert by_code["uitgebreid_referentiejaren"].met is True
    assert by_code["uitgebreid_referentiejaren"].detail.startswith("2 van 3 jaren")


def test_extended_vangnet_needs_two_reference_years():
    est = rules.vangnet_estimate(
        config=config_2025(), figures=figures(y2022="6", y2023="2", y2024="5", y2025="6")
    )
    by_code = {c.code: c for c in est.conditions}
    assert by_code["uitgebreid_referentiejaren"].met is False  # 2024 exactly 5% is not above
    assert est.applied == "geen"


def test_extended_vangnet_with_unknown_reference_year_is_provisional():
    est = rules.vangnet_estimate(config=config_2025(), figures=figures(y2022="6", y2023="2", y2025="6"))
    by_code = {c.code: c for c in est.conditions}
    assert by_code["uitgebreid_referentiejaren"].met is None
    assert est.provisional is True


def test_higher_of_regular_and_extended_compensation_applies():
    est = rules.vangnet_estimate(
        config=config_2025(), figures=figures(y2022="9", y2023="9", y2024="9", y2025="9")
    )
    assert est.regular_compensation == D("75000.00")  # 50% of 1.5%
    assert est.extended_compensation == D("200000.00")  # 50% of 4%
    assert est.applied == "uitgebreid"
    assert est.compensation == D("200000.00")


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"eigen_risico_pct": D("100")}, "eigen_risico_ongeldig"),
        ({"bands": (VangnetBand(D("5"), D("10"), D("50")),)}, "schijf_overlapt"),
        ({"bands": (VangnetBand(D("7.5"), D("7.5"), D("50")),)}, "schijf_leeg"),
        (
            {"bands": (VangnetBand(D("7.5"), None, D("50")), VangnetBand(D("10"), None, D("50")))},
            "schijf_na_open",
        ),
        ({"bands": (VangnetBand(D("7.5"), None, D("0")),)}, "schijf_aandeel"),
        ({"multiyear_threshold_pct": None}, "meerjarig_onvolledig"),
        ({"extended_threshold_pct": D("5")}, "uitbreiding_onvolledig"),
    ],
)
def test_invalid_vangnet_configuration_is_refused(overrides, code):
    with pytest.raises(RuleViolation) as exc:
        rules.check_vangnet_config(config_2021(**overrides))
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"extended_reference_to": 2025}, "uitbreiding_jaren"),
        ({"extended_min_years": 4}, "uitbreiding_min_jaren"),
        ({"extended_bands": (VangnetBand(D("4"), None, D("50")),)}, "schijf_overlapt"),
    ],
)
def test_invalid_extended_configuration_is_refused(overrides, code):
    with pytest.raises(RuleViolation) as exc:
        rules.check_vangnet_config(config_2025(**overrides))
    assert exc.value.code == code


def test_all_computed_amounts_are_decimals():
    est = rules.vangnet_estimate(config=config_2021(), figures=figures(y2019="10", y2020="10", y2021="15"))
    for value in (est.compensation, est.eigen_risico, est.saldo.tekort, est.saldo.tekort_pct, est.net_tekort):
        assert isinstance(value, D)
