import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from almelo_sociaal.core.rules import RuleViolation, rule_errors


def test_a_refusal_leaves_as_a_validation_error_on_its_field():
    with pytest.raises(ValidationError) as caught, rule_errors():
        raise RuleViolation("uren_ongeldig", "Geen aantal uren.", "hours")
    [error] = caught.value.error_dict["hours"]
    assert (error.message, error.code) == ("Geen aantal uren.", "uren_ongeldig")


def test_a_refusal_without_a_field_is_a_non_field_error():
    with pytest.raises(ValidationError) as caught, rule_errors():
        raise RuleViolation("vier_ogen", "Niet uw eigen besluit.")
    assert list(caught.value.error_dict) == [NON_FIELD_ERRORS]


def test_rename_moves_the_refusal_to_the_callers_field():
    with pytest.raises(ValidationError) as caught, rule_errors(rename={"hours_per_week": "end"}):
        raise RuleViolation("max_uren", "Te veel uren.", "hours_per_week")
    assert list(caught.value.error_dict) == ["end"]


def test_as_a_decorator():
    @rule_errors()
    def refuse():
        raise RuleViolation("x", "Nee.", "veld")

    with pytest.raises(ValidationError):
        refuse()


def test_other_errors_pass_unchanged():
    with pytest.raises(KeyError), rule_errors():
        raise KeyError("x")
