from __future__ import annotations

import importlib

from django.conf import settings
from django.db import transaction

from almelo_sociaal.core import module_exists

from .defaults import PARAMETERS as CORE_PARAMETERS
from .defaults import ParameterDefault
from .models import LegalParameter


def all_default_parameters() -> list[ParameterDefault]:
    defaults = list(CORE_PARAMETERS)
    for app in settings.DOMAIN_APPS:
        if module_exists(f"{app}.parameters"):
            defaults.extend(importlib.import_module(f"{app}.parameters").PARAMETERS)
    return defaults


def ensure_default_parameters(**kwargs) -> int:
    """Insert the default values that are missing (key + valid_from); never overwrites beheer's changes."""
    existing = set(LegalParameter.objects.values_list("key", "valid_from"))
    new = [
        LegalParameter(
            key=d.key,
            name=d.name,
            unit=d.unit,
            valid_from=d.valid_from,
            value=d.value,
            source=d.source,
            kind=d.kind,
        )
        for d in all_default_parameters()
        if (d.key, d.valid_from) not in existing
    ]
    LegalParameter.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def record_parameter_value(*, key: str, value, valid_from, source: str, actor) -> LegalParameter:
    """Functioneel beheer sets a new value from a date; earlier values stay (history)."""
    template = LegalParameter.objects.filter(key=key).order_by("-valid_from").first()
    if template is None:
        from django.core.exceptions import ValidationError

        raise ValidationError({"key": f"Onbekende parameter '{key}'."})
    obj, _ = LegalParameter.objects.update_or_create(
        key=key,
        valid_from=valid_from,
        defaults={
            "name": template.name,
            "unit": template.unit,
            "kind": template.kind,
            "value": value,
            "source": source,
            "created_by": actor,
        },
    )
    return obj
