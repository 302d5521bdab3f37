"""What a locked-out login sees (the client's address for the lockout: security/proxy.py)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render

LOCKOUT_MESSAGE = (
    "Te veel mislukte inlogpogingen. Inloggen met deze gebruikersnaam is vanaf dit adres tijdelijk "
    "geblokkeerd; probeer het over {minutes} minuten opnieuw of vraag functioneel beheer "
    "om de blokkade op te heffen."
)


def lockout_message() -> str:
    cool_off = getattr(settings, "AXES_COOLOFF_TIME", None)
    if hasattr(cool_off, "total_seconds"):
        minutes = round(cool_off.total_seconds() / 60)
    elif isinstance(cool_off, int | float):
        minutes = round(cool_off * 60)  # axes reads a number as hours
    else:
        minutes = 15
    return LOCKOUT_MESSAGE.format(minutes=minutes)


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with a Dutch message, status 429 (AXES_LOCKOUT_CALLABLE)."""
    form = AuthenticationForm(request, initial={"username": (credentials or {}).get("username", "")})
    context = {"form": form, "lockout_message": lockout_message(), "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=429)
