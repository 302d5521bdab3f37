"""Celery tasks of the budget app: thin, idempotent (an upsert per year/scenario/day)."""

from celery import shared_task
from django.db import OperationalError

from . import hooks, services


@shared_task(
    name="budget.recompute_budget_year", autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3
)
def recompute_budget_year(year: int) -> int:
    """Recompute forecast, tekort and vangnet estimate of ``year``; returns the number of runs written."""
    runs = services.recompute_year(year=year)
    hooks.after_recompute(year=year)  # e.g. finance's alert follows the new forecast (operations.jobs)
    return len(runs)
