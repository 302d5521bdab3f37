from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone


class StaffManager(UserManager):
    def get_queryset(self):
        # The wijkteam shows in every page header and scopes most queries: load it with the user (one query).
        return super().get_queryset().select_related("wijkteam")


class User(AbstractUser):
    """A member of staff (or a machine client). Roles are groups; see ``roles.Role``."""

    objects = StaffManager()

    wijkteam = models.ForeignKey(
        "cases.Wijkteam",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name="wijkteam",
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A revocable, expiring token for a machine client. Only the hash is stored."""

    SCOPE_SRT = "srt"
    SCOPES = {SCOPE_SRT: "Toegang tot SRT-signalen en -onderzoeken"}

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("omschrijving", max_length=100)
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField("scopes", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField("verloopt op")
    revoked_at = models.DateTimeField("ingetrokken op", null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API-token"
        verbose_name_plural = "API-tokens"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name: str, scopes: list[str] | None = None, days: int | None = None):
        """Create a token; returns (token, plain key). The plain key is shown once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=key[:8],
            key_hash=hash_token(key),
            scopes=sorted(scopes or []),
            expires_at=timezone.now() + timedelta(days=days or settings.API_TOKEN_DAYS),
        )
        return token, key

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
