"""Helpers every tegenprestatie service uses: the client timeline entry and the refusal."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from almelo_sociaal.core.rules import RuleViolation, as_validation_error
from cases.models import ClientEvent


def _event(client_id: int, kind: str, text: str, actor) -> None:
    ClientEvent.objects.create(client_id=client_id, kind=kind, text=text[:300], actor=actor)


def _refuse(violation: RuleViolation) -> ValidationError:
    return as_validation_error(violation)
