"""Celery tasks: thin wrappers around services, each recorded as a JobRun, retried with backoff.

Scheduled by celery beat (settings.CELERY_BEAT_SCHEDULE); eager when no broker is configured.
``manage.py run_job NAME`` runs the same work in-process (``WORK``), without Celery.
"""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.utils import timezone

from budget.models import BudgetYear
from budget.services import recompute_year
from operations.dashboards.services import take_caseload_snapshot

from .services import refresh_work_items, run_job


def _day(value: str | None) -> date:
    return date.fromisoformat(value) if value else timezone.localdate()


def caseload_snapshot_work(period: str = "dag", day: str | None = None) -> int:
    return take_caseload_snapshot(period=period, day=_day(day))


def monthly_caseload_snapshot_work(day: str | None = None) -> int:
    """On the 1st: close the previous month and open the current one."""

    d = _day(day)
    previous = d.replace(day=1) - timedelta(days=1)
    return take_caseload_snapshot(period="maand", day=previous) + take_caseload_snapshot(
        period="maand", day=d
    )


def due_work_work(day: str | None = None) -> int:
    return refresh_work_items(today=_day(day))


def budget_recompute_work(year: int | None = None) -> int:
    """Forecast, tekort and vangnet of the given year, or of this and last year when they exist; then alerts."""

    today = timezone.localdate()
    years = (
        [year]
        if year
        else list(
            BudgetYear.objects.filter(year__in=[today.year - 1, today.year]).values_list("year", flat=True)
        )
    )
    written = sum(len(recompute_year(year=y)) for y in years)
    return written + refresh_work_items(today=today)


WORK = {
    "caseload_snapshot": caseload_snapshot_work,
    "monthly_caseload_snapshot": monthly_caseload_snapshot_work,
    "due_work": due_work_work,
    "budget_recompute": budget_recompute_work,
}


def _tracked(task, job: str, params: dict) -> int:
    attempt = task.request.retries + 1
    final = attempt > task.max_retries
    try:
        return run_job(
            job=job,
            params=params,
            work=lambda: WORK[job](**params),
            task_id=task.request.id or "",
            attempt=attempt,
            final_attempt=final,
        ).rows_written
    except Exception as exc:
        if final:
            raise
        raise task.retry(exc=exc, countdown=min(600, 30 * 2 ** (attempt - 1)))


@shared_task(bind=True, name="jobs.caseload_snapshot", max_retries=3)
def caseload_snapshot(self, period: str = "dag", day: str | None = None) -> int:
    """Caseload per wijkteam × group × regeling, instroom/uitstroom, coach load, tegenprestatie (upsert)."""
    return _tracked(
        self, "caseload_snapshot", {"period": period, "day": day or timezone.localdate().isoformat()}
    )


@shared_task(bind=True, name="jobs.monthly_caseload_snapshot", max_retries=3)
def monthly_caseload_snapshot(self, day: str | None = None) -> int:
    return _tracked(self, "monthly_caseload_snapshot", {"day": day or timezone.localdate().isoformat()})


@shared_task(bind=True, name="jobs.due_work", max_retries=3)
def due_work(self, day: str | None = None) -> int:
    """Work lists per coach/role: reviews, overdue aanvragen, toetsing, tegenprestatie, out of view, budget."""
    return _tracked(self, "due_work", {"day": day or timezone.localdate().isoformat()})


@shared_task(bind=True, name="jobs.budget_recompute", max_retries=3)
def budget_recompute(self, year: int | None = None) -> int:
    return _tracked(self, "budget_recompute", {"year": year})
