"""Celery tasks of the budget app: thin, idempotent (an upsert per year/scenario/day)."""

from celery import shared_task
from django.db import OperationalError

from . import services


@shared_task(
    name="budget.recompute_budget_year", autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3
)
def recompute_budget_year(year: int) -> int:
    """Recompute forecast, tekort and vangnet estimate of ``year``; returns the number of runs written."""
    from django.utils import timezone

    from operations.jobs.services import refresh_work_items

    runs = services.recompute_year(year=year)
    refresh_work_items(
        today=timezone.localdate(), only_budget=True
    )  # finance's alert follows the new forecast
    return len(runs)
