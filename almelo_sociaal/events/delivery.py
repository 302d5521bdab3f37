"""One delivery attempt of one event to one subscriber: the CloudEvent, its signature, the POST, the log."""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone

from .models import Delivery

SIGNATURE_HEADER = "Signature"
CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"
TIMEOUT_SECONDS = 5


def cloud_event(delivery: Delivery) -> dict:
    """The structured CloudEvent (JSON) of a delivery; the same id on every attempt."""
    return {
        "specversion": "1.0",
        "type": delivery.event_type,
        "source": settings.EVENTS_SOURCE,
        "id": str(delivery.event_id),
        "time": delivery.occurred_at.isoformat().replace("+00:00", "Z"),
        "subject": delivery.subject,
        "datacontenttype": "application/json",
        "data": delivery.data,
    }


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def attempt(delivery_id: int) -> bool:
    """One attempt: POST the event; True when the receiver took it (2xx), or it was delivered already."""
    delivery = Delivery.objects.select_related("subscription").get(pk=delivery_id)
    if delivery.status == Delivery.Status.DELIVERED:
        return True
    body = json.dumps(cloud_event(delivery), separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.subscription.callback_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": CONTENT_TYPE,
            SIGNATURE_HEADER: sign(delivery.subscription.secret, body),
            "User-Agent": "Almelo-Sociaal-Notificaties/1.0",
        },
    )
    status, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - beheer's URL
            status = response.status
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        error = str(getattr(exc, "reason", exc))[:500]
    ok = status is not None and 200 <= status < 300
    now = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=delivery.attempts + 1,
        last_status_code=status,
        last_error="" if ok else error,
        last_attempt_at=now,
        status=Delivery.Status.DELIVERED if ok else Delivery.Status.PENDING,
        delivered_at=now if ok else None,
    )
    return ok


def give_up(delivery_id: int) -> None:
    Delivery.objects.filter(pk=delivery_id).exclude(status=Delivery.Status.DELIVERED).update(
        status=Delivery.Status.FAILED
    )
