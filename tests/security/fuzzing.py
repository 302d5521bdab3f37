"""Shared by test_api_fuzz.py (small, fixed seed, in CI) and fuzz.py (`make fuzz`, larger).

The OpenAPI schema is generated in-process by drf-spectacular (no HTTP, no database needed to load it) and the
requests go to Django's real WSGI handler, twice: with the session of a person who holds every human role (so
every operation and every write rule is reachable) and with the token of an API-client account holding every
scope. Tokens are for API-client accounts only, so a person is fuzzed through a session (with its CSRF token).
Checks: no 5xx, the response conforms to the schema, and every 4xx is problem details (RFC 9457,
``application/problem+json``) with a human ``detail`` (the project's error shape).
"""

from __future__ import annotations

import os
from datetime import date

import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "3"))
SEED = int(os.environ.get("FUZZ_SEED", "20261125"))
# The coverage phase adds boundary cases (many per operation) on top of max_examples: the long run only.
COVERAGE_PHASE = os.environ.get("FUZZ_COVERAGE", "") == "1"
# Strict (fuzz.py): known issues of other apps fail too, so the long run reports everything.
STRICT = os.environ.get("FUZZ_STRICT", "") == "1"

# Findings reported to their owners stay expected failures in CI until fixed, so the suite guards everything
# else. Each entry: (name, predicate on the failure text). The first run found two, both fixed in 7dcbdee
# (HTML 404 for a malformed id under /api/; blank choices missing from the schema enums).
KNOWN_ISSUES: list[tuple[str, object]] = []


def known_issue(failure: BaseException) -> str | None:
    """The known issue(s) explaining every failure in a schemathesis FailureGroup, or None."""
    names = set()
    for item in getattr(failure, "exceptions", None) or [failure]:
        text = (
            " ".join(str(getattr(item, attr, "")) for attr in ("code", "title", "message")) + " " + str(item)
        )
        match = next((name for name, predicate in KNOWN_ISSUES if predicate(text)), None)
        if match is None:
            return None
        names.add(match)
    return "; ".join(sorted(names))


def load_schema():
    from django.core.handlers.wsgi import WSGIHandler
    from drf_spectacular.generators import SchemaGenerator

    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = WSGIHandler()
    schema.config.seed = SEED
    schema.config.phases.coverage.enabled = COVERAGE_PHASE
    return schema


@schemathesis.check
def json_error_with_message(ctx, response, case):
    """Every 4xx answers problem details (the project's error shape) with a non-empty detail."""
    if 400 <= response.status_code < 500:
        content_type = next((v for k, v in response.headers.items() if k.lower() == "content-type"), "")
        content_type = content_type[0] if isinstance(content_type, list | tuple) else content_type
        assert content_type.startswith("application/problem+json"), (
            f"{response.status_code} zonder problem+json ({content_type})"
        )
        body = response.json()
        assert isinstance(body, dict) and isinstance(body.get("detail"), str) and body["detail"].strip(), (
            f"{response.status_code} zonder detail: {body!r}"
        )
    return None


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, json_error_with_message]


IDENTITIES = ("session", "token")


def seed(*, wijkteam_code: str = "fuzz") -> dict[str, dict[str, str]]:
    """A little data to hit real rows; per identity the request headers: the session (cookie and CSRF token) of
    a person with every human role, and the token of an API-client account with every scope."""
    from django.conf import settings
    from django.contrib.auth.models import Group
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from almelo_sociaal.accounts.models import ApiToken
    from almelo_sociaal.accounts.roles import Role
    from almelo_sociaal.accounts.scopes import SCOPES
    from tests.factories import AanvraagFactory, ClientFactory, DossierFactory, UserFactory, WijkteamFactory

    wijkteam = WijkteamFactory(code=wijkteam_code, name="Fuzz-wijk")
    person = UserFactory(username="fuzz-all-roles", wijkteam=wijkteam)
    person.groups.set([Group.objects.get_or_create(name=r.value)[0] for r in Role if r != Role.API_CLIENT])
    machine = UserFactory(username="fuzz-api-client", roles=[Role.API_CLIENT])
    for _ in range(3):
        client = ClientFactory(wijkteam=wijkteam)
        AanvraagFactory(client=client, aanvraagdatum=date(2026, 1, 5))
        DossierFactory(client=client)
    _, key = ApiToken.issue(user=machine, name="fuzz", scopes=list(SCOPES))
    browser = Client()
    browser.force_login(person)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    csrf = _get_new_csrf_string()
    return {
        "session": {
            "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}",
            "X-CSRFToken": csrf,
        },
        "token": {"Authorization": f"Token {key}"},
    }
