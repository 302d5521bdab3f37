from datetime import date

import pytest

from almelo_sociaal.core.rules import RuleViolation, format_euro, money
from cases import rules


@pytest.mark.parametrize("value", ["123456782", " 123456782 ", "1234.56.782"])
def test_valid_bsn_is_normalised(value):
    assert rules.normalise_bsn(value) == "123456782"


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("123456781", "bsn_elfproef", "Dit BSN is ongeldig: het voldoet niet aan de elfproef."),
        ("12345678", "bsn_lengte", "Een BSN bestaat uit 9 cijfers."),
        ("1234567890", "bsn_lengte", "Een BSN bestaat uit 9 cijfers."),
        ("12345678a", "bsn_formaat", "Een BSN bestaat alleen uit cijfers."),
        ("", "bsn_verplicht", "Vul een BSN in."),
    ],
)
def test_invalid_bsn_is_refused_with_dutch_message(value, code, message):
    with pytest.raises(RuleViolation) as exc:
        rules.normalise_bsn(value)
    assert exc.value.code == code
    assert exc.value.message == message
    assert exc.value.field == "bsn"


def test_generated_bsns_pass_the_elfproef():
    generated = [b for n in range(20_000_000, 20_000_200) if (b := rules.bsn_with_check_digit(n))]
    assert len(generated) > 150
    assert all(rules.normalise_bsn(b) == b for b in generated)


@pytest.mark.parametrize(("value", "expected"), [("7607 ab", "7607AB"), ("7607AB", "7607AB")])
def test_postcode_is_normalised(value, expected):
    assert rules.normalise_postcode(value) == expected


@pytest.mark.parametrize("value", ["0607AB", "7607", "ABCD12", "7607 SA"])
def test_invalid_postcode_is_refused(value):
    with pytest.raises(RuleViolation) as exc:
        rules.normalise_postcode(value)
    assert exc.value.field == "postcode"


def test_iban_optional_but_validated():
    assert rules.normalise_iban("") == ""
    assert rules.normalise_iban("NL91 ABNA 0417 1643 00") == "NL91ABNA0417164300"
    with pytest.raises(RuleViolation):
        rules.normalise_iban("NL91ABNA0417164301")


LEGAL = [
    ("gemeld", "in_behandeling"),
    ("gemeld", "ingetrokken"),
    ("in_behandeling", "toegekend"),
    ("in_behandeling", "afgewezen"),
    ("in_behandeling", "ingetrokken"),
]
ALL_STATES = ["gemeld", "in_behandeling", "toegekend", "afgewezen", "ingetrokken"]
ILLEGAL = [(a, b) for a in ALL_STATES for b in ALL_STATES if (a, b) not in LEGAL]


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current, target):
    rules.check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_illegal_transitions_are_refused(current, target):
    with pytest.raises(RuleViolation) as exc:
        rules.check_transition(current, target)
    assert exc.value.code == "overgang_niet_toegestaan"
    assert "kan niet naar" in exc.value.message


def test_four_eyes_refuses_own_draft():
    with pytest.raises(RuleViolation) as exc:
        rules.check_approval(status="in_behandeling", has_draft=True, drafted_by_id=5, toetser_id=5)
    assert exc.value.code == "vier_ogen"
    rules.check_approval(status="in_behandeling", has_draft=True, drafted_by_id=5, toetser_id=6)


def test_approval_needs_a_draft():
    with pytest.raises(RuleViolation) as exc:
        rules.check_approval(status="in_behandeling", has_draft=False, drafted_by_id=None, toetser_id=6)
    assert exc.value.code == "geen_concept"


def test_toekenning_draft_needs_start_and_amount():
    base = dict(status="in_behandeling", besluit="toekennen", reden="ok", aanvraagdatum=date(2026, 1, 5))
    with pytest.raises(RuleViolation) as exc:
        rules.check_draft_decision(ingangsdatum=None, maandbedrag=None, **base)
    assert exc.value.field == "ingangsdatum"
    with pytest.raises(RuleViolation) as exc:
        rules.check_draft_decision(ingangsdatum=date(2026, 1, 5), maandbedrag=0, **base)
    assert exc.value.field == "maandbedrag"
    rules.check_draft_decision(ingangsdatum=date(2026, 1, 5), maandbedrag=money("1401.50"), **base)


def test_decision_term_and_overdue():
    assert rules.decision_deadline(date(2026, 1, 1), 8) == date(2026, 2, 26)
    kwargs = dict(status="in_behandeling", aanvraagdatum=date(2026, 1, 1), term_weeks=8)
    assert not rules.is_overdue(today=date(2026, 2, 26), **kwargs)
    assert rules.is_overdue(today=date(2026, 2, 27), **kwargs)
    assert not rules.is_overdue(
        today=date(2026, 5, 1), status="toegekend", aanvraagdatum=date(2026, 1, 1), term_weeks=8
    )


def test_money_rounds_half_up_and_formats_dutch():
    assert money("0.005") == money("0.01")
    assert money("2.675") == money("2.68")
    assert format_euro(money("39301654")) == "€ 39.301.654,00"
    assert format_euro(money("-1234.5")) == "-€ 1.234,50"
