"""Host organisations: create, change, and record the signed verdringingsverklaring."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.audit.services import set_history_user
from almelo_sociaal.core.rules import rule_errors

from .. import rules
from ..models import HostOrganisation

HOST_FIELDS = (
    "name",
    "kind",
    "street",
    "postcode",
    "city",
    "wijkteam",
    "contact_name",
    "contact_phone",
    "contact_email",
    "notes",
    "active",
)


@transaction.atomic
def create_host(
    *,
    actor,
    name: str,
    kind: str,
    street: str,
    postcode: str,
    contact_name: str,
    city: str = "Almelo",
    wijkteam=None,
    contact_phone: str = "",
    contact_email: str = "",
    notes: str = "",
    active: bool = True,
) -> HostOrganisation:
    if HostOrganisation.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError(
            {"name": [ValidationError("Er is al een gastorganisatie met deze naam.", code="naam_bestaat")]}
        )
    host = HostOrganisation(
        name=name.strip(),
        kind=kind,
        street=street,
        postcode=postcode.upper(),
        city=city,
        wijkteam=wijkteam,
        contact_name=contact_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
        notes=notes,
        active=active,
    )
    set_history_user(host, actor)
    host.save()
    return host


@transaction.atomic
def update_host(*, actor, host: HostOrganisation, **changes) -> HostOrganisation:
    host = HostOrganisation.objects.select_for_update().get(pk=host.pk)
    unknown = set(changes) - set(HOST_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {sorted(unknown)}")
    name = changes.get("name")
    if name and HostOrganisation.objects.filter(name__iexact=name.strip()).exclude(pk=host.pk).exists():
        raise ValidationError(
            {"name": [ValidationError("Er is al een gastorganisatie met deze naam.", code="naam_bestaat")]}
        )
    for field, value in changes.items():
        setattr(host, field, value)
    set_history_user(host, actor)
    host.save()
    return host


@transaction.atomic
def record_declaration(*, actor, host: HostOrganisation, signed_on: date, signed_by: str) -> HostOrganisation:
    """The host declares it does not replace paid work (verdringing); from now on placements are possible."""
    with rule_errors():
        rules.check_declaration(signed_on=signed_on, signed_by=signed_by, today=timezone.localdate())
    host = HostOrganisation.objects.select_for_update().get(pk=host.pk)
    host.declaration_signed_on = signed_on
    host.declaration_signed_by = signed_by.strip()
    set_history_user(host, actor)
    host.save(update_fields=["declaration_signed_on", "declaration_signed_by"])
    return host
