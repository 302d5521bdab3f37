"""One money form field for every form with an amount (issue 17 item 7): Dutch amounts as people type them."""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest
from django import forms

from almelo_sociaal.core.forms import MoneyField

ACCEPTED = [
    ("1.401,50", Decimal("1401.50")),
    ("1401,50", Decimal("1401.50")),
    ("12.400,00", Decimal("12400.00")),
    ("8.750", Decimal("8750")),
    ("34.240.957", Decimal("34240957")),
    ("€ 1.234,56", Decimal("1234.56")),
    ("1234.56", Decimal("1234.56")),
    ("  950 ", Decimal("950")),
    ("0,5", Decimal("0.5")),
]
REFUSED = [
    ("veel", "Voer een getal in."),
    ("1,2,3", "Voer een getal in."),
    ("1.40,50", "Voer een getal in."),  # dots are thousands only in groups of three
    ("1,401.50", "Voer een getal in."),  # an English amount is ambiguous here: refused, not guessed
    ("12,345", "hoogstens 2 cijfers achter de komma"),
    ("1" * 13, "Het bedrag is te groot"),
    ("-5", "minstens 0"),
    ("NaN", "Voer een getal in."),
]


class _Form(forms.Form):
    amount = MoneyField(label="Bedrag (€)", min_value=0)


@pytest.mark.parametrize("text,expected", ACCEPTED)
def test_dutch_amounts_are_accepted(text, expected):
    form = _Form({"amount": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == expected


@pytest.mark.parametrize("text,message", REFUSED)
def test_a_wrong_amount_gets_a_clear_dutch_error(text, message):
    form = _Form({"amount": text})
    assert not form.is_valid()
    assert message in " ".join(form.errors["amount"]), form.errors["amount"]


# Every form of the product with an amount in euros, and the field that holds it.
MONEY_FIELDS = [
    ("cases.forms", "DraftDecisionForm", "maandbedrag"),
    ("participation.forms", "TrajectoryForm", "cost"),
    ("budget.forms", "RevisionForm", "amount"),
    ("budget.forms", "CorrectionForm", "amount"),
    ("budget.forms", "RealisationForm", "amount"),
]


@pytest.mark.parametrize("module,form,field", MONEY_FIELDS)
def test_every_form_with_an_amount_uses_the_money_field(module, form, field):
    form_class = getattr(importlib.import_module(module), form)
    assert isinstance(form_class.base_fields[field], MoneyField)


@pytest.mark.parametrize("module,form,field", MONEY_FIELDS)
@pytest.mark.parametrize(
    "text,expected", [("1.401,50", Decimal("1401.50")), ("12.400,00", Decimal("12400.00"))]
)
def test_every_form_with_an_amount_reads_a_dutch_amount(module, form, field, text, expected):
    form_class = getattr(importlib.import_module(module), form)
    assert form_class.base_fields[field].clean(text) == expected


def test_no_form_has_an_amount_field_of_its_own():
    """A new form with a field in euros (€ in its label, or a number labelled bedrag/kosten) uses MoneyField.
    (The SRT forms move to their own app on another branch; their ``money_field`` switches to MoneyField there.)"""
    seen = []
    for module in ("cases.forms", "participation.forms", "tegenprestatie.forms", "budget.forms"):
        for name, value in vars(importlib.import_module(module)).items():
            if isinstance(value, type) and issubclass(value, forms.BaseForm) and value.__module__ == module:
                for field_name, field in value.base_fields.items():
                    label = str(field.label or "").lower()
                    money_label = "€" in label or (
                        isinstance(field, forms.DecimalField) and ("bedrag" in label or "kosten" in label)
                    )
                    if money_label and not isinstance(field, MoneyField):
                        seen.append(f"{module}.{name}.{field_name}")
    assert seen == []
