from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .scopes import SCOPES


class Wijkteam(models.Model):
    """An organisational unit of the municipality: staff belong to one, and domain apps assign their records to one.

    It lives in the foundation (not in ``cases``) so that ``User.wijkteam`` points down, never up into a domain app.
    The table keeps its original name (``cases_wijkteam``): moving the model moved no data (accounts 0006).
    """

    code = models.SlugField("code", max_length=30, unique=True)
    name = models.CharField("naam", max_length=100, unique=True)

    class Meta:
        db_table = "cases_wijkteam"
        verbose_name = "wijkteam"
        verbose_name_plural = "wijkteams"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffManager(UserManager):
    def get_queryset(self):
        # The wijkteam shows in every page header and scopes most queries: load it with the user (one query).
        return super().get_queryset().select_related("wijkteam")


class User(AbstractUser):
    """A member of staff (or a machine client). Roles are groups; see ``roles.Role``."""

    objects = StaffManager()

    wijkteam = models.ForeignKey(
        Wijkteam,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name="wijkteam",
    )

    # Bumped whenever the account is deactivated or reactivated: it is part of the session hash, so no session
    # opened before either change is valid afterwards (a reactivated account never gets its old sessions back).
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._loaded_is_active = user.__dict__.get("is_active")
        return user

    def _get_session_auth_hash(self, secret=None):
        if not self.session_generation:
            return super()._get_session_auth_hash(secret=secret)  # sessions from before this field stay valid
        key_salt = "almelo_sociaal.accounts.User.get_session_auth_hash"
        value = f"{self.password}|{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded_is_active", None)
        changed = self.pk is not None and loaded is not None and loaded != self.is_active
        if changed:
            self.session_generation += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "session_generation"}
        super().save(*args, **kwargs)
        self._loaded_is_active = self.is_active
        if changed and not self.is_active:
            transaction.on_commit(self._end_access)

    def _end_access(self) -> None:
        """A deactivated account: its sessions end and its tokens are revoked (a reactivation revives neither)."""
        from almelo_sociaal.security.sessions import end_all_sessions

        end_all_sessions(self)
        ApiToken.objects.filter(user=self).active().update(revoked_at=timezone.now())


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A revocable, expiring token for an API-client account (never a person). Only the hash is stored.

    ``scopes``: what this token may do (``scopes.SCOPES``); issue with ``services.issue_api_token``.
    """

    SCOPES = SCOPES

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
        """Issue a token through the service (the account and the scopes are checked); (token, plain key)."""
        from .services import issue_api_token

        return issue_api_token(user=user, name=name, scopes=scopes or [], days=days)

    @classmethod
    def _create(cls, *, user, name: str, scopes: list[str], days: int | None = None):
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
