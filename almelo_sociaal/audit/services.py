"""Explicit audit entries, written by the views/services that serve personal data."""

from __future__ import annotations

from collections.abc import Iterable

from .models import AccessLog


def log_access(
    *,
    user,
    object_type: str,
    object_id="",
    client=None,
    action: str = AccessLog.Action.VIEW,
    purpose: str = "",
) -> AccessLog:
    """Record that ``user`` saw personal data (one client, or one object about a client)."""
    return AccessLog.objects.create(
        user=user,
        action=action,
        client=client,
        object_type=object_type,
        object_id=str(object_id),
        purpose=purpose[:200],
    )


def log_access_many(
    *,
    user,
    object_type: str,
    client_ids: Iterable[int],
    action: str = AccessLog.Action.API,
    purpose: str = "",
) -> None:
    """One row per client in a list response (e.g. the API list): one INSERT statement."""
    AccessLog.objects.bulk_create(
        [
            AccessLog(
                user=user,
                action=action,
                client_id=cid,
                object_type=object_type,
                object_id=str(cid),
                purpose=purpose[:200],
            )
            for cid in client_ids
        ]
    )


def set_history_user(instance, user) -> None:
    """Attribute the next simple-history record of ``instance`` to ``user`` (services run outside requests too)."""
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
