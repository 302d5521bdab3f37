"""Security headers on every kind of response, and production cookie/HSTS settings.

tests/core/test_settings_and_security.py already checks `check --deploy` and the headers of the home page;
this suite checks the other kinds of response (login, 2FA, API, errors) and the production values.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _assert_hardened(response):
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_login_page_is_hardened(client):
    _assert_hardened(client.get(reverse("login")))


def test_lockout_page_is_hardened(client, make_user, settings):
    user = make_user(Role.COACH)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": user.username, "password": "fout"})
    assert response.status_code == 429
    _assert_hardened(response)


@pytest.mark.parametrize("url", ["/account/", "/clienten/", "/bestaat-niet/", "/api/v1/account"])
def test_pages_api_and_errors_are_hardened_and_not_cached(client, make_user, url):
    client.force_login(make_user(Role.INTAKER))
    response = client.get(url)
    _assert_hardened(response)
    assert response["Cache-Control"] == "no-store"


def test_forbidden_page_is_hardened_and_dutch(client, make_user):
    client.force_login(make_user(Role.FINANCE))
    response = client.get("/clienten/")
    assert response.status_code == 403 and "Geen toegang" in response.content.decode()
    _assert_hardened(response)


def test_api_errors_are_json_without_internals(client):
    response = client.get("/api/v1/account")
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()) == {
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "code",
        "message",
        "fields",
    }


def test_session_and_csrf_cookies_are_httponly_and_samesite(client, make_user, password):
    user = make_user(Role.COACH)
    response = Client().post(reverse("login"), {"username": user.username, "password": password})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_production_settings_secure_cookies_hsts_and_redirect():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_DEBUG", "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "PYTEST_VERSION"}
    }
    env.update(
        SECRET_KEY="x" * 64,
        ALLOWED_HOSTS="sociaal.almelo.nl",
        DJANGO_SETTINGS_MODULE="almelo_sociaal.settings",
    )
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: "
        "getattr(s, k) for k in ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', "
        "'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_HTTPONLY', 'X_FRAME_OPTIONS', 'SESSION_COOKIE_AGE', "
        "'SESSION_REFRESH_SECONDS', 'AXES_FAILURE_LIMIT']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SESSION_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
        "SESSION_COOKIE_AGE": 1800,
        "SESSION_REFRESH_SECONDS": 60,
        "AXES_FAILURE_LIMIT": 5,
    }
