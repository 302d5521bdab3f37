import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.core.exceptions import MiddlewareNotUsed, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve

logger = logging.getLogger("django.request")

# The login page's query parameter that says the session ran out during a POST (templates/registration/login.html).
SESSION_EXPIRED_PARAM = "sessie"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
    ]
)


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Login everywhere except the login page (marked login_not_required), health check and static.

    The REST API authenticates itself (token or session) and answers 401/403 as JSON.
    """

    open_prefixes = ("/api/", "/healthz")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(self.open_prefixes) or request.path.startswith("/" + settings.STATIC_URL):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request, view_func):
        """A POST without a logged-in user but with a session cookie: the session expired while the form was
        open. The login page says so; app.js puts the typed input back after logging in (kept in the browser
        tab only, never on the server)."""
        if request.method == "POST" and settings.SESSION_COOKIE_NAME in request.COOKIES:
            query = urlencode({"next": request.get_full_path(), SESSION_EXPIRED_PARAM: "verlopen"})
            return HttpResponseRedirect(f"{resolve_url(self.get_login_url(view_func))}?{query}")
        return super().handle_no_permission(request, view_func)


class SecurityHeadersMiddleware:
    """Content-Security-Policy without unsafe-inline, and a few headers Django does not set itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.user.is_authenticated if hasattr(request, "user") else False:
            response.setdefault("Cache-Control", "no-store")
        return response


class FriendlyErrorPagesMiddleware:
    """With DEBUG on and FRIENDLY_ERROR_PAGES set (``make run``), a missing page or a failure shows the friendly
    404/500 pages that production shows, not Django's debug pages with the URL list or a traceback (the
    traceback still goes to the log). Without DEBUG, Django's own handlers already do this: not installed."""

    def __init__(self, get_response):
        if not (settings.DEBUG and getattr(settings, "FRIENDLY_ERROR_PAGES", False)):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        try:
            resolve(request.path_info)
        except Resolver404:
            from .views import not_found

            return not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        from .views import not_found, server_error

        if isinstance(exception, Http404):
            return not_found(request, exception)
        if isinstance(exception, PermissionDenied | SuspiciousOperation):
            return None  # Django's own 403/400 handling (already the friendly pages)
        logger.error("Interne fout op %s", request.path, exc_info=exception)
        return server_error(request)
