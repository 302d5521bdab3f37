"""Second factor: a session of a user with a confirmed TOTP device passes the code before anything else."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from .sessions import SESSION_OTP_REQUIRED


class SecondFactorMiddleware:
    """After ``django_otp.middleware.OTPMiddleware``: no cost for users without a device (a session flag).

    Pages redirect to the code page; the API treats such a half-logged-in session as anonymous
    (an API token still works, it is a credential of its own).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_OTP_REQUIRED):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                response = self._refuse(request)
                if response is not None:
                    return response
        return self.get_response(request)

    def _refuse(self, request):
        path = request.path
        open_paths = (
            reverse("security:otp-verify"),
            reverse("logout"),
            "/healthz",
            "/" + settings.STATIC_URL,
        )
        if path.startswith(open_paths):
            return None
        if path.startswith("/api/"):
            request.user = AnonymousUser()
            request._cached_user = request.user
            return None
        return redirect(f"{reverse('security:otp-verify')}?{urlencode({'next': request.get_full_path()})}")


class SlidingSessionMiddleware:
    """The 30-minute inactivity timeout without a session write on every request.

    Right after ``SessionMiddleware``: a logged-in session is saved (its expiry pushed ``SESSION_COOKIE_AGE``
    ahead) when it was last refreshed ``SESSION_REFRESH_SECONDS`` or more ago, or when the request changed it
    anyway. Requests in between read the session and write nothing. The timeout therefore runs from the last
    refresh: between ``SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS`` and ``SESSION_COOKIE_AGE`` after the
    last request (29-30 minutes with the defaults).
    """

    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response
        self.interval = settings.SESSION_REFRESH_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty() or SESSION_KEY not in session:
            return response  # anonymous: nothing to keep alive (and no new session row for a visitor)
        now = int(time.time())
        last = session.get(self.KEY)
        if session.modified or not isinstance(last, int) or now - last >= self.interval or now < last:
            # marks the session modified: SessionMiddleware saves it with a new expiry
            session[self.KEY] = now
        return response
