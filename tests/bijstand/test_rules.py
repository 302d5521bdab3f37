"""The calculation as a pure rule: the Normenbrief tables, worked examples, boundaries and properties."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from almelo_sociaal.core.rules import RuleViolation
from bijstand import rules
from bijstand.rules import Facts, Income, Maatregel, Member

D = Decimal
ON = date(2026, 3, 1)

# Normenbrief 1 januari 2026 as far as the sources state it (domain.md), plus the other 2026 figures of the
# parameters (Participatiewet, AOW): the figures a 2026 calculation reads.
P2026 = {
    "norm_alleenstaande": D("1401.50"),
    "norm_gehuwden": D("2002.13"),
    "norm_inrichting_alleenstaande": D("443.76"),
    "norm_inrichting_gehuwden": D("690.27"),
    "vermogensgrens_alleenstaande": D("8000"),
    "vermogensgrens_gezin": D("16000"),
    "vrijlating_pct": D("25"),
    "vrijlating_max": D("285"),
    "vrijlating_maanden": D("6"),
    "vrijlating_ao_pct": D("12.5"),
    "vrijlating_ao_max": D("177.66"),
    "vrijlating_ao_maanden": D("30"),
    "vrijlating_medisch_pct": D("15"),
    "vrijlating_medisch_max": D("180.19"),
    "vakantietoeslag_pct": D("5"),
    "kostendeler_leeftijd": D("27"),
    "aow_leeftijd_maanden": D("804"),
    "buitenland_weken": D("4"),
    "buitenland_weken_aow": D("13"),
}

# The Normenbrief table of 1 juli 2021 (the latest complete table in the sources the project could search:
# socialedienstoostachterhoek.nl and velsen.nl "bijstandsnormen per 1 juli 2021", st-ab.nl for art. 22a lid 3).
# The 2026 jongeren- and AOW-norms are not in any source available; the selection of the norm is tested on this
# table instead.
P2021 = {
    **P2026,
    "norm_alleenstaande": D("1078.70"),
    "norm_gehuwden": D("1541.00"),
    "norm_jong_alleenstaande": D("266.29"),
    "norm_jong_gehuwden": D("532.58"),
    "norm_jong_gehuwden_met_kind": D("840.78"),
    "norm_jong_gehuwden_een21": D("1036.79"),
    "norm_jong_gehuwden_een21_met_kind": D("1344.99"),
    "norm_aow_alleenstaande": D("1199.98"),
    "norm_aow_gehuwden": D("1627.08"),
    "norm_kd_jong_partner": D("266.29"),
    "norm_kd_jong_partner_met_kind": D("574.49"),
}


def born(years: int, on: date = ON, months: int = 0) -> date:
    return (
        date(on.year - years, on.month, on.day) if not months else date(on.year - years, on.month - months, 1)
    )


def facts(**kw) -> Facts:
    kw.setdefault("on", ON)
    kw.setdefault("birth_date", date(1980, 5, 5))
    return Facts(**kw)


def partner(age=40, relation=rules.GEHUWD, **kw) -> Member:
    return Member(rules.PARTNER, born(age), relation=relation, **kw)


def housemate(age=40, **kw) -> Member:
    return Member(rules.HUISGENOOT, born(age), **kw)


def child(age=5) -> Member:
    return Member(rules.KIND, born(age))


# --- the 2026 table -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "expected", "kind"),
    [
        ((), "1401.50", rules.ALLEENSTAANDE),
        ((child(),), "1401.50", rules.ALLEENSTAANDE_OUDER),
        ((partner(),), "2002.13", rules.GEHUWDEN),
        ((partner(relation=rules.SAMENWONEND, wederzijdse_zorg=True),), "2002.13", rules.GEHUWDEN),
    ],
    ids=["alleenstaande", "alleenstaande ouder", "gehuwden", "gezamenlijke huishouding"],
)
def test_norm_21_to_aow_2026(members, expected, kind):
    calc = rules.calculate(facts(members=members), P2026)
    assert calc.household_kind == kind
    assert calc.norm == D(expected)
    assert calc.total == D(expected)


@pytest.mark.parametrize(
    ("norm", "vt", "payment"),
    [("1401.50", "70.08", "1331.42"), ("2002.13", "100.11", "1902.02")],
)
def test_the_vakantietoeslag_is_reserved_as_the_normenbrief_shows_it(norm, vt, payment):
    members = (partner(),) if norm == "2002.13" else ()
    calc = rules.calculate(facts(members=members), P2026)
    assert (calc.total, calc.vakantietoeslag, calc.monthly_payment) == (D(norm), D(vt), D(payment))


@pytest.mark.parametrize(
    ("a", "per_person"),
    [(2, "1001.07"), (3, "867.59"), (4, "800.85"), (5, "760.81"), (6, "734.11")],
)
def test_kostendelersnorm_2026_for_2_to_6_kostendelers(a, per_person):
    """(40 + A × 30) / (A × 100) × € 2,002.13, rounded half up once."""
    assert rules.kostendelersnorm(D("2002.13"), a) == D(per_person)
    calc = rules.calculate(facts(members=tuple(housemate(30 + i) for i in range(a - 1))), P2026)
    assert calc.kostendelers == a
    assert calc.norm == D(per_person)


def test_one_kostendeler_is_the_alleenstaande_norm():
    assert rules.calculate(facts(), P2026).kostendelers == 1
    assert rules.calculate(facts(), P2026).norm == D("1401.50")


@pytest.mark.parametrize(
    ("a", "per_person"), [(2, "770.50"), (3, "667.77"), (4, "616.40"), (5, "585.58"), (6, "565.03")]
)
def test_kostendelersnorm_reproduces_the_1_july_2021_table(a, per_person):
    assert rules.kostendelersnorm(D("1541.00"), a) == D(per_person)


def test_gehuwden_with_a_housemate_get_twice_the_kostendelersnorm():
    calc = rules.calculate(facts(members=(partner(), housemate(50))), P2026)
    assert calc.kostendelers == 3
    assert calc.norm == D("867.59") * 2


@pytest.mark.parametrize("kind", ["alleenstaande", "gehuwden"])
def test_inrichting_2026(kind):
    members = (partner(),) if kind == "gehuwden" else ()
    calc = rules.calculate(facts(members=members, in_inrichting=True), P2026)
    assert calc.norm == (D("690.27") if kind == "gehuwden" else D("443.76"))


# --- who counts as kostendeler (art. 22a lid 2) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "counts"),
    [
        (housemate(27), True),
        (housemate(26), False),  # younger than 27 since 1 January 2023
        (housemate(40, relation=rules.COMMERCIEEL), False),
        (housemate(40, student=True), False),
        (housemate(40, in_inrichting=True), False),
        (housemate(40, relation=rules.FAMILIE_EERSTE_GRAAD), True),
        (Member(rules.KIND, born(30)), True),  # an adult child of 27 or older
        (child(10), False),
    ],
    ids=["27", "26", "commercieel", "student", "inrichting", "ouder", "volwassen kind", "kind"],
)
def test_who_counts_as_kostendeler(member, counts):
    assert rules.kostendelers(facts(members=(member,)), P2026) == (2 if counts else 1)


def test_before_2023_a_housemate_of_21_counted():
    assert (
        rules.kostendelers(facts(members=(housemate(22),)), {**P2026, "kostendeler_leeftijd": D("21")}) == 2
    )


# --- household kind (art. 3, 4) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "kind"),
    [
        (partner(relation=rules.GEREGISTREERD), rules.GEHUWDEN),
        (partner(duurzaam_gescheiden=True), rules.ALLEENSTAANDE),
        (partner(relation=rules.SAMENWONEND), rules.ALLEENSTAANDE),  # no care established, no presumption
        (partner(relation=rules.SAMENWONEND, vermoedens=("kind_samen",)), rules.GEHUWDEN),
        (partner(relation=rules.FAMILIE_EERSTE_GRAAD, wederzijdse_zorg=True), rules.ALLEENSTAANDE),
        (partner(relation=rules.FAMILIE_TWEEDE_GRAAD, wederzijdse_zorg=True), rules.GEHUWDEN),
    ],
    ids=[
        "geregistreerd",
        "duurzaam gescheiden",
        "samenwonend zonder zorg",
        "vermoeden",
        "eerste graad",
        "tweede graad",
    ],
)
def test_household_kind_is_derived(member, kind):
    assert rules.household_kind(facts(members=(member,))) == kind


def test_a_child_of_18_makes_no_alleenstaande_ouder():
    assert rules.household_kind(facts(members=(child(18),))) == rules.ALLEENSTAANDE


# --- jongeren, AOW and 22a lid 3 on the 2021 table ------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "members", "expected"),
    [
        (19, (), "266.29"),
        (19, (child(1),), "266.29"),
        (19, (partner(20),), "532.58"),
        (19, (partner(20), child(1)), "840.78"),
        (19, (partner(30),), "1036.79"),
        (19, (partner(30), child(1)), "1344.99"),
        (30, (), "1078.70"),
        (30, (partner(30),), "1541.00"),
        (67, (), "1199.98"),
        (67, (partner(60),), "1627.08"),
    ],
)
def test_norm_selection_reproduces_the_2021_table(age, members, expected):
    calc = rules.calculate(facts(birth_date=born(age), members=members), P2021)
    assert calc.norm == D(expected)


def test_young_partner_beside_kostendelers_art_22a_lid_3():
    calc = rules.calculate(facts(birth_date=born(30), members=(partner(19), housemate(40))), P2021)
    assert calc.norm == rules.kostendelersnorm(D("1541.00"), 3) + D("266.29")


def test_a_missing_2026_jongerennorm_is_refused_naming_the_parameter():
    with pytest.raises(RuleViolation) as exc:
        rules.calculate(facts(birth_date=born(19)), P2026)
    assert exc.value.code == "bedrag_ontbreekt"
    assert "norm_jong_alleenstaande" in exc.value.message


# --- boundaries -----------------------------------------------------------------------------------------------


def test_on_the_21st_birthday_the_21_norm_applies():
    birthday = date(2005, 3, 1)
    assert rules.calculate(facts(birth_date=birthday), P2021).norm == D("1078.70")
    assert rules.calculate(facts(birth_date=date(2005, 3, 2)), P2021).norm == D("266.29")


def test_on_the_day_of_the_aow_age_the_aow_norm_applies():
    assert rules.calculate(facts(birth_date=date(1959, 3, 1)), P2021).norm == D("1199.98")
    assert rules.calculate(facts(birth_date=date(1959, 3, 2)), P2021).norm == D("1078.70")


def test_born_on_29_february_turns_21_on_28_february():
    assert rules.age_on(date(2004, 2, 29), date(2025, 2, 28)) == 21
    assert rules.age_on(date(2004, 2, 29), date(2025, 2, 27)) == 20


@pytest.mark.parametrize(("days", "recht"), [(28, True), (29, False)])
def test_four_weeks_abroad_is_the_limit(days, recht):
    assert rules.calculate(facts(dagen_buitenland=days), P2026).recht is recht


@pytest.mark.parametrize(("days", "recht"), [(91, True), (92, False)])
def test_thirteen_weeks_abroad_from_the_aow_age(days, recht):
    calc = rules.calculate(facts(birth_date=born(68), dagen_buitenland=days), P2021)
    assert calc.recht is recht


# --- the right (art. 11, 13, 15) --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"verblijfstatus": rules.NIET_GELIJKGESTELD}, "geen_nederlander"),
        ({"woont_in_nederland": False}, "woont_niet_in_nederland"),
        ({"gedetineerd": True}, "gedetineerd"),
        ({"studiefinanciering": True}, "studiefinanciering"),
        ({"voorliggend": rules.VOORLIGGEND_TOEREIKEND}, "voorliggende_voorziening"),
        ({"vermogen": D("8000.01")}, "vermogen_boven_grens"),
    ],
)
def test_no_right(change, code):
    calc = rules.calculate(facts(**change), P2026)
    assert calc.recht is False
    assert calc.total == 0
    assert code in [r.code for r in calc.reasons]


def test_under_18_no_right():
    calc = rules.calculate(facts(birth_date=born(17)), P2021)
    assert "jonger_dan_18" in [r.code for r in calc.reasons]


def test_vermogen_at_the_grens_keeps_the_right_and_a_gezin_has_the_higher_grens():
    assert rules.calculate(facts(vermogen=D("8000")), P2026).recht
    assert rules.calculate(facts(vermogen=D("12000"), members=(partner(),)), P2026).recht


def test_eigen_woning_counts_only_above_its_exemption():
    params = {**P2026, "vermogen_eigen_woning": D("60000")}
    assert rules.calculate(facts(eigen_woning_vermogen=D("60000")), params).recht
    assert not rules.calculate(facts(eigen_woning_vermogen=D("68000.01")), params).recht


def test_unchecked_voorliggende_voorziening_is_a_warning():
    calc = rules.calculate(facts(voorliggend=rules.VOORLIGGEND_ONBEKEND), P2026)
    assert calc.recht and [w.code for w in calc.warnings] == ["voorliggend_niet_gecontroleerd"]


# --- middelen and vrijlatingen: worked examples -------------------------------------------------------------------


def test_work_income_with_the_25_percent_vrijlating():
    income = Income(rules.ARBEID, D("800"), vrijlating_since=date(2026, 1, 1))
    calc = rules.calculate(facts(incomes=(income,)), P2026)
    # 1,401.50 − (800 − 200) = 801.50
    assert calc.total == D("801.50")
    assert [line.article for line in calc.lines if line.kind == "vrijlating"] == ["art. 31 lid 2 n"]


def test_the_25_percent_vrijlating_is_capped():
    income = Income(rules.ARBEID, D("1200"), vrijlating_since=date(2026, 1, 1))
    # 1,401.50 − (1,200 − 285) = 486.50
    assert rules.calculate(facts(incomes=(income,)), P2026).total == D("486.50")


def test_after_six_months_no_25_percent_vrijlating():
    income = Income(rules.ARBEID, D("800"), vrijlating_since=date(2025, 9, 1))
    assert rules.calculate(facts(incomes=(income,)), P2026).total == D("601.50")


def test_alleenstaande_ouder_gets_12_5_percent_after_the_six_months():
    income = Income(rules.ARBEID, D("800"), vrijlating_since=date(2025, 9, 1))
    calc = rules.calculate(facts(incomes=(income,), members=(child(5),)), P2026)
    # 1,401.50 − (800 − 100) = 701.50
    assert calc.total == D("701.50")


def test_medische_urenbeperking_only_when_no_other_vrijlating_runs():
    running = Income(rules.ARBEID, D("1000"), vrijlating_since=date(2026, 2, 1), medische_urenbeperking=True)
    after = Income(rules.ARBEID, D("1000"), vrijlating_since=date(2025, 1, 1), medische_urenbeperking=True)
    assert rules.calculate(facts(incomes=(running,)), P2026).total == D("651.50")  # 25%: 250
    assert rules.calculate(facts(incomes=(after,)), P2026).total == D("551.50")  # 15%: 150


def test_a_uitkering_counts_in_full_and_the_partners_income_counts():
    incomes = (Income(rules.UITKERING, D("500")), Income(rules.ALIMENTATIE, D("100.25"), of_partner=True))
    calc = rules.calculate(facts(members=(partner(),), incomes=incomes), P2026)
    assert calc.total == D("1401.88")


def test_income_above_the_norm_gives_no_right():
    calc = rules.calculate(facts(incomes=(Income(rules.UITKERING, D("1500")),)), P2026)
    assert not calc.recht and calc.total == 0
    assert [r.code for r in calc.reasons] == ["middelen_boven_norm"]


def test_a_maatregel_lowers_the_bijstand_by_a_percentage_of_the_norm():
    calc = rules.calculate(facts(maatregelen=(Maatregel(D("20"), "tegenprestatie"),)), P2026)
    assert calc.total == D("1401.50") - D("280.30")


def test_every_line_names_its_article():
    calc = rules.calculate(
        facts(members=(partner(), housemate(40)), incomes=(Income(rules.ARBEID, D("300")),)), P2026
    )
    assert all(line.article.startswith("art.") for line in calc.lines)
    assert any(line.parameter == "norm_gehuwden" for line in calc.lines)


# --- herberekening and deviation -------------------------------------------------------------------------------


def test_month_differences():
    diffs = rules.month_differences(
        {date(2026, 1, 1): D("1401.50"), date(2026, 2, 1): D("1401.50")},
        {date(2026, 1, 1): D("1401.50"), date(2026, 2, 1): D("801.50")},
    )
    assert [d.difference for d in diffs] == [D("0.00"), D("-600.00")]


def test_a_deviation_needs_a_reason():
    with pytest.raises(RuleViolation) as exc:
        rules.check_deviation(calculated=D("1401.50"), chosen=D("1500"), reden="")
    assert exc.value.code == "afwijking_zonder_reden"
    assert rules.check_deviation(calculated=D("1401.50"), chosen=D("1500"), reden="bijzondere situatie")
    assert not rules.check_deviation(calculated=D("1401.50"), chosen=D("1401.50"), reden="")


# --- properties ---------------------------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)
kinds = st.sampled_from([rules.ARBEID, rules.UITKERING, rules.ALIMENTATIE])
households = st.lists(st.integers(min_value=0, max_value=80), max_size=5)


def _household(ages, with_partner):
    members = tuple(housemate(a) for a in ages if a >= 18) + tuple(child(a) for a in ages if a < 18)
    return members + ((partner(),) if with_partner else ())


@settings(max_examples=200, deadline=None)
@given(
    base=amounts,
    extra=amounts,
    kind=kinds,
    ages=households,
    with_partner=st.booleans(),
    month=st.integers(min_value=1, max_value=12),
    medisch=st.booleans(),
)
def test_more_income_never_raises_the_benefit(base, extra, kind, ages, with_partner, month, medisch):
    members = _household(ages, with_partner)
    since = date(2025, month, 1)

    def total(amount):
        income = Income(kind, amount, vrijlating_since=since, medische_urenbeperking=medisch)
        return rules.calculate(facts(members=members, incomes=(income,)), P2026).total

    assert total(base + extra) <= total(base)


@settings(max_examples=200, deadline=None)
@given(
    income=amounts, ages=households, with_partner=st.booleans(), age=st.integers(min_value=0, max_value=80)
)
def test_an_extra_kostendeler_never_raises_the_benefit(income, ages, with_partner, age):
    members = _household(ages, with_partner)
    incomes = (Income(rules.UITKERING, income),)
    before = rules.calculate(facts(members=members, incomes=incomes), P2026)
    after = rules.calculate(facts(members=(*members, housemate(max(age, 18))), incomes=incomes), P2026)
    assert after.total <= before.total


@settings(max_examples=200, deadline=None)
@given(
    incomes=st.lists(st.tuples(kinds, amounts), max_size=4),
    ages=households,
    with_partner=st.booleans(),
    pct=st.decimals(min_value=0, max_value=150, places=0),
    vermogen=amounts,
)
def test_the_amount_is_never_negative(incomes, ages, with_partner, pct, vermogen):
    calc = rules.calculate(
        facts(
            members=_household(ages, with_partner),
            incomes=tuple(Income(k, a) for k, a in incomes),
            maatregelen=(Maatregel(pct, "m"),),
            vermogen=vermogen,
        ),
        P2026,
    )
    assert calc.total >= 0 and calc.vakantietoeslag >= 0 and calc.monthly_payment >= 0
