"""Shared shape of domain rules.

Rules are pure functions (no database). A rule that refuses raises ``RuleViolation`` with a stable
``code``, a Dutch ``message`` and optionally the ``field`` it is about. Services turn it into a Django
``ValidationError`` (``with rule_errors(): ...``, see ``as_validation_error``) so the form shows it next to the field and the API
returns it as 400 with the same message and code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

CENT = Decimal("0.01")


class RuleViolation(Exception):
    """A domain rule refused an action."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"RuleViolation({self.code!r}, {self.message!r}, field={self.field!r})"


def as_validation_error(violation: RuleViolation) -> ValidationError:
    """Convert a rule violation to a field-keyed Django ValidationError."""
    field = violation.field or NON_FIELD_ERRORS
    return ValidationError({field: [ValidationError(violation.message, code=violation.code)]})


@contextmanager
def rule_errors(*, rename: Mapping[str, str] | None = None) -> Iterator[None]:
    """Run rules; a ``RuleViolation`` leaves as the field-keyed ``ValidationError`` (``as_validation_error``).

    ``rename`` maps a rule's field to the field the caller's form or request has (``{"hours_per_week": "end"}``).
    Usable as ``with rule_errors():`` or as a decorator ``@rule_errors()``.
    """
    try:
        yield
    except RuleViolation as violation:
        if rename and violation.field in rename:
            violation.field = rename[violation.field]
        raise as_validation_error(violation) from violation


def money(value: Decimal | int | str) -> Decimal:
    """Round an amount to whole cents, half up (the rounding rule for all money in this product)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_euro(value: Decimal) -> str:
    """Dutch notation: € 1.234.567,89."""
    q = money(value)
    sign = "-" if q < 0 else ""
    whole, cents = f"{abs(q):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{cents}"


def mask_bsn(bsn: str) -> str:
    """The BSN as lists show it: only the last four digits (enough to tell two namesakes apart)."""
    return "•••••" + bsn[-4:] if bsn else bsn
