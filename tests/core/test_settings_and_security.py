import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from almelo_sociaal.accounts.roles import Role

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DJANGO_DEBUG",
            "DEBUG",
            "SECRET_KEY",
            "SECURE_SSL_REDIRECT",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "SECURE_COOKIES",
        }
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_secret_key_is_required_without_debug():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is verplicht" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 60 + "-production-like-key-for-the-deploy-check",
        ALLOWED_HOSTS="sociaal.almelo.nl",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_security_headers(client, make_user):
    client.force_login(make_user(Role.INTAKER))
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_dutch_ui_and_amsterdam_time(settings, client):
    assert settings.LANGUAGE_CODE == "nl" and settings.TIME_ZONE == "Europe/Amsterdam"
    assert 'lang="nl"' in client.get(reverse("login")).content.decode()


def test_healthz_is_open(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_legal_parameters_are_seeded_and_effective_dated():
    from datetime import date
    from decimal import Decimal

    from almelo_sociaal.parameters.selectors import MissingParameter, parameter_value

    assert parameter_value("vrijlating_medisch_max", date(2019, 6, 1)) == Decimal("132.56")
    assert parameter_value("vrijlating_medisch_max", date(2026, 1, 1)) == Decimal("180.19")
    assert parameter_value("wml_maand_21", date(2025, 12, 31)) == Decimal("2245.80")
    assert parameter_value("wml_maand_21", date(2026, 1, 1)) == Decimal("2294.40")
    with pytest.raises(MissingParameter):
        parameter_value("wml_maand_21", date(2020, 1, 1))


def test_committed_openapi_schema_is_current():
    """docs/openapi.yaml is the published contract; regenerate it with `make schema` after an API change."""
    result = _manage(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        "/dev/stdout",
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://schema@127.0.0.1:1/schema-only",
    )  # PostgreSQL's ranges; no connection
    assert result.returncode == 0, result.stderr[-2000:]
    committed = (ROOT / "docs" / "openapi.yaml").read_text()
    assert result.stdout.strip() == committed.strip(), "docs/openapi.yaml is out of date: run `make schema`"


@pytest.mark.django_db
def test_api_paths_answer_json_errors_even_without_a_route(client, make_user):
    client.force_login(make_user(Role.INTAKER))
    response = client.get("/api/v1/clienten/0.5")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["status"], body["code"], body["detail"]) == (404, "not_found", "Niet gevonden.")
    assert "<html" in client.get("/bestaat-niet/").content.decode().lower()
