"""Subscriptions of API-client accounts to event types, and the delivery log (one row per event per
subscription: the outbox the Celery task delivers from, and what beheer reads)."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import models

SUBSCRIBED_TYPES_KEY = "events:subscribed-types"  # events.services.subscribed_types


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_subscriptions",
        verbose_name="API-client-account",
    )
    event_type = models.CharField("soort gebeurtenis", max_length=100)
    callback_url = models.URLField("callback-URL", max_length=500)
    secret = models.CharField(
        "geheim (HMAC)",
        max_length=100,
        default=new_secret,
        help_text="Sleutel van de handtekening (HMAC-SHA256).",
    )
    active = models.BooleanField("actief", default=True)
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        constraints = [
            models.UniqueConstraint(
                fields=["account", "event_type", "callback_url"], name="events_subscription_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} · {self.event_type}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        django_cache.delete(SUBSCRIBED_TYPES_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        django_cache.delete(SUBSCRIBED_TYPES_KEY)
        return result


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Wacht op aflevering"
        DELIVERED = "delivered", "Afgeleverd"
        FAILED = "failed", "Mislukt (pogingen op)"

    event_id = models.UUIDField("event-id", default=uuid.uuid4, db_index=True)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name="abonnement"
    )
    event_type = models.CharField("soort gebeurtenis", max_length=100)
    subject = models.CharField("onderwerp (id)", max_length=100)
    data = models.JSONField("data (alleen ids)", default=dict)
    occurred_at = models.DateTimeField("tijdstip gebeurtenis")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    last_status_code = models.PositiveSmallIntegerField("laatste HTTP-status", null=True, blank=True)
    last_error = models.CharField("laatste fout", max_length=500, blank=True)
    last_attempt_at = models.DateTimeField("laatste poging", null=True, blank=True)
    delivered_at = models.DateTimeField("afgeleverd", null=True, blank=True)

    class Meta:
        verbose_name = "aflevering"
        verbose_name_plural = "afleverlog"
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_id"], name="events_delivery_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.subject} → {self.subscription_id} ({self.status})"
