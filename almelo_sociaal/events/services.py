"""Publishing events and delivering them (CloudEvents 1.0, NL GOV profile for CloudEvents).

A domain app's service calls ``publish(type, subject_id, data)`` inside its transaction. For every active
subscription of that type a ``Delivery`` row is written in the same transaction (so an event exists exactly when
its change does) and, after the commit, the task ``events.deliver`` is handed to Celery
(``security.enqueue.enqueue_on_commit``: a broker outage never breaks the request, the task is replayed). The
task POSTs the event, signed, and retries with exponential backoff; the receiver deduplicates on the event
``id`` (at-least-once: the same event may arrive more than once, always with the same id).

The body carries ids only — never a name, BSN or other personal data (``_ids_only`` refuses anything else).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.cache import cache as django_cache
from django.db import transaction
from django.utils import timezone

from almelo_sociaal.security.enqueue import enqueue_on_commit

from .catalogue import EVENT_TYPES
from .models import SUBSCRIBED_TYPES_KEY, Delivery, Subscription
from .tasks import deliver


def _ids_only(data: Mapping) -> dict:
    """Ids, codes and numbers only: an event never carries personal data."""
    for key, value in data.items():
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if (
                item is not None
                and not isinstance(item, (int, str))
                or (isinstance(item, str) and len(item) > 40)
            ):
                raise ValueError(f"Event-data {key!r}: alleen ids en codes, geen {type(item).__name__}.")
    return {key: list(value) if isinstance(value, tuple) else value for key, value in data.items()}


SUBSCRIBED_TYPES_SECONDS = 30


def subscribed_types() -> frozenset[str]:
    """The event types with at least one active subscription, cached: most changes have no subscriber, and
    publishing must not add a query to every write. A subscription saved or deleted clears the cache of its
    process; another process sees it within ``SUBSCRIBED_TYPES_SECONDS``."""
    types = django_cache.get(SUBSCRIBED_TYPES_KEY)
    if types is None:
        types = frozenset(Subscription.objects.filter(active=True).values_list("event_type", flat=True))
        django_cache.set(SUBSCRIBED_TYPES_KEY, types, SUBSCRIBED_TYPES_SECONDS)
    return types


def publish(event_type: str, subject_id, data: Mapping | None = None) -> list[Delivery]:
    """Record the event for every active subscriber and deliver it after the commit."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"Onbekend soort gebeurtenis: {event_type}")
    payload = _ids_only(data or {})
    if event_type not in subscribed_types():
        return []  # nobody listens: no query at all on the request that caused the event
    subscriptions = Subscription.objects.filter(event_type=event_type, active=True, account__is_active=True)
    now = timezone.now()
    with transaction.atomic():
        deliveries = [
            Delivery.objects.create(
                subscription=subscription,
                event_type=event_type,
                subject=str(subject_id),
                data=payload,
                occurred_at=now,
            )
            for subscription in subscriptions
        ]
    for delivery in deliveries:
        enqueue_on_commit(deliver, delivery.pk)
    return deliveries


def redeliver(deliveries) -> int:
    """Beheer offers failed deliveries again (same event id)."""
    count = 0
    for delivery in deliveries.exclude(status=Delivery.Status.DELIVERED):
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.PENDING)
        enqueue_on_commit(deliver, delivery.pk)
        count += 1
    return count
