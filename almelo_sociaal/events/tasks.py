"""Delivery of one event to one subscriber, retried with exponential backoff (thin: the work is in services)."""

from __future__ import annotations

import random

from celery import shared_task
from django.conf import settings

from . import delivery


def backoff_seconds(retries: int) -> int:
    """30 s, 1 min, 2 min, … up to an hour, with jitter so receivers coming back are not flooded."""
    base = settings.EVENTS_RETRY_BASE_SECONDS * (2**retries)
    return int(min(base, 3600) * random.uniform(0.8, 1.2))  # noqa: S311 - jitter, not security


@shared_task(bind=True, name="events.deliver", max_retries=10, acks_late=True)
def deliver(self, delivery_id: int) -> bool:
    """At least once: a failed attempt is retried by the broker after ``backoff_seconds``; after the last retry
    the delivery is marked failed (beheer can offer it again). Without a broker (eager: local runs, tests)
    the retries follow each other at once, as there is no one to wait for them."""
    retries = self.request.retries
    while not delivery.attempt(delivery_id):
        if retries >= self.max_retries:
            delivery.give_up(delivery_id)
            return False
        if not self.request.is_eager:
            raise self.retry(countdown=backoff_seconds(retries))
        retries += 1
    return True
