import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import DecimalValidator
from django.forms.renderers import TemplatesSetting


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on a form: next to the field when the form has it."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        if field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors if field == NON_FIELD_ERRORS else ValidationError(errors))


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")  # 34.240.957
_WITH_COMMA = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+),\d+$")  # 1.401,50 / 1401,50
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")  # 1401 / 1234.56


def parse_euro(text: str) -> Decimal:
    """An amount in euros as people in the Netherlands type it, to ``Decimal`` (never float).

    A comma is the decimal separator, and dots before it separate thousands (``1.401,50``, ``1401,50``);
    without a comma, dots in groups of three are thousands (``8.750``, ``34.240.957``) and a single dot with
    other than three digits after it is a decimal point (``1234.56``). ``€`` and spaces are ignored. Anything
    else (``1,401.50``, ``1.40,50``) raises ``ValueError``: an ambiguous amount is refused, never guessed.
    """
    value = text.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if _WITH_COMMA.match(value):
        value = value.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(value):
        value = value.replace(".", "")
    elif not _PLAIN.match(value):
        raise ValueError(text)
    return Decimal(value)


class MoneyField(forms.DecimalField):
    """The one form field for an amount in euros, in every form of the product (issue 17).

    Reads Dutch amounts with ``parse_euro`` (``1.401,50``, ``1401,50``, ``8.750``, ``€ 1.234,56``); at most two
    decimals; ``max_digits`` 14 as the money columns (``DecimalField(max_digits=14, decimal_places=2)``).
    """

    MAX_LENGTH = 30
    default_error_messages = {
        "invalid": "Voer een getal in. Schrijf een bedrag in euro's als 1.401,50 of 1401,50.",
        "max_decimal_places": "Gebruik hoogstens 2 cijfers achter de komma (centen).",
        "max_digits": "Het bedrag is te groot.",
        "max_whole_digits": "Het bedrag is te groot.",
    }

    def __init__(self, *, max_digits: int = 14, decimal_places: int = 2, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.widget.attrs.update(
            {"inputmode": "decimal", "autocomplete": "off", "maxlength": self.MAX_LENGTH}
        )
        for validator in self.validators:  # Django's DecimalValidator words these for numbers, not amounts
            if isinstance(validator, DecimalValidator):
                validator.messages = {**validator.messages, **self._decimal_messages()}

    def _decimal_messages(self) -> dict:
        return {
            "max_digits": self.error_messages["max_digits"],
            "max_decimal_places": self.error_messages["max_decimal_places"],
            "max_whole_digits": self.error_messages["max_whole_digits"],
        }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        text = str(value).strip()
        if len(text) > self.MAX_LENGTH:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_euro(text)
        except (ValueError, InvalidOperation):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text input: no number spinner, so a Dutch comma is never blocked
        return attrs


class FormRenderer(TemplatesSetting):
    """Forms render with the project's templates: every field group is the NL Design System form field
    (templates/forms/field.html); the widgets themselves are styled by the component library's html.css."""

    field_template_name = "forms/field.html"
