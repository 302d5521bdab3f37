"""Celery tasks of tegenprestatie: thin wrappers over the services; idempotent (a week row is an upsert)."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import OperationalError

from . import rules, selectors, services


@shared_task(
    name="tegenprestatie.import_week_hours",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def import_week_hours(*, actor_id: int, week: str, text: str) -> int:
    """Import a host organisation's week list (CSV) as ``actor``; returns the number of rows stored.

    Re-running the same list stores the same values again (one row per placement and week): retries are safe.
    A refused list stores nothing and raises the ValidationError (with the line or row named).
    """
    actor = get_user_model().objects.get(pk=actor_id)
    logs = services.import_week_hours(
        actor=actor,
        week=rules.IsoWeek.parse(week),
        text=text,
        placements=selectors.registrable_placements(actor),
    )
    return len(logs)
