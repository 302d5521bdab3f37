"""Bookkeeping of the security app: which sessions a user has, purge runs, enqueue failures."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class UserSession(models.Model):
    """A session opened by a login, so that "uitloggen op alle apparaten" can end every one of them.

    Written once at login (no per-request cost); the session data itself stays in the session store.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField("ingelogd op", auto_now_add=True)
    user_agent = models.CharField("browser", max_length=200, blank=True)

    class Meta:
        verbose_name = "sessie"
        verbose_name_plural = "sessies"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="usersession_user_idx")]


class PurgeRun(models.Model):
    """One run of the retention purge (dry run or applied): what it found and what it removed."""

    at = models.DateTimeField("tijdstip", auto_now_add=True)
    applied = models.BooleanField("uitgevoerd", default=False)
    retention_years = models.PositiveSmallIntegerField("bewaartermijn (jaren)")
    cutoff = models.DateField("peildatum")
    clients = models.PositiveIntegerField("cliënten", default=0)
    skipped = models.PositiveIntegerField("overgeslagen (handmatig beoordelen)", default=0)
    deleted = models.JSONField("verwijderd per soort", default=dict, blank=True)

    class Meta:
        verbose_name = "bewaartermijn-opschoning"
        verbose_name_plural = "bewaartermijn-opschoningen"
        ordering = ["-at", "-id"]


class FailedEnqueue(models.Model):
    """A Celery task that could not be handed to the broker (e.g. Redis down); replay with a command."""

    at = models.DateTimeField("tijdstip", auto_now_add=True)
    task_name = models.CharField("taak", max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    error = models.CharField("fout", max_length=500)
    replayed_at = models.DateTimeField("opnieuw aangeboden op", null=True, blank=True)

    class Meta:
        verbose_name = "niet aangeboden taak"
        verbose_name_plural = "niet aangeboden taken"
        ordering = ["-at", "-id"]
