"""The health check that container orchestration and load balancers call.

It is answered before Django's host validation: the compose healthcheck (and a load balancer) calls
``http://127.0.0.1:8000/healthz`` with that address as the Host header, which is not — and must not be — in
``ALLOWED_HOSTS`` in production. It says only "ok" or "unavailable" and whether the database answers.
"""

from __future__ import annotations

import json

from django.db import connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any database error means "not healthy"
        return False


class HealthCheckMiddleware:
    """First in MIDDLEWARE (after the proxy filter): GET/HEAD /healthz → 200 or 503, for any Host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            ok = database_ok()
            body = json.dumps({"status": "ok" if ok else "unavailable"})
            response = HttpResponse(body, content_type="application/json", status=200 if ok else 503)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
