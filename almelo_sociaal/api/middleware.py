"""What every response under /api/ has, whichever app serves it:

- the ``API-Version`` header (NL API Design Rules /core/version-header), also on errors and redirects;
- the old paths of before version 1.1 (trailing slash, English resource names) answer 308 Permanent Redirect
  to the new path, for one release (README "REST API"; the list: ``legacy.RENAMES``). 308 keeps the method and
  the body, so an old POST still arrives.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from . import legacy

API_ROOT = "/api/v1"


class Redirect308(HttpResponsePermanentRedirect):
    status_code = 308


def legacy_target(path: str, query: str) -> str | None:
    """The current path for an old one, or None when ``path`` is current (or unknown either way)."""
    if not path.startswith(API_ROOT + "/"):
        return None
    old = path[len(API_ROOT) + 1 :]
    if old == "":
        return API_ROOT  # the landing resource itself
    new = legacy.rename(old.rstrip("/"), query)
    if new == old:
        return None
    target = f"{API_ROOT}/{new}" if new else API_ROOT
    try:
        resolve(target)
    except Resolver404:
        return None
    return target


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        target = legacy_target(request.path, request.META.get("QUERY_STRING", ""))
        if target is not None:
            query = request.META.get("QUERY_STRING", "")
            keep_query = query and not target.endswith((".json", ".yaml"))  # ?format= of the old /schema/
            response = Redirect308(f"{target}?{query}" if keep_query else target)
            response["Link"] = f'<{target}>; rel="successor-version"'
        else:
            response = self.get_response(request)
        response["API-Version"] = settings.API_VERSION
        return response
