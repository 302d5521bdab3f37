"""Hand a Celery task to the broker without ever breaking the page that asked for it.

``transaction.on_commit(lambda: task.delay(...))`` is not enough: when Redis is down ``delay()`` raises
``kombu.exceptions.OperationalError`` (after ~0.6 s of retries) *after* the data was committed, so the user sees
a 500 for work that was in fact saved. Use instead::

    from almelo_sociaal.security.enqueue import enqueue_on_commit
    enqueue_on_commit(recompute_budget_year, year)

After the commit it publishes with a short retry; if the broker cannot be reached it logs a warning and stores
a ``FailedEnqueue`` row. ``manage.py replay_failed_enqueues`` and the task ``security.replay_failed_enqueues``
(on the beat schedule every 5 minutes, ``CELERY_BEAT_SCHEDULE``) hand those to the broker again once it is back. With no broker configured (eager mode)
the task runs inline and its own errors propagate, as the test settings want.
"""

from __future__ import annotations

import json
import logging
from functools import partial

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger("almelo_sociaal.security.enqueue")

PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


def _broker_errors() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import KombuError

    errors: list[type[BaseException]] = [KombuError, OSError, ConnectionError, TimeoutError]
    try:
        from redis.exceptions import RedisError

        errors.append(RedisError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def _jsonable(value):
    try:
        json.dumps(value)
        return value
    except TypeError:
        return json.loads(json.dumps(value, default=str))


def enqueue_now(task, *args, **kwargs) -> bool:
    """Publish ``task`` now; True when the broker took it (or it ran eagerly), False when it was recorded."""
    from .models import FailedEnqueue

    try:
        task.apply_async(args=args, kwargs=kwargs, retry=True, retry_policy=PUBLISH_RETRY)
        return True
    except _broker_errors() as exc:
        logger.warning(
            "Taak %s niet aangeboden (broker onbereikbaar: %s); vastgelegd voor later.", task.name, exc
        )
        try:
            FailedEnqueue.objects.create(
                task_name=task.name,
                args=_jsonable(list(args)),
                kwargs=_jsonable(kwargs),
                error=str(exc)[:500],
            )
        except Exception:  # noqa: BLE001 - even the database may be gone; the warning above is the record
            logger.exception("Ook vastleggen van de niet aangeboden taak %s mislukte.", task.name)
        return False


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """After the surrounding transaction commits (immediately outside one): ``enqueue_now``; never raises."""
    transaction.on_commit(partial(enqueue_now, task, *args, **kwargs))


def task_by_name(name: str):
    """The registered Celery task called ``name``, or None.

    A worker imports every app's ``tasks`` module when it starts; a management command (or a shell) does not, so
    its registry holds only the tasks some import happened to load. Load them the way the worker does before
    giving up on a name."""
    from almelo_sociaal.celery import app

    task = app.tasks.get(name)
    if task is None:
        app.loader.import_default_modules()  # runs autodiscover_tasks(): imports each app's tasks module
        task = app.tasks.get(name)
    return task


def replay_failed_enqueues(limit: int = 500) -> tuple[int, int]:
    """Offer recorded tasks to the broker again, oldest first; returns (sent, still failing).

    The one implementation behind ``manage.py replay_failed_enqueues`` and the beat task
    ``security.replay_failed_enqueues``. Each row is claimed before it is sent (a conditional update), so two
    replays running at once never send the same row twice; a row whose send fails is released again.
    """
    from .models import FailedEnqueue

    sent = failed = 0
    for row in FailedEnqueue.objects.filter(replayed_at__isnull=True).order_by("at", "id")[:limit]:
        task = task_by_name(row.task_name)
        if task is None:
            logger.error("Onbekende taak %s in FailedEnqueue %s; overgeslagen.", row.task_name, row.pk)
            failed += 1
            continue
        claimed = FailedEnqueue.objects.filter(pk=row.pk, replayed_at__isnull=True).update(
            replayed_at=timezone.now()
        )
        if not claimed:  # another replay took it meanwhile
            continue
        try:
            task.apply_async(args=row.args, kwargs=row.kwargs, retry=True, retry_policy=PUBLISH_RETRY)
        except _broker_errors() as exc:
            FailedEnqueue.objects.filter(pk=row.pk).update(replayed_at=None)
            logger.warning("Broker nog onbereikbaar (%s); %s blijft staan.", exc, row.task_name)
            failed += 1
            break
        sent += 1
    return sent, failed
