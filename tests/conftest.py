"""Shared fixtures: users per role, API clients with tokens, and the markers' skip rules."""

from __future__ import annotations

import os

import pytest
from rest_framework.test import APIClient

from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.accounts.scopes import SCOPES

from .factories import ClientFactory, UserFactory, WijkteamFactory

IS_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
HAS_BROKER = bool(os.environ.get("CELERY_BROKER_URL"))


def pytest_collection_modifyitems(config, items):
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    skip_worker = pytest.mark.skip(reason="needs a Redis broker: set CELERY_BROKER_URL=redis://… (CI does)")
    for item in items:
        if "postgres" in item.keywords and not IS_POSTGRES:
            item.add_marker(skip_pg)
        if "worker" in item.keywords and not HAS_BROKER:
            item.add_marker(skip_worker)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 costs ~0.3 s per user; tests create hundreds of users. Production keeps the default hashers."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run in-process in tests (also when CI sets CELERY_BROKER_URL); `worker` tests use the real broker."""
    from almelo_sociaal.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = "worker" not in request.keywords
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def without_the_calculation(monkeypatch):
    """For tests that type a decision's amount to pin cases' own rules: the apps on
    ``cases.hooks.draft_amount`` (the calculation of bijstand, whose deviation rule is tested in tests/bijstand)
    are left out. Use with ``pytest.mark.usefixtures("without_the_calculation")``."""
    from cases import hooks

    monkeypatch.setattr(hooks.draft_amount, "_functions", [])


@pytest.fixture
def wijkteam(db):
    return WijkteamFactory(code="binnenstad", name="Binnenstad-Hofkamp")


@pytest.fixture
def other_wijkteam(db):
    return WijkteamFactory(code="windmolenbroek", name="Windmolenbroek")


@pytest.fixture
def make_user(db):
    """make_user(role, wijkteam=None, **fields) -> user with that role (a Role or its value; None = no role)."""

    def _make(role=None, wijkteam=None, **fields):
        roles = [role] if role else []
        return UserFactory(roles=roles, wijkteam=wijkteam, **fields)

    return _make


@pytest.fixture
def coach(make_user, wijkteam):
    """A coach of ``wijkteam``."""
    return make_user(Role.COACH, wijkteam=wijkteam)


@pytest.fixture
def beheer(client, make_user):
    """Functioneel beheer (staff, superuser), logged in on the test client (the admin site)."""
    user = make_user(Role.BEHEER, is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def api_client_for():
    """api_client_for(user, token=False, scopes=None) -> an authenticated DRF APIClient.

    An API-client account gets a token; ``scopes=None`` gives it every scope of the catalogue (so a test of a
    role's rules is not a test of scopes), ``scopes=[...]`` exactly those. Anyone else a forced session."""

    def _client(user, token: bool = False, scopes=None):
        client = APIClient()
        if token or Role.API_CLIENT in {g.name for g in user.groups.all()}:
            granted = list(SCOPES) if scopes is None else list(scopes)
            _, key = ApiToken.issue(user=user, name="test", scopes=granted)
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        else:
            client.force_authenticate(user)
        return client

    return _client


@pytest.fixture
def client_in_team(db, wijkteam):
    return ClientFactory(wijkteam=wijkteam)


@pytest.fixture
def client_elsewhere(db, other_wijkteam):
    return ClientFactory(wijkteam=other_wijkteam)


# Every role, for table-driven permission tests.
ALL_ROLE_VALUES = [r.value for r in Role]
