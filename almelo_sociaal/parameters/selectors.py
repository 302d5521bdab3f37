from __future__ import annotations

from datetime import date
from decimal import Decimal

from almelo_sociaal.core.rules import RuleViolation

from .models import LegalParameter


class MissingParameter(RuleViolation):
    def __init__(self, key: str, on: date) -> None:
        super().__init__(
            "parameter_ontbreekt",
            f"Parameter '{key}' heeft geen waarde op {on:%d-%m-%Y}; vraag functioneel beheer deze vast te leggen.",
        )


def parameter_value(key: str, on: date) -> Decimal:
    """The value of parameter ``key`` valid on date ``on`` (the latest value with valid_from <= on)."""
    value = (
        LegalParameter.objects.filter(key=key, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("value", flat=True)
        .first()
    )
    if value is None:
        raise MissingParameter(key, on)
    return value


def parameter_values(keys: list[str], on: date) -> dict[str, Decimal]:
    """Several parameters at once (one query), for a rule that needs more than one amount."""
    rows = (
        LegalParameter.objects.filter(key__in=keys, valid_from__lte=on)
        .order_by("key", "-valid_from")
        .values_list("key", "value")
    )
    found: dict[str, Decimal] = {}
    for key, value in rows:
        found.setdefault(key, value)
    for key in keys:
        if key not in found:
            raise MissingParameter(key, on)
    return found


def parameter_history(key: str):
    return LegalParameter.objects.filter(key=key).order_by("-valid_from")
