"""Session bookkeeping: record sessions at login, end them all on request ("overal uitloggen")."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings

SESSION_OTP_REQUIRED = "security_otp_required"


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def on_login(sender, request, user, **kwargs) -> None:
    """Record the new session; remember in it whether this user must pass the second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .models import UserSession

    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_OTP_REQUIRED] = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if request.session.session_key is None:
        request.session.save()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]},
    )


def on_logout(sender, request, user, **kwargs) -> None:
    from .models import UserSession

    if request is not None and getattr(request, "session", None) is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()


def end_all_sessions(user, *, except_key: str | None = None) -> int:
    """End every recorded session of ``user`` (except ``except_key``); returns how many were ended."""
    from .models import UserSession

    store = _store()
    records = UserSession.objects.filter(user=user)
    if except_key:
        records = records.exclude(session_key=except_key)
    keys = set(records.values_list("session_key", flat=True))
    keys |= _unrecorded_database_sessions(user, except_key=except_key)
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)


def _unrecorded_database_sessions(user, *, except_key: str | None) -> set[str]:
    """Sessions whose key changed after login (e.g. cycled by a password change) are not recorded: with the
    database session backend, find them by reading the live sessions (rare action, so a scan is acceptable)."""
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        return set()
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    user_id = str(user.pk)
    found = set()
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500):
        if session.session_key != except_key and str(session.get_decoded().get("_auth_user_id")) == user_id:
            found.add(session.session_key)
    return found
